import {
  BadUserInputError,
  type CallOptions,
  type IdCodec,
  type VendorClient,
} from "@imgraph/core";
import type { TencentGroupType } from "./options.js";

/** What every operation needs: the signed client, the id codec and the app's identity. */
export interface TencentContext {
  client: VendorClient;
  ids: IdCodec;
  appId: string;
  sdkAppId: number;
  key: string;
  groupType: TencentGroupType;
  extraProfileTag: string | undefined;
  concurrency: number;
  now: () => number;
}

/**
 * One REST call: POST /v4/{service}/{command} with a JSON body (never empty — Tencent
 * wants at least `{}`). `idempotent` says whether repeating it after a lost answer is
 * harmless (reads, and writes Tencent deduplicates or that converge).
 */
export function call<T>(
  ctx: TencentContext,
  operation: string,
  command: string,
  body: Record<string, unknown>,
  options: CallOptions | undefined,
  idempotent: boolean,
  /** Answer keys holding uint64 values, read as decimal strings (VendorRequest). */
  exactIntegerKeys?: readonly string[],
): Promise<T> {
  return ctx.client.call({
    operation,
    path: `/v4/${command}`,
    body: { type: "json", value: body },
    idempotent,
    ...(exactIntegerKeys ? { exactIntegerKeys } : {}),
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  }) as Promise<T>;
}

/** Opaque cursors: base64url JSON tagged with the list they belong to. */
export function encodeCursor(list: string, value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ l: list, ...value })).toString("base64url");
}

export function decodeCursor(
  list: string,
  cursor: string | null | undefined,
): Record<string, unknown> | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw cursorError();
  }
  if (typeof value !== "object" || value === null || (value as { l?: unknown }).l !== list) {
    throw cursorError();
  }
  return value as Record<string, unknown>;
}

/** A non-negative integer field of a cursor. */
export function cursorInt(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw cursorError();
  return value;
}

export function cursorError(): BadUserInputError {
  return new BadUserInputError("cursor", "cursor is not a cursor this list gave out.");
}

/** Unix seconds (Tencent's times) to a Date; null when absent. */
export function fromUnixSeconds(value: unknown): Date | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
