// Tencent Cloud Chat / TRTC UserSig, TLSSigAPIv2 (tencent.md §1).
// UserSig = url-safe-ish base64 (+ -> *, / -> -, = -> _) of zlib(JSON document), where the
// document carries TLS.sig = base64(HMAC-SHA256(key, content lines)).
import { Buffer, isUtf8 } from "node:buffer";
import { createHmac } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";
import {
  constantTimeEqualBytes,
  fail,
  ok,
  toSeconds,
  type Verification,
  type VerificationFailure,
} from "./common.js";
import { isCanonicalZlib } from "./deflate-end.js";
import { requireAppId, requireLifetime, requireText, resolveNow } from "./input-checks.js";
import { zlibStored } from "./zlib-stored.js";

/** Inputs of {@link generateUserSig}. */
export interface UserSigInput {
  sdkAppId: number;
  /** The app's SecretKey from the console, used as UTF-8 bytes (not hex-decoded). */
  key: string;
  userId: string;
  /** Validity in seconds, relative to the issue time. */
  expireSeconds: number;
  /** Epoch milliseconds; default Date.now(). */
  now?: number;
  /** Optional userbuf (a PrivateMapKey carries one). */
  userBuf?: Uint8Array;
  /**
   * How the JSON document is wrapped in zlib. "stored" (default): no compression, like the
   * official Go SDK (zlib level 0), several times faster. "zlib": default-level deflate,
   * byte-identical to the official Node SDK's output. Both verify everywhere.
   */
  compression?: UserSigCompression;
}

/** See {@link UserSigInput.compression}. */
export type UserSigCompression = "stored" | "zlib";

/** What a UserSig claims. */
export interface UserSigClaims {
  sdkAppId: number;
  userId: string;
  /** `TLS.time`, epoch seconds. */
  issuedAt: number;
  /** `TLS.expire`, seconds. */
  expireSeconds: number;
  /** issuedAt + expireSeconds: the last second at which the UserSig is still valid. */
  expiresAt: number;
  userBuf?: Uint8Array;
}

/** Generous cap on a UserSig's length and on its inflated size (zip-bomb guard). */
const MAX_USERSIG_CHARS = 16 * 1024;
const MAX_DOCUMENT_BYTES = 64 * 1024;
const HMAC_BYTES = 32;

