import { LRUCache } from "lru-cache";

/**
 * A bounded in-process map whose entries expire (each `set` gives its own `ttl`): the
 * memory stores of one instance (replay, read cache, presence) hold at most `max` entries,
 * the least recently used going first. `now` is the clock (tests); time is read on every
 * check (`ttlResolution` 0), so a moved test clock is seen at once; a clock reading 0 is
 * taken for "no time" by lru-cache, so test clocks start later.
 */
export function boundedCache<V extends {}>(max: number, now?: () => number): LRUCache<string, V> {
  return new LRUCache<string, V>({ max, ttlResolution: 0, ...(now ? { perf: { now } } : {}) });
}
