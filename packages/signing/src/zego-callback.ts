// ZEGOCLOUD server callback signatures (zego.md §5.1):
// signature = lowercase hex SHA-1 of the concatenation of the lexicographically sorted
// [CallbackSecret, str(timestamp), str(nonce)].
import { hash } from "node:crypto";
import {
  callbackAgeFailure,
  constantTimeEqual,
  fail,
  ok,
  parseEpoch,
  type Verification,
} from "./common.js";

/** Surrogates stand for code points above U+FFFF: rank them above every other UTF-16 unit. */
function unitRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}

/**
 * Code-point order, which equals the UTF-8 byte order the reference implementations
 * (Go, PHP) sort by. Plain `<` on JS strings compares UTF-16 units, which differs for
 * characters above U+FFFF versus U+E000..U+FFFF. No allocation: this runs per callback.
 */
function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

/** Lowercase hex SHA-1 of the sorted [secret, timestamp, nonce] joined without separators. */
export function zegoCallbackSignature(
  callbackSecret: string,
  timestamp: string | number,
  nonce: string | number,
): string {
  const parts = [callbackSecret, String(timestamp), String(nonce)].sort(byteOrder);
  return hash("sha1", parts.join(""), "hex");
}

/** What a verified ZEGO callback proved. */
export interface ZegoCallbackAuth {
  /** The timestamp exactly as it appeared in the body (as a string). */
  timestamp: string;
  nonce: string;
  /** The timestamp in epoch ms (10-digit values are seconds, 13-digit values milliseconds). */
  timestampMs: number;
}

type FieldText = { text: string } | { missing: true } | { malformed: true };

/** A callback field: a non-empty string, or an integer number (ZEGO sends either). */
function fieldText(value: unknown): FieldText {
  if (value === undefined || value === null || value === "") return { missing: true };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number" && Number.isSafeInteger(value)) return { text: String(value) };
  return { malformed: true };
}

/**
 * Verifies the `signature`, `timestamp` and `nonce` fields of a ZEGO callback body with
 * the project's CallbackSecret. The timestamp is signed as it appears in the body.
 * Age is checked only when `maxAgeSeconds` is given. ZIM's group and room callbacks carry
 * milliseconds, its message, login and RTC callbacks seconds (docs_all 42a7e2916), so
 * 10-digit timestamps are read as seconds and 13-digit ones as milliseconds. A timestamp
 * more than `maxAgeSeconds` in the future fails as well.
 */
export function verifyZegoCallback(
  fields: { signature?: unknown; timestamp?: unknown; nonce?: unknown },
  callbackSecret: string,
  options: { now?: number; maxAgeSeconds?: number } = {},
): Verification<ZegoCallbackAuth> {
  if (typeof callbackSecret !== "string" || callbackSecret.length === 0) {
    throw new TypeError("callbackSecret must be a non-empty string");
  }
  const signature = fieldText(fields.signature);
  if ("missing" in signature) return fail("missing", "signature is missing", "signature");
  if ("malformed" in signature || typeof fields.signature !== "string") {
    return fail("malformed", "signature must be a string", "signature");
  }
  const timestamp = fieldText(fields.timestamp);
  if ("missing" in timestamp) return fail("missing", "timestamp is missing", "timestamp");
  if ("malformed" in timestamp) {
    return fail("malformed", "timestamp must be a string or an integer", "timestamp");
  }
  const nonce = fieldText(fields.nonce);
  if ("missing" in nonce) return fail("missing", "nonce is missing", "nonce");
  if ("malformed" in nonce) {
    return fail("malformed", "nonce must be a string or an integer", "nonce");
  }

  const epoch = parseEpoch(timestamp.text);
  if (epoch === undefined) {
    return fail("malformed", "timestamp must be decimal digits", "timestamp");
  }
  const tooOld = callbackAgeFailure(epoch, options, "timestamp");
  if (tooOld !== undefined) return tooOld;

  const expected = zegoCallbackSignature(callbackSecret, timestamp.text, nonce.text);
  if (!constantTimeEqual(signature.text, expected)) {
    return fail("bad_signature", "callback signature does not match", "signature");
  }
  return ok({ timestamp: timestamp.text, nonce: nonce.text, timestampMs: epoch.ms });
}
