// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 BTYPE 00): no compression,
// as the official Go UserSig generator writes (zlib level 0). Every inflater reads it,
// and building it in a few lines of JavaScript is several times faster than a call to
// zlib.deflateSync, whose fixed per-call cost dominates for a 200-byte document.
import { Buffer } from "node:buffer";

const MAX_STORED = 0xffff;
const ADLER_MOD = 65521;
/** Largest n such that 255·n·(n+1)/2 + (n+1)·(ADLER_MOD−1) fits in 2^32−1 (zlib's NMAX). */
const ADLER_NMAX = 5552;

/** Adler-32 checksum (RFC 1950 §9). */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  let i = 0;
  while (i < data.length) {
    const end = Math.min(i + ADLER_NMAX, data.length);
    for (; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return (b * 65536 + a) >>> 0;
}

/** Wraps `data` in a zlib stream of stored blocks (header 78 01: 32 KiB window, level 0). */
export function zlibStored(data: Uint8Array): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / MAX_STORED));
  const out = Buffer.allocUnsafe(2 + blocks * 5 + data.length + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let offset = 2;
  for (let block = 0; block < blocks; block++) {
    const start = block * MAX_STORED;
    const length = Math.min(MAX_STORED, data.length - start);
    out[offset] = block === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00, zero padding
    out.writeUInt16LE(length, offset + 1);
    out.writeUInt16LE(length ^ 0xffff, offset + 3);
    out.set(data.subarray(start, start + length), offset + 5);
    offset += 5 + length;
  }
  out.writeUInt32BE(adler32(data), offset);
  return out;
}
