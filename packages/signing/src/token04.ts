// ZEGOCLOUD Token04 (zego.md §3): the client login token for ZIM and RTC.
// Token = "04" + base64(expire:int64 | ivLen:uint16 | iv | ctLen:uint16 | ct [| mode:uint8]).
// Current generators use AES-256-GCM (12-byte nonce, tag appended, mode byte 1); legacy
// generators use AES-256-CBC (16-byte IV, PKCS#7, no mode byte). Key = the 32 ASCII bytes
// of the ServerSecret.
import { Buffer, isUtf8 } from "node:buffer";
import { createCipheriv, createDecipheriv, randomInt } from "node:crypto";
import { fail, ok, toSeconds, type Verification, type VerificationFailure } from "./common.js";
import { requireAppId, requireInteger, requireLifetime, resolveNow } from "./input-checks.js";
import { randomBuffer } from "./random.js";

/** Inputs of {@link generateToken04}. `nonce`, `randomInt` and `now` exist to pin test vectors. */
export interface Token04Input {
  appId: number;
  userId: string;
  /** The console ServerSecret: exactly 32 characters, used as raw bytes. */
  serverSecret: string;
  effectiveTimeInSeconds: number;
  /** Free text carried in the token; an RTC privilege JSON (see rtcPrivilegePayload). Default "". */
  payload?: string;
  /** Epoch milliseconds; default Date.now(). */
  now?: number;
  /** Testing hook: the 12-byte GCM nonce (16-byte IV for the legacy generator). Default random. */
  nonce?: Uint8Array;
  /** Testing hook: the int32 `nonce` claim. Default random. */
  randomInt?: number;
}

/** The claims carried by a Token04. */
export interface Token04Claims {
  appId: number;
  userId: string;
  /** The random int32 `nonce` claim (not the cipher nonce). */
  nonce: number;
  /** `ctime`, epoch seconds. */
  issuedAt: number;
  /** `expire`, epoch seconds. The token is valid while now < expiresAt. */
  expiresAt: number;
  payload: string;
  mode: "gcm" | "cbc";
}

const VERSION = "04";
const GCM_NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;
const CBC_IV_BYTES = 16;
const MODE_GCM = 1;
const MODE_CBC = 0;
const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;
const MAX_USER_ID_CHARS = 64;
const UINT16_MAX = 0xffff;
/** Longest token we can accept: "04" + base64 of (8 + 2 + 16 + 2 + 65535 + 1) bytes. */
const MAX_TOKEN_CHARS = 2 + 4 * Math.ceil((8 + 2 + CBC_IV_BYTES + 2 + UINT16_MAX + 1) / 3);
const TWO_POW_32 = 0x1_0000_0000;

// ---- input validation (generator and verifier options) ----------------------------------

/** The AES-256 key: the ServerSecret's bytes. */
function keyOf(serverSecret: unknown): Buffer {
  if (typeof serverSecret !== "string") throw new TypeError("serverSecret must be a string");
  const key = Buffer.from(serverSecret, "utf8");
  if (key.length !== 32) throw new RangeError("serverSecret must be 32 bytes");
  return key;
}

function requireUserId(userId: unknown): string {
  if (typeof userId !== "string" || userId.length === 0) {
    throw new TypeError("userId must be a non-empty string");
  }
  if (userId.length > MAX_USER_ID_CHARS) {
    throw new RangeError(`userId must be at most ${MAX_USER_ID_CHARS} characters`);
  }
  return userId;
}

function requireNonceClaim(value: unknown, min: number): number {
  const claim = requireInteger("randomInt", value);
  if (claim < min || claim > INT32_MAX) {
    throw new RangeError(`randomInt must be within ${min}..${INT32_MAX}`);
  }
  return claim;
}

