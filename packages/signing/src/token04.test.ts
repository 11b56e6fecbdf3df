import { Buffer } from "node:buffer";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { BASE64_ALPHABET, randomAscii, singleCharMutations } from "./testing/mutate.js";
import { generateLegacyToken04, generateToken04, verifyToken04 } from "./token04.js";
import { token04Common, token04HeaderHex, token04Vectors } from "./vectors/zego.js";

const C = token04Common;
const SECRET = C.serverSecret;
const NOW = C.time * 1000;
/** Verification at the vectors' own time, with no app or user check. */
const AT_NOW = { serverSecret: SECRET, now: NOW };

/** A fresh GCM token for user "u", issued at the vectors' time. */
function freshToken(appId: number, effectiveTimeInSeconds: number): string {
  return generateToken04(freshInput(appId, effectiveTimeInSeconds));
}

function freshInput(appId: number, effectiveTimeInSeconds: number) {
  return { appId, userId: "u", serverSecret: SECRET, effectiveTimeInSeconds, now: NOW };
}

/** The binary body (after "04") of a vector. */
function vectorBytes(index: number): Buffer {
  return Buffer.from((token04Vectors[index]?.token ?? "").slice(2), "base64");
}

/** Verifies a (tampered) binary body as a token, at the vectors' time. */
function verifyBytes(bin: Buffer) {
  return verifyToken04(`04${bin.toString("base64")}`, AT_NOW);
}

function pinned(v: (typeof token04Vectors)[number]) {
  return {
    appId: C.appId,
    userId: C.userId,
    serverSecret: SECRET,
    effectiveTimeInSeconds: C.effectiveTimeInSeconds,
    payload: v.payload,
    now: NOW,
    nonce: Buffer.from(v.ivHex, "hex"),
    randomInt: v.nonceClaim,
  };
}

/** Rebuilds a token from parts (for tampering tests), independently of src/token04.ts. */
function build(parts: {
  expire: number;
  iv: Buffer;
  content: Buffer;
  mode?: number;
  extra?: Buffer;
}) {
  const head = Buffer.alloc(10);
  head.writeBigInt64BE(BigInt(parts.expire), 0);
  head.writeUInt16BE(parts.iv.length, 8);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(parts.content.length);
  const tail = parts.mode === undefined ? Buffer.alloc(0) : Buffer.from([parts.mode]);
  return `04${Buffer.concat([head, parts.iv, len, parts.content, tail, parts.extra ?? Buffer.alloc(0)]).toString("base64")}`;
}

function gcmToken(plaintext: string, expire: number, key = SECRET) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(key), iv);
  const content = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return build({ expire, iv, content, mode: 1 });
}

describe("Token04 vectors (zego.md §3.5)", () => {
  test.each(token04Vectors)("$name: the generator reproduces the token byte for byte", (v) => {
    const token = v.mode === "gcm" ? generateToken04(pinned(v)) : generateLegacyToken04(pinned(v));
    expect(token).toBe(v.token);
    expect(Buffer.from(token.slice(2), "base64").length).toBe(v.binaryLength);
  });

  test.each(token04Vectors)("$name: the verifier decodes it", (v) => {
    const claims = expectOk(
      verifyToken04(v.token, { serverSecret: SECRET, appId: C.appId, userId: C.userId, now: NOW }),
    );
    expect(claims).toEqual({
      appId: C.appId,
      userId: C.userId,
      nonce: v.nonceClaim,
      issuedAt: C.time,
      expiresAt: C.expire,
      payload: v.payload,
      mode: v.mode,
    });
  });

  test.each(
    token04Vectors.filter((v) => v.plaintext !== undefined),
  )("$name: the plaintext is the documented JSON", (v) => {
    const bin = Buffer.from(v.token.slice(2), "base64");
    const ivLength = bin.readUInt16BE(8);
    const iv = bin.subarray(10, 10 + ivLength);
    const length = bin.readUInt16BE(10 + ivLength);
    const content = bin.subarray(12 + ivLength, 12 + ivLength + length);
    let plain: Buffer;
    if (v.mode === "gcm") {
      const d = createDecipheriv("aes-256-gcm", Buffer.from(SECRET), iv);
      d.setAuthTag(content.subarray(content.length - 16));
      plain = Buffer.concat([d.update(content.subarray(0, content.length - 16)), d.final()]);
    } else {
      const d = createDecipheriv("aes-256-cbc", Buffer.from(SECRET), iv);
      plain = Buffer.concat([d.update(content), d.final()]);
    }
    expect(plain.toString("utf8")).toBe(v.plaintext);
  });

  test("the documented header bytes of the first vector", () => {
    const bin = vectorBytes(0);
    expect(bin.subarray(0, 10).toString("hex")).toBe(token04HeaderHex);
    expect(bin.subarray(10, 22).toString("hex")).toBe("000102030405060708090a0b");
    expect(bin.readUInt16BE(22)).toBe(122);
    expect(bin[bin.length - 1]).toBe(1);
  });

  test("the vectors are expired in real time", () => {
    for (const v of token04Vectors) {
      expectFailure(verifyToken04(v.token, { serverSecret: SECRET }), "expired", {
        field: "expire",
      });
      expectOk(verifyToken04(v.token, { serverSecret: SECRET, ignoreExpiry: true }));
    }
  });
});

