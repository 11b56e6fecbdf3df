import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { constants, deflateSync, inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { deflateEndBit, isCanonicalZlib } from "./deflate-end.js";

function samples(): Buffer[] {
  const out: Buffer[] = [Buffer.alloc(0), Buffer.from("a"), Buffer.alloc(300, 0x41)];
  for (let i = 0; i < 40; i++) {
    out.push(
      Buffer.from(JSON.stringify({ "TLS.identifier": randomBytes(i).toString("hex"), n: i })),
    );
    out.push(randomBytes(i * 37));
  }
  out.push(Buffer.alloc(70_000, 0x20)); // several blocks
  out.push(randomBytes(70_000)); // several stored blocks
  return out;
}

const STRATEGIES = [
  constants.Z_DEFAULT_STRATEGY,
  constants.Z_FILTERED,
  constants.Z_HUFFMAN_ONLY,
  constants.Z_RLE,
  constants.Z_FIXED,
];

describe("isCanonicalZlib", () => {
  test("accepts everything zlib writes, at every level and strategy", () => {
    const rejected: string[] = [];
    for (const data of samples()) {
      for (let level = 0; level <= 9; level++) {
        for (const strategy of STRATEGIES) {
          const packed = deflateSync(data, { level, strategy });
          if (!isCanonicalZlib(packed)) rejected.push(`${data.length}/${level}/${strategy}`);
        }
      }
    }
    expect(rejected).toEqual([]);
  });

  test("finds the exact end bit: a set padding bit is refused although zlib ignores it", () => {
    let tried = 0;
    for (const data of samples().slice(0, 60)) {
      for (const level of [0, 1, 6, 9]) {
        const packed = deflateSync(data, { level });
        const trailer = packed.length - 4;
        const end = deflateEndBit(packed, 2, trailer);
        expect(end).toBeDefined();
        const unused = trailer * 8 - (end ?? 0);
        expect(unused).toBeGreaterThanOrEqual(0);
        expect(unused).toBeLessThan(8);
        for (let bit = 8 - unused; bit < 8; bit++) {
          const dirty = Buffer.from(packed);
          dirty[trailer - 1] = (dirty[trailer - 1] ?? 0) | (1 << bit);
          expect(inflateSync(dirty)).toEqual(data); // zlib does not care...
          expect(isCanonicalZlib(dirty)).toBe(false); // ...we do
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(20);
  });

  test("refuses set padding bits in a stored block header", () => {
    const packed = deflateSync(Buffer.from("hello"), { level: 0 });
    expect(packed[2]).toBe(0x01); // BFINAL=1, BTYPE=00, 5 padding bits
    for (let bit = 3; bit < 8; bit++) {
      const dirty = Buffer.from(packed);
      dirty[2] = (dirty[2] ?? 0) | (1 << bit);
      expect(inflateSync(dirty).toString()).toBe("hello");
      expect(isCanonicalZlib(dirty)).toBe(false);
    }
  });

  test("refuses trailing bytes and concatenated streams", () => {
    const packed = deflateSync(Buffer.from("hello world"));
    expect(isCanonicalZlib(Buffer.concat([packed, Buffer.from([0])]))).toBe(false);
    expect(isCanonicalZlib(Buffer.concat([packed, packed]))).toBe(false);
  });

  test("never throws on garbage", () => {
    for (let i = 0; i < 2000; i++) {
      const junk = randomBytes(i % 120);
      expect(typeof isCanonicalZlib(junk)).toBe("boolean");
      expect(isCanonicalZlib(Buffer.concat([Buffer.from([0x78, 0x9c]), junk]))).toBeTypeOf(
        "boolean",
      );
    }
  });
});
