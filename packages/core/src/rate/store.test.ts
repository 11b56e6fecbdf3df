import { describe, expect, it } from "vitest";
import { type BucketSpend, CUT_EVERY_MS, MemoryRateStore, RECOVERY_MS } from "./store.js";

// The arithmetic every store shares; the Redis store runs the same cases against a real
// redis-server in the gateway's tests (rate-shaping-redis.test.ts).

const spend = (key: string, intervalMs: number, burst: number, cost = 1): BucketSpend => ({
  key,
  intervalMs,
  burst,
  cost,
});

describe("MemoryRateStore", () => {
  it("gives a full burst at once, then one token per interval", async () => {
    let now = 1_000_000;
    const store = new MemoryRateStore(() => now);
    for (let i = 0; i < 3; i++) {
      expect(await store.reserve([spend("a", 100, 3)], 0)).toMatchObject({ ok: true, waitMs: 0 });
    }
    expect(await store.reserve([spend("a", 100, 3)], 0)).toEqual({ ok: false, retryAfterMs: 100 });
    // Within the wait allowed, the caller is told how long to wait, and the token is its own.
    expect(await store.reserve([spend("a", 100, 3)], 150)).toMatchObject({ ok: true, waitMs: 100 });
    expect(await store.reserve([spend("a", 100, 3)], 250)).toMatchObject({ ok: true, waitMs: 200 });
    now += 300;
    expect(await store.reserve([spend("a", 100, 3)], 0)).toMatchObject({ ok: true, waitMs: 0 });
  });

  it("takes nothing from any bucket when one of them refuses", async () => {
    const now = 5_000;
    const store = new MemoryRateStore(() => now);
    await store.reserve([spend("calls", 10, 1)], 0);
    const refused = await store.reserve([spend("items", 10, 5), spend("calls", 10, 1)], 0);
    expect(refused).toEqual({ ok: false, retryAfterMs: 10 });
    // "items" still has its whole burst of 5.
    for (let i = 0; i < 5; i++) {
      expect((await store.reserve([spend("items", 10, 5)], 0)).ok).toBe(true);
    }
    expect((await store.reserve([spend("items", 10, 5)], 0)).ok).toBe(false);
  });

  it("counts a call's cost in items", async () => {
    const store = new MemoryRateStore(() => 0);
    expect(await store.reserve([spend("m", 10, 20, 15)], 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.reserve([spend("m", 10, 20, 15)], 1000)).toMatchObject({
      ok: true,
      waitMs: 100,
    });
  });

  it("reports how full the bucket is left", async () => {
    let now = 0;
    const store = new MemoryRateStore(() => now);
    const first = await store.reserve([spend("f", 100, 4)], 0);
    expect(first).toMatchObject({ ok: true, levels: [{ fill: 0.75, refillMs: 100 }] });
    now += 100;
    const second = await store.reserve([spend("f", 100, 4)], 0);
    expect(second).toMatchObject({ ok: true, levels: [{ fill: 0.75 }] });
  });

  it("after a vendor refusal: pauses the bucket, halves its rate, and recovers it over time", async () => {
    let now = 0;
    const store = new MemoryRateStore(() => now);
    await store.penalize([spend("p", 10, 1)], 500);
    expect(await store.reserve([spend("p", 10, 1)], 0)).toEqual({ ok: false, retryAfterMs: 500 });
    now = 500;
    expect((await store.reserve([spend("p", 10, 1)], 0)).ok).toBe(true);
    // Half rate: the next token comes after 20 ms, not 10.
    expect(await store.reserve([spend("p", 10, 1)], 100)).toMatchObject({ ok: true, waitMs: 20 });
    // Fully recovered after RECOVERY_MS: back to one token per 10 ms.
    now += RECOVERY_MS;
    await store.reserve([spend("p", 10, 1)], 0);
    expect(await store.reserve([spend("p", 10, 1)], 100)).toMatchObject({ ok: true, waitMs: 10 });
  });

  it("cuts the rate no lower than a sixteenth however often the vendor refuses", async () => {
    let now = 0;
    const store = new MemoryRateStore(() => now);
    for (let i = 0; i < 10; i++) {
      now += CUT_EVERY_MS; // a refusal every second: each cuts again
      await store.penalize([spend("q", 10, 1)], 0);
    }
    await store.reserve([spend("q", 10, 1)], 10_000);
    expect(await store.reserve([spend("q", 10, 1)], 10_000)).toMatchObject({ waitMs: 160 });
  });

  it("cuts the rate once for refusals that come together (one overload)", async () => {
    let now = 0;
    const store = new MemoryRateStore(() => now);
    for (let i = 0; i < 14; i++) await store.penalize([spend("c", 10, 1)], 0);
    await store.reserve([spend("c", 10, 1)], 10_000);
    // Halved once: one token per 20 ms, not per 160 ms.
    expect(await store.reserve([spend("c", 10, 1)], 10_000)).toMatchObject({ waitMs: 20 });
    now += CUT_EVERY_MS;
    await store.penalize([spend("c", 10, 1)], 0); // a second later: cut again
    await store.reserve([spend("c", 10, 1)], 10_000);
    const again = await store.reserve([spend("c", 10, 1)], 10_000);
    expect(again.ok && again.waitMs).toBeGreaterThan(30);
  });
});

describe("MemoryRateStore fixed-window quotas", () => {
  const DAY = 86_400_000;
  // A day from UTC+8 midnight: windows start at 16:00 UTC.
  const quota = (key: string, burst: number, cost = 1): BucketSpend => ({
    key,
    intervalMs: DAY / burst,
    burst,
    cost,
    windowMs: DAY,
    offsetMs: 8 * 3_600_000,
  });
  const utc = (iso: string) => Date.parse(iso);

  it("gives the whole budget at once and refuses until the vendor's next midnight", async () => {
    let now = utc("2026-12-06T17:00:00Z"); // 01:00 in Beijing
    const store = new MemoryRateStore(() => now);
    for (let i = 0; i < 3; i++) {
      expect(await store.reserve([quota("q", 3)], 0)).toMatchObject({ ok: true, waitMs: 0 });
    }
    const nextMidnight = utc("2026-12-07T16:00:00Z");
    expect(await store.reserve([quota("q", 3)], 0)).toEqual({
      ok: false,
      retryAfterMs: nextMidnight - now,
    });
    now = nextMidnight - 1;
    expect((await store.reserve([quota("q", 3)], 0)).ok).toBe(false);
    now = nextMidnight;
    const next = await store.reserve([quota("q", 3)], 0);
    expect(next).toMatchObject({ ok: true, levels: [{ refillMs: DAY }] });
    expect(next.ok && next.levels[0]?.fill).toBeCloseTo(2 / 3);
  });

  it("a wait allowed past midnight spends from the next window", async () => {
    const now = utc("2026-12-07T15:59:59.500Z");
    const store = new MemoryRateStore(() => now);
    await store.reserve([quota("q", 1)], 0);
    expect(await store.reserve([quota("q", 1)], 1000)).toMatchObject({ ok: true, waitMs: 500 });
    // Both windows are spent: the next chance is the window after.
    expect(await store.reserve([quota("q", 1)], 1000)).toEqual({
      ok: false,
      retryAfterMs: 500 + DAY,
    });
  });

  it("a vendor refusal spends the rest of the window", async () => {
    const now = utc("2026-12-06T17:00:00Z");
    const store = new MemoryRateStore(() => now);
    await store.reserve([quota("q", 100)], 0);
    await store.penalize([quota("q", 100)], 1000);
    expect((await store.reserve([quota("q", 100)], 0)).ok).toBe(false);
  });
});