describe("generateToken04", () => {
  test("GCM layout: nonce length 12, mode byte 1, outer expire", () => {
    const token = freshToken(1, 60);
    const bin = Buffer.from(token.slice(2), "base64");
    expect(token.startsWith("04")).toBe(true);
    expect(Number(bin.readBigInt64BE(0))).toBe(C.time + 60);
    expect(bin.readUInt16BE(8)).toBe(12);
    expect(bin[bin.length - 1]).toBe(1);
  });

  test("fresh randomness each call", () => {
    const input = freshInput(1, 60);
    const tokens = new Set(Array.from({ length: 100 }, () => generateToken04(input)));
    expect(tokens.size).toBe(100);
    const nonces = new Set<number>();
    for (const t of tokens) nonces.add(expectOk(verifyToken04(t, AT_NOW)).nonce);
    expect(nonces.size).toBeGreaterThan(95);
    for (const n of nonces) expect(n >= -(2 ** 31) && n <= 2 ** 31 - 1).toBe(true);
  });

  test("input validation names the field", () => {
    const base = { appId: 1, userId: "u", serverSecret: SECRET, effectiveTimeInSeconds: 60 };
    expect(() => generateToken04({ ...base, appId: 0 })).toThrow(/appId/);
    expect(() => generateToken04({ ...base, appId: 2 ** 32 })).toThrow(RangeError);
    expect(() => generateToken04({ ...base, appId: 1.5 })).toThrow(TypeError);
    expect(() => generateToken04({ ...base, userId: "" })).toThrow(/userId/);
    expect(() => generateToken04({ ...base, userId: "x".repeat(65) })).toThrow(/userId/);
    expect(() => generateToken04({ ...base, serverSecret: "short" })).toThrow(
      /serverSecret must be 32 bytes/,
    );
    expect(() => generateToken04({ ...base, serverSecret: "é".repeat(32) })).toThrow(/32 bytes/);
    expect(() => generateToken04({ ...base, effectiveTimeInSeconds: 0 })).toThrow(
      /effectiveTimeInSeconds/,
    );
    expect(() => generateToken04({ ...base, effectiveTimeInSeconds: -5 })).toThrow(RangeError);
    expect(() => generateToken04({ ...base, effectiveTimeInSeconds: 1.5 })).toThrow(TypeError);
    expect(() => generateToken04({ ...base, nonce: new Uint8Array(16) })).toThrow(
      /nonce must be 12 bytes/,
    );
    expect(() => generateToken04({ ...base, randomInt: 2 ** 31 })).toThrow(/randomInt/);
    expect(() => generateToken04({ ...base, payload: "x".repeat(70_000) })).toThrow(/payload/);
    expect(() => generateLegacyToken04({ ...base, randomInt: -1 })).toThrow(/randomInt/);
    expect(() => generateLegacyToken04({ ...base, nonce: new Uint8Array(12) })).toThrow(/16 bytes/);
    // userId of exactly 64 characters is fine.
    expect(generateToken04({ ...base, userId: "x".repeat(64) })).toMatch(/^04/);
  });
});

