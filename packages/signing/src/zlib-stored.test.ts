import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { isCanonicalZlib } from "./deflate-end.js";
import { adler32, zlibStored } from "./zlib-stored.js";

describe("zlibStored", () => {
  test("is what zlib itself writes at level 0 (up to zlib's own block size)", () => {
    for (const size of [0, 1, 2, 100, 255, 5552, 5553, 16384]) {
      const data = randomBytes(size);
      expect(zlibStored(data).equals(deflateSync(data, { level: 0 }))).toBe(true);
    }
  });

  test("inflates back, across block boundaries, and is canonical", () => {
    for (const size of [0, 1, 190, 65534, 65535, 65536, 131071, 131070, 200_000]) {
      const data = randomBytes(size);
      const packed = zlibStored(data);
      expect(inflateSync(packed).equals(data)).toBe(true);
      expect(isCanonicalZlib(packed)).toBe(true);
    }
  });

  test("header and first block", () => {
    const packed = zlibStored(Buffer.from("hello"));
    expect(packed.subarray(0, 7).toString("hex")).toBe("7801010500faff");
  });
});

describe("adler32", () => {
  test("known values", () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(Buffer.from("Wikipedia"))).toBe(0x11e60398);
    // Long runs of 0xff exercise the deferred modulo.
    const ff = Buffer.alloc(100_000, 0xff);
    expect(adler32(ff)).toBe(
      deflateSync(ff, { level: 0 }).readUInt32BE(deflateSync(ff, { level: 0 }).length - 4),
    );
  });
});
