import type { MessageTarget, OutgoingContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, failure, harness, requestCount } from "./test-support.js";

// editMessage over real HTTP against the emulator's modify endpoints.

const env = emulatorWithAdapter();

const lastForm = (path: string) =>
  Object.fromEntries(new URLSearchParams(env.emu.requests({ route: path }).at(-1)?.body ?? ""));
const contentOf = (messageId: string) => harness(env.emu, env.im).messageContent?.(messageId);

async function sent(
  to: MessageTarget,
  content: OutgoingContent = { type: "TEXT", text: "typo" },
): Promise<string> {
  const [result] = await env.im.sendMessage({ from: "e1", to, content });
  if (!result?.ok) throw new Error("send failed");
  return result.value.messageId;
}

describe("editMessage", () => {
  it("edits a one-to-one message as its sender, with the Java SDK's fields", async () => {
    const messageId = await sent({ type: "USERS", userIds: ["e2"] });
    await env.im.editMessage({ messageId, content: { type: "TEXT", text: "fixed" } });
    expect(lastForm("/message/private/modify.json")).toEqual({
      fromUserId: "e1",
      targetId: "e2",
      msgUID: expect.stringMatching(/^[A-Z0-9-]{19}$/),
      objectName: "RC:TxtMsg",
      content: JSON.stringify({ content: "fixed" }),
    });
    expect(await contentOf(messageId)).toEqual({ type: "TEXT", text: "fixed" });
    const page = await env.im.listMessages({
      conversation: { type: "USER", userId: "e2", peerId: "e1" },
    });
    expect(page.items[0]?.content).toEqual({ type: "TEXT", text: "fixed" });
  });

  it("edits a group message (groupId) and a custom message of the same type", async () => {
    const inGroup = await sent({ type: "GROUP", groupId: "eg1" });
    await env.im.editMessage({ messageId: inGroup, content: { type: "TEXT", text: "better" } });
    expect(lastForm("/message/group/modify.json")).toMatchObject({ groupId: "eg1" });
    expect(await contentOf(inGroup)).toEqual({ type: "TEXT", text: "better" });

    const card = await sent(
      { type: "USERS", userIds: ["e2"] },
      { type: "CUSTOM", customType: "app:card", data: { v: 1 } },
    );
    await env.im.editMessage({
      messageId: card,
      content: { type: "CUSTOM", customType: "app:card", data: { v: 2 } },
      actorId: "e1",
    });
    expect(await contentOf(card)).toEqual({
      type: "CUSTOM",
      customType: "app:card",
      data: { v: 2 },
    });
  });

  it("answers RongCloud's refusals (another type, after 24 hours) as VENDOR_REJECTED 1002", async () => {
    const messageId = await sent({ type: "USERS", userIds: ["e2"] });
    const retyped = await failure(
      env.im.editMessage({ messageId, content: { type: "CUSTOM", customType: "app:x", data: {} } }),
    );
    expect(retyped).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "1002",
      message: expect.stringContaining("24 hours"),
    });
    env.emu.setClock({ advanceMs: 25 * 3_600_000 });
    const late = await failure(
      env.im.editMessage({ messageId, content: { type: "TEXT", text: "x" } }),
    );
    expect(late).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
    expect(await contentOf(messageId)).toEqual({ type: "TEXT", text: "typo" });
  });

  it("refuses, before any call, another actor, a system message, a forged id and bad content", async () => {
    const messageId = await sent({ type: "USERS", userIds: ["e2"] });
    const [system] = await env.im.sendSystemMessage({
      from: "sys",
      userIds: ["e2"],
      content: { type: "TEXT", text: "notice" },
    });
    if (!system?.ok) throw new Error("send failed");
    const before = requestCount(env.emu);
    const text = { type: "TEXT" as const, text: "x" };
    expect(
      await failure(env.im.editMessage({ messageId, content: text, actorId: "e2" })),
    ).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: expect.stringContaining("actorId") });
    expect(
      await failure(env.im.editMessage({ messageId: system.value.messageId, content: text })),
    ).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: expect.stringContaining("group") });
    expect(
      await failure(env.im.editMessage({ messageId: "msg1.forged.id", content: text })),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "messageId" });
    expect(
      await failure(env.im.editMessage({ messageId, content: { type: "TEXT", text: "" } })),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "content.text" });
    expect(requestCount(env.emu)).toBe(before);
  });
});
