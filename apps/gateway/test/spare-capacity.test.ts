import { MemoryRateStore, RateShaper, type VendorRequest } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { spareCapacity } from "../src/spare-capacity.js";

// When merged reads may go beside those on their way: budget and CPU to spare.

const request: VendorRequest = { operation: "getUsers", path: "/users", idempotent: true };

describe("spareCapacity", () => {
  it("has room with no shaper, or while no call of the app waited for rate tokens lately", async () => {
    expect(spareCapacity(undefined)()).toBe(true);
    const shaper = new RateShaper({
      app: "a",
      vendor: "tencent",
      limits: { api: (r) => r.path, default: [{ limit: 20, windowSeconds: 1 }], apis: {} },
      store: new MemoryRateStore(),
    });
    let now = Date.now();
    const room = spareCapacity(shaper, () => now);
    expect(room()).toBe(true); // nothing used yet
    await shaper.acquire(request, 5_000);
    expect(room()).toBe(true); // the first call found its token at once
    await shaper.acquire(request, 5_000); // 20/s paced: this one waits ~55 ms
    expect(room()).toBe(false);
    now += 2_500;
    expect(room()).toBe(true);
  });

  it("has no room while the event loop is busy", async () => {
    const room = spareCapacity(undefined);
    room(); // starts sampling
    const until = Date.now() + 600;
    while (Date.now() < until) {
      // Busy for the sampler's whole period (it runs when the loop is free).
      await new Promise((r) => setImmediate(r));
      const spin = Date.now() + 20;
      while (Date.now() < spin);
    }
    expect(room()).toBe(false);
  });
});
