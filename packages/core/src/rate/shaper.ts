import { setTimeout as sleep } from "node:timers/promises";
import { RateLimitedError } from "../errors.js";
import type { VendorRequest } from "../http/types.js";
import type { Vendor } from "../model/app.js";
import {
  type BucketShape,
  bucketShape,
  describeLimit,
  type RateLimit,
  type VendorRateLimits,
} from "./limits.js";
import type { BucketSpend, RateStore, Reservation } from "./store.js";

/** What the shaper did for one call: for metrics (every value is bounded). */
export interface RateEvent {
  app: string;
  vendor: Vendor;
  api: string;
  /**
   * sent: the call got its tokens (after `waitMs`, maybe 0); refused: not within its
   * deadline; backoff: the vendor refused for rate and the buckets shrank; unshaped: the
   * store failed and the call went out unshaped (the vendor's own limit still guards).
   */
  outcome: "sent" | "refused" | "backoff" | "unshaped";
  waitMs: number;
}

/** How full one API's tightest bucket was at its last use, now. */
export interface ApiLevel {
  api: string;
  fill: number;
}

export interface RateShaperOptions {
  /** The gateway's app id: buckets are per app. */
  app: string;
  vendor: Vendor;
  limits: VendorRateLimits;
  /** Limits the config sets per API, replacing the adapter's. */
  overrides?: Readonly<Record<string, readonly RateLimit[]>>;
  store: RateStore;
  /** Prefix of bucket keys (the realtime key prefix, for Redis). */
  keyPrefix?: string;
  onEvent?: (event: RateEvent) => void;
  now?: () => number;
}

interface Planned {
  api: string;
  limits: readonly RateLimit[];
  shapes: BucketShape[];
  keys: string[];
}

/** The longest a call keeps back of its deadline for the vendor call itself. */
const CALL_RESERVE_MS = 1_000;
/**
 * A wake-up this much later than due counts as late (see acquire). Calls late by less bunch
 * by at most this much of a second's budget: 5% of it, half the headroom kept on limits ≥ 20.
 */
const LATE_MS = 50;
/**
 * Fresh slots a late call takes at most, before it goes anyway. A late call's own slot has
 * passed unused: each fresh one costs budget, so one at most (a starved event loop would
 * otherwise spend two or three slots per call and serve a third of the vendor's budget).
 */
const MAX_LATE_ROUNDS = 1;

/**
 * Keeps one app's calls under its vendor's published limits: each call takes tokens from
 * its API's buckets before it is sent, waiting for them within its deadline; only when
 * the deadline cannot be met does it fail, with RATE_LIMITED and when to retry.
 */
export class RateShaper {
  readonly #options: RateShaperOptions;
  readonly #plans = new Map<string, Planned>();
  /** Per API: when its tightest bucket is full again (ms epoch) and its level then. */
  readonly #levels = new Map<string, { at: number; fill: number; refillMs: number }>();
  readonly #now: () => number;
  #lastWaitAt = Number.NEGATIVE_INFINITY;

  constructor(options: RateShaperOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get app(): string {
    return this.#options.app;
  }

  get vendor(): Vendor {
    return this.#options.vendor;
  }

  /** When a call of this app last had to wait for its tokens (-Infinity: never). */
  get lastWaitAt(): number {
    return this.#lastWaitAt;
  }

  /**
   * Waits until the call may be sent. Throws RateLimitedError when that is later than the
   * deadline allows (keeping time back for the call itself), or the caller's abort.
   */
  async acquire(request: VendorRequest, remainingMs: number, signal?: AbortSignal): Promise<void> {
    const api = this.#options.limits.api(request);
    const plan = this.#plan(api);
    const spends = this.#spends(plan, request);
    const deadline = this.#now() + remainingMs;
    for (let round = 0; ; round++) {
      const left = deadline - this.#now();
      const maxWaitMs = Math.max(0, left - Math.min(CALL_RESERVE_MS, left / 2));
      let reservation: Reservation;
      try {
        reservation = await this.#options.store.reserve(spends, maxWaitMs);
      } catch {
        this.#emit(api, "unshaped", 0);
        return;
      }
      if (!reservation.ok) {
        this.#emit(api, "refused", reservation.retryAfterMs);
        throw this.#refusal(request, api, plan, reservation.retryAfterMs);
      }
      const lowest = reservation.levels.reduce((a, b) => (b.fill < a.fill ? b : a));
      this.#levels.set(api, { at: this.#now(), ...lowest });
      this.#emit(api, "sent", reservation.waitMs);
      if (reservation.waitMs <= 0) return;
      this.#lastWaitAt = this.#now();
      const due = this.#now() + reservation.waitMs;
      await sleep(reservation.waitMs, undefined, { signal });
      // Woken late (a busy event loop): the calls due meanwhile go out together, so this
      // one takes a fresh slot rather than add to the bunch the vendor would count.
      if (this.#now() - due <= LATE_MS || round >= MAX_LATE_ROUNDS) return;
    }
  }

  #refusal(request: VendorRequest, api: string, plan: Planned, retryAfterMs: number) {
    const limits = plan.limits.map(describeLimit).join(" and ");
    return new RateLimitedError(
      `${this.vendor} ${api} is at its rate limit (${limits}) for longer than this request's deadline allows.`,
      {
        vendor: this.vendor,
        operation: request.operation,
        retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)),
      },
    );
  }

  /** The vendor refused a call for rate: shrink that API's buckets and pause them. */
  async penalize(request: VendorRequest, pauseMs = 1_000): Promise<void> {
    const api = this.#options.limits.api(request);
    const plan = this.#plan(api);
    try {
      await this.#options.store.penalize(this.#spends(plan, request), pauseMs);
    } catch {
      // The store is down: the vendor's own retry-after still spaces the retry.
    }
    this.#emit(api, "backoff", pauseMs);
  }

  /** How full each used API's tightest bucket is now, as far as this instance saw last. */
  levels(): ApiLevel[] {
    const now = this.#now();
    return [...this.#levels].map(([api, seen]) => {
      const refilled =
        seen.refillMs <= 0 ? 1 : seen.fill + ((1 - seen.fill) * (now - seen.at)) / seen.refillMs;
      return { api, fill: Math.min(1, Math.max(0, refilled)) };
    });
  }

  #plan(api: string): Planned {
    let plan = this.#plans.get(api);
    if (!plan) {
      const { limits, overrides } = this.#options;
      const chosen = overrides?.[api] ?? limits.apis[api] ?? limits.default;
      const prefix = `${this.#options.keyPrefix ?? ""}rate:{${this.app}:${api}}:`;
      plan = {
        api,
        limits: chosen,
        shapes: chosen.map(bucketShape),
        keys: chosen.map((limit) => `${prefix}${limit.limit}/${limit.windowSeconds}`),
      };
      this.#plans.set(api, plan);
    }
    return plan;
  }

  #spends(plan: Planned, request: VendorRequest): BucketSpend[] {
    return plan.shapes.map((shape, i) => ({
      key: plan.keys[i] as string,
      ...shape,
      cost: plan.limits[i]?.counts === "items" ? this.#items(plan.api, request) : 1,
    }));
  }

  #items(api: string, request: VendorRequest): number {
    const items = this.#options.limits.items?.(api, request) ?? 1;
    return Number.isFinite(items) ? Math.max(1, Math.floor(items)) : 1;
  }

  #emit(api: string, outcome: RateEvent["outcome"], waitMs: number): void {
    this.#options.onEvent?.({ app: this.app, vendor: this.vendor, api, outcome, waitMs });
  }
}
