import type { VendorRequest } from "../http/types.js";

/**
 * One published vendor limit: at most `limit` per `windowSeconds`, counted in calls, or in
 * items where the vendor counts what a call carries (RongCloud counts a message to N groups
 * as N; Tencent's batch send counts each recipient).
 */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
  counts?: "calls" | "items";
  /**
   * "fixed": the vendor counts per calendar window (a day from its midnight), so the whole
   * budget may go at once and comes back when the next window starts; `utcOffsetHours`
   * places the windows (8: a day from Beijing midnight). Default "sliding": any window of
   * that length stays under the limit, so calls are paced.
   */
  window?: "sliding" | "fixed";
  utcOffsetHours?: number;
}

/** A vendor's published limits, declared by its adapter (docs/vendors/<vendor>.md). */
export interface VendorRateLimits {
  /** The API a request spends: each API has buckets of its own. */
  api(request: VendorRequest): string;
  /** The limits of most APIs. */
  readonly default: readonly RateLimit[];
  /** The APIs whose limits differ from the default. */
  readonly apis: Readonly<Record<string, readonly RateLimit[]>>;
  /** What a call counts against limits counted in items (recipients, groups); 1 by default. */
  items?(api: string, request: VendorRequest): number;
}

/** The most common published limit: `limit` calls a second. */
export function perSecond(limit: number): RateLimit[] {
  return [{ limit, windowSeconds: 1 }];
}

/**
 * A token bucket, in GCRA terms: one token every `intervalMs`, at most `burst` saved up. Or,
 * with `windowMs`, a fixed-window quota: `burst` per window, windows starting `offsetMs`
 * before each multiple of `windowMs` since the epoch.
 */
export interface BucketShape {
  intervalMs: number;
  burst: number;
  windowMs?: number;
  offsetMs?: number;
}

/**
 * Limits of 20 and more keep 10% back for what bunches calls between their release and the
 * vendor's clock (event loops, connection queues): measured at up to 10% of a second's
 * budget when three gateways start under overload (BENCHMARKS.md, three instances).
 */
const HEADROOM = 0.9;
/** The share of a limit that may go out at once; the rest is paced. */
const BURST_SHARE = 1 / 20;

/**
 * The bucket that keeps every window of the limit's length at or under the limit: a burst
 * of B plus one token per interval may send B + (W / interval) − 1 calls in any window W,
 * so the interval is W / (usable − B + 1). Small limits are paced exactly (B = 1).
 *
 * Limits counted in items are the exception: one call may carry hundreds of recipients,
 * so the whole window's budget may go at once (B = usable, refilled over the window). After
 * an idle window a vendor counting strictly could then see up to twice its limit; the
 * back-off on its refusal absorbs that rare case, where pacing would hold every large
 * send for seconds.
 */
export function bucketShape(limit: RateLimit): BucketShape {
  const windowMs = limit.windowSeconds * 1000;
  if (limit.window === "fixed") {
    const offsetMs = (limit.utcOffsetHours ?? 0) * 3_600_000;
    return { intervalMs: windowMs / limit.limit, burst: limit.limit, windowMs, offsetMs };
  }
  if (limit.counts === "items") {
    const usable = limit.limit < 20 ? limit.limit : Math.floor(limit.limit * HEADROOM);
    return { intervalMs: windowMs / usable, burst: usable };
  }
  if (limit.limit < 20) return { intervalMs: windowMs / limit.limit, burst: 1 };
  const usable = Math.floor(limit.limit * HEADROOM);
  const burst = Math.max(1, Math.floor(usable * BURST_SHARE));
  return { intervalMs: windowMs / (usable - burst + 1), burst };
}

/** "200 calls per 1 s", for messages; a fixed window says where it starts. */
export function describeLimit(limit: RateLimit): string {
  const per = `${limit.limit} ${limit.counts === "items" ? "items" : "calls"} per ${limit.windowSeconds} s`;
  if (limit.window !== "fixed") return per;
  const offset = limit.utcOffsetHours ?? 0;
  return `${per} window from ${offset === 0 ? "UTC" : `UTC${offset > 0 ? "+" : ""}${offset}`} midnight`;
}

/** The window a fixed-window quota is in at `now`: its index and when it ends (ms epoch). */
export function fixedWindow(now: number, windowMs: number, offsetMs: number) {
  const index = Math.floor((now + offsetMs) / windowMs);
  return { index, endsAt: (index + 1) * windowMs - offsetMs };
}

/** A limit from a config or an adapter's table that can shape a bucket. */
export function isRateLimit(value: RateLimit): boolean {
  return (
    Number.isInteger(value.limit) &&
    value.limit >= 1 &&
    Number.isFinite(value.windowSeconds) &&
    value.windowSeconds > 0 &&
    (value.utcOffsetHours === undefined ||
      (Number.isFinite(value.utcOffsetHours) && Math.abs(value.utcOffsetHours) <= 14))
  );
}
