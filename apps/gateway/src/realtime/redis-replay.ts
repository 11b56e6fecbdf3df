import type { Redis } from "ioredis";
import { type ClaimOutcome, outcomeOf, payloadOf, type ReplayStore, recordOf } from "./replay.js";

/** The replay store shared by every instance: SET NX PX claims, keys expire in Redis. */
export class RedisReplayStore implements ReplayStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = "imgraph:replay:") {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimOutcome> {
    const k = this.#prefix + key;
    for (let attempt = 0; attempt < 3; attempt++) {
      const set = await this.#redis.set(k, recordOf("p", fingerprint), "PX", ttlMs, "NX");
      if (set === "OK") return "claimed";
      const stored = await this.#redis.get(k);
      // Expired between the two calls: claim again.
      if (stored !== null) return outcomeOf(stored, fingerprint);
    }
    return "pending";
  }

  async complete(key: string, fingerprint: string, ttlMs: number, payload?: string) {
    await this.#redis.set(this.#prefix + key, recordOf("d", fingerprint, payload), "PX", ttlMs);
  }

  async payload(key: string): Promise<string | null> {
    return payloadOf(await this.#redis.get(this.#prefix + key));
  }

  async release(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  async swap(key: string, value: string, ttlMs: number): Promise<string | null> {
    // SET … GET (Redis 6.2+) writes and answers the old value in one command.
    return this.#redis.set(this.#prefix + key, value, "PX", ttlMs, "GET");
  }

  size(): number {
    return 0; // held by Redis, which expires them
  }

  async close(): Promise<void> {}
}
