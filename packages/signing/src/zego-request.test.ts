import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { expectSignatureParamSealed } from "./testing/hex-signature.js";
import { randomAscii } from "./testing/mutate.js";
import { zegoRequestVectors } from "./vectors/zego.js";
import { signZegoRequest, verifyZegoRequest, zegoSignature } from "./zego-request.js";

const APP_ID = 1234567890;
const SECRET = "fa94dd0f974cf2e293728a526b028271";
const secretFor = (appId: number) => (appId === APP_ID ? SECRET : undefined);
const NOW = 1_700_000_000_000;

function signed(now = NOW): Record<string, string> {
  return {
    Action: "UserRegister",
    ...signZegoRequest({ appId: APP_ID, serverSecret: SECRET, now }),
  };
}

describe("zegoSignature", () => {
  test.each(zegoRequestVectors)("vector AppId $appId", (v) => {
    expect(zegoSignature(v.appId, v.nonce, v.serverSecret, v.timestamp)).toBe(v.signature);
    expect(zegoSignature(String(v.appId), v.nonce, v.serverSecret, String(v.timestamp))).toBe(
      v.signature,
    );
  });
});

describe("signZegoRequest", () => {
  test("pinned nonce and clock reproduce the vectors", () => {
    for (const v of zegoRequestVectors) {
      const p = signZegoRequest({
        appId: v.appId,
        serverSecret: v.serverSecret,
        nonce: v.nonce,
        now: v.timestamp * 1000 + 999,
      });
      expect(p).toEqual({
        AppId: String(v.appId),
        SignatureNonce: v.nonce,
        Timestamp: String(v.timestamp),
        Signature: v.signature,
        SignatureVersion: "2.0",
      });
    }
  });

  test("nonce: 16 lowercase hex chars, fresh each call", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { SignatureNonce } = signZegoRequest({ appId: APP_ID, serverSecret: SECRET });
      expect(SignatureNonce).toMatch(/^[0-9a-f]{16}$/);
      seen.add(SignatureNonce);
    }
    expect(seen.size).toBe(200);
  });

  test("input validation names the field", () => {
    expect(() => signZegoRequest({ appId: 0, serverSecret: SECRET })).toThrow(RangeError);
    expect(() => signZegoRequest({ appId: 2 ** 32, serverSecret: SECRET })).toThrow(/appId/);
    expect(() => signZegoRequest({ appId: 1.5, serverSecret: SECRET })).toThrow(TypeError);
    expect(() => signZegoRequest({ appId: 1, serverSecret: "" })).toThrow(/serverSecret/);
    expect(() => signZegoRequest({ appId: 1, serverSecret: SECRET, nonce: "" })).toThrow(/nonce/);
  });
});

