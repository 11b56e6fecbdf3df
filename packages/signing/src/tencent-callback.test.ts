import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { tencentCallbackSign, verifyTencentCallback } from "./tencent-callback.js";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { expectSignatureParamSealed } from "./testing/hex-signature.js";
import { randomAscii } from "./testing/mutate.js";
import { tencentCallbackVector as V } from "./vectors/tencent.js";

const TOKEN = V.token;
const T = Number(V.requestTime);
const NOW = T * 1000;

function query(requestTime: string = V.requestTime, token: string = TOKEN): Record<string, string> {
  return {
    SdkAppid: "1400000000",
    CallbackCommand: "C2C.CallbackAfterSendMsg",
    contenttype: "json",
    ClientIP: "1.2.3.4",
    OptPlatform: "RESTAPI",
    RequestTime: requestTime,
    Sign: tencentCallbackSign(token, requestTime),
  };
}

describe("tencentCallbackSign", () => {
  test("the documented example", () => {
    expect(tencentCallbackSign(V.token, V.requestTime)).toBe(V.sign);
    expect(tencentCallbackSign(V.token, T)).toBe(V.sign);
  });
});

describe("verifyTencentCallback", () => {
  test("the documented example verifies, as a record and as URLSearchParams", () => {
    const q = { RequestTime: V.requestTime, Sign: V.sign };
    expect(expectOk(verifyTencentCallback(q, TOKEN, { now: NOW }))).toEqual({ requestTime: T });
    const url = new URL(
      `https://example.test/cb?SdkAppid=1&RequestTime=${V.requestTime}&Sign=${V.sign}`,
    );
    expectOk(verifyTencentCallback(url.searchParams, TOKEN, { now: NOW }));
  });

  test("round trip for random tokens (1..128 chars)", () => {
    for (let i = 0; i < 200; i++) {
      const token = randomAscii(1 + (i % 128));
      const now = Math.floor(Math.random() * 4_000_000_000_000);
      const rt = String(Math.floor(now / 1000));
      expect(expectOk(verifyTencentCallback(query(rt, token), token, { now })).requestTime).toBe(
        Number(rt),
      );
    }
  });

  test("window: |now - RequestTime| <= 60 s, exact to the second", () => {
    const q = query();
    expectOk(verifyTencentCallback(q, TOKEN, { now: NOW + 60_999 }));
    expectFailure(verifyTencentCallback(q, TOKEN, { now: NOW + 61_000 }), "expired", {
      field: "RequestTime",
    });
    expectOk(verifyTencentCallback(q, TOKEN, { now: NOW - 60_000 }));
    expectFailure(verifyTencentCallback(q, TOKEN, { now: NOW - 60_001 }), "not_yet_valid", {
      field: "RequestTime",
    });
    expectOk(verifyTencentCallback(q, TOKEN, { now: NOW + 300_000, windowSeconds: 300 }));
    expectFailure(
      verifyTencentCallback(q, TOKEN, { now: NOW + 301_000, windowSeconds: 300 }),
      "expired",
    );
  });

  test("the default clock is real time (the example is long expired)", () => {
    expectFailure(verifyTencentCallback(query(), TOKEN), "expired");
  });

  test("missing and malformed", () => {
    const q = query();
    const { RequestTime: _, ...noTime } = q;
    expectFailure(verifyTencentCallback(noTime, TOKEN, { now: NOW }), "missing", {
      field: "RequestTime",
    });
    const { Sign: __, ...noSign } = q;
    expectFailure(verifyTencentCallback(noSign, TOKEN, { now: NOW }), "missing", { field: "Sign" });
    expectFailure(verifyTencentCallback({ ...q, Sign: "" }, TOKEN, { now: NOW }), "missing", {
      field: "Sign",
    });
    for (const bad of ["abc", "-1", "1669872112.0", "1669872112000000"]) {
      expectFailure(
        verifyTencentCallback({ ...q, RequestTime: bad }, TOKEN, { now: NOW }),
        "malformed",
        {
          field: "RequestTime",
        },
      );
    }
  });

  test("every single-character change of Sign is rejected; messages leak nothing", () => {
    const q = query();
    expectSignatureParamSealed(q, "Sign", (s) => verifyTencentCallback(s, TOKEN, { now: NOW }), [
      TOKEN,
    ]);
    expectFailure(verifyTencentCallback(q, "other-token", { now: NOW }), "bad_signature");
    // A RequestTime changed within the window breaks the signature.
    expectFailure(
      verifyTencentCallback({ ...q, RequestTime: String(T + 1) }, TOKEN, { now: NOW }),
      "bad_signature",
    );
  });

  test("optional SdkAppid check", () => {
    const q = query();
    expectOk(verifyTencentCallback(q, TOKEN, { now: NOW, sdkAppId: 1400000000 }));
    expectFailure(
      verifyTencentCallback(q, TOKEN, { now: NOW, sdkAppId: 1400000001 }),
      "wrong_app",
      {
        field: "SdkAppid",
      },
    );
    const { SdkAppid: _, ...noApp } = q;
    expectFailure(verifyTencentCallback(noApp, TOKEN, { now: NOW, sdkAppId: 1 }), "missing", {
      field: "SdkAppid",
    });
    expectOk(verifyTencentCallback(noApp, TOKEN, { now: NOW }));
  });

  test("never throws on garbage", () => {
    for (let i = 0; i < 300; i++) {
      const junk = randomBytes(1 + (i % 70)).toString("latin1");
      expect(verifyTencentCallback({ RequestTime: junk, Sign: junk }, TOKEN, { now: NOW }).ok).toBe(
        false,
      );
      expect(
        verifyTencentCallback({ RequestTime: V.requestTime, Sign: junk }, TOKEN, { now: NOW }).ok,
      ).toBe(false);
    }
  });

  test("an empty token is a programming error", () => {
    expect(() => verifyTencentCallback(query(), "")).toThrow(/token/);
  });
});
