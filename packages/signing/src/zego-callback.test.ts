import { createHash, randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { expectSignatureParamSealed } from "./testing/hex-signature.js";
import { randomAscii } from "./testing/mutate.js";
import { zegoCallbackVectors } from "./vectors/zego.js";
import { verifyZegoCallback, zegoCallbackSignature } from "./zego-callback.js";

const SECRET = "cbsecret0123";
const NOW = 1_700_000_000_000;

function signedBody(timestamp: string | number = "1700000000", nonce: string | number = "987654") {
  return { signature: zegoCallbackSignature(SECRET, timestamp, nonce), timestamp, nonce };
}

describe("zegoCallbackSignature", () => {
  test.each(zegoCallbackVectors)("vector $callbackSecret", (v) => {
    expect(zegoCallbackSignature(v.callbackSecret, v.timestamp, v.nonce)).toBe(v.signature);
    expect(zegoCallbackSignature(v.callbackSecret, Number(v.timestamp), Number(v.nonce))).toBe(
      v.signature,
    );
  });

  test("sorts by byte order, like the reference implementations", () => {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80) by bytes, but
    // after it by UTF-16 code units (0xFF5E > 0xD83D).
    const a = "\uff5e";
    const b = "\u{1f600}";
    const expected = createHash("sha1").update(`1${a}${b}`).digest("hex");
    expect(zegoCallbackSignature(b, "1", a)).toBe(expected);
    expect(zegoCallbackSignature(a, b, "1")).toBe(expected);
  });

  test("equals an independent sort-then-hash for random ASCII inputs", () => {
    for (let i = 0; i < 200; i++) {
      const parts = [randomAscii(1 + (i % 12)), String(i * 7919), randomAscii(6)];
      const sorted = [...parts].sort();
      const expected = createHash("sha1").update(sorted.join("")).digest("hex");
      expect(zegoCallbackSignature(parts[0] ?? "", parts[1] ?? "", parts[2] ?? "")).toBe(expected);
    }
  });
});

describe("verifyZegoCallback", () => {
  test("vectors verify", () => {
    for (const v of zegoCallbackVectors) {
      const body = {
        signature: v.signature,
        timestamp: v.timestamp,
        nonce: v.nonce,
        event: "send_msg",
      };
      expect(expectOk(verifyZegoCallback(body, v.callbackSecret))).toEqual({
        timestamp: v.timestamp,
        nonce: v.nonce,
        timestampMs: Number(v.timestamp) * 1000,
      });
    }
  });

  test("numeric timestamp and nonce (ZEGO sends both forms)", () => {
    const body = signedBody(1700000000, 987654);
    expect(expectOk(verifyZegoCallback(body, SECRET))).toEqual({
      timestamp: "1700000000",
      nonce: "987654",
      timestampMs: NOW,
    });
  });

  test("round trip for random inputs, seconds and milliseconds", () => {
    for (let i = 0; i < 200; i++) {
      const secret = randomAscii(8 + (i % 24));
      const ms = Math.floor(Math.random() * 4_000_000_000_000) + 1_000_000_000_000;
      const timestamp = i % 2 === 0 ? String(ms) : String(Math.floor(ms / 1000));
      const nonce = String(Math.floor(Math.random() * 1e9));
      const body = { signature: zegoCallbackSignature(secret, timestamp, nonce), timestamp, nonce };
      const value = expectOk(verifyZegoCallback(body, secret));
      expect(value.timestampMs).toBe(i % 2 === 0 ? ms : Math.floor(ms / 1000) * 1000);
    }
  });

  test("missing and malformed fields", () => {
    const body = signedBody();
    expectFailure(verifyZegoCallback({}, SECRET), "missing", { field: "signature" });
    expectFailure(verifyZegoCallback({ ...body, timestamp: undefined }, SECRET), "missing", {
      field: "timestamp",
    });
    expectFailure(verifyZegoCallback({ ...body, nonce: null }, SECRET), "missing", {
      field: "nonce",
    });
    expectFailure(verifyZegoCallback({ ...body, signature: 42 }, SECRET), "malformed", {
      field: "signature",
    });
    expectFailure(verifyZegoCallback({ ...body, timestamp: 1.5 }, SECRET), "malformed", {
      field: "timestamp",
    });
    expectFailure(verifyZegoCallback({ ...body, timestamp: "soon" }, SECRET), "malformed", {
      field: "timestamp",
    });
    expectFailure(verifyZegoCallback({ ...body, nonce: { x: 1 } }, SECRET), "malformed", {
      field: "nonce",
    });
  });

  test("every single-character change of the signature is rejected", () => {
    const body = signedBody();
    expectSignatureParamSealed(body, "signature", (b) => verifyZegoCallback(b, SECRET), [SECRET]);
    expectFailure(verifyZegoCallback({ ...body, nonce: "987655" }, SECRET), "bad_signature");
    expectFailure(verifyZegoCallback(body, "wrong-secret"), "bad_signature");
  });

  test("maxAgeSeconds: seconds timestamps exact to the second", () => {
    const body = signedBody("1700000000");
    expectOk(verifyZegoCallback(body, SECRET, { now: NOW + 300_999, maxAgeSeconds: 300 }));
    expectFailure(
      verifyZegoCallback(body, SECRET, { now: NOW + 301_000, maxAgeSeconds: 300 }),
      "expired",
      {
        field: "timestamp",
      },
    );
    expectFailure(
      verifyZegoCallback(body, SECRET, { now: NOW - 301_000, maxAgeSeconds: 300 }),
      "not_yet_valid",
    );
    // No age check unless asked.
    expectOk(verifyZegoCallback(body, SECRET, { now: NOW + 10 ** 10 }));
  });

  test("maxAgeSeconds: millisecond timestamps", () => {
    const body = signedBody(String(NOW));
    expectOk(verifyZegoCallback(body, SECRET, { now: NOW + 300_000, maxAgeSeconds: 300 }));
    expectFailure(
      verifyZegoCallback(body, SECRET, { now: NOW + 300_001, maxAgeSeconds: 300 }),
      "expired",
    );
  });

  test("never throws on garbage", () => {
    const values: unknown[] = [undefined, null, 0, -1, 1.5, "", "x", [], {}, true, Number.NaN];
    for (const signature of values) {
      for (const timestamp of values) {
        for (const nonce of values) {
          expect(verifyZegoCallback({ signature, timestamp, nonce }, SECRET).ok).toBe(false);
        }
      }
    }
    for (let i = 0; i < 200; i++) {
      const junk = randomBytes(1 + (i % 40)).toString("latin1");
      expect(verifyZegoCallback({ signature: junk, timestamp: junk, nonce: junk }, SECRET).ok).toBe(
        false,
      );
    }
  });

  test("an empty callback secret is a programming error", () => {
    expect(() => verifyZegoCallback(signedBody(), "")).toThrow(/callbackSecret/);
  });
});
