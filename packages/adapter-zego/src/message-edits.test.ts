import type { OutgoingContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { APP_ID, requestCount, value, zegoSession } from "./testing/emulator.js";
import { messageContent } from "./testing/vendor-state.js";

// editMessage over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

const stored = (messageId: string) => messageContent(zego.emulator, APP_ID, messageId);

async function sendTo(from: string, to: string, content: OutgoingContent): Promise<string> {
  const [sent] = await zego.adapter.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content,
  });
  return value(sent).messageId;
}

describe("editMessage", () => {
  it("edits by the id's conversation and MsgSeq, in the sender's name", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    const messageId = await sendTo(from, to, { type: "TEXT", text: "first" });
    const before = requestCount(zego.emulator);
    await zego.adapter.editMessage({ messageId, content: { type: "TEXT", text: "second" } });
    const [call] = zego.emulator.requests({ afterSeq: before });
    expect(call?.query.Action).toBe("EditC2cMsgBody");
    expect(JSON.parse(call?.body ?? "{}")).toEqual({
      FromUserId: from,
      SenderId: from,
      ConvId: to,
      MsgType: 1,
      ConvMsgSeq: 1,
      EditType: 1,
      MessageBody: { Message: "second" },
    });
    // The receiver's history shows the new text under the same id.
    const page = await zego.adapter.listMessages({
      conversation: { type: "USER", userId: to, peerId: from },
    });
    expect(page.items.map((m) => [m.id, m.content])).toEqual([
      [messageId, { type: "TEXT", text: "second" }],
    ]);
  });

  it("edits a custom message's data and type together (EditType 1 | 16)", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    const messageId = await sendTo(from, to, { type: "CUSTOM", customType: "7", data: { a: 1 } });
    await zego.adapter.editMessage({
      messageId,
      content: { type: "CUSTOM", customType: "9", data: { a: 2 } },
    });
    expect(stored(messageId)).toEqual({ type: "CUSTOM", customType: "9", data: { a: 2 } });
  });

  it("refuses image and file content as unsupported before any call", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    const messageId = await sendTo(from, to, { type: "TEXT", text: "x" });
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.editMessage({
        messageId,
        content: { type: "IMAGE", url: "https://example.com/a.png" },
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /content\.type IMAGE/ });
    await expect(
      zego.adapter.editMessage({ messageId, content: { type: "TEXT", text: "x" }, actorId: "" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: expect.stringMatching(/^actorId/) });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("maps ZIM's refusals: another type, a recalled message", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    const custom = await sendTo(from, to, { type: "CUSTOM", customType: "1", data: null });
    await expect(
      zego.adapter.editMessage({ messageId: custom, content: { type: "TEXT", text: "t" } }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000002" });

    const recalled = await sendTo(from, to, { type: "TEXT", text: "r" });
    await zego.adapter.recallMessage({ messageId: recalled });
    await expect(
      zego.adapter.editMessage({ messageId: recalled, content: { type: "TEXT", text: "t" } }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000023" });
  });
});

describe("editMessage past the edit window", () => {
  // An app whose edit window is 60 s (ZIM's default is 24 h; the request signature allows
  // only ±10 minutes of clock skew, so the test cannot move a day ahead).
  const short = zegoSession({ rateLimits: false, app: { editWindowSeconds: 60 } });

  it("answers VENDOR_REJECTED with ZIM's code 661000001, naming the edit window rule", async () => {
    const [from, to] = (await short.users(2)) as [string, string];
    const [sent] = await short.adapter.sendMessage({
      from,
      to: { type: "USERS", userIds: [to] },
      content: { type: "TEXT", text: "o" },
    });
    const messageId = value(sent).messageId;
    short.emulator.setClock({ advanceMs: 120_000 });
    try {
      await expect(
        short.adapter.editMessage({ messageId, content: { type: "TEXT", text: "t" } }),
      ).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "661000001",
        rule: "EDIT_WINDOW_PASSED",
        message: /edit window/,
      });
    } finally {
      short.emulator.setClock({ offsetMs: 0 });
    }
  });
});
