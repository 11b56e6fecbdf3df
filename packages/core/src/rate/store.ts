/** One bucket of one reservation: which, its shape, and what this call spends from it. */
export interface BucketSpend {
  key: string;
  intervalMs: number;
  burst: number;
  cost: number;
}

/** How full a bucket is after a reservation: 1 = all its burst saved up, 0 = none. */
export interface BucketLevel {
  fill: number;
  /** When the bucket is full again, as ms from now. */
  refillMs: number;
}

export type Reservation =
  | { ok: true; waitMs: number; levels: BucketLevel[] }
  | { ok: false; retryAfterMs: number };

/**
 * Where token buckets live: in this process, or in Redis so that every gateway instance of
 * an app spends the same buckets. Both run the same arithmetic (GCRA: a bucket is its
 * "theoretical arrival time", plus a rate factor that a vendor's 429 halves).
 */
export interface RateStore {
  /**
   * Takes `cost` from every bucket if all of them can give it within `maxWaitMs`, and
   * answers how long to wait before sending; otherwise takes nothing and answers how long
   * until they could.
   */
  reserve(spends: readonly BucketSpend[], maxWaitMs: number): Promise<Reservation>;
  /**
   * The vendor refused for rate anyway (its limit changed upstream): halve the buckets'
   * rate, recovering over RECOVERY_MS, and send nothing more through them for `pauseMs`.
   */
  penalize(spends: readonly BucketSpend[], pauseMs: number): Promise<void>;
}

/** A halved rate is back to full after this long (linearly). */
export const RECOVERY_MS = 30_000;
/** The lowest share of its rate a bucket is cut to. */
export const MIN_FACTOR = 1 / 16;
/** How long a bucket is remembered after it is full again (its rate factor recovers). */
export const KEEP_MS = RECOVERY_MS;

interface BucketState {
  tat: number;
  factor: number;
  factorAt: number;
}

/** A factor recovers linearly from when it was cut. */
export function effectiveFactor(factor: number, factorAt: number, now: number): number {
  return Math.min(1, factor + (now - factorAt) / RECOVERY_MS);
}

/** Token buckets of this process only (no Redis configured). */
export class MemoryRateStore implements RateStore {
  readonly #buckets = new Map<string, BucketState>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async reserve(spends: readonly BucketSpend[], maxWaitMs: number): Promise<Reservation> {
    const now = this.#now();
    const plans = spends.map((spend) => {
      const state = this.#state(spend.key, now);
      const interval = spend.intervalMs / effectiveFactor(state.factor, state.factorAt, now);
      const tat = Math.max(state.tat, now) + spend.cost * interval;
      const window = spend.burst * interval;
      return { state, tat, window, wait: Math.max(0, tat - window - now) };
    });
    const waitMs = Math.max(0, ...plans.map((p) => p.wait));
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: Math.ceil(waitMs) };
    for (const plan of plans) plan.state.tat = plan.tat;
    return {
      ok: true,
      waitMs: Math.ceil(waitMs),
      levels: plans.map((p) => ({
        fill: Math.min(1, Math.max(0, 1 - (p.tat - now) / p.window)),
        refillMs: Math.max(0, Math.ceil(p.tat - now)),
      })),
    };
  }

  async penalize(spends: readonly BucketSpend[], pauseMs: number): Promise<void> {
    const now = this.#now();
    for (const spend of spends) {
      const state = this.#state(spend.key, now);
      const factor = Math.max(MIN_FACTOR, effectiveFactor(state.factor, state.factorAt, now) / 2);
      const interval = spend.intervalMs / factor;
      state.factor = factor;
      state.factorAt = now;
      // The next call conforms no sooner than pauseMs from now.
      state.tat = Math.max(state.tat, now + pauseMs + (spend.burst - 1) * interval);
    }
  }

  #state(key: string, now: number): BucketState {
    let state = this.#buckets.get(key);
    if (state && state.tat + KEEP_MS < now) {
      this.#buckets.delete(key);
      state = undefined;
    }
    if (!state) {
      state = { tat: now, factor: 1, factorAt: now };
      this.#buckets.set(key, state);
    }
    return state;
  }
}
