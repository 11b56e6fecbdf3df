import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors.js";
import type { VendorRequest } from "../http/types.js";
import { countOf } from "./request-fields.js";
import { type RateEvent, RateShaper } from "./shaper.js";
import { MemoryRateStore, type RateStore } from "./store.js";

const limits = {
  api: (request: VendorRequest) => request.path,
  default: [{ limit: 2, windowSeconds: 1 }],
  apis: {
    "/batch": [
      { limit: 100, windowSeconds: 1 },
      { limit: 10, windowSeconds: 1, counts: "items" as const },
    ],
  },
  items: (_api: string, request: VendorRequest) => countOf(request, "to"),
};

const request = (path: string, to?: string[]): VendorRequest => ({
  operation: "op",
  path,
  idempotent: true,
  ...(to ? { body: { type: "json", value: { to } } } : {}),
});

function shaper(store: RateStore = new MemoryRateStore(), extra = {}) {
  const events: RateEvent[] = [];
  const s = new RateShaper({
    app: "chat",
    vendor: "tencent",
    limits,
    store,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { s, events };
}

describe("RateShaper", () => {
  it("waits for a token within the deadline, and reports the wait", async () => {
    const { s, events } = shaper();
    await s.acquire(request("/a"), 5_000);
    await s.acquire(request("/a"), 5_000);
    const started = Date.now();
    await s.acquire(request("/a"), 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(events.map((e) => e.outcome)).toEqual(["sent", "sent", "sent"]);
    expect(events[2]?.waitMs).toBeGreaterThanOrEqual(400);
    expect(events[2]).toMatchObject({ app: "chat", vendor: "tencent", api: "/a" });
  });

  it("answers RATE_LIMITED with retryAfter when the deadline cannot be met, spending nothing", async () => {
    const { s, events } = shaper();
    await s.acquire(request("/a"), 5_000);
    const error = await s.acquire(request("/a"), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      vendor: "tencent",
      operation: "op",
      retryAfter: 1,
    });
    expect((error as Error).message).toContain("2 calls per 1 s");
    expect(events.at(-1)).toMatchObject({ outcome: "refused" });
    // The refusal took no token: the next caller with time to wait still gets one.
    await s.acquire(request("/a"), 5_000);
  });

  it("counts items where the vendor counts them, per API", async () => {
    const { s } = shaper();
    await s.acquire(request("/batch", ["a", "b", "c", "d", "e", "f", "g", "h"]), 5_000);
    // 8 of 10 items spent: two more fit now, three do not within 50 ms.
    await expect(s.acquire(request("/batch", ["x", "y", "z"]), 50)).rejects.toThrow(
      RateLimitedError,
    );
    await s.acquire(request("/batch", ["x", "y"]), 50);
  });

  it("takes the config's limits over the vendor's for an API", async () => {
    const { s } = shaper(new MemoryRateStore(), {
      overrides: { "/a": [{ limit: 1, windowSeconds: 10 }] },
    });
    await s.acquire(request("/a"), 10);
    // The vendor's 2/s would allow the next call after 0.5 s; the config's 1 per 10 s not.
    await expect(s.acquire(request("/a"), 1_000)).rejects.toMatchObject({ retryAfter: 10 });
  });

  it("sends unshaped when the store fails (the vendor's own limit still guards)", async () => {
    const broken: RateStore = {
      reserve: () => Promise.reject(new Error("redis down")),
      penalize: () => Promise.reject(new Error("redis down")),
    };
    const { s, events } = shaper(broken);
    await s.acquire(request("/a"), 1_000);
    await s.penalize(request("/a"), 10);
    expect(events.map((e) => e.outcome)).toEqual(["unshaped", "backoff"]);
  });

  it("a vendor refusal pauses the API's bucket for the vendor's retry-after", async () => {
    const { s, events } = shaper();
    await s.penalize(request("/a"), 2_000);
    await expect(s.acquire(request("/a"), 1_000)).rejects.toMatchObject({ retryAfter: 2 });
    expect(events[0]).toMatchObject({ outcome: "backoff", api: "/a", waitMs: 2_000 });
  });

  it("reports each API's bucket level, refilling as time passes", async () => {
    let now = 0;
    const { s } = shaper(new MemoryRateStore(() => now), { now: () => now });
    await s.acquire(request("/a"), 0);
    expect(s.levels()).toEqual([{ api: "/a", fill: 0 }]);
    now = 250;
    expect(s.levels()[0]?.fill).toBeCloseTo(0.5);
    now = 2_000;
    expect(s.levels()).toEqual([{ api: "/a", fill: 1 }]);
  });

  it("a call woken late (a stalled event loop) takes a fresh slot instead of joining the bunch", async () => {
    let stall = 0;
    const now = () => Date.now() + stall;
    const { s, events } = shaper(new MemoryRateStore(now), { now });
    await s.acquire(request("/a"), 5_000);
    setTimeout(() => {
      stall = 300;
    }, 100);
    await s.acquire(request("/a"), 5_000);
    // Due after 500 ms, woken 300 ms late: a second reservation for the next free slot.
    expect(events.map((e) => e.outcome)).toEqual(["sent", "sent", "sent"]);
    expect(events[2]?.waitMs).toBeGreaterThan(100);
  });

  it("stops waiting when the caller's signal aborts", async () => {
    const { s } = shaper();
    await s.acquire(request("/a"), 5_000);
    await s.acquire(request("/a"), 5_000);
    const controller = new AbortController();
    const waiting = s.acquire(request("/a"), 5_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
