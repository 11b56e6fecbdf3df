import { describe, expect, it } from "vitest";
import { bucketShape, describeLimit, fixedWindow, isRateLimit, type RateLimit } from "./limits.js";
import { MemoryRateStore } from "./store.js";

/**
 * A greedy caller sends whenever the bucket lets it, for `windows` windows of the limit:
 * answers the send times (fake clock, 1 ms steps).
 */
async function greedySends(limit: RateLimit, windows: number): Promise<number[]> {
  let now = 0;
  const store = new MemoryRateStore(() => now);
  const shape = bucketShape(limit);
  const windowMs = limit.windowSeconds * 1000;
  const sends: number[] = [];
  while (now < windows * windowMs) {
    const r = await store.reserve([{ key: "k", ...shape, cost: 1 }], 0);
    if (r.ok) sends.push(now);
    else now += Math.max(1, Math.min(r.retryAfterMs, windowMs / 10));
  }
  return sends;
}

/** The most sends in any window [t, t + length) that starts at a send. */
function busiestWindow(sends: number[], length: number): number {
  let most = 0;
  let j = 0;
  for (let i = 0; i < sends.length; i++) {
    while (j < sends.length && (sends[j] as number) < (sends[i] as number) + length) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe("bucket shapes from published limits", () => {
  const limits: RateLimit[] = [
    { limit: 200, windowSeconds: 1 },
    { limit: 100, windowSeconds: 1 },
    { limit: 20, windowSeconds: 1 },
    { limit: 10, windowSeconds: 1 },
    { limit: 1, windowSeconds: 1 },
    { limit: 12_000, windowSeconds: 60 },
    { limit: 2, windowSeconds: 3600 },
  ];

  it("lets a call counted in items spend a whole window's budget at once", async () => {
    const store = new MemoryRateStore(() => 0);
    const shape = bucketShape({ limit: 6000, windowSeconds: 60, counts: "items" });
    expect(shape.burst).toBe(5400);
    expect(await store.reserve([{ key: "m", ...shape, cost: 1000 }], 0)).toMatchObject({
      ok: true,
      waitMs: 0,
    });
  });

  for (const limit of limits) {
    it(`never sends more than ${limit.limit} in any ${limit.windowSeconds} s, and uses most of it (${limit.limit}/${limit.windowSeconds}s)`, async () => {
      const windows = 5;
      const sends = await greedySends(limit, windows);
      expect(busiestWindow(sends, limit.windowSeconds * 1000)).toBeLessThanOrEqual(limit.limit);
      // Sustained use: at least 85% of what the vendor allows over the run.
      expect(sends.length).toBeGreaterThanOrEqual(Math.floor(limit.limit * windows * 0.85));
    });
  }

  it("keeps headroom only on limits of 20 and more", () => {
    expect(bucketShape({ limit: 10, windowSeconds: 1 })).toEqual({ intervalMs: 100, burst: 1 });
    const big = bucketShape({ limit: 200, windowSeconds: 1 });
    expect(big.burst).toBe(9);
    expect(1000 / big.intervalMs + big.burst - 1).toBeLessThanOrEqual(180);
  });
});

describe("fixed-window quotas", () => {
  it("are shaped as the whole budget per calendar window, and say where windows start", () => {
    const daily = {
      limit: 100,
      windowSeconds: 86_400,
      window: "fixed",
      utcOffsetHours: 8,
    } as const;
    expect(bucketShape(daily)).toEqual({
      intervalMs: 864_000,
      burst: 100,
      windowMs: 86_400_000,
      offsetMs: 28_800_000,
    });
    expect(describeLimit(daily)).toBe("100 calls per 86400 s window from UTC+8 midnight");
    expect(describeLimit({ limit: 3, windowSeconds: 86_400, window: "fixed" })).toBe(
      "3 calls per 86400 s window from UTC midnight",
    );
    expect(isRateLimit(daily)).toBe(true);
    expect(isRateLimit({ ...daily, utcOffsetHours: 20 })).toBe(false);
  });

  it("place a window's end at the vendor's next midnight", () => {
    const at = Date.parse("2026-12-06T15:00:00Z"); // 23:00 in Beijing
    expect(fixedWindow(at, 86_400_000, 28_800_000).endsAt).toBe(Date.parse("2026-12-06T16:00:00Z"));
  });
});