describe("verifyToken04", () => {
  test("round trip for random inputs, GCM and legacy CBC", () => {
    for (let i = 0; i < 200; i++) {
      const serverSecret = randomAscii(32);
      const input = {
        appId: 1 + Math.floor(Math.random() * 0xffff_fffe),
        userId: randomAscii(1 + (i % 64)),
        serverSecret,
        effectiveTimeInSeconds: 1 + Math.floor(Math.random() * 30 * 86400),
        payload: i % 3 === 0 ? "" : randomAscii(i),
        now: Math.floor(Math.random() * 4_000_000_000_000),
      };
      const legacy = i % 4 === 0;
      const token = legacy ? generateLegacyToken04(input) : generateToken04(input);
      const claims = expectOk(
        verifyToken04(token, {
          serverSecret,
          appId: input.appId,
          userId: input.userId,
          now: input.now,
        }),
      );
      const issuedAt = Math.floor(input.now / 1000);
      expect(claims).toMatchObject({
        appId: input.appId,
        userId: input.userId,
        issuedAt,
        expiresAt: issuedAt + input.effectiveTimeInSeconds,
        payload: input.payload,
        mode: legacy ? "cbc" : "gcm",
      });
    }
  });

  test("expiry is exact to the second: valid while now < expire", () => {
    const token = freshToken(9, 100);
    const at = (ms: number) => verifyToken04(token, { serverSecret: SECRET, now: ms });
    expectOk(at(NOW));
    expectOk(at(NOW + 99_999));
    expectFailure(at(NOW + 100_000), "expired", { field: "expire" });
    expectFailure(at(NOW + 10 ** 9), "expired");
    expectOk(
      verifyToken04(token, { serverSecret: SECRET, now: NOW + 10 ** 9, ignoreExpiry: true }),
    );
  });

  test("minRemainingSeconds (ZIM refuses tokens with < 30 s left)", () => {
    const token = freshToken(9, 100);
    const at = (ms: number) =>
      verifyToken04(token, { serverSecret: SECRET, now: ms, minRemainingSeconds: 30 });
    expectOk(at(NOW + 70_999));
    expectFailure(at(NOW + 71_000), "expired");
  });

  test("wrong app, wrong user, wrong secret", () => {
    const v = token04Vectors[0];
    const token = v?.token ?? "";
    expectFailure(verifyToken04(token, { ...AT_NOW, appId: 54321 }), "wrong_app", {
      field: "app_id",
    });
    expectFailure(verifyToken04(token, { ...AT_NOW, userId: "user2" }), "wrong_user", {
      field: "user_id",
    });
    const other = "0".repeat(32);
    for (const t of token04Vectors) {
      expectFailure(verifyToken04(t.token, { ...AT_NOW, serverSecret: other }), "bad_signature", {
        secrets: [SECRET, other, t.token, t.token.slice(2, 40)],
      });
    }
  });

  test("every single-character change of a GCM token is rejected", () => {
    for (const v of token04Vectors.filter((x) => x.mode === "gcm")) {
      let count = 0;
      for (const [i, mutated] of singleCharMutations(v.token, BASE64_ALPHABET)) {
        const result = verifyToken04(mutated, AT_NOW);
        expect(result.ok, `position ${i}`).toBe(false);
        if (!result.ok) {
          expect(result.message).not.toContain(SECRET);
          expect(result.message).not.toContain(v.token.slice(2, 30));
        }
        count++;
      }
      expect(count).toBe(v.token.length);
    }
  });

  test("every single-character change of a fresh GCM token is rejected", () => {
    const token = generateToken04({
      appId: 77,
      userId: "alice",
      serverSecret: SECRET,
      effectiveTimeInSeconds: 3600,
    });
    for (const [i, mutated] of singleCharMutations(token, BASE64_ALPHABET)) {
      expect(verifyToken04(mutated, { serverSecret: SECRET }).ok, `position ${i}`).toBe(false);
    }
  });

  test("every single-character change of a CBC token is rejected when app and user are checked", () => {
    // CBC has no integrity protection: a flipped IV bit flips a plaintext bit. The claim
    // checks (strict JSON, header expire = claim expire, app and user) catch every one.
    // One exception: turning the final "=" into "A" appends a 0x00 byte, which is the
    // explicit CBC mode byte (zego.md §3.4 step 3): the very same token, same claims.
    const v = token04Vectors[2];
    const token = v?.token ?? "";
    const opts = { serverSecret: SECRET, appId: C.appId, userId: C.userId, now: NOW };
    const original = expectOk(verifyToken04(token, opts));
    let equivalent = 0;
    for (const [i, mutated] of singleCharMutations(token, BASE64_ALPHABET)) {
      const result = verifyToken04(mutated, opts);
      if (result.ok) {
        expect(i, `position ${i}`).toBe(token.length - 1);
        expect(Buffer.from(mutated.slice(2), "base64").at(-1)).toBe(0);
        expect(result.value).toEqual(original);
        equivalent++;
      }
    }
    expect(equivalent).toBe(1);
  });

  test("legacy CBC failures are indistinguishable (no padding oracle)", () => {
    const bin = vectorBytes(2);
    const results = [];
    for (let i = 0; i < 40; i++) {
      const tampered = Buffer.from(bin);
      const at = bin.length - 1 - (i % 32);
      tampered[at] = (tampered[at] ?? 0) ^ (1 + i);
      results.push(verifyBytes(tampered));
    }
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe("bad_signature");
        expect(r.message).toBe("token does not decrypt with this secret");
      }
    }
  });

  test("missing, version and layout errors", () => {
    const token = token04Vectors[0]?.token ?? "";
    expectFailure(verifyToken04("", AT_NOW), "missing", { field: "token" });
    expectFailure(verifyToken04(undefined as unknown as string, AT_NOW), "missing");
    expectFailure(verifyToken04(`03${token.slice(2)}`, AT_NOW), "unsupported_version", {
      field: "version",
    });
    expectFailure(verifyToken04("hello", AT_NOW), "malformed");
    expectFailure(verifyToken04("04", AT_NOW), "malformed");
    expectFailure(verifyToken04("04!!!!", AT_NOW), "malformed");
    expectFailure(verifyToken04(`${token}==`, AT_NOW), "malformed");
    expectFailure(verifyToken04(`04${"A".repeat(200_000)}`, AT_NOW), "malformed");
    expectFailure(verifyToken04(token.slice(0, -4), AT_NOW), "malformed");
  });

  test("non-canonical base64 is rejected", () => {
    const v = token04Vectors[1];
    const token = v?.token ?? "";
    // The character before "==" carries 4 unused bits; set one of them.
    const i = token.length - 3;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const c = alphabet.indexOf(token[i] ?? "");
    const sloppy = token.slice(0, i) + alphabet[c | 1] + token.slice(i + 1);
    expect(Buffer.from(sloppy.slice(2), "base64")).toEqual(Buffer.from(token.slice(2), "base64"));
    expectFailure(verifyToken04(sloppy, AT_NOW), "malformed");
  });

  test("tampered clear header expire is caught", () => {
    const bin = vectorBytes(0);
    bin.writeBigInt64BE(BigInt(C.expire + 86400), 0);
    expectFailure(verifyBytes(bin), "bad_signature", {
      field: "expire",
    });
  });

  test("unknown mode byte and trailing bytes", () => {
    const bin = vectorBytes(0);
    const mode2 = Buffer.from(bin);
    mode2[mode2.length - 1] = 2;
    expectFailure(verifyBytes(mode2), "unsupported_version", {
      field: "mode",
    });
    const extra = Buffer.concat([bin, Buffer.from([0])]);
    expectFailure(verifyBytes(extra), "malformed");
    const mode0 = Buffer.from(bin);
    mode0[mode0.length - 1] = 0; // claims CBC with a 12-byte IV
    expectFailure(verifyBytes(mode0), "malformed");
  });

  test("authentic GCM tokens with bad claims are malformed", () => {
    const expire = C.expire;
    for (const plaintext of [
      "not json",
      "[]",
      '{"app_id":"1","user_id":"u","nonce":1,"ctime":1,"expire":1700003600}',
      '{"app_id":1,"user_id":2,"nonce":1,"ctime":1,"expire":1700003600}',
      '{"app_id":1,"user_id":"u","nonce":1.5,"ctime":1,"expire":1700003600}',
      '{"app_id":1,"user_id":"u","nonce":1,"ctime":1,"expire":1700003600,"payload":5}',
    ]) {
      expectFailure(verifyToken04(gcmToken(plaintext, expire), AT_NOW), "malformed", {
        field: "token",
      });
    }
    // Other generators' key order, and no payload key at all, are accepted.
    const reordered = '{"expire":1700003600,"ctime":1700000000,"nonce":5,"user_id":"u","app_id":1}';
    expect(expectOk(verifyToken04(gcmToken(reordered, expire), AT_NOW))).toEqual({
      appId: 1,
      userId: "u",
      nonce: 5,
      issuedAt: C.time,
      expiresAt: expire,
      payload: "",
      mode: "gcm",
    });
  });

  test("never throws on garbage", () => {
    for (let i = 0; i < 500; i++) {
      const junk = randomBytes(i % 200);
      for (const t of [
        `04${junk.toString("base64")}`,
        junk.toString("latin1"),
        `04${junk.toString("latin1")}`,
      ]) {
        expect(verifyToken04(t, AT_NOW).ok).toBe(false);
      }
    }
    // Valid layouts with random content.
    for (let i = 0; i < 200; i++) {
      const gcm = build({
        expire: C.expire,
        iv: randomBytes(12),
        content: randomBytes(16 + i),
        mode: 1,
      });
      const cbc = build({
        expire: C.expire,
        iv: randomBytes(16),
        content: randomBytes(16 * (1 + (i % 8))),
      });
      expect(verifyToken04(gcm, AT_NOW).ok).toBe(false);
      expect(verifyToken04(cbc, AT_NOW).ok).toBe(false);
    }
  });

  test("bad options throw (configuration errors, not token errors)", () => {
    const token = token04Vectors[0]?.token ?? "";
    expect(() => verifyToken04(token, { serverSecret: "short" })).toThrow(/32 bytes/);
    expect(() => verifyToken04(token, { serverSecret: SECRET, now: Number.NaN })).toThrow(/now/);
  });
});
