import { randomBytes } from "node:crypto";

/**
 * Tencent's uint64 fields (the `Next` cursor of get_appid_group_list, tencent.md §3.x) go
 * past 2^53, where a JS number is no longer exact. The emulator issues such cursors on
 * purpose, writes them as bare digits and reads them back exactly, so a client that
 * rounds them through a double is caught.
 */
export class Uint64 {
  constructor(readonly value: bigint) {}

  toJSON(): string {
    written++;
    return `${MARKER}${this.value}`;
  }
}

const MARKER = `u64-${randomBytes(12).toString("hex")}:`;
const STAND_IN = new RegExp(`"${MARKER}(\\d{1,20})"`, "g");
let written = 0;

/** JSON.stringify with every Uint64 as its bare digits. */
export function stringifyAnswer(body: unknown): string {
  const before = written;
  const text = JSON.stringify(body);
  return written === before ? text : text.replace(STAND_IN, "$1");
}

/** Request fields that carry uint64 values. */
const UINT64_FIELD = /"(Next)"(\s*):(\s*)(\d{16,})(?=\s*[,}\]])/g;

/** Quotes the long integers of uint64 request fields so JSON.parse keeps their digits. */
export function quoteUint64(raw: string): string {
  return raw.replace(UINT64_FIELD, '"$1"$2:$3"$4"');
}

/** A uint64 field as read from a request: a safe integer or a digit string; else undefined. */
export function readUint64(value: unknown): bigint | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && /^\d{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}
