// Finds, bit-exactly, where a raw deflate stream (RFC 1951) ends, and checks that the
// bits padding it to byte boundaries are zero. It walks the Huffman codes without
// producing output: zlib has already inflated (and checksummed) the stream; this only
// answers what zlib does not expose, so that a UserSig with flipped padding bits (which
// inflates to the very same document) can be refused as non-canonical.

/** Extra bits of length symbols 257..285 and distance symbols 0..29. */
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** Order in which code-length code lengths are stored in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

function table(symbols: number): Huffman {
  return { count: new Uint16Array(MAX_BITS + 1), symbol: new Uint16Array(symbols) };
}

const offsets = new Uint16Array(MAX_BITS + 2);

/** Builds the code for `lengths[0..n)` into `into`; false when over-subscribed. */
function huffman(lengths: Uint8Array, from: number, n: number, into: Huffman): boolean {
  const { count, symbol } = into;
  count.fill(0);
  for (let s = 0; s < n; s++) {
    const length = lengths[from + s] as number;
    count[length] = (count[length] as number) + 1;
  }
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - (count[len] as number);
    if (left < 0) return false;
  }
  offsets[1] = 0;
  for (let len = 1; len <= MAX_BITS; len++) {
    offsets[len + 1] = (offsets[len] as number) + (count[len] as number);
  }
  for (let s = 0; s < n; s++) {
    const length = lengths[from + s] as number;
    if (length !== 0) {
      const at = offsets[length] as number;
      symbol[at] = s;
      offsets[length] = at + 1;
    }
  }
  return true;
}

function fixedCodes(): { lengths: Huffman; distances: Huffman } {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  const fixed = { lengths: table(288), distances: table(30) };
  huffman(lengths, 0, 288, fixed.lengths);
  huffman(new Uint8Array(30).fill(5), 0, 30, fixed.distances);
  return fixed;
}

const FIXED = fixedCodes();

// Scratch tables for dynamic blocks. The walk is synchronous and never re-entered, so one
// set suffices; this keeps a verification free of per-block allocations.
const DYNAMIC = { lengths: table(288), distances: table(32) };
const CODE_LENGTH_CODE = table(19);
const codeLengthLengths = new Uint8Array(19);
const dynamicLengths = new Uint8Array(286 + 30);

/**
 * LSB-first bit reader over bytes [start, limit). Reading past the limit yields zero bits
 * and flags `overrun`; callers check the flag at block boundaries and in loops.
 */
class Bits {
  overrun = false;
  private next: number;
  private buffer = 0;
  private held = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly limit: number,
  ) {
    this.next = start;
  }

  /** Bit position of the next unread bit, from the start of `data`. */
  get pos(): number {
    return this.next * 8 - this.held;
  }

  private refill(): void {
    if (this.next < this.limit) {
      this.buffer |= (this.data[this.next] as number) << this.held;
    } else {
      this.overrun = true;
    }
    this.next++;
    this.held += 8;
  }

  /** Reads n bits (n <= 16), least significant first. */
  bits(n: number): number {
    while (this.held < n) this.refill();
    const value = this.buffer & ((1 << n) - 1);
    this.buffer >>>= n;
    this.held -= n;
    return value;
  }

  /** Drops the bits up to the next byte boundary and returns them. */
  align(): number {
    return this.bits(this.held & 7);
  }

  /** Skips whole bytes (only when aligned). */
  skipBytes(n: number): void {
    const buffered = this.held >> 3;
    const fromBuffer = Math.min(buffered, n);
    this.bits(fromBuffer * 8);
    this.next += n - fromBuffer;
    if (this.next > this.limit) this.overrun = true;
  }

  decode(code: Huffman): number {
    const { count, symbol } = code;
    let bits = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      if (this.held === 0) this.refill();
      bits |= this.buffer & 1;
      this.buffer >>>= 1;
      this.held--;
      const n = count[len] as number;
      if (bits - n < first) return symbol[index + bits - first] as number;
      index += n;
      first = (first + n) << 1;
      bits <<= 1;
    }
    return -1;
  }
}

