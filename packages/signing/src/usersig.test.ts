import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { Api } from "tls-sig-api-v2";
import { afterEach, describe, expect, test, vi } from "vitest";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import {
  allSingleCharMutations,
  randomAscii,
  singleCharMutations,
  USERSIG_ALPHABET,
} from "./testing/mutate.js";
import { official } from "./testing/official-sdk.js";
import { packUserSig, referenceSig, unpackUserSig } from "./testing/usersig-doc.js";
import { decodeUserSig, generateUserSig, verifyUserSig } from "./usersig.js";
import {
  userSigVectorA as A,
  userSigSdkAppId as APP,
  userSigVectorB as B,
  userSigKey as KEY,
} from "./vectors/tencent.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("UserSig vectors (tencent.md §1.7)", () => {
  test.each([A, B])("vector $userId: byte-identical to the official Node SDK output", (v) => {
    const input = {
      sdkAppId: APP,
      key: KEY,
      userId: v.userId,
      expireSeconds: v.expire,
      now: v.time * 1000,
    };
    const sig = generateUserSig({ ...input, compression: "zlib" });
    expect(sig).toBe(v.nodeUserSig);
    expect(unpackUserSig(sig)["TLS.sig"]).toBe(v.sig);
    // The default (stored, like the Go SDK) carries the same document, uncompressed.
    const stored = generateUserSig(input);
    expect(stored).not.toBe(v.nodeUserSig);
    expect(unpackUserSig(stored)).toEqual(unpackUserSig(v.nodeUserSig));
    expect(expectOk(verifyUserSig(stored, { key: KEY, now: input.now })).userId).toBe(v.userId);
  });

  test.each([A, B])("vector $userId: the documented content string is what is signed", (v) => {
    expect(
      referenceSig(KEY, { userId: v.userId, sdkAppId: APP, time: v.time, expire: v.expire }),
    ).toBe(v.sig);
    expect(v.content).toBe(
      `TLS.identifier:${v.userId}\nTLS.sdkappid:${APP}\nTLS.time:${v.time}\nTLS.expire:${v.expire}\n`,
    );
  });

  test.each([
    A,
    B,
  ])("vector $userId: verifies at its issue time and at the last valid second", (v) => {
    const opts = { key: KEY, sdkAppId: APP, userId: v.userId };
    const claims = expectOk(verifyUserSig(v.nodeUserSig, { ...opts, now: v.time * 1000 }));
    expect(claims).toEqual({
      sdkAppId: APP,
      userId: v.userId,
      issuedAt: v.time,
      expireSeconds: v.expire,
      expiresAt: v.time + v.expire,
    });
    // Expired when now > time + expire (strict), exact to the second.
    expectOk(verifyUserSig(v.nodeUserSig, { ...opts, now: (v.time + v.expire) * 1000 + 999 }));
    expectFailure(
      verifyUserSig(v.nodeUserSig, { ...opts, now: (v.time + v.expire + 1) * 1000 }),
      "expired",
      {
        field: "TLS.expire",
      },
    );
  });

  test("vector A from the official Python SDK (other JSON layout) verifies with the same TLS.sig", () => {
    expect(A.pythonUserSig).not.toBe(A.nodeUserSig);
    expect(unpackUserSig(A.pythonUserSig)["TLS.sig"]).toBe(A.sig);
    const claims = expectOk(
      verifyUserSig(A.pythonUserSig, {
        key: KEY,
        sdkAppId: APP,
        userId: A.userId,
        now: A.time * 1000,
      }),
    );
    expect(claims.expiresAt).toBe(A.time + A.expire);
  });

  test("vector B is expired in real time (70001)", () => {
    expectFailure(verifyUserSig(B.nodeUserSig, { key: KEY }), "expired");
  });
});

