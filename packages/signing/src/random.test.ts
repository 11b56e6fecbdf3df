import { describe, expect, test } from "vitest";
import { randomBuffer, randomHex } from "./random.js";

describe("pooled randomness", () => {
  test("hex nonces: right shape, never repeated, across many pool refills", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const nonce = randomHex(8);
      expect(nonce).toMatch(/^[0-9a-f]{16}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(20_000);
  });

  test("buffers are copies that later draws do not overwrite", () => {
    const first = randomBuffer(12);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1000; i++) randomBuffer(12);
    expect(first).toEqual(copy);
    expect(first.length).toBe(12);
  });

  test("byte values are spread out", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2000; i++) {
      for (const b of randomBuffer(32)) counts[b] = (counts[b] ?? 0) + 1;
    }
    // 64,000 bytes: each value expected 250 times; a broken pool (zeros, repeats) fails this.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(350);
  });
});