describe("verifyZegoRequest", () => {
  test("vectors verify (with the clock at their timestamp)", () => {
    for (const v of zegoRequestVectors) {
      const params = new URLSearchParams({
        Action: "QueryUserInfos",
        AppId: String(v.appId),
        SignatureNonce: v.nonce,
        Timestamp: String(v.timestamp),
        Signature: v.signature,
        SignatureVersion: "2.0",
      });
      const value = expectOk(
        verifyZegoRequest(params, () => v.serverSecret, { now: v.timestamp * 1000 }),
      );
      expect(value).toEqual({ appId: v.appId, nonce: v.nonce, timestamp: v.timestamp });
    }
  });

  test("round trip for random inputs", () => {
    for (let i = 0; i < 200; i++) {
      const appId = 1 + Math.floor(Math.random() * 0xffff_fffe);
      const serverSecret = randomBytes(16).toString("hex");
      const now = Math.floor(Math.random() * 4_000_000_000_000);
      const p = signZegoRequest({ appId, serverSecret, now });
      const value = expectOk(
        verifyZegoRequest(
          new URLSearchParams({ ...p }),
          (id) => (id === appId ? serverSecret : undefined),
          { now },
        ),
      );
      expect(value).toEqual({ appId, nonce: p.SignatureNonce, timestamp: Math.floor(now / 1000) });
    }
  });

  test("accepts a decimal (non-hex) nonce like the docs' URL examples, and numeric record values", () => {
    const nonce = "15615186943123";
    const ts = 1700000000;
    const params = {
      AppId: APP_ID,
      SignatureNonce: nonce,
      Timestamp: ts,
      Signature: zegoSignature(APP_ID, nonce, SECRET, ts),
      SignatureVersion: "2.0",
    };
    expectOk(verifyZegoRequest(params, secretFor, { now: NOW }));
  });

  test("leading zeros are accepted; the canonical decimal is what is signed (unverified)", () => {
    const p = signZegoRequest({ appId: 12345, serverSecret: SECRET, now: NOW });
    const zeros = { ...p, AppId: "0012345", Timestamp: `0${p.Timestamp}` };
    const value = expectOk(verifyZegoRequest(zeros, () => SECRET, { now: NOW }));
    expect(value).toEqual({ appId: 12345, nonce: p.SignatureNonce, timestamp: NOW / 1000 });
  });

  test("AppId: missing / malformed / unknown", () => {
    const p = signed();
    const { AppId: _, ...noAppId } = p;
    expectFailure(verifyZegoRequest(noAppId, secretFor, { now: NOW }), "missing", {
      field: "AppId",
    });
    expectFailure(verifyZegoRequest({ ...p, AppId: "" }, secretFor, { now: NOW }), "missing", {
      field: "AppId",
    });
    for (const bad of ["abc", "-1", "1.0", "4294967296", "99999999999", " 1", "1e3"]) {
      expectFailure(verifyZegoRequest({ ...p, AppId: bad }, secretFor, { now: NOW }), "malformed", {
        field: "AppId",
      });
    }
    expectFailure(
      verifyZegoRequest({ ...p, AppId: "42" }, secretFor, { now: NOW }),
      "unknown_app",
      {
        field: "AppId",
      },
    );
    expectFailure(
      verifyZegoRequest(p, () => "", { now: NOW }),
      "unknown_app",
    );
  });

  test("Timestamp: missing / not an integer", () => {
    const p = signed();
    const { Timestamp: _, ...noTs } = p;
    expectFailure(verifyZegoRequest(noTs, secretFor, { now: NOW }), "missing", {
      field: "Timestamp",
    });
    for (const bad of ["abc", "1700000000.0", "1e9", "0x10", "1".repeat(16)]) {
      expectFailure(
        verifyZegoRequest({ ...p, Timestamp: bad }, secretFor, { now: NOW }),
        "malformed",
        {
          field: "Timestamp",
        },
      );
    }
  });

  test.each(["SignatureNonce", "Signature", "SignatureVersion"])("missing %s", (name) => {
    const p = signed();
    const without = { ...p };
    delete without[name];
    expectFailure(verifyZegoRequest(without, secretFor, { now: NOW }), "missing", { field: name });
    expectFailure(verifyZegoRequest({ ...p, [name]: "" }, secretFor, { now: NOW }), "missing", {
      field: name,
    });
  });

  test("SignatureVersion other than 2.0 is unsupported", () => {
    for (const version of ["1.0", "2", "2.00", "3.0"]) {
      expectFailure(
        verifyZegoRequest({ ...signed(), SignatureVersion: version }, secretFor, { now: NOW }),
        "unsupported_version",
        { field: "SignatureVersion" },
      );
    }
  });

  test("checks follow the gateway order (AppId before Timestamp before nonce...)", () => {
    expectFailure(verifyZegoRequest({}, secretFor, { now: NOW }), "missing", { field: "AppId" });
    expectFailure(verifyZegoRequest({ AppId: "42" }, secretFor, { now: NOW }), "unknown_app");
    expectFailure(
      verifyZegoRequest({ AppId: String(APP_ID) }, secretFor, { now: NOW }),
      "missing",
      {
        field: "Timestamp",
      },
    );
    expectFailure(
      verifyZegoRequest({ AppId: String(APP_ID), Timestamp: "1" }, secretFor, { now: NOW }),
      "missing",
      { field: "SignatureNonce" },
    );
    // A stale timestamp is reported before the signature is checked.
    expectFailure(
      verifyZegoRequest({ ...signed(), Timestamp: "1", Signature: "x" }, secretFor, { now: NOW }),
      "expired",
    );
  });

  test("window: |now - Timestamp| <= 600 s exactly, past and future", () => {
    const p = signed(NOW);
    expectOk(verifyZegoRequest(p, secretFor, { now: NOW + 600_999 }));
    expectFailure(verifyZegoRequest(p, secretFor, { now: NOW + 601_000 }), "expired", {
      field: "Timestamp",
    });
    expectOk(verifyZegoRequest(p, secretFor, { now: NOW - 600_000 }));
    expectFailure(verifyZegoRequest(p, secretFor, { now: NOW - 601_000 }), "expired");
    expectOk(verifyZegoRequest(p, secretFor, { now: NOW + 30_000, windowSeconds: 30 }));
    expectFailure(
      verifyZegoRequest(p, secretFor, { now: NOW + 31_000, windowSeconds: 30 }),
      "expired",
    );
  });

  test("every single-character change of the signature is rejected; uppercase is rejected", () => {
    const p = signed();
    // Unverified whether the real server accepts uppercase hex: we follow the docs (lowercase).
    expectSignatureParamSealed(
      p,
      "Signature",
      (s) => verifyZegoRequest(s, secretFor, { now: NOW }),
      [SECRET],
    );
  });

  test("changing the signed values breaks the signature", () => {
    const p = signed();
    expectFailure(
      verifyZegoRequest({ ...p, SignatureNonce: "0000000000000000" }, secretFor, { now: NOW }),
      "bad_signature",
    );
    const ts = String(Number(p.Timestamp) + 1);
    expectFailure(
      verifyZegoRequest({ ...p, Timestamp: ts }, secretFor, { now: NOW }),
      "bad_signature",
    );
    const other = (id: number) => (id === APP_ID ? "another-secret-another-secret-xx" : undefined);
    expectFailure(verifyZegoRequest(p, other, { now: NOW }), "bad_signature");
  });

  test("never throws on garbage", () => {
    for (let i = 0; i < 300; i++) {
      const junk = randomBytes(1 + (i % 30)).toString("latin1");
      const params = {
        AppId: i % 2 === 0 ? String(APP_ID) : junk,
        SignatureNonce: junk,
        Timestamp: i % 3 === 0 ? String(NOW / 1000) : junk,
        Signature: junk,
        SignatureVersion: i % 5 === 0 ? "2.0" : junk,
      };
      expect(verifyZegoRequest(params, secretFor, { now: NOW }).ok).toBe(false);
    }
  });

  test("rejects a negative window", () => {
    expect(() => verifyZegoRequest(signed(), secretFor, { windowSeconds: -1 })).toThrow(RangeError);
  });

  test("random app secrets round trip through the record form", () => {
    const serverSecret = randomAscii(32);
    const p = signZegoRequest({ appId: 7, serverSecret, now: NOW });
    expectOk(verifyZegoRequest({ ...p }, () => serverSecret, { now: NOW }));
  });
});
