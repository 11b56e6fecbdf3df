import { describe, expect, it } from "vitest";
import { value, zegoSession } from "./testing/emulator.js";

// Recall over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("recall", () => {
  it("recalls a group message and shows it recalled in history", async () => {
    const [owner, member] = (await zego.users(2)) as [string, string];
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "R", ownerId: owner, memberIds: [member] });
    const [sent] = await zego.adapter.sendMessage({
      from: member,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "oops" },
    });
    const messageId = value(sent).messageId;
    await zego.adapter.recallMessage({ messageId, actorId: owner });
    const page = await zego.adapter.listMessages({
      conversation: { type: "GROUP", groupId },
      limit: 5,
    });
    expect(page.items.map((m) => [m.id, m.recalled, m.senderId])).toEqual([
      [messageId, true, member],
    ]);
    await expect(zego.adapter.recallMessage({ messageId })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "660000023",
    });
  });

  it("refuses a recall after ZEGO's 2-minute window", async () => {
    const [a, b] = (await zego.users(2)) as [string, string];
    const sent = await zego.sendText(a, b, "too late");
    zego.emulator.setClock({ advanceMs: 180_000 });
    try {
      await expect(
        zego.adapter.recallMessage({ messageId: value(sent).messageId }),
      ).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "660000024",
        message: /too old/,
      });
    } finally {
      zego.emulator.setClock({ offsetMs: 0 });
    }
  });
});
