// RongCloud server API request signatures (rongcloud.md §1.3) and callback signatures (§3.1).
// Both are lowercase hex SHA-1 of appSecret + nonce + timestamp, plain concatenation.
import { hash } from "node:crypto";
import {
  callbackAgeFailure,
  constantTimeEqual,
  fail,
  type HeaderBag,
  ok,
  type ParamBag,
  parseEpoch,
  readHeader,
  readParam,
  toSeconds,
  type Verification,
  windowFailure,
} from "./common.js";
import { requireText, resolveNow, resolveWindow } from "./input-checks.js";
import { randomHex } from "./random.js";

/** Lowercase hex SHA-1 of `appSecret + nonce + timestamp` (UTF-8, no separators). */
export function rongCloudSignature(appSecret: string, nonce: string, timestamp: string): string {
  return hash("sha1", appSecret + nonce + timestamp, "hex");
}

/**
 * The four authentication headers of a RongCloud server API request.
 * (A type alias, not an interface, so that it is assignable to HeaderBag / ParamBag.)
 */
export type RongCloudRequestHeaders = {
  "App-Key": string;
  Nonce: string;
  Timestamp: string;
  Signature: string;
};

/** 16 random lowercase hex characters (within RongCloud's documented 18-character nonce limit). */
function freshNonce(): string {
  return randomHex(8);
}

/** What a request and a callback are both signed from, checked; a fresh nonce unless given. */
function signingInputs(input: { appKey: string; appSecret: string; nonce?: string }) {
  return {
    appKey: requireText("appKey", input.appKey),
    appSecret: requireText("appSecret", input.appSecret),
    nonce: input.nonce === undefined ? freshNonce() : requireText("nonce", input.nonce),
  };
}

/**
 * Signs one RongCloud server API request. Timestamp is in seconds (what every official
 * SDK sends); the nonce is fresh and random on each call unless one is given.
 */
export function signRongCloudRequest(input: {
  appKey: string;
  appSecret: string;
  nonce?: string;
  now?: number;
}): RongCloudRequestHeaders {
  const { appKey, appSecret, nonce } = signingInputs(input);
  const timestamp = String(toSeconds(resolveNow(input.now)));
  return {
    "App-Key": appKey,
    Nonce: nonce,
    Timestamp: timestamp,
    Signature: rongCloudSignature(appSecret, nonce, timestamp),
  };
}

/** Reads a header by its plain name, then by its `RC-` alternate name. */
function rcHeader(headers: HeaderBag, name: string): string | undefined {
  const plain = readHeader(headers, name);
  if (plain !== undefined && plain !== "") return plain;
  const alternate = readHeader(headers, `RC-${name}`);
  return alternate === "" ? undefined : alternate;
}

/** What a verified RongCloud request proved. */
export interface RongCloudRequestAuth {
  appKey: string;
  nonce: string;
  /** The Timestamp header exactly as sent. */
  timestamp: string;
  /** The timestamp in epoch ms (10-digit values are seconds, 13-digit values milliseconds). */
  timestampMs: number;
}

/**
 * Verifies the signature headers of a RongCloud server API request (as the RongCloud
 * server would). Accepts the plain and `RC-` header names, case-insensitively, and
 * timestamps in seconds or milliseconds. Nonce reuse and nonce length are not checked:
 * the official Node SDK signs once and reuses nonce + timestamp for the process
 * lifetime. Freshness is checked only when `maxSkewSeconds` is given (the real
 * server's window is unverified).
 */
export function verifyRongCloudRequest(
  headers: HeaderBag,
  secretFor: (appKey: string) => string | undefined,
  options: { now?: number; maxSkewSeconds?: number } = {},
): Verification<RongCloudRequestAuth> {
  const appKey = rcHeader(headers, "App-Key");
  if (appKey === undefined) return fail("missing", "App-Key header is missing", "App-Key");
  const nonce = rcHeader(headers, "Nonce");
  if (nonce === undefined) return fail("missing", "Nonce header is missing", "Nonce");
  const timestamp = rcHeader(headers, "Timestamp");
  if (timestamp === undefined) return fail("missing", "Timestamp header is missing", "Timestamp");
  const signature = rcHeader(headers, "Signature");
  if (signature === undefined) return fail("missing", "Signature header is missing", "Signature");

  const epoch = parseEpoch(timestamp);
  if (epoch === undefined) {
    return fail("malformed", "Timestamp header must be decimal digits", "Timestamp");
  }
  const appSecret = secretFor(appKey);
  // An empty secret would make signatures forgeable: treat it as no secret at all.
  if (appSecret === undefined || appSecret === "") {
    return fail("unknown_app", "unknown App-Key", "App-Key");
  }

  if (options.maxSkewSeconds !== undefined) {
    const skew = resolveWindow("maxSkewSeconds", options.maxSkewSeconds, 0);
    const outside = windowFailure(epoch, resolveNow(options.now), skew, "Timestamp", {
      past: "Timestamp is too old",
      future: "Timestamp is too far in the future",
    });
    if (outside !== undefined) return outside;
  }

  if (!constantTimeEqual(signature, rongCloudSignature(appSecret, nonce, timestamp))) {
    return fail("bad_signature", "Signature does not match", "Signature");
  }
  return ok({ appKey, nonce, timestamp, timestampMs: epoch.ms });
}

