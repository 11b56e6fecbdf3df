import { randomBytes } from "node:crypto";

/**
 * Integers beyond what a JS number holds exactly (2^53), such as Tencent's uint64 paging
 * `Next`, cross JSON as digits: sent as a number literal (`new ExactInteger("…")` in a
 * body), read as a decimal string (the answer keys a request names in `exactIntegerKeys`).
 */
export class ExactInteger {
  readonly digits: string;

  constructor(digits: string) {
    if (!/^-?\d{1,20}$/.test(digits)) throw new TypeError(`Not an integer: ${digits}`);
    this.digits = digits;
  }

  /** A stand-in string that `stringifyJson` turns back into the bare digits. */
  toJSON(): string {
    written++;
    return `${MARKER}${this.digits}`;
  }
}

// Unguessable, so no string in a body can pass for an ExactInteger.
const MARKER = `exact-${randomBytes(12).toString("hex")}:`;
const STAND_IN = new RegExp(`"${MARKER}(-?\\d{1,20})"`, "g");
let written = 0;

/** JSON.stringify, with every ExactInteger written as its bare digits. */
export function stringifyJson(value: unknown): string {
  const before = written;
  const text = JSON.stringify(value);
  return written === before ? text : text.replace(STAND_IN, "$1");
}

/**
 * Makes JSON.parse keep the named keys' long integers exact: `"Next": 18446744073709551615`
 * becomes `"Next": "18446744073709551615"` before parsing. Only integers of 16 digits or
 * more are touched (shorter ones are exact as numbers). A key inside a string value cannot
 * match: its quotes are escaped there.
 */
export function quoteLongIntegers(text: string, keys: readonly string[]): string {
  let out = text;
  for (const key of keys) {
    if (!/^\w+$/.test(key)) throw new TypeError(`Not a plain JSON key: ${key}`);
    out = out.replace(
      new RegExp(`"${key}"(\\s*):(\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`, "g"),
      `"${key}"$1:$2"$3"`,
    );
  }
  return out;
}
