import { describe, expect, it } from "vitest";
import { createClock } from "./clock.js";

describe("clock", () => {
  it("offsets, jumps, freezes and unfreezes", () => {
    let real = 1_000;
    const clock = createClock(() => real);
    /** The emulated time once the real clock has moved to `ms`. */
    const nowAtReal = (ms: number) => {
      real = ms;
      return clock.now();
    };
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    clock.freeze();
    expect(nowAtReal(2_000)).toBe(1_500);
    // Frozen, advance and set still move it.
    clock.advance(100);
    clock.set(10_000);
    expect(clock.now()).toBe(10_000);
    clock.unfreeze();
    expect(nowAtReal(2_050)).toBe(10_050);
    clock.setOffset(0);
    expect(clock.now()).toBe(2_050);
  });
});