/**
 * Query parameters RongCloud appends to a callback URL (current documented names).
 * (A type alias, not an interface, so that it is assignable to HeaderBag / ParamBag.)
 */
export type RongCloudCallbackParams = {
  appKey: string;
  nonce: string;
  /** Epoch milliseconds, decimal. */
  signTimestamp: string;
  signature: string;
};

/** Signs a RongCloud server callback the way RongCloud does (signTimestamp in milliseconds). */
export function signRongCloudCallback(input: {
  appKey: string;
  appSecret: string;
  nonce?: string;
  now?: number;
}): RongCloudCallbackParams {
  const { appKey, appSecret, nonce } = signingInputs(input);
  const signTimestamp = String(Math.floor(resolveNow(input.now)));
  return {
    appKey,
    nonce,
    signTimestamp,
    signature: rongCloudSignature(appSecret, nonce, signTimestamp),
  };
}

/** What a verified RongCloud callback proved. */
export interface RongCloudCallbackAuth {
  nonce: string;
  timestampMs: number;
  /** The `appKey` parameter when present (the pre-messaging callback omits it). Not signed. */
  appKey?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

/**
 * Verifies the signature of a RongCloud server callback (query parameters `nonce`,
 * `signTimestamp`, `signature`, or the pre-2018 `rc-nonce`, `rc-timestamp`,
 * `rc-signature`). Some pages and RongCloud's own demo server name the signed time
 * `timestamp` (the chatroom status page's example; the online status receiver), so it is
 * read when `signTimestamp` is absent: the signature still covers it. Timestamps in seconds
 * or milliseconds are both accepted. Age is checked only when `maxAgeSeconds` is given; a
 * timestamp that far in the future fails too.
 */
export function verifyRongCloudCallback(
  query: ParamBag,
  appSecret: string,
  options: { now?: number; maxAgeSeconds?: number } = {},
): Verification<RongCloudCallbackAuth> {
  requireText("appSecret", appSecret);
  const legacy =
    nonEmpty(readParam(query, "signature")) === undefined &&
    nonEmpty(readParam(query, "rc-signature")) !== undefined;
  const names = legacy
    ? { nonce: "rc-nonce", timestamp: "rc-timestamp", signature: "rc-signature" }
    : { nonce: "nonce", timestamp: "signTimestamp", signature: "signature" };

  const signature = nonEmpty(readParam(query, names.signature));
  if (signature === undefined) {
    return fail("missing", `${names.signature} parameter is missing`, names.signature);
  }
  const nonce = nonEmpty(readParam(query, names.nonce));
  if (nonce === undefined) {
    return fail("missing", `${names.nonce} parameter is missing`, names.nonce);
  }
  const timestamp =
    nonEmpty(readParam(query, names.timestamp)) ??
    (legacy ? undefined : nonEmpty(readParam(query, "timestamp")));
  if (timestamp === undefined) {
    return fail("missing", `${names.timestamp} parameter is missing`, names.timestamp);
  }
  const epoch = parseEpoch(timestamp);
  if (epoch === undefined) {
    return fail("malformed", `${names.timestamp} must be decimal digits`, names.timestamp);
  }

  const tooOld = callbackAgeFailure(epoch, options, names.timestamp);
  if (tooOld !== undefined) return tooOld;

  if (!constantTimeEqual(signature, rongCloudSignature(appSecret, nonce, timestamp))) {
    return fail("bad_signature", "callback signature does not match", names.signature);
  }
  const appKey = nonEmpty(readParam(query, "appKey"));
  return ok(
    appKey === undefined
      ? { nonce, timestampMs: epoch.ms }
      : { nonce, timestampMs: epoch.ms, appKey },
  );
}
