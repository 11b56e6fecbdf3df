import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { BadUserInputError } from "./errors.js";
import type { Vendor } from "./model/app.js";

/**
 * Opaque ids: what a vendor needs to act on a thing later (a message's uid, time and
 * conversation for a RongCloud recall, a Tencent MsgKey, a ZEGO MsgId/seq) packed into
 * one url-safe string a client passes back unchanged.
 *
 * Layout: `<kind><version>.<payload>.<tag>` where payload is base64url JSON
 * `[vendor, appId, fields]` and tag is a truncated HMAC-SHA256 over everything before
 * it (keyed with the deployment's id secret; a plain hash when none is set, which still
 * catches corruption). A tampered, truncated or foreign id is BAD_USER_INPUT.
 */
const VERSION = 1;
const TAG_BYTES = 16;
const MAX_ID_LENGTH = 2048;

export type IdFields = Record<string, string | number>;

export interface IdCodecOptions {
  /** Keys the tag so that clients cannot forge ids. Use the same value on every instance. */
  secret?: string;
}

export class IdCodec {
  readonly #secret: string | undefined;

  constructor(options: IdCodecOptions = {}) {
    this.#secret = options.secret;
  }

  encode(kind: string, vendor: Vendor, appId: string, fields: IdFields): string {
    if (!/^[a-z]{1,8}$/.test(kind)) throw new TypeError(`id kind must be 1-8 lowercase letters`);
    const payload = Buffer.from(JSON.stringify([vendor, appId, fields])).toString("base64url");
    const head = `${kind}${VERSION}.${payload}`;
    return `${head}.${this.#tag(head).toString("base64url")}`;
  }

  /**
   * Decodes an id of the given kind made for this vendor and app, or throws
   * BAD_USER_INPUT naming `field`.
   */
  decode(
    id: unknown,
    expected: { kind: string; vendor: Vendor; appId: string; field: string },
  ): IdFields {
    const bad = (why: string) =>
      new BadUserInputError(expected.field, `${expected.field} is not a valid id: ${why}.`);
    if (typeof id !== "string" || id.length === 0) throw bad("empty");
    if (id.length > MAX_ID_LENGTH) throw bad("too long");
    const parts = id.split(".");
    if (parts.length !== 3) throw bad("malformed");
    const [prefix, payload, tag] = parts as [string, string, string];
    if (prefix !== `${expected.kind}${VERSION}`) throw bad("wrong kind or version");
    // Compare the text, not decoded bytes: base64 ignores a last character's spare bits.
    const given = Buffer.from(tag);
    const want = Buffer.from(this.#tag(`${prefix}.${payload}`).toString("base64url"));
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw bad("tampered");
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      throw bad("malformed");
    }
    if (!Array.isArray(decoded) || decoded.length !== 3) throw bad("malformed");
    const [vendor, appId, fields] = decoded as [unknown, unknown, unknown];
    if (vendor !== expected.vendor || appId !== expected.appId) throw bad("made for another app");
    if (!isIdFields(fields)) throw bad("malformed");
    return fields;
  }

  #tag(head: string): Buffer {
    const digest = this.#secret
      ? createHmac("sha256", this.#secret).update(head).digest()
      : createHash("sha256").update(head).digest();
    return digest.subarray(0, TAG_BYTES);
  }
}

function isIdFields(value: unknown): value is IdFields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === "string" || typeof v === "number");
}
