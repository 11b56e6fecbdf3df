import { describe, expect, it } from "vitest";
import { callbackRefused, verifiedCallback } from "./callback-checks.js";
import { UnauthenticatedError } from "./errors.js";

describe("callback checks", () => {
  it("answers a passed check's value", () => {
    expect(verifiedCallback("ZEGO", { ok: true, value: { nonce: "n1" } })).toEqual({ nonce: "n1" });
  });

  it("refuses a failed check as UNAUTHENTICATED naming the vendor and why", () => {
    const check = { ok: false, reason: "expired", message: "signTimestamp is too old" } as const;
    expect(() => verifiedCallback("RongCloud", check)).toThrow(UnauthenticatedError);
    expect(() => verifiedCallback("RongCloud", check)).toThrow(
      "RongCloud callback refused: signTimestamp is too old.",
    );
    expect(callbackRefused("Tencent", "it is for another app").message).toBe(
      "Tencent callback refused: it is for another app.",
    );
  });
});
