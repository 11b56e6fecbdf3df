/**
 * Fixed-window rate limiter keyed by app + route. A request has a cost (RongCloud counts a
 * message to N recipients as N), and a route may carry several rules at once (e.g. 2 per
 * hour AND 3 per day). Vendors' exact window semantics are unverified; fixed windows are
 * the simplest deterministic choice and are driven by the emulated clock.
 */
export type RateWindow = "second" | "minute" | "hour" | "day";

export interface RateRule {
  limit: number;
  window: RateWindow;
  /**
   * Shift of window boundaries, ms: e.g. +8 h makes "day" a Beijing calendar day.
   * Windows are aligned on epoch + alignOffsetMs.
   */
  alignOffsetMs?: number;
}

export type RateDecision =
  | { ok: true }
  | { ok: false; rule: RateRule; retryAfterMs: number; used: number };

const WINDOW_MS: Record<RateWindow, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

interface Bucket {
  start: number;
  used: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  enabled: boolean;

  constructor(enabled = true) {
    this.enabled = enabled;
  }

  /**
   * Check all rules and, only if every one allows it, spend `cost` on each. A refused
   * request costs nothing.
   */
  consume(
    app: string,
    route: string,
    rules: readonly RateRule[],
    cost: number,
    now: number,
  ): RateDecision {
    if (!this.enabled || rules.length === 0) return { ok: true };
    const spend = Math.max(1, cost);
    const touched: Bucket[] = [];
    for (const rule of rules) {
      const size = WINDOW_MS[rule.window];
      const align = rule.alignOffsetMs ?? 0;
      const start = Math.floor((now + align) / size) * size - align;
      const key = `${app}\u0000${route}\u0000${rule.limit}/${rule.window}`;
      let bucket = this.buckets.get(key);
      if (!bucket || bucket.start !== start) {
        bucket = { start, used: 0 };
        this.buckets.set(key, bucket);
      }
      if (bucket.used + spend > rule.limit) {
        return { ok: false, rule, retryAfterMs: start + size - now, used: bucket.used };
      }
      touched.push(bucket);
    }
    for (const bucket of touched) bucket.used += spend;
    return { ok: true };
  }

  /** Forget counters: all, or those of one app. */
  reset(app?: string): void {
    if (app === undefined) {
      this.buckets.clear();
      return;
    }
    const prefix = `${app}\u0000`;
    for (const key of this.buckets.keys()) if (key.startsWith(prefix)) this.buckets.delete(key);
  }
}
