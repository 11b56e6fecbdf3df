import type { Redis } from "ioredis";

/** Where cached reads live: in this process, or in Redis, shared by every instance. */
export interface CacheStore {
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}

/** Entries kept at most (the oldest go first beyond it). */
const MAX_ENTRIES = 100_000;

/** Cached reads of this process only (no Redis configured). */
export class MemoryCacheStore implements CacheStore {
  readonly #entries = new Map<string, { value: string; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    const now = this.#now();
    return keys.map((key) => {
      const entry = this.#entries.get(key);
      if (!entry) return null;
      if (entry.until <= now) {
        this.#entries.delete(key);
        return null;
      }
      return entry.value;
    });
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number): Promise<void> {
    const until = this.#now() + ttlMs;
    for (const [key, value] of entries) {
      this.#entries.delete(key);
      this.#entries.set(key, { value, until });
    }
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(key);
    }
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