describe("compatibility with the official npm package tls-sig-api-v2", () => {
  test("byte-identical output for random inputs", () => {
    for (let i = 0; i < 100; i++) {
      const sdkAppId = 1_400_000_000 + Math.floor(Math.random() * 100_000_000);
      const key = randomBytes(32).toString("hex");
      const userId = `user_${randomBytes(1 + (i % 12)).toString("hex")}`;
      const expire = 1 + Math.floor(Math.random() * 10 * 365 * 86400);
      const now = Math.floor(Math.random() * 2_000_000_000_000);
      const theirs = official(now, () => new Api(sdkAppId, key).genUserSig(userId, expire));
      const input = { sdkAppId, key, userId, expireSeconds: expire, now };
      expect(generateUserSig({ ...input, compression: "zlib" })).toBe(theirs);
      expect(unpackUserSig(generateUserSig(input))).toEqual(unpackUserSig(theirs));
      expectOk(verifyUserSig(theirs, { key, sdkAppId, userId, now }));
    }
  });

  test("with a userbuf (genSig)", () => {
    const userBuf = randomBytes(37);
    const now = 1_700_000_000_123;
    const theirs = official(now, () => new Api(APP, KEY).genSig("bob", 600, userBuf));
    expect(
      generateUserSig({
        sdkAppId: APP,
        key: KEY,
        userId: "bob",
        expireSeconds: 600,
        now,
        userBuf,
        compression: "zlib",
      }),
    ).toBe(theirs);
    const claims = expectOk(verifyUserSig(theirs, { key: KEY, now, userBuf }));
    expect(Buffer.from(claims.userBuf ?? new Uint8Array())).toEqual(userBuf);
  });
});

describe("UserSigs from other generators", () => {
  const time = 1_700_000_000;
  const fields = { userId: "carol", sdkAppId: APP, time, expire: 86400 };
  const sig = referenceSig(KEY, fields);

  test("zlib level 0 (Go SDK), Go key order with a trailing newline", () => {
    const json = `{"TLS.ver":"2.0","TLS.identifier":"carol","TLS.sdkappid":${APP},"TLS.expire":86400,"TLS.time":${time},"TLS.sig":"${sig}"}\n`;
    const token = packUserSig(json, 0);
    expect(
      Buffer.from(
        token.replaceAll("*", "+").replaceAll("-", "/").replaceAll("_", "="),
        "base64",
      )[1],
    ).toBe(0x01);
    expectOk(verifyUserSig(token, { key: KEY, sdkAppId: APP, userId: "carol", now: time * 1000 }));
  });

  test("Python-style whitespace and level 9", () => {
    const json = `{"TLS.ver": "2.0", "TLS.identifier": "carol", "TLS.sdkappid": ${APP}, "TLS.expire": 86400, "TLS.time": ${time}, "TLS.sig": "${sig}"}`;
    expectOk(verifyUserSig(packUserSig(json, 9), { key: KEY, userId: "carol", now: time * 1000 }));
  });

  test("pretty-printed, reversed key order, with a userbuf, unpadded token", () => {
    const userBuf = Buffer.from("room-ticket");
    const b64 = userBuf.toString("base64");
    const sigWithBuf = referenceSig(KEY, { ...fields, userBuf: b64 });
    const doc = {
      "TLS.sig": sigWithBuf,
      "TLS.userbuf": b64,
      "TLS.time": time,
      "TLS.expire": 86400,
      "TLS.sdkappid": APP,
      "TLS.identifier": "carol",
      "TLS.ver": "2.0",
    };
    const token = packUserSig(JSON.stringify(doc, null, 2), 1).replace(/_+$/, "");
    const claims = expectOk(
      verifyUserSig(token, { key: KEY, userId: "carol", now: time * 1000, userBuf }),
    );
    expect(Buffer.from(claims.userBuf ?? new Uint8Array()).toString()).toBe("room-ticket");
  });
});

