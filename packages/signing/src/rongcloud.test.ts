import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  rongCloudSignature,
  signRongCloudCallback,
  signRongCloudRequest,
  verifyRongCloudCallback,
  verifyRongCloudRequest,
} from "./rongcloud.js";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { expectSignatureParamSealed } from "./testing/hex-signature.js";
import { randomAscii } from "./testing/mutate.js";
import { rongCloudSignatureVectors } from "./vectors/rongcloud.js";

const APP_KEY = "c9kqb3rdkbb8j";
const SECRET = "uTNrkYskbNC";
const secretFor = (appKey: string) => (appKey === APP_KEY ? SECRET : undefined);
/** The app's credentials, as the signers take them. */
const APP = { appKey: APP_KEY, appSecret: SECRET };
const NOW = 1_700_000_000_000;

function signedHeaders(now = NOW) {
  return signRongCloudRequest({ ...APP, now });
}

describe("rongCloudSignature", () => {
  test.each(rongCloudSignatureVectors)("vector $nonce/$timestamp", (v) => {
    expect(rongCloudSignature(v.appSecret, v.nonce, v.timestamp)).toBe(v.signature);
  });

  test("is lowercase hex SHA-1 (40 chars)", () => {
    expect(rongCloudSignature("a", "b", "c")).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("signRongCloudRequest", () => {
  test("timestamp is in seconds and the signature covers the sent values", () => {
    const h = signRongCloudRequest({ ...APP, nonce: "n1", now: NOW + 999 });
    expect(h).toEqual({
      "App-Key": APP_KEY,
      Nonce: "n1",
      Timestamp: "1700000000",
      Signature: rongCloudSignature(SECRET, "n1", "1700000000"),
    });
  });

  test("a fresh random nonce on every call", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 200; i++) nonces.add(signedHeaders().Nonce);
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[0-9a-f]{16}$/);
  });

  test("rejects empty inputs with a message naming the field", () => {
    expect(() => signRongCloudRequest({ appKey: "", appSecret: SECRET })).toThrow(/appKey/);
    expect(() => signRongCloudRequest({ appKey: APP_KEY, appSecret: "" })).toThrow(/appSecret/);
    expect(() => signRongCloudRequest({ ...APP, nonce: "" })).toThrow(/nonce/);
  });
});

describe("verifyRongCloudRequest", () => {
  test("round trip for random inputs", () => {
    for (let i = 0; i < 200; i++) {
      const appKey = randomAscii(1 + (i % 20));
      const appSecret = randomAscii(8 + (i % 30));
      const now = Math.floor(Math.random() * 4_000_000_000_000);
      const h = signRongCloudRequest({ appKey, appSecret, now });
      const value = expectOk(verifyRongCloudRequest(h, () => appSecret));
      expect(value).toEqual({
        appKey,
        nonce: h.Nonce,
        timestamp: h.Timestamp,
        timestampMs: Math.floor(now / 1000) * 1000,
      });
    }
  });

  test("vectors verify, in seconds and in milliseconds", () => {
    for (const v of rongCloudSignatureVectors) {
      const headers = {
        "App-Key": "k",
        Nonce: v.nonce,
        Timestamp: v.timestamp,
        Signature: v.signature,
      };
      const value = expectOk(verifyRongCloudRequest(headers, () => v.appSecret));
      const expectedMs =
        v.timestamp.length === 13 ? Number(v.timestamp) : Number(v.timestamp) * 1000;
      expect(value.timestampMs).toBe(expectedMs);
    }
  });

  test("accepts RC- header names, any case, and fetch Headers", () => {
    const h = signedHeaders();
    const rc = {
      "rc-app-key": h["App-Key"],
      "RC-NONCE": h.Nonce,
      "Rc-Timestamp": h.Timestamp,
      "rc-signature": h.Signature,
    };
    expectOk(verifyRongCloudRequest(rc, secretFor));
    const upper = {
      "APP-KEY": h["App-Key"],
      NONCE: h.Nonce,
      TIMESTAMP: h.Timestamp,
      SIGNATURE: h.Signature,
    };
    expectOk(verifyRongCloudRequest(upper, secretFor));
    expectOk(verifyRongCloudRequest(new Headers({ ...h }), secretFor));
  });

  test("the same nonce and timestamp may be reused (official Node SDK behaviour)", () => {
    const h = signedHeaders();
    expectOk(verifyRongCloudRequest(h, secretFor));
    expectOk(verifyRongCloudRequest(h, secretFor));
  });

  test("a long, non-hex nonce is accepted (Go sends 19 digits, Java decimals)", () => {
    const nonce = "5577006791947779410.123";
    const h = signRongCloudRequest({ ...APP, nonce, now: NOW });
    expect(expectOk(verifyRongCloudRequest(h, secretFor)).nonce).toBe(nonce);
  });

  test.each(["App-Key", "Nonce", "Timestamp", "Signature"] as const)("missing %s", (name) => {
    const h: Record<string, string> = { ...signedHeaders() };
    delete h[name];
    expectFailure(verifyRongCloudRequest(h, secretFor), "missing", { field: name });
    h[name] = "";
    expectFailure(verifyRongCloudRequest(h, secretFor), "missing", { field: name });
  });

  test("malformed timestamp", () => {
    for (const ts of ["17e8", "-1", "1700000000.5", " 1700000000", "12345678901234567"]) {
      const h = { ...signedHeaders(), Timestamp: ts };
      expectFailure(verifyRongCloudRequest(h, secretFor), "malformed", { field: "Timestamp" });
    }
  });

  test("unknown app, and an empty secret is treated as unknown", () => {
    const h = signedHeaders();
    expectFailure(
      verifyRongCloudRequest(h, () => undefined),
      "unknown_app",
      { field: "App-Key" },
    );
    expectFailure(
      verifyRongCloudRequest(h, () => ""),
      "unknown_app",
    );
  });

  test("bad signature; messages never contain the secret or the expected signature", () => {
    const h = signedHeaders();
    expectSignatureParamSealed(h, "Signature", (s) => verifyRongCloudRequest(s, secretFor), [
      SECRET,
    ]);
    expectFailure(
      verifyRongCloudRequest({ ...h, Nonce: `${h.Nonce}x` }, secretFor),
      "bad_signature",
    );
    expectFailure(verifyRongCloudRequest({ ...h, Signature: "short" }, secretFor), "bad_signature");
    expectFailure(
      verifyRongCloudRequest(h, () => "other-secret"),
      "bad_signature",
    );
  });

  test("no freshness check by default", () => {
    const h = signedHeaders(0);
    expectOk(verifyRongCloudRequest(h, secretFor, { now: NOW }));
  });

  test("maxSkewSeconds: exact to the second, both directions", () => {
    const h = signedHeaders(NOW);
    const opts = (now: number) => ({ now, maxSkewSeconds: 300 });
    expectOk(verifyRongCloudRequest(h, secretFor, opts(NOW + 300_999)));
    expectFailure(verifyRongCloudRequest(h, secretFor, opts(NOW + 301_000)), "expired", {
      field: "Timestamp",
    });
    expectOk(verifyRongCloudRequest(h, secretFor, opts(NOW - 300_000)));
    expectFailure(verifyRongCloudRequest(h, secretFor, opts(NOW - 300_001)), "not_yet_valid");
  });

  test("maxSkewSeconds with a millisecond timestamp", () => {
    const ts = "1700000000123";
    const h = {
      "App-Key": APP_KEY,
      Nonce: "n",
      Timestamp: ts,
      Signature: rongCloudSignature(SECRET, "n", ts),
    };
    expectOk(verifyRongCloudRequest(h, secretFor, { now: 1700000060123, maxSkewSeconds: 60 }));
    expectFailure(
      verifyRongCloudRequest(h, secretFor, { now: 1700000060124, maxSkewSeconds: 60 }),
      "expired",
    );
  });

  test("never throws on garbage headers", () => {
    for (let i = 0; i < 300; i++) {
      const junk = randomBytes(1 + (i % 40)).toString("latin1");
      const h = { "App-Key": APP_KEY, Nonce: junk, Timestamp: junk, Signature: junk };
      expect(verifyRongCloudRequest(h, secretFor).ok).toBe(false);
    }
  });
});

describe("RongCloud callbacks", () => {
  test("sign: signTimestamp in milliseconds", () => {
    const p = signRongCloudCallback({ ...APP, nonce: "abc", now: NOW + 5 });
    expect(p).toEqual({
      appKey: APP_KEY,
      nonce: "abc",
      signTimestamp: "1700000000005",
      signature: rongCloudSignature(SECRET, "abc", "1700000000005"),
    });
  });

  test("round trip for random inputs, record and URLSearchParams", () => {
    for (let i = 0; i < 200; i++) {
      const appSecret = randomAscii(10 + (i % 20));
      const now = Math.floor(Math.random() * 4_000_000_000_000) + 1_000_000_000_000;
      const p = signRongCloudCallback({ appKey: APP_KEY, appSecret, now });
      expect(p.nonce.length).toBeLessThanOrEqual(18);
      const fromRecord = expectOk(verifyRongCloudCallback({ ...p }, appSecret));
      expect(fromRecord).toEqual({ nonce: p.nonce, timestampMs: now, appKey: APP_KEY });
      const query = new URLSearchParams({ ...p });
      expect(expectOk(verifyRongCloudCallback(query, appSecret))).toEqual(fromRecord);
    }
  });

  test("vectors as callback parameters", () => {
    for (const v of rongCloudSignatureVectors) {
      const q = { nonce: v.nonce, signTimestamp: v.timestamp, signature: v.signature };
      expect(expectOk(verifyRongCloudCallback(q, v.appSecret)).nonce).toBe(v.nonce);
    }
  });

  test("without appKey (pre-messaging callback)", () => {
    const p = signRongCloudCallback({ ...APP, now: NOW });
    const q = { nonce: p.nonce, signTimestamp: p.signTimestamp, signature: p.signature };
    expect(expectOk(verifyRongCloudCallback(q, SECRET))).toEqual({
      nonce: p.nonce,
      timestampMs: NOW,
    });
  });

  test("the signed time named timestamp where signTimestamp is absent (some pages' spelling)", () => {
    const p = signRongCloudCallback({ ...APP, now: NOW });
    const q = { nonce: p.nonce, timestamp: p.signTimestamp, signature: p.signature };
    expect(expectOk(verifyRongCloudCallback(q, SECRET))).toEqual({
      nonce: p.nonce,
      timestampMs: NOW,
    });
    // Still signed: another time under that name fails.
    expectFailure(
      verifyRongCloudCallback({ ...q, timestamp: String(NOW + 1) }, SECRET),
      "bad_signature",
      { field: "signature" },
    );
  });

  test("legacy rc-nonce / rc-timestamp (seconds) / rc-signature", () => {
    const ts = "1700000000";
    const q = {
      "rc-nonce": "42",
      "rc-timestamp": ts,
      "rc-signature": rongCloudSignature(SECRET, "42", ts),
    };
    expect(expectOk(verifyRongCloudCallback(q, SECRET))).toEqual({ nonce: "42", timestampMs: NOW });
    expectFailure(
      verifyRongCloudCallback({ ...q, "rc-signature": "0".repeat(40) }, SECRET),
      "bad_signature",
      {
        field: "rc-signature",
      },
    );
    const { "rc-nonce": _, ...noNonce } = q;
    expectFailure(verifyRongCloudCallback(noNonce, SECRET), "missing", { field: "rc-nonce" });
  });

  test("missing and malformed fields", () => {
    const p = signRongCloudCallback({ ...APP, now: NOW });
    expectFailure(verifyRongCloudCallback({}, SECRET), "missing", { field: "signature" });
    expectFailure(verifyRongCloudCallback({ ...p, nonce: "" }, SECRET), "missing", {
      field: "nonce",
    });
    const { signTimestamp: _, ...noTs } = p;
    expectFailure(verifyRongCloudCallback(noTs, SECRET), "missing", { field: "signTimestamp" });
    expectFailure(verifyRongCloudCallback({ ...p, signTimestamp: "abc" }, SECRET), "malformed", {
      field: "signTimestamp",
    });
  });

  test("every single-character change of the signature is rejected; uppercase is rejected", () => {
    const p = signRongCloudCallback({ ...APP, now: NOW });
    expectSignatureParamSealed(p, "signature", (s) => verifyRongCloudCallback(s, SECRET), [SECRET]);
    expectFailure(verifyRongCloudCallback(p, "wrong"), "bad_signature");
  });

  test("maxAgeSeconds: exact boundary in milliseconds, future too", () => {
    const p = signRongCloudCallback({ ...APP, now: NOW });
    expectOk(verifyRongCloudCallback(p, SECRET, { now: NOW + 60_000, maxAgeSeconds: 60 }));
    expectFailure(
      verifyRongCloudCallback(p, SECRET, { now: NOW + 60_001, maxAgeSeconds: 60 }),
      "expired",
    );
    expectFailure(
      verifyRongCloudCallback(p, SECRET, { now: NOW - 60_001, maxAgeSeconds: 60 }),
      "not_yet_valid",
    );
    expectOk(verifyRongCloudCallback(p, SECRET, { now: NOW + 10 ** 9 }));
  });

  test("an empty secret is a programming error", () => {
    expect(() => verifyRongCloudCallback({}, "")).toThrow(/appSecret/);
  });
});
