import { fixedWindow } from "./limits.js";

/**
 * One bucket of one reservation: which, its shape, and what this call spends from it. With
 * `windowMs`, a fixed-window quota of `burst` per window (see BucketShape).
 */
export interface BucketSpend {
  key: string;
  intervalMs: number;
  burst: number;
  cost: number;
  windowMs?: number;
  offsetMs?: number;
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
/** A bucket's rate is cut at most this often (refusals of one overload come together). */
export const CUT_EVERY_MS = 1_000;
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

/** What a fixed-window quota has spent, in which window. */
interface WindowState {
  index: number;
  count: number;
  /** When the window ends (ms epoch). */
  until: number;
}

/** One spend's plan in a reservation: what to write if every spend can go. */
interface Plan {
  wait: number;
  commit(): void;
  level(): BucketLevel;
}

/** Token buckets of this process only (no Redis configured). */
export class MemoryRateStore implements RateStore {
  readonly #buckets = new Map<string, BucketState>();
  readonly #windows = new Map<string, WindowState>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async reserve(spends: readonly BucketSpend[], maxWaitMs: number): Promise<Reservation> {
    const now = this.#now();
    const plans = spends.map((spend) =>
      spend.windowMs ? this.#windowPlan(spend, now) : this.#bucketPlan(spend, now),
    );
    const waitMs = Math.max(0, ...plans.map((p) => p.wait));
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: Math.ceil(waitMs) };
    for (const plan of plans) plan.commit();
    return { ok: true, waitMs: Math.ceil(waitMs), levels: plans.map((p) => p.level()) };
  }

  #bucketPlan(spend: BucketSpend, now: number): Plan {
    const state = this.#state(spend.key, now);
    const interval = spend.intervalMs / effectiveFactor(state.factor, state.factorAt, now);
    const tat = Math.max(state.tat, now) + spend.cost * interval;
    const window = spend.burst * interval;
    return {
      wait: Math.max(0, tat - window - now),
      commit: () => {
        state.tat = tat;
      },
      level: () => ({
        fill: Math.min(1, Math.max(0, 1 - (tat - now) / window)),
        refillMs: Math.max(0, Math.ceil(tat - now)),
      }),
    };
  }

  /**
   * A quota: this window if it has room, else the next one, whose start is then the wait.
   * A state holds one window: one holding the next window means this one is full.
   */
  #windowPlan(spend: BucketSpend, now: number): Plan {
    const windowMs = spend.windowMs as number;
    const { index, endsAt } = fixedWindow(now, windowMs, spend.offsetMs ?? 0);
    const seen = this.#windows.get(spend.key);
    const inThis = seen?.index === index ? seen.count : 0;
    const inNext = seen?.index === index + 1 ? seen.count : 0;
    const here = inNext === 0 && inThis + spend.cost <= spend.burst;
    const count = (here ? inThis : inNext) + spend.cost;
    const until = here ? endsAt : endsAt + windowMs;
    // Not even the next window has room: ask again once it has begun.
    const wait = here ? 0 : count <= spend.burst ? endsAt - now : until - now;
    return {
      wait,
      commit: () => {
        this.#windows.set(spend.key, { index: here ? index : index + 1, count, until });
        if (this.#windows.size > 10_000) this.#forgetEnded(now);
      },
      level: () => ({
        fill: Math.max(0, 1 - count / spend.burst),
        refillMs: Math.max(0, Math.ceil(until - now)),
      }),
    };
  }

  #forgetEnded(now: number): void {
    for (const [key, w] of this.#windows) if (w.until <= now) this.#windows.delete(key);
  }

  async penalize(spends: readonly BucketSpend[], pauseMs: number): Promise<void> {
    const now = this.#now();
    for (const spend of spends) {
      if (spend.windowMs) {
        // The vendor counts this window spent: nothing more until the next one.
        const { index, endsAt } = fixedWindow(now, spend.windowMs, spend.offsetMs ?? 0);
        this.#windows.set(spend.key, { index, count: spend.burst, until: endsAt });
        continue;
      }
      const state = this.#state(spend.key, now);
      const current = effectiveFactor(state.factor, state.factorAt, now);
      // One overload shows as several refusals at once: the rate is cut once a second at most.
      const cut = current >= 1 || now - state.factorAt >= CUT_EVERY_MS;
      const factor = cut ? Math.max(MIN_FACTOR, current / 2) : current;
      const interval = spend.intervalMs / factor;
      if (cut) {
        state.factor = factor;
        state.factorAt = now;
      }
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