describe("generateUserSig", () => {
  test("round trip for random inputs", () => {
    for (let i = 0; i < 200; i++) {
      const input = {
        sdkAppId: 1 + Math.floor(Math.random() * 0xffff_fffe),
        key: randomAscii(16 + (i % 48)),
        userId: randomAscii(1 + (i % 32)),
        expireSeconds: 1 + Math.floor(Math.random() * 10 * 365 * 86400),
        now: Math.floor(Math.random() * 4_000_000_000_000),
        ...(i % 3 === 0 ? { userBuf: randomBytes(i % 50) } : {}),
        compression: i % 2 === 0 ? ("stored" as const) : ("zlib" as const),
      };
      const token = generateUserSig(input);
      expect(token).toMatch(/^[A-Za-z0-9*_-]+$/);
      const claims = expectOk(
        verifyUserSig(token, {
          key: input.key,
          sdkAppId: input.sdkAppId,
          userId: input.userId,
          now: input.now,
          userBuf: input.userBuf ?? null,
        }),
      );
      expect(claims.issuedAt).toBe(Math.floor(input.now / 1000));
      expect(claims.expiresAt).toBe(claims.issuedAt + input.expireSeconds);
    }
  });

  test("non-ASCII identifiers and keys are UTF-8", () => {
    const token = generateUserSig({
      sdkAppId: APP,
      key: "clé-秘密",
      userId: "用户",
      expireSeconds: 60,
      now: 0,
    });
    expectOk(verifyUserSig(token, { key: "clé-秘密", userId: "用户", now: 0 }));
    expectFailure(verifyUserSig(token, { key: "cle-秘密", now: 0 }), "bad_signature");
  });

  test("input validation names the field", () => {
    const base = { sdkAppId: APP, key: KEY, userId: "u", expireSeconds: 60 };
    expect(() => generateUserSig({ ...base, sdkAppId: 0 })).toThrow(/sdkAppId/);
    expect(() => generateUserSig({ ...base, sdkAppId: 1.5 })).toThrow(TypeError);
    expect(() => generateUserSig({ ...base, key: "" })).toThrow(/key/);
    expect(() => generateUserSig({ ...base, userId: "" })).toThrow(/userId/);
    expect(() => generateUserSig({ ...base, expireSeconds: 0 })).toThrow(/expireSeconds/);
    expect(() => generateUserSig({ ...base, expireSeconds: 0.5 })).toThrow(TypeError);
    expect(() => generateUserSig({ ...base, now: Number.POSITIVE_INFINITY })).toThrow(/now/);
    expect(() => generateUserSig({ ...base, compression: "gzip" as unknown as "zlib" })).toThrow(
      /compression/,
    );
    expect(() => generateUserSig({ ...base, userBuf: "x" as unknown as Uint8Array })).toThrow(
      /userBuf/,
    );
  });
});