function requireIv(value: unknown, bytes: number, name: string): Buffer {
  if (!(value instanceof Uint8Array) || value.byteLength !== bytes) {
    throw new TypeError(`${name} must be ${bytes} bytes`);
  }
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

// ---- binary layout ------------------------------------------------------------------------

interface Claims {
  appId: number;
  userId: string;
  nonce: number;
  ctime: number;
  expire: number;
  payload: string;
}

/** The plaintext JSON, keys in the order of the official Node generator. */
function plaintextOf(c: Claims): Buffer {
  return Buffer.from(
    JSON.stringify({
      app_id: c.appId,
      user_id: c.userId,
      nonce: c.nonce,
      ctime: c.ctime,
      expire: c.expire,
      payload: c.payload,
    }),
    "utf8",
  );
}

function pack(
  expire: number,
  iv: Uint8Array,
  content: Uint8Array,
  mode: number | undefined,
): string {
  if (content.length > UINT16_MAX) throw new RangeError("payload is too long for a Token04");
  const size = 8 + 2 + iv.length + 2 + content.length + (mode === undefined ? 0 : 1);
  const out = Buffer.allocUnsafe(size);
  const high = Math.floor(expire / TWO_POW_32);
  out.writeInt32BE(high, 0);
  out.writeUInt32BE(expire - high * TWO_POW_32, 4);
  out.writeUInt16BE(iv.length, 8);
  out.set(iv, 10);
  let offset = 10 + iv.length;
  out.writeUInt16BE(content.length, offset);
  out.set(content, offset + 2);
  offset += 2 + content.length;
  if (mode !== undefined) out.writeUInt8(mode, offset);
  return VERSION + out.toString("base64");
}

function claimsFrom(input: Token04Input, nonceMin: number): Claims {
  const appId = requireAppId("appId", input.appId);
  const userId = requireUserId(input.userId);
  const lifetime = requireLifetime("effectiveTimeInSeconds", input.effectiveTimeInSeconds);
  const payload = input.payload ?? "";
  if (typeof payload !== "string") throw new TypeError("payload must be a string");
  const nonce =
    input.randomInt === undefined
      ? randomInt(nonceMin, INT32_MAX + 1)
      : requireNonceClaim(input.randomInt, nonceMin);
  const ctime = toSeconds(resolveNow(input.now));
  return { appId, userId, nonce, ctime, expire: ctime + lifetime, payload };
}

/**
 * Generates a Token04 in the current AES-256-GCM layout (what the newest official Node
 * generator emits). Throws TypeError/RangeError naming the offending input.
 */
export function generateToken04(input: Token04Input): string {
  const key = keyOf(input.serverSecret);
  const claims = claimsFrom(input, INT32_MIN);
  const nonce =
    input.nonce === undefined
      ? randomBuffer(GCM_NONCE_BYTES)
      : requireIv(input.nonce, GCM_NONCE_BYTES, "nonce");
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: GCM_TAG_BYTES });
  const head = cipher.update(plaintextOf(claims));
  const tail = cipher.final();
  const content = Buffer.concat([head, tail, cipher.getAuthTag()]);
  return pack(claims.expire, nonce, content, MODE_GCM);
}

const IV_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Generates a Token04 in the legacy AES-256-CBC layout (older official generators; the
 * current one calls it deprecated). For compatibility testing of verifiers and emulators:
 * do not issue these to clients. `nonce` here is the 16-byte IV (default: 16 random
 * characters of 0-9a-z, like the Node/Go/Python generators); the `nonce` claim is
 * non-negative.
 *
 * @deprecated Use {@link generateToken04}.
 */
export function generateLegacyToken04(input: Token04Input): string {
  const key = keyOf(input.serverSecret);
  const claims = claimsFrom(input, 0);
  let iv: Buffer;
  if (input.nonce === undefined) {
    iv = Buffer.allocUnsafe(CBC_IV_BYTES);
    for (let i = 0; i < CBC_IV_BYTES; i++) {
      iv[i] = IV_ALPHABET.charCodeAt(randomInt(IV_ALPHABET.length));
    }
  } else {
    iv = requireIv(input.nonce, CBC_IV_BYTES, "nonce");
  }
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const content = Buffer.concat([cipher.update(plaintextOf(claims)), cipher.final()]);
  return pack(claims.expire, iv, content, undefined);
}

// ---- verification -------------------------------------------------------------------------

interface Parsed {
  expire: number;
  iv: Buffer;
  content: Buffer;
  mode: "gcm" | "cbc";
}

type ParseResult = Parsed | { failure: VerificationFailure };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function parse(token: string): ParseResult {
  const body = token.slice(VERSION.length);
  if (!BASE64.test(body)) {
    return { failure: fail("malformed", "token is not valid base64", "token") };
  }
  const bin = Buffer.from(body, "base64");
  // Reject non-canonical encodings (stray bits in the last character), so that every
  // distinct token string is a distinct byte string.
  if (bin.toString("base64") !== body) {
    return { failure: fail("malformed", "token is not canonical base64", "token") };
  }
  const bad = { failure: fail("malformed", "token layout is invalid", "token") };
  if (bin.length < 12) return bad;
  const high = bin.readInt32BE(0);
  const expire = high * TWO_POW_32 + bin.readUInt32BE(4);
  const ivLength = bin.readUInt16BE(8);
  let offset = 10 + ivLength;
  if (offset + 2 > bin.length) return bad;
  const iv = bin.subarray(10, offset);
  const contentLength = bin.readUInt16BE(offset);
  offset += 2;
  if (offset + contentLength > bin.length) return bad;
  const content = bin.subarray(offset, offset + contentLength);
  offset += contentLength;
  const rest = bin.length - offset;
  if (rest > 1) return bad;
  const modeByte = rest === 1 ? bin[offset] : MODE_CBC;
  if (modeByte === MODE_GCM) {
    if (iv.length !== GCM_NONCE_BYTES || content.length < GCM_TAG_BYTES) return bad;
    return { expire, iv, content, mode: "gcm" };
  }
  if (modeByte === MODE_CBC) {
    if (iv.length !== CBC_IV_BYTES || content.length === 0 || content.length % 16 !== 0) {
      return bad;
    }
    return { expire, iv, content, mode: "cbc" };
  }
  return {
    failure: fail("unsupported_version", "token uses an unknown cipher mode", "mode"),
  };
}

