import type { Redis } from "ioredis";
import type { LRUCache } from "lru-cache";
import { boundedCache } from "../bounded-cache.js";

/** Where cached reads live: in this process, or in Redis, shared by every instance. */
export interface CacheStore {
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}

/** Entries kept at most (the least recently used go first beyond it). */
const MAX_ENTRIES = 100_000;

/** Cached reads of this process only (no Redis configured). */
export class MemoryCacheStore implements CacheStore {
  readonly #entries: LRUCache<string, string>;

  constructor(now?: () => number) {
    this.#entries = boundedCache(MAX_ENTRIES, now);
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return keys.map((key) => this.#entries.get(key) ?? null);
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number): Promise<void> {
    for (const [key, value] of entries) this.#entries.set(key, value, { ttl: ttlMs });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#entries.delete(key);
  }
}

/** Cached reads in Redis: one MGET per read, SET PX per answer, DEL on invalidation. */
export class RedisCacheStore implements CacheStore {
  readonly #redis: Redis;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    if (keys.length === 0) return [];
    return this.#redis.mget(...keys);
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const batch = this.#redis.pipeline();
    for (const [key, value] of entries) batch.set(key, value, "PX", ttlMs);
    await batch.exec();
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.#redis.del(...keys);
  }
}
