import { ImError, InternalError } from "./errors.js";
import { progressReporter } from "./progress.js";
import { type ItemResult, itemError } from "./results.js";

export interface BatchOptions<K, V> {
  /** Largest number of keys one vendor call takes. */
  size: number;
  /** Vendor calls in flight at once. */
  concurrency?: number;
  keyOf: (key: K) => string;
  /** One vendor call for a chunk; may answer for only some keys (the rest become errors). */
  run: (chunk: K[]) => Promise<ItemResult<V>[]>;
  /** The error for a key the vendor call did not answer for. */
  missing?: (key: string) => ImError;
}

/**
 * Splits keys into chunks of the vendor's per-call limit, runs the chunks in parallel
 * under a concurrency cap, and answers one result per key in the order the keys came
 * (a repeated key is sent once and answered at each place).
 * A chunk whose call fails as a whole fails each of its keys with that error. A batch of more
 * than one call tells the operation's progress reporter (if any) after each call.
 */
export async function runBatched<K, V>(
  keys: K[],
  options: BatchOptions<K, V>,
): Promise<ItemResult<V>[]> {
  const size = Math.max(1, Math.floor(options.size));
  // A key asked twice is sent once and answered at each of its places.
  const seen = new Set<string>();
  const unique = keys.filter((key) => {
    const k = options.keyOf(key);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const chunks = chunked(unique, size);

  const answers = new Map<string, ItemResult<V>>();
  const report = chunks.length > 1 ? progressReporter() : undefined;
  let done = 0;
  await forEachLimited(chunks, options.concurrency ?? 4, async (chunk) => {
    try {
      await runChunk(chunk);
    } finally {
      done += chunk.length;
      report?.(done, unique.length);
    }
  });

  async function runChunk(chunk: K[]): Promise<void> {
    let results: ItemResult<V>[];
    try {
      results = await options.run(chunk);
    } catch (error) {
      // Only our own errors become per-key answers; anything else is a bug and propagates.
      if (!(error instanceof ImError)) throw error;
      for (const key of chunk)
        answers.set(options.keyOf(key), itemError(options.keyOf(key), error));
      return;
    }
    for (const result of results) answers.set(result.key, result);
  }

  return keys.map((key) => {
    const k = options.keyOf(key);
    return (
      answers.get(k) ??
      itemError<V>(k, options.missing?.(k) ?? new InternalError(`No answer for ${k}.`))
    );
  });
}

/**
 * runBatched over ids that are their own keys: chunks of `size` ids, `ctx.concurrency`
 * chunks at once, one answer per id in the ids' order (most vendor batch calls take ids so).
 */
export function runIdBatches<V>(
  ctx: { concurrency?: number },
  ids: string[],
  size: number,
  run: (chunk: string[]) => Promise<ItemResult<V>[]>,
): Promise<ItemResult<V>[]> {
  return runBatched(ids, { size, concurrency: ctx.concurrency, keyOf: (id) => id, run });
}

/**
 * runBatched for vendor calls that take one item each: `ctx.concurrency` calls at once, one
 * answer per key in the items' order (a repeated key is run once). `run` may answer
 * undefined: that key then gets runBatched's "no answer" error.
 */
export function runEach<T, V>(
  ctx: { concurrency?: number },
  items: T[],
  keyOf: (item: T) => string,
  run: (item: T) => Promise<ItemResult<V> | undefined>,
): Promise<ItemResult<V>[]> {
  return runBatched(items, {
    size: 1,
    concurrency: ctx.concurrency,
    keyOf,
    run: async (chunk) => {
      const result = await run(chunk[0] as T);
      return result ? [result] : [];
    },
  });
}

/** Runs `task` over items with at most `limit` in flight; rejects on the first failure. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker);
  await Promise.all(workers);
}

/** Items in order, in runs of `size` (the last may be shorter); none for no items. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drops repeated keys, keeping the first; batch APIs answer once per distinct key. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