/** The signed content: one `TLS.name:value\n` line per field, in this exact order. */
function content(
  userId: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userBufText: string | undefined,
): string {
  const base = `TLS.identifier:${userId}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  return userBufText === undefined ? base : `${base}TLS.userbuf:${userBufText}\n`;
}

function hmac(key: string, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}

const TO_USERSIG: Record<string, string> = { "+": "*", "/": "-", "=": "_" };
const FROM_USERSIG: Record<string, string> = { "*": "+", "-": "/", _: "=" };

/**
 * Generates a UserSig (TLSSigAPIv2). The JSON document has the official Node SDK's key
 * order; with `compression: "zlib"` the output is byte-identical to that SDK's for the same
 * clock and inputs. The default ("stored") skips compression, as the official Go SDK does.
 */
export function generateUserSig(input: UserSigInput): string {
  const sdkAppId = requireAppId("sdkAppId", input.sdkAppId);
  const key = requireText("key", input.key);
  const userId = requireText("userId", input.userId);
  const expire = requireLifetime("expireSeconds", input.expireSeconds);
  if (input.userBuf !== undefined && !(input.userBuf instanceof Uint8Array)) {
    throw new TypeError("userBuf must be a Uint8Array");
  }
  const compression = input.compression ?? "stored";
  if (compression !== "stored" && compression !== "zlib") {
    throw new TypeError('compression must be "stored" or "zlib"');
  }
  const time = toSeconds(resolveNow(input.now));
  const userBufText =
    input.userBuf === undefined
      ? undefined
      : Buffer.from(
          input.userBuf.buffer,
          input.userBuf.byteOffset,
          input.userBuf.byteLength,
        ).toString("base64");
  const sig = hmac(key, content(userId, sdkAppId, time, expire, userBufText)).toString("base64");
  const doc =
    userBufText === undefined
      ? {
          "TLS.ver": "2.0",
          "TLS.identifier": userId,
          "TLS.sdkappid": sdkAppId,
          "TLS.time": time,
          "TLS.expire": expire,
          "TLS.sig": sig,
        }
      : {
          "TLS.ver": "2.0",
          "TLS.identifier": userId,
          "TLS.sdkappid": sdkAppId,
          "TLS.time": time,
          "TLS.expire": expire,
          "TLS.userbuf": userBufText,
          "TLS.sig": sig,
        };
  const json = Buffer.from(JSON.stringify(doc), "utf8");
  const compressed = compression === "zlib" ? deflateSync(json) : zlibStored(json);
  return compressed.toString("base64").replace(/[+/=]/g, (c) => TO_USERSIG[c] ?? c);
}

// ---- decoding -----------------------------------------------------------------------------

const USERSIG_CHARS = /^[A-Za-z0-9*_-]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes standard base64, padding optional; undefined when not base64 at all. */
function base64Bytes(text: string): Buffer | undefined {
  const padded = text.length % 4 === 0 ? text : text + "=".repeat(4 - (text.length % 4));
  return BASE64.test(padded) ? Buffer.from(padded, "base64") : undefined;
}

interface Decoded {
  claims: UserSigClaims;
  /** TLS.userbuf exactly as it appears in the token (it is what was signed). */
  userBufText: string | undefined;
  sig: Buffer;
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

function decode(userSig: string): Decoded | VerificationFailure {
  if (typeof userSig !== "string" || userSig.length === 0) {
    return fail("missing", "UserSig is empty", "usersig");
  }
  if (userSig.length > MAX_USERSIG_CHARS) {
    return fail("malformed", "UserSig is too long", "usersig");
  }
  if (!USERSIG_CHARS.test(userSig)) {
    return fail("malformed", "UserSig contains invalid characters", "usersig");
  }
  const text = userSig.replace(/[*_-]/g, (c) => FROM_USERSIG[c] ?? c);
  const packed = base64Bytes(text);
  // Reject non-canonical encodings (stray bits in the last character), so that every
  // distinct UserSig string is a distinct byte string.
  if (
    packed === undefined ||
    packed.toString("base64").replace(/=+$/, "") !== text.replace(/=+$/, "")
  ) {
    return fail("malformed", "UserSig is not valid base64", "usersig");
  }
  // The structural walk runs first: it is cheap, never throws, and turns away most garbage
  // before zlib (whose failures are costly exceptions). It also refuses what zlib would
  // let through: set padding bits (deflate ignores the bits that pad a stored block or
  // the stream's end to a byte boundary) and bytes after the stream. Every known
  // generator writes zero padding and nothing after, so each UserSig has one spelling.
  if (!isCanonicalZlib(packed)) {
    return fail("malformed", "UserSig is not a valid canonical zlib stream", "usersig");
  }
  let json: Buffer;
  try {
    json = inflateSync(packed, { maxOutputLength: MAX_DOCUMENT_BYTES });
  } catch {
    return fail("malformed", "UserSig is not a valid zlib stream", "usersig");
  }
  let doc: unknown;
  try {
    doc = isUtf8(json) ? JSON.parse(json.toString("utf8")) : undefined;
  } catch {
    doc = undefined;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return fail("malformed", "UserSig does not hold a JSON object", "usersig");
  }
  const o = doc as Record<string, unknown>;
  if (o["TLS.ver"] !== "2.0") {
    return fail("unsupported_version", "only TLS.ver 2.0 is supported", "TLS.ver");
  }
  const userId = o["TLS.identifier"];
  if (typeof userId !== "string") {
    return fail("malformed", "TLS.identifier must be a string", "TLS.identifier");
  }
  const sdkAppId = o["TLS.sdkappid"];
  if (!isInteger(sdkAppId) || sdkAppId < 0) {
    return fail("malformed", "TLS.sdkappid must be an integer", "TLS.sdkappid");
  }
  const time = o["TLS.time"];
  if (!isInteger(time)) return fail("malformed", "TLS.time must be an integer", "TLS.time");
  const expire = o["TLS.expire"];
  if (!isInteger(expire)) return fail("malformed", "TLS.expire must be an integer", "TLS.expire");
  const sigText = o["TLS.sig"];
  const sig = typeof sigText === "string" ? base64Bytes(sigText) : undefined;
  if (sig === undefined) return fail("malformed", "TLS.sig must be base64", "TLS.sig");
  const userBufText = o["TLS.userbuf"];
  let userBuf: Buffer | undefined;
  if (userBufText !== undefined) {
    userBuf = typeof userBufText === "string" ? base64Bytes(userBufText) : undefined;
    if (userBuf === undefined) {
      return fail("malformed", "TLS.userbuf must be base64", "TLS.userbuf");
    }
  }
  const claims: UserSigClaims = {
    sdkAppId,
    userId,
    issuedAt: time,
    expireSeconds: expire,
    expiresAt: time + expire,
  };
  if (userBuf !== undefined) claims.userBuf = new Uint8Array(userBuf);
  return { claims, userBufText: userBufText as string | undefined, sig };
}

/**
 * Decodes a UserSig's structure without any key: lets an emulator learn the claimed
 * SDKAppID (to pick the key) before verifying. Proves nothing about authenticity.
 */
export function decodeUserSig(userSig: string): Verification<UserSigClaims> {
  const decoded = decode(userSig);
  return "claims" in decoded ? ok(decoded.claims) : decoded;
}

/** Options of {@link verifyUserSig}. */
export interface VerifyUserSigOptions {
  /** The app's SecretKey. */
  key: string;
  /** When given, TLS.sdkappid must equal it (`wrong_app`). */
  sdkAppId?: number;
  /** When given, TLS.identifier must equal it (`wrong_user`). */
  userId?: string;
  /** Epoch milliseconds; default Date.now(). */
  now?: number;
  /** undefined: don't care; null: the token must carry no userbuf; bytes: it must carry these. */
  userBuf?: Uint8Array | null;
}

function sameUserBuf(expected: Uint8Array | null | undefined, actual: Uint8Array | undefined) {
  if (expected === undefined) return true;
  if (expected === null || actual === undefined) return expected === null && actual === undefined;
  return constantTimeEqualBytes(expected, actual);
}

/**
 * Verifies a UserSig the way the Tencent server does (tencent.md §1.4): decode, then
 * SDKAppID, identifier, expiry (`now > time + expire` is expired, whole seconds),
 * userbuf, and finally the HMAC recomputed from the decoded fields. Token strings are
 * never compared: UserSigs from any generator (JSON order, whitespace, zlib level) verify.
 */
export function verifyUserSig(
  userSig: string,
  options: VerifyUserSigOptions,
): Verification<UserSigClaims> {
  const key = requireText("key", options.key);
  const nowMs = resolveNow(options.now);
  const decoded = decode(userSig);
  if (!("claims" in decoded)) return decoded;
  const { claims } = decoded;
  if (options.sdkAppId !== undefined && claims.sdkAppId !== options.sdkAppId) {
    return fail("wrong_app", "UserSig was issued for another SDKAppID", "TLS.sdkappid");
  }
  if (options.userId !== undefined && claims.userId !== options.userId) {
    return fail("wrong_user", "UserSig was issued for another identifier", "TLS.identifier");
  }
  if (toSeconds(nowMs) > claims.expiresAt) {
    return fail("expired", "UserSig has expired", "TLS.expire");
  }
  if (!sameUserBuf(options.userBuf, claims.userBuf)) {
    return fail("userbuf_mismatch", "UserSig userbuf is not the expected one", "TLS.userbuf");
  }
  const expected = hmac(
    key,
    content(
      claims.userId,
      claims.sdkAppId,
      claims.issuedAt,
      claims.expireSeconds,
      decoded.userBufText,
    ),
  );
  if (decoded.sig.length !== HMAC_BYTES || !constantTimeEqualBytes(decoded.sig, expected)) {
    return fail("bad_signature", "UserSig signature does not match", "TLS.sig");
  }
  return ok(claims);
}