function decrypt(parsed: Parsed, key: Buffer): Buffer | undefined {
  try {
    if (parsed.mode === "gcm") {
      const split = parsed.content.length - GCM_TAG_BYTES;
      const decipher = createDecipheriv("aes-256-gcm", key, parsed.iv, {
        authTagLength: GCM_TAG_BYTES,
      });
      decipher.setAuthTag(parsed.content.subarray(split));
      const head = decipher.update(parsed.content.subarray(0, split));
      const tail = decipher.final();
      return tail.length === 0 ? head : Buffer.concat([head, tail]);
    }
    const decipher = createDecipheriv("aes-256-cbc", key, parsed.iv);
    return Buffer.concat([decipher.update(parsed.content), decipher.final()]);
  } catch {
    return undefined;
  }
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Reads the claims JSON generically (key order differs between generators). */
function readClaims(plain: Buffer): Claims | undefined {
  if (!isUtf8(plain)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(plain.toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const o = doc as Record<string, unknown>;
  const { app_id, user_id, nonce, ctime, expire } = o;
  // Tolerant: a generator that leaves out an empty payload is accepted.
  const payload = o.payload ?? "";
  if (!isInteger(app_id) || app_id < 0 || typeof user_id !== "string") return undefined;
  if (!isInteger(nonce) || !isInteger(ctime) || !isInteger(expire)) return undefined;
  if (typeof payload !== "string") return undefined;
  return { appId: app_id, userId: user_id, nonce, ctime, expire, payload };
}

/** Options of {@link verifyToken04}. */
export interface VerifyToken04Options {
  /** The ServerSecret of the app (32 characters). */
  serverSecret: string;
  /** When given, the token's app_id must equal it (`wrong_app`). */
  appId?: number;
  /** When given, the token's user_id must equal it (`wrong_user`). */
  userId?: string;
  /** Epoch milliseconds; default Date.now(). */
  now?: number;
  /** Skip the expiry check (e.g. to inspect an old token). */
  ignoreExpiry?: boolean;
  /** Also fail as `expired` when fewer seconds than this remain (ZIM refuses < 30 s). Default 0. */
  minRemainingSeconds?: number;
}

/**
 * Decodes and verifies a Token04 in either layout (GCM or legacy CBC). Never throws on a
 * bad token; throws only on bad options (e.g. a ServerSecret that is not 32 bytes).
 *
 * The token is valid while `now < expire` (zego.md §3.4), in whole seconds. The clear
 * expire in the header must equal the encrypted one. Legacy CBC tokens carry no
 * integrity check: any decryption, padding or claim-format failure is reported as one
 * undistinguished `bad_signature` (no padding oracle), and callers should pass `appId`
 * and `userId` so a bit-flipped IV cannot pass as another identity.
 */
export function verifyToken04(
  token: string,
  options: VerifyToken04Options,
): Verification<Token04Claims> {
  const key = keyOf(options.serverSecret);
  const nowMs = resolveNow(options.now);
  if (typeof token !== "string" || token.length === 0) {
    return fail("missing", "token is empty", "token");
  }
  if (token.length > MAX_TOKEN_CHARS) return fail("malformed", "token is too long", "token");
  const version = token.slice(0, VERSION.length);
  if (version !== VERSION) {
    return /^[0-9]{2}$/.test(version)
      ? fail("unsupported_version", "only version 04 tokens are supported", "version")
      : fail("malformed", "token does not start with a version", "token");
  }
  const parsed = parse(token);
  if ("failure" in parsed) return parsed.failure;

  const plain = decrypt(parsed, key);
  const undecryptable = fail("bad_signature", "token does not decrypt with this secret", "token");
  if (plain === undefined) return undecryptable;
  const claims = readClaims(plain);
  if (claims === undefined) {
    return parsed.mode === "cbc"
      ? undecryptable
      : fail("malformed", "token claims are not valid", "token");
  }
  // The clear header is not authenticated: a mismatch means it was altered.
  if (claims.expire !== parsed.expire) {
    return fail("bad_signature", "token header does not match its claims", "expire");
  }

  if (options.appId !== undefined && claims.appId !== options.appId) {
    return fail("wrong_app", "token was issued for another app", "app_id");
  }
  if (options.userId !== undefined && claims.userId !== options.userId) {
    return fail("wrong_user", "token was issued for another user", "user_id");
  }
  if (options.ignoreExpiry !== true) {
    const now = toSeconds(nowMs);
    if (now >= claims.expire) return fail("expired", "token has expired", "expire");
    const minimum = options.minRemainingSeconds ?? 0;
    if (claims.expire - now < minimum) {
      return fail("expired", "token expires too soon", "expire");
    }
  }
  return ok({
    appId: claims.appId,
    userId: claims.userId,
    nonce: claims.nonce,
    issuedAt: claims.ctime,
    expiresAt: claims.expire,
    payload: claims.payload,
    mode: parsed.mode,
  });
}
