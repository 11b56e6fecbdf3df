import type { LRUCache } from "lru-cache";
import { boundedCache } from "../bounded-cache.js";

/**
 * Remembers which callback deliveries (and idempotent writes, `idempotency.ts`) were seen,
 * so that one delivery is published at most once. A key is first *claimed* (before publishing), then *completed* (after the
 * PubSub accepted the events) or *released* (publishing failed: the vendor's retry may
 * try again). Each record holds a fingerprint of the body, to tell a vendor's identical
 * retry from a captured signature reused on another body.
 */
export type ClaimOutcome =
  /** Never seen: go ahead and publish. */
  | "claimed"
  /** Seen, published, same body: a retry or a replay of an accepted delivery. */
  | "done"
  /** Seen, still being published (by this or another instance). */
  | "pending"
  /** Seen with another body: the signature was reused. */
  | "conflict";

export interface ReplayStore {
  claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimOutcome>;
  /** Marks the key done; `payload` (an idempotent write's answer) is kept with it. */
  complete(key: string, fingerprint: string, ttlMs: number, payload?: string): Promise<void>;
  /** The payload a done key was completed with; null when none (or not done). */
  payload(key: string): Promise<string | null>;
  release(key: string): Promise<void>;
  /**
   * Sets `key` to `value` and answers what it held before (null: nothing), in one atomic
   * step: two instances swapping the same key see each other's value, never both null.
   */
  swap(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** Entries held (memory store) — a bounded number. */
  size(): number;
  close(): Promise<void>;
}

/** A record is `<state>:<fingerprint>`, then the payload after a newline when there is one. */
export function outcomeOf(stored: string, fingerprint: string): ClaimOutcome {
  const end = stored.indexOf("\n");
  const head = end < 0 ? stored : stored.slice(0, end);
  const [state, print] = [head.slice(0, 2), head.slice(2)];
  if (print !== fingerprint) return "conflict";
  return state === "d:" ? "done" : "pending";
}

export function recordOf(state: "p" | "d", fingerprint: string, payload?: string): string {
  return payload === undefined ? `${state}:${fingerprint}` : `${state}:${fingerprint}\n${payload}`;
}

export function payloadOf(stored: string | null | undefined): string | null {
  if (!stored?.startsWith("d:")) return null;
  const end = stored.indexOf("\n");
  return end < 0 ? null : stored.slice(end + 1);
}

/** One instance: a bounded map with expiry; the least recently used go first when full. */
export class MemoryReplayStore implements ReplayStore {
  readonly #entries: LRUCache<string, string>;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#entries = boundedCache(options.maxEntries ?? 100_000, options.now);
  }

  async claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimOutcome> {
    const found = this.#entries.get(key);
    if (found !== undefined) return outcomeOf(found, fingerprint);
    this.#entries.set(key, recordOf("p", fingerprint), { ttl: ttlMs });
    return "claimed";
  }

  async complete(key: string, fingerprint: string, ttlMs: number, payload?: string) {
    this.#entries.set(key, recordOf("d", fingerprint, payload), { ttl: ttlMs });
  }

  async payload(key: string): Promise<string | null> {
    return payloadOf(this.#entries.get(key));
  }

  async release(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async swap(key: string, value: string, ttlMs: number): Promise<string | null> {
    const found = this.#entries.get(key);
    this.#entries.set(key, value, { ttl: ttlMs });
    return found ?? null;
  }

  size(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
