/**
 * Remembers which callback deliveries were seen, so that one delivery is published at
 * most once. A key is first *claimed* (before publishing), then *completed* (after the
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
  complete(key: string, fingerprint: string, ttlMs: number): Promise<void>;
  release(key: string): Promise<void>;
  /** Entries held (memory store) — a bounded number. */
  size(): number;
  close(): Promise<void>;
}

export function outcomeOf(stored: string, fingerprint: string): ClaimOutcome {
  const [state, print] = [stored.slice(0, 2), stored.slice(2)];
  if (print !== fingerprint) return "conflict";
  return state === "d:" ? "done" : "pending";
}

/** One instance: a bounded map with expiry; the oldest entries go first when full. */
export class MemoryReplayStore implements ReplayStore {
  readonly #entries = new Map<string, { value: string; expires: number }>();
  readonly #max: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#max = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimOutcome> {
    const now = this.#now();
    const found = this.#entries.get(key);
    if (found && found.expires > now) return outcomeOf(found.value, fingerprint);
    this.#set(key, `p:${fingerprint}`, now + ttlMs);
    return "claimed";
  }

  async complete(key: string, fingerprint: string, ttlMs: number): Promise<void> {
    this.#set(key, `d:${fingerprint}`, this.#now() + ttlMs);
  }

  async release(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  size(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  #set(key: string, value: string, expires: number): void {
    this.#entries.delete(key); // re-insert: Map order is insertion order, oldest first
    this.#entries.set(key, { value, expires });
    // Full: the oldest go first (Map order is insertion order).
    for (const k of this.#entries.keys()) {
      if (this.#entries.size <= this.#max) break;
      this.#entries.delete(k);
    }
  }
}