function dynamicCodes(r: Bits): { lengths: Huffman; distances: Huffman } | undefined {
  const literalCount = r.bits(5) + 257;
  const distanceCount = r.bits(5) + 1;
  const codeLengthCount = r.bits(4) + 4;
  if (literalCount > 286 || distanceCount > 30) return undefined;
  codeLengthLengths.fill(0);
  for (let i = 0; i < codeLengthCount; i++) {
    codeLengthLengths[CODE_LENGTH_ORDER[i] as number] = r.bits(3);
  }
  if (!huffman(codeLengthLengths, 0, 19, CODE_LENGTH_CODE)) return undefined;
  const total = literalCount + distanceCount;
  const lengths = dynamicLengths;
  let i = 0;
  while (i < total) {
    const symbol = r.decode(CODE_LENGTH_CODE);
    if (symbol < 0 || r.overrun) return undefined;
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) return undefined;
      value = lengths[i - 1] as number;
      repeat = 3 + r.bits(2);
    } else if (symbol === 17) {
      repeat = 3 + r.bits(3);
    } else {
      repeat = 11 + r.bits(7);
    }
    if (i + repeat > total) return undefined;
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (!huffman(lengths, 0, literalCount, DYNAMIC.lengths)) return undefined;
  if (!huffman(lengths, literalCount, distanceCount, DYNAMIC.distances)) return undefined;
  return DYNAMIC;
}

function skipCodes(r: Bits, codes: { lengths: Huffman; distances: Huffman }): boolean {
  for (;;) {
    if (r.overrun) return false;
    const symbol = r.decode(codes.lengths);
    if (symbol < 0) return false;
    if (symbol < 256) continue;
    if (symbol === 256) return true;
    const extra = LENGTH_EXTRA[symbol - 257];
    if (extra === undefined) return false;
    r.bits(extra);
    const distance = r.decode(codes.distances);
    const distanceExtra = DISTANCE_EXTRA[distance];
    if (distanceExtra === undefined) return false;
    r.bits(distanceExtra);
  }
}

/**
 * Returns the bit position just after the final block of the raw deflate stream that
 * starts at byte `startByte` of `data` and may not extend past byte `endByte`; or
 * undefined when the stream is invalid, runs past `endByte`, or has a stored block whose
 * alignment padding bits are not zero.
 */
export function deflateEndBit(
  data: Uint8Array,
  startByte: number,
  endByte: number,
): number | undefined {
  const r = new Bits(data, startByte, endByte);
  for (;;) {
    const final = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      if (r.align() !== 0) return undefined;
      const length = r.bits(16);
      r.bits(16); // one's complement of the length, checked by zlib
      r.skipBytes(length);
    } else if (type === 1) {
      if (!skipCodes(r, FIXED)) return undefined;
    } else if (type === 2) {
      const codes = dynamicCodes(r);
      if (codes === undefined || !skipCodes(r, codes)) return undefined;
    } else {
      return undefined;
    }
    if (r.overrun) return undefined;
    if (final === 1) return r.pos;
  }
}

/**
 * True when `data` holds a zlib stream (2-byte header, deflate data, 4-byte Adler-32)
 * whose deflate data ends exactly before the trailer with all padding bits zero: the
 * only encoding any known generator produces for its content.
 */
export function isCanonicalZlib(data: Uint8Array): boolean {
  const trailer = data.length - 4;
  if (trailer < 3) return false;
  const end = deflateEndBit(data, 2, trailer);
  if (end === undefined || Math.ceil(end / 8) !== trailer) return false;
  const unused = trailer * 8 - end;
  return unused === 0 || (data[trailer - 1] ?? 0) >> (8 - unused) === 0;
}
