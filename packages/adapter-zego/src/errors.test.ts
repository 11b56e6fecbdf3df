import type { VendorResponse } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { decodeZego, failedItemsOf } from "./errors.js";

function answer(body: Record<string, unknown>): VendorResponse {
  return { status: 200, headers: {}, body, origin: "https://zim-api.zego.im" };
}

describe("decodeZego", () => {
  it("answers ZIM results from the top level and RTC results from Data", () => {
    const zim = decodeZego(
      "zim",
      answer({ Code: 0, Message: "success", RequestId: "1", GroupId: "g" }),
    );
    expect(zim).toMatchObject({ ok: true, value: { GroupId: "g" } });
    const rtc = decodeZego("rtc", answer({ Code: 0, RequestId: "1", Data: { MessageId: 5 } }));
    expect(rtc).toEqual({ ok: true, value: { MessageId: 5 } });
  });

  it.each([
    ["zim", 7],
    ["zim", 660300005],
    ["zim", 660300006],
    ["zim", 660600004],
    ["zim", 660500003],
    ["rtc", 206],
    ["rtc", 207],
  ] as const)("%s code %d is RATE_LIMITED and safe to repeat", (product, code) => {
    const d = decodeZego(product, answer({ Code: code, Message: "limited", RequestId: "r9" }));
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.retry).toBe("safe");
    expect(d.error).toMatchObject({
      code: "RATE_LIMITED",
      retryAfter: 1,
      vendorCode: String(code),
      requestId: "r9",
    });
  });

  it("rtc code 7 is not a rate limit (only ZIM uses it)", () => {
    const d = decodeZego("rtc", answer({ Code: 7 }));
    expect(!d.ok && d.error.code).toBe("VENDOR_REJECTED");
  });

  it("names configuration problems for gateway auth codes", () => {
    for (const code of [100000004, 100000005, 100000010, 100000011]) {
      const d = decodeZego("zim", answer({ Code: code, Message: "x" }));
      expect(d.ok).toBe(false);
      if (d.ok) continue;
      expect(d.error.code).toBe("VENDOR_REJECTED");
      expect(d.error.message).toMatch(/AppId|ServerSecret|clock/);
      expect(d.retry).toBe("never");
    }
  });

  it("maps not-found codes to NOT_FOUND and internal ones to transient", () => {
    const group = decodeZego("zim", answer({ Code: 660600001, Message: "group not exist" }));
    expect(!group.ok && group.error).toMatchObject({ code: "NOT_FOUND", vendorCode: "660600001" });
    const room = decodeZego("rtc", answer({ Code: 104 }));
    expect(!room.ok && room.error.code).toBe("NOT_FOUND");
    for (const code of [1, 105001, 100000015]) {
      const d = decodeZego("zim", answer({ Code: code }));
      expect(!d.ok && d.retry).toBe("transient");
    }
    const other = decodeZego("zim", answer({ Code: 660000023, Message: "revoked" }));
    expect(!other.ok && other.error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "zego",
      vendorCode: "660000023",
    });
    expect(!other.ok && other.error.message).toMatch(/already recalled: revoked/);
  });

  it("keeps the failure list of an all-failed batch for per-item errors", () => {
    const d = decodeZego(
      "zim",
      answer({
        Code: 660000002,
        ErrorList: [
          { UserId: "a", SubCode: 660700002 },
          { UserId: "b", SubCode: "660000012" },
        ],
      }),
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(failedItemsOf(d.error)).toEqual([
      { userId: "a", subCode: 660700002 },
      { userId: "b", subCode: 660000012 },
    ]);
    const plain = decodeZego("zim", answer({ Code: 2 }));
    expect(!plain.ok && failedItemsOf(plain.error)).toBeUndefined();
  });

  it("treats an answer without Code as a vendor failure", () => {
    const d = decodeZego("zim", answer({ Message: "?" }));
    expect(!d.ok && d.error.code).toBe("VENDOR_UNAVAILABLE");
  });
});