describe("verifyUserSig reasons", () => {
  const now = A.time * 1000;
  const token = A.nodeUserSig;
  const leaks = [KEY, token, A.sig, A.sig.slice(0, 20)];

  test("missing", () => {
    expectFailure(verifyUserSig("", { key: KEY, now }), "missing", { field: "usersig" });
    expectFailure(decodeUserSig(undefined as unknown as string), "missing");
  });

  test("wrong app, wrong user (claims are checked before the HMAC)", () => {
    expectFailure(verifyUserSig(token, { key: KEY, sdkAppId: APP + 1, now }), "wrong_app", {
      field: "TLS.sdkappid",
      secrets: leaks,
    });
    expectFailure(verifyUserSig(token, { key: KEY, userId: "admin", now }), "wrong_user", {
      field: "TLS.identifier",
      secrets: leaks,
    });
  });

  test("signed with another key (70009)", () => {
    const other = "0".repeat(64);
    expectFailure(verifyUserSig(token, { key: other, now }), "bad_signature", {
      field: "TLS.sig",
      secrets: [...leaks, other],
    });
  });

  test("a forged document (claims changed, TLS.sig kept) fails the HMAC", () => {
    const doc = unpackUserSig(token);
    for (const [field, value] of [
      ["TLS.identifier", "root"],
      ["TLS.sdkappid", APP + 1],
      ["TLS.time", A.time + 1],
      ["TLS.expire", A.expire * 2],
      ["TLS.userbuf", "AAAA"],
    ] as const) {
      const forged = packUserSig(JSON.stringify({ ...doc, [field]: value }));
      expectFailure(verifyUserSig(forged, { key: KEY, now }), "bad_signature", { secrets: leaks });
    }
    const shortSig = packUserSig(JSON.stringify({ ...doc, "TLS.sig": "AAAA" }));
    expectFailure(verifyUserSig(shortSig, { key: KEY, now }), "bad_signature");
  });

  test("userbuf expectations", () => {
    const withBuf = generateUserSig({
      sdkAppId: APP,
      key: KEY,
      userId: "u",
      expireSeconds: 60,
      now,
      userBuf: Buffer.from([1, 2, 3]),
    });
    const opts = { key: KEY, now };
    expectOk(verifyUserSig(withBuf, { ...opts, userBuf: new Uint8Array([1, 2, 3]) }));
    expectOk(verifyUserSig(withBuf, opts));
    expectFailure(verifyUserSig(withBuf, { ...opts, userBuf: null }), "userbuf_mismatch", {
      field: "TLS.userbuf",
    });
    expectFailure(
      verifyUserSig(withBuf, { ...opts, userBuf: new Uint8Array([1, 2, 4]) }),
      "userbuf_mismatch",
    );
    expectFailure(
      verifyUserSig(withBuf, { ...opts, userBuf: new Uint8Array([1, 2]) }),
      "userbuf_mismatch",
    );
    expectOk(verifyUserSig(token, { ...opts, userBuf: null }));
    expectFailure(
      verifyUserSig(token, { ...opts, userBuf: new Uint8Array([1]) }),
      "userbuf_mismatch",
    );
  });

  test("malformed: characters, base64, zlib, JSON, field types", () => {
    const opts = { key: KEY, now };
    const doc = unpackUserSig(token);
    const cases: [string, string | undefined][] = [
      ["has a space", "usersig"],
      ["abc+def", "usersig"],
      ["abcde", "usersig"],
      ["a_bc", "usersig"],
      [packUserSig("").slice(0, 4), "usersig"],
      [Buffer.from("plain text, not zlib").toString("base64").replaceAll("=", "_"), "usersig"],
      [packUserSig("not json"), "usersig"],
      [packUserSig("[1,2]"), "usersig"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.identifier": 5 })), "TLS.identifier"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.sdkappid": "1400000000" })), "TLS.sdkappid"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.time": 1.5 })), "TLS.time"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.expire": null })), "TLS.expire"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.sig": "!!" })), "TLS.sig"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.sig": undefined })), "TLS.sig"],
      [packUserSig(JSON.stringify({ ...doc, "TLS.userbuf": 7 })), "TLS.userbuf"],
    ];
    for (const [bad, field] of cases) {
      expectFailure(verifyUserSig(bad, opts), "malformed", { field, secrets: leaks });
      expectFailure(decodeUserSig(bad), "malformed", { field });
    }
  });

  test("unsupported TLS.ver", () => {
    const doc = unpackUserSig(token);
    for (const ver of ["1.0", 2, undefined]) {
      expectFailure(
        verifyUserSig(packUserSig(JSON.stringify({ ...doc, "TLS.ver": ver })), { key: KEY, now }),
        "unsupported_version",
        {
          field: "TLS.ver",
        },
      );
    }
  });

  test("trailing data after the zlib stream and oversized documents are rejected", () => {
    const packed = Buffer.from(
      token.replaceAll("*", "+").replaceAll("-", "/").replaceAll("_", "="),
      "base64",
    );
    const trailing = Buffer.concat([packed, Buffer.from([0, 0, 0])])
      .toString("base64")
      .replaceAll("+", "*")
      .replaceAll("/", "-")
      .replaceAll("=", "_");
    expectFailure(verifyUserSig(trailing, { key: KEY, now }), "malformed");
    // A small zlib stream that inflates to 1 MiB.
    const bomb = deflateSync(Buffer.alloc(1 << 20, 0x20), { level: 9 })
      .toString("base64")
      .replaceAll("+", "*")
      .replaceAll("/", "-")
      .replaceAll("=", "_");
    expect(bomb.length).toBeLessThan(16 * 1024);
    expectFailure(verifyUserSig(bomb, { key: KEY, now }), "malformed");
    expectFailure(verifyUserSig("A".repeat(20_000), { key: KEY, now }), "malformed");
  });

  test("every single-character change of a real UserSig is rejected (every replacement)", () => {
    const time = 1_700_000_000;
    const goSig = referenceSig(KEY, { userId: "erin", sdkAppId: APP, time, expire: 600 });
    const goStyle = packUserSig(
      `{"TLS.ver":"2.0","TLS.identifier":"erin","TLS.sdkappid":${APP},"TLS.expire":600,"TLS.time":${time},"TLS.sig":"${goSig}"}\n`,
      0,
    );
    const fresh = generateUserSig({ sdkAppId: APP, key: KEY, userId: "dave", expireSeconds: 3600 });
    const freshZlib = generateUserSig({
      sdkAppId: APP,
      key: KEY,
      userId: "dave",
      expireSeconds: 3600,
      compression: "zlib",
    });
    // Every replacement at every position for two layouts (Python: dynamic Huffman with
    // padding in its last byte; our default: stored block); one per position otherwise.
    for (const [tokenToMutate, opts, every] of [
      [A.pythonUserSig, { key: KEY, now }, true],
      [fresh, { key: KEY }, true],
      [goStyle, { key: KEY, now: time * 1000 }, false],
      [A.nodeUserSig, { key: KEY, now }, false],
      [freshZlib, { key: KEY }, false],
    ] as const) {
      expectOk(verifyUserSig(tokenToMutate, opts));
      const accepted: string[] = [];
      const leaky: string[] = [];
      let tried = 0;
      const mutations = every
        ? allSingleCharMutations(tokenToMutate, USERSIG_ALPHABET)
        : singleCharMutations(tokenToMutate, USERSIG_ALPHABET);
      for (const [i, mutated] of mutations) {
        tried++;
        const result = verifyUserSig(mutated, opts);
        if (result.ok) accepted.push(`${i}: ${mutated.slice(Math.max(0, i - 4), i + 4)}`);
        else if (
          result.message.includes(KEY) ||
          result.message.includes(tokenToMutate.slice(0, 40))
        ) {
          leaky.push(result.message);
        }
      }
      expect(tried).toBe(tokenToMutate.length * (every ? USERSIG_ALPHABET.length - 1 : 1));
      expect(accepted).toEqual([]);
      expect(leaky).toEqual([]);
    }
    // Tens of thousands of verifications: seconds alone, but CI runs every package's tests
    // at once on two cores, so this exhaustive check gets room rather than a race.
  }, 120_000);

  test("never throws on garbage", () => {
    for (let i = 0; i < 500; i++) {
      const junk = randomBytes(i % 300);
      const candidates = [
        junk.toString("latin1"),
        junk.toString("base64").replaceAll("+", "*").replaceAll("/", "-").replaceAll("=", "_"),
        packUserSig(junk.toString("latin1")),
        packUserSig(JSON.stringify({ "TLS.ver": "2.0", "TLS.identifier": junk.toString("hex") })),
      ];
      for (const c of candidates) {
        expect(verifyUserSig(c, { key: KEY, now }).ok).toBe(false);
        expect(decodeUserSig(c).ok).toBe(false);
      }
    }
  });

  test("bad options throw", () => {
    expect(() => verifyUserSig(token, { key: "" })).toThrow(/key/);
  });
});

describe("decodeUserSig", () => {
  test("reads the claims without a key (to pick the app's key first)", () => {
    expect(expectOk(decodeUserSig(A.nodeUserSig))).toEqual({
      sdkAppId: APP,
      userId: A.userId,
      issuedAt: A.time,
      expireSeconds: A.expire,
      expiresAt: A.time + A.expire,
    });
    expect(expectOk(decodeUserSig(A.pythonUserSig)).sdkAppId).toBe(APP);
  });

  test("does not judge expiry or authenticity", () => {
    expectOk(decodeUserSig(B.nodeUserSig));
    const doc = unpackUserSig(A.nodeUserSig);
    expectOk(decodeUserSig(packUserSig(JSON.stringify({ ...doc, "TLS.sig": "AAAA" }))));
  });
});
