// Shared building blocks: the Verification result type, constant-time comparison,
// case-insensitive header lookup, query/body parameter lookup and timestamp windows.
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import { resolveNow, resolveWindow } from "./input-checks.js";

/** Why a verification failed. Stable strings: emulators map them to vendor error codes. */
export type VerifyFailureReason =
  | "missing"
  | "malformed"
  | "unknown_app"
  | "unsupported_version"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_app"
  | "wrong_user"
  | "userbuf_mismatch";

/** Outcome of a verifier. Verifiers never throw on bad input; they return `ok: false`. */
export type Verification<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      reason: VerifyFailureReason;
      /** The input field at fault (header, query parameter or claim name), when there is one. */
      field?: string;
      /** Short human text naming the problem. Never contains a secret, a token or an expected signature. */
      message: string;
    };

/** A failed Verification. */
export type VerificationFailure = Extract<Verification<unknown>, { ok: false }>;

/** HTTP headers: a fetch `Headers` object or a plain record (as Node's `IncomingHttpHeaders`). Lookup is case-insensitive. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** Query or body parameters: `URLSearchParams` or a plain record. Lookup is case-sensitive. */
export type ParamBag = URLSearchParams | Record<string, string | string[] | number | undefined>;

/** @internal Builds a successful Verification. */
export function ok<T>(value: T): Verification<T> {
  return { ok: true, value };
}

/** @internal Builds a failed Verification. */
export function fail(
  reason: VerifyFailureReason,
  message: string,
  field?: string,
): VerificationFailure {
  return field === undefined
    ? { ok: false, reason, message }
    : { ok: false, reason, field, message };
}

/**
 * Compares two byte sequences in constant time (for equal lengths). A length mismatch
 * returns false after an equal-cost comparison, without throwing.
 */
export function constantTimeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    // Burn the same work as a real comparison so the early exit is not cheaper.
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * Compares two strings (as UTF-8 bytes) in constant time. Only the length can leak;
 * every signature and digest this package compares has a fixed, public length.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  return constantTimeEqualBytes(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

function firstString(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  return value[0];
}

/**
 * Reads a header case-insensitively. For a repeated header given as an array, the first
 * value is used. Returns undefined when absent.
 */
export function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  if (Object.hasOwn(record, name)) {
    const direct = firstString(record[name]);
    if (direct !== undefined) return direct;
  }
  const wanted = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === wanted) {
      const value = firstString(record[key]);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/**
 * Reads a parameter by its exact (case-sensitive) name. For a repeated parameter the
 * first value is used; numbers are turned into their decimal string. Returns undefined
 * when absent.
 */
export function readParam(params: ParamBag, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  if (!Object.hasOwn(params, name)) return undefined;
  return firstString(params[name]);
}

/** @internal Whole epoch seconds of an epoch-milliseconds instant. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

const DIGITS = /^[0-9]+$/;

/** @internal True when `s` is a non-empty run of ASCII digits. */
export function isDigits(s: string): boolean {
  return DIGITS.test(s);
}

/**
 * @internal Parses a decimal epoch timestamp that may be in seconds (up to 12 digits)
 * or milliseconds (13 digits or more). Returns undefined for anything else.
 */
export function parseEpoch(s: string): { unit: "s" | "ms"; value: number; ms: number } | undefined {
  if (!isDigits(s) || s.length > 16) return undefined;
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return undefined;
  return s.length >= 13 ? { unit: "ms", value, ms: value } : { unit: "s", value, ms: value * 1000 };
}

/**
 * @internal Checks a timestamp against a symmetric window around `nowMs`, at the
 * timestamp's own resolution: seconds timestamps are compared with whole seconds, so a
 * window of W seconds accepts `|nowSeconds - ts| <= W` exactly.
 */
export function windowCheck(
  ts: { unit: "s" | "ms"; value: number },
  nowMs: number,
  windowSeconds: number,
): "ok" | "past" | "future" {
  const now = ts.unit === "s" ? toSeconds(nowMs) : nowMs;
  const limit = ts.unit === "s" ? windowSeconds : windowSeconds * 1000;
  const diff = now - ts.value;
  if (diff > limit) return "past";
  if (-diff > limit) return "future";
  return "ok";
}

/**
 * @internal {@link windowCheck} as a verifier answers it: undefined inside the window,
 * else `expired` (too old) or `not_yet_valid` (too far ahead) naming `field`.
 */
export function windowFailure(
  ts: { unit: "s" | "ms"; value: number },
  nowMs: number,
  windowSeconds: number,
  field: string,
  messages: { past: string; future: string },
): VerificationFailure | undefined {
  const where = windowCheck(ts, nowMs, windowSeconds);
  if (where === "past") return fail("expired", messages.past, field);
  if (where === "future") return fail("not_yet_valid", messages.future, field);
  return undefined;
}

/**
 * @internal The optional `maxAgeSeconds` check of a vendor callback (RongCloud and ZEGO
 * callbacks carry a timestamp but neither vendor says how old one may be).
 */
export function callbackAgeFailure(
  ts: { unit: "s" | "ms"; value: number },
  options: { now?: number; maxAgeSeconds?: number },
  field: string,
): VerificationFailure | undefined {
  if (options.maxAgeSeconds === undefined) return undefined;
  const maxAge = resolveWindow("maxAgeSeconds", options.maxAgeSeconds, 0);
  return windowFailure(ts, resolveNow(options.now), maxAge, field, {
    past: "callback is too old",
    future: "callback timestamp is in the future",
  });
}
