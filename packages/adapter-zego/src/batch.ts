import {
  type CallOptions,
  type ImError,
  type ItemResult,
  itemError,
  NotFoundError,
  runBatched,
} from "@imgraph/core";
import { type ZegoCall, type ZegoContext, zim } from "./context.js";
import { type FailedItem, failedItemsOf, failureList, zegoError } from "./errors.js";

export type Answer = Record<string, unknown>;

export interface PerItemOptions<T> {
  /** The keys (user ids) the call was about, in order. */
  keys: string[];
  call: () => Promise<Answer>;
  /** The result of a key the answer did not list as failed (undefined: not answered). */
  ok: (key: string, answer: Answer) => ItemResult<T> | undefined;
  /** Overrides the error of a failed item (e.g. a SubCode that means "offline"). */
  failed?: (key: string, subCode: number) => ItemResult<T> | undefined;
  /** The error of a key the answer neither listed as done nor as failed (default NOT_FOUND). */
  missing?: (key: string) => ImError;
}

/**
 * Runs one batch Action and answers per key (§1.8): Code 0 with a failure list is partial
 * success; a non-zero Code with the list filled fails the listed keys with their SubCode
 * and any other key with the call's error; without a list the call's error is thrown.
 */
export async function perItem<T>(options: PerItemOptions<T>): Promise<ItemResult<T>[]> {
  let answer: Answer | undefined;
  let failures: FailedItem[];
  let whole: ImError | undefined;
  try {
    answer = await options.call();
    failures = failureList(answer);
  } catch (error) {
    const items = failedItemsOf(error);
    if (!items) throw error;
    failures = items;
    whole = error as ImError;
  }
  const byKey = new Map(failures.map((f) => [f.userId, f.subCode]));
  return options.keys.map((key) => {
    const subCode = byKey.get(key);
    if (subCode !== undefined) {
      return options.failed?.(key, subCode) ?? itemError(key, itemErrorOf(key, subCode));
    }
    if (answer) {
      return (
        options.ok(key, answer) ??
        itemError(
          key,
          options.missing?.(key) ??
            new NotFoundError(`ZEGO gave no answer for ${key}.`, { vendor: "zego" }),
        )
      );
    }
    return itemError(key, whole as ImError);
  });
}

/** The error of one failed item, naming it. */
export function itemErrorOf(key: string, subCode: number): ImError {
  return zegoError("zim", subCode, undefined, {}, key).error;
}

/** A ZIM batch Action over any number of keys (user ids). */
export interface ZimBatch<T> extends Omit<PerItemOptions<T>, "keys" | "call"> {
  /** The most keys one call takes (ZEGO's limit for the Action). */
  size: number;
  /** Calls in flight at once (default: the app's concurrency). */
  concurrency?: number;
  /** The call for one chunk of keys. */
  call: (chunk: string[]) => ZegoCall;
}

/**
 * Runs a ZIM batch Action over `keys`: split into calls of `size` keys, each answered per
 * key (perItem), all answered in key order (a repeated key is sent once).
 */
export function zimBatch<T>(
  ctx: ZegoContext,
  keys: string[],
  batch: ZimBatch<T>,
  options?: CallOptions,
): Promise<ItemResult<T>[]> {
  const { size, concurrency, call, ...answers } = batch;
  return runBatched(keys, {
    size,
    concurrency: concurrency ?? ctx.concurrency,
    keyOf: (key) => key,
    run: (chunk) =>
      perItem<T>({ ...answers, keys: chunk, call: () => zim<Answer>(ctx, call(chunk), options) }),
  });
}
