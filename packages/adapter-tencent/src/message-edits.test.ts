// Message edits beyond the shared contract, over HTTP against the Tencent emulator.
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();

const users = (count: number) => env.seedUsers(count, "e");
async function sendText(
  from: string,
  to: { type: "USERS"; userIds: string[] } | { type: "GROUP"; groupId: string },
): Promise<string> {
  const [result] = await env.adapter.sendMessage({
    from,
    to,
    content: { type: "TEXT", text: "v1" },
  });
  if (!result?.ok) throw new Error("send failed");
  return result.value.messageId;
}
const sent = (command: string, mark: number) => env.sentBodies(`openim/${command}`, mark);

describe("editMessage", () => {
  it("edits a one-to-one message by MsgKey and both accounts; history shows the new content", async () => {
    const [a, b] = users(2) as [string, string];
    const messageId = await sendText(a, { type: "USERS", userIds: [b] });
    const mark = env.requestCount();
    await env.adapter.editMessage({
      messageId,
      content: { type: "CUSTOM", customType: "card", data: { v: 2 } },
    });
    const [body] = sent("modify_c2c_msg", mark);
    expect(body).toMatchObject({ From_Account: a, To_Account: b, MsgKey: expect.any(String) });
    const history = await env.adapter.listMessages({
      conversation: { type: "USER", userId: b, peerId: a },
    });
    expect(history.items[0]?.content).toEqual({
      type: "CUSTOM",
      customType: "card",
      data: { v: 2 },
    });
  });

  it("edits a group message by GroupId and MsgSeq through openim/modify_group_msg", async () => {
    const [owner] = users(1) as [string];
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner }] });
    await sendText(owner, { type: "GROUP", groupId });
    const second = await sendText(owner, { type: "GROUP", groupId });
    const mark = env.requestCount();
    await env.adapter.editMessage({ messageId: second, content: { type: "TEXT", text: "v2" } });
    expect(sent("modify_group_msg", mark)).toEqual([
      {
        GroupId: groupId,
        MsgSeq: 2,
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "v2" } }],
      },
    ]);
    const history = await env.adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(history.items.map((m) => m.content)).toEqual([
      { type: "TEXT", text: "v2" },
      { type: "TEXT", text: "v1" },
    ]);
  });

  it("refuses images and files, a forged id and a bad actor before any vendor call", async () => {
    const [a, b] = users(2) as [string, string];
    const messageId = await sendText(a, { type: "USERS", userIds: [b] });
    const mark = env.requestCount();
    await expect(
      env.adapter.editMessage({
        messageId,
        content: { type: "IMAGE", url: "https://x.test/a.png" },
      }),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("content.type IMAGE"),
    });
    await expect(
      env.adapter.editMessage({
        messageId,
        content: { type: "FILE", url: "https://x.test/a.pdf", name: "a.pdf" },
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    await expect(
      env.adapter.editMessage({ messageId: "forged", content: { type: "TEXT", text: "x" } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messageId" });
    await expect(
      env.adapter.editMessage({ messageId, actorId: "", content: { type: "TEXT", text: "x" } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "actorId" });
    expect(env.requestCount()).toBe(mark);
  });

  it("maps a recalled (gone) message to NOT_FOUND, naming the rule", async () => {
    const [a, b] = users(2) as [string, string];
    const messageId = await sendText(a, { type: "USERS", userIds: [b] });
    await env.adapter.recallMessage({ messageId });
    await expect(
      env.adapter.editMessage({ messageId, content: { type: "TEXT", text: "x" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "20026", rule: "MESSAGE_GONE" });
  });
});
