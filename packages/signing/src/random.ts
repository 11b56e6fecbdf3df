// Cryptographically secure random bytes for nonces, served from a small pool.
// crypto.randomBytes costs about a microsecond per call whatever the size, which would be
// most of the cost of signing a request; drawing 4 KiB at a time and handing out each
// byte once keeps the same CSPRNG output at a fraction of the cost.
import { Buffer } from "node:buffer";
import { randomFillSync } from "node:crypto";

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/** Reserves `n` (≤ 4096) unused random bytes of the pool; returns their start offset. */
function take(n: number): number {
  if (used + n > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const start = used;
  used += n;
  return start;
}

/** `n` random bytes as 2n lowercase hex characters. */
export function randomHex(n: number): string {
  const start = take(n);
  return pool.toString("hex", start, start + n);
}

/** `n` random bytes in a new Buffer. */
export function randomBuffer(n: number): Buffer {
  const start = take(n);
  return Buffer.from(pool.subarray(start, start + n));
}
