import { ImError, type ItemResult, type SentMessage } from "@imgraph/core";

/**
 * A send's results as the idempotency store kept them (JSON), rebuilt: dates become Dates
 * again and errors ImErrors, with the fields ImError.toJSON kept (never more than a client
 * was shown).
 */
export function storedSendResults(stored: unknown): ItemResult<SentMessage>[] {
  return (stored as StoredResult[]).map((r) =>
    r.ok
      ? { key: r.key, ok: true, value: { ...r.value, sentAt: new Date(r.value.sentAt) } }
      : { key: r.key, ok: false, error: storedError(r.error) },
  );
}

type StoredResult =
  | { key: string; ok: true; value: SentMessage & { sentAt: string } }
  | { key: string; ok: false; error: StoredError };

type StoredError = Pick<ImError, "code" | "message"> &
  Partial<Pick<ImError, "vendor" | "vendorCode" | "retryAfter" | "field" | "operation" | "rule">>;

function storedError(e: StoredError): ImError {
  return new ImError(e.code, e.message, {
    ...(e.vendor ? { vendor: e.vendor } : {}),
    ...(e.vendorCode ? { vendorCode: e.vendorCode } : {}),
    ...(e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : {}),
    ...(e.field ? { field: e.field } : {}),
    ...(e.operation ? { operation: e.operation } : {}),
    ...(e.rule ? { rule: e.rule } : {}),
  });
}
