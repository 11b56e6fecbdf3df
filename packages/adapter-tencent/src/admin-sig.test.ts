import { verifyUserSig } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { AdminSig } from "./admin-sig.js";

describe("AdminSig", () => {
  it("reuses one UserSig and renews it when less than an hour is left", () => {
    let now = 1_700_000_000_000;
    const sig = new AdminSig({
      sdkAppId: 1400000000,
      key: "k",
      adminUserId: "administrator",
      now: () => now,
    });
    const first = sig.current();
    now += 22 * 3_600_000;
    expect(sig.current()).toBe(first);
    now += 1 * 3_600_000 + 1000; // 23 h + 1 s: under an hour left
    const second = sig.current();
    expect(second).not.toBe(first);
    const claims = verifyUserSig(second, {
      key: "k",
      userId: "administrator",
      sdkAppId: 1400000000,
      now,
    });
    expect(claims).toMatchObject({ ok: true });
    sig.invalidate();
    now += 1000;
    expect(sig.current()).not.toBe(second);
  });
});
