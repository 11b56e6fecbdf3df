import { describe, expect, it } from "vitest";
import { sentItem } from "./sent-items.js";

const unnamed = {
  vendor: "zego",
  message: "ZEGO accepted the message but gave it no MsgSeq.",
  operation: "sendMessage",
} as const;

describe("sentItem", () => {
  it("answers the recipient's message id and time", () => {
    const at = new Date(1_700_000_000_000);
    expect(sentItem("bob", "msg1.x.y", at, unnamed)).toEqual({
      key: "bob",
      ok: true,
      value: { recipientId: "bob", messageId: "msg1.x.y", sentAt: at },
    });
  });

  it("fails only that item, VENDOR_UNAVAILABLE, when the vendor named no message", () => {
    for (const id of [undefined, ""]) {
      const result = sentItem("bob", id, new Date(), unnamed);
      expect(result).toMatchObject({
        key: "bob",
        ok: false,
        error: {
          code: "VENDOR_UNAVAILABLE",
          vendor: "zego",
          operation: "sendMessage",
          message: unnamed.message,
        },
      });
    }
  });
});
