import { describe, expect, it } from "vitest";
import { FaultStore, validateFaultSpec } from "./faults.js";

describe("FaultStore", () => {
  it("applies a fault after N matches, for `times` times, then drops it", () => {
    const store = new FaultStore();
    store.add({ route: "/a", kind: "reset-before", after: 1, times: 2 });
    expect(store.plan("/a").fault).toBeUndefined(); // skipped (after: 1)
    expect(store.plan("/b").fault).toBeUndefined(); // other route
    expect(store.plan("/a").fault?.kind).toBe("reset-before");
    expect(store.plan("/a").fault?.kind).toBe("reset-before");
    expect(store.plan("/a").fault).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it("sums latencies and picks one terminal fault; '*' matches every route", () => {
    const store = new FaultStore();
    store.add({ route: "*", kind: "latency", ms: 5 });
    store.add({ route: "/a", kind: "latency", ms: 7, phase: "after" });
    store.add({ route: "/a", kind: "malformed" });
    store.add({ route: "*", kind: "http-error", times: 1 });
    const plan = store.plan("/a");
    expect(plan).toMatchObject({
      latencyBeforeMs: 5,
      latencyAfterMs: 7,
      fault: { kind: "malformed" },
    });
    // The http-error fault was not counted for /a, so it still applies once elsewhere.
    expect(store.plan("/z").fault?.kind).toBe("http-error");
    expect(store.plan("/z").fault).toBeUndefined();
  });

  it("removes faults by id and rejects bad specs", () => {
    const store = new FaultStore();
    const f = store.add({ route: "/a", kind: "no-answer-after" });
    expect(store.remove(f.id)).toBe(true);
    expect(store.remove(f.id)).toBe(false);
    expect(() => validateFaultSpec({ route: "/a", kind: "explode" })).toThrow(/kind/);
    expect(() => validateFaultSpec({ kind: "malformed" })).toThrow(/route/);
    expect(() => validateFaultSpec({ route: "/a", kind: "latency" })).toThrow(/ms/);
    expect(() => validateFaultSpec({ route: "/a", kind: "http-error", status: 404 })).toThrow(
      /500/,
    );
    expect(() => validateFaultSpec({ route: "/a", kind: "vendor-error" })).toThrow(/code/);
    expect(() => validateFaultSpec({ route: "/a", kind: "reset-after", times: -1 })).toThrow(
      /times/,
    );
  });
});
