import type { VendorResponse } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { decodeTencent } from "./errors.js";

const answer = (body: unknown): VendorResponse => ({ status: 200, headers: {}, body, origin: "x" });

describe("decodeTencent", () => {
  it("accepts OK / 0 as success", () => {
    expect(
      decodeTencent(answer({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", X: 1 })),
    ).toEqual({
      ok: true,
      value: { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", X: 1 },
    });
  });

  it.each([60007, 60011, 10006, 10023, 90024])("maps %i to RATE_LIMITED, safe to retry", (code) => {
    const d = decodeTencent(answer({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: "freq" }));
    expect(d).toMatchObject({
      ok: false,
      retry: "safe",
      error: { code: "RATE_LIMITED", retryAfter: 1, vendorCode: String(code) },
    });
  });

  it.each([70169, 70500, 60014])("maps internal %i to a transient VENDOR_UNAVAILABLE", (code) => {
    const d = decodeTencent(answer({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: "busy" }));
    expect(d).toMatchObject({
      ok: false,
      retry: "transient",
      error: { code: "VENDOR_UNAVAILABLE", vendor: "tencent", vendorCode: String(code) },
    });
  });

  it.each([
    70009, 70013, 70016, 70020,
  ])("tells to check the key and admin for auth code %i", (code) => {
    const d = decodeTencent(
      answer({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: "usersig=abc" }),
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "tencent",
      vendorCode: String(code),
    });
    expect(d.error.message).toMatch(/SecretKey.*admin account/);
    expect(d.error.message).not.toContain("abc");
    expect(d.retry).toBe("never");
  });

  it("renews the admin UserSig and retries once Tencent says it expired", () => {
    let invalidated = 0;
    const d = decodeTencent(
      answer({ ActionStatus: "FAIL", ErrorCode: 70001, ErrorInfo: "expired" }),
      () => invalidated++,
    );
    expect(d).toMatchObject({ ok: false, retry: "safe" });
    expect(invalidated).toBe(1);
  });

  it("maps not-found codes to NOT_FOUND and the rest to VENDOR_REJECTED with the code", () => {
    expect(
      decodeTencent(answer({ ActionStatus: "FAIL", ErrorCode: 10010, ErrorInfo: "" })),
    ).toMatchObject({
      error: { code: "NOT_FOUND", vendorCode: "10010" },
    });
    expect(
      decodeTencent(answer({ ActionStatus: "FAIL", ErrorCode: 10007, ErrorInfo: "no permission" })),
    ).toMatchObject({
      retry: "never",
      error: {
        code: "VENDOR_REJECTED",
        vendorCode: "10007",
        message: expect.stringContaining("no permission"),
      },
    });
  });

  it("treats an answer without Tencent's envelope as unavailable", () => {
    expect(decodeTencent(answer({ message: "bad gateway" }))).toMatchObject({
      ok: false,
      retry: "transient",
      error: { code: "VENDOR_UNAVAILABLE" },
    });
  });
});
