import { expect } from "vitest";
import type { Conversation, MessageTarget } from "../model/message.js";
import { expectAllOk, text } from "./expect.js";
import type { ContractKit } from "./kit.js";
import { sendTexts } from "./messages.js";

/**
 * Messages after they are sent (one-sided and by-sender deletes, extensions, reactions, read
 * receipts) and import with original senders and times: the same behaviour on every vendor
 * that has them. What the API cannot read back is checked on the vendor side (the harness).
 */
export function lifecycleCases({ adapter, harness, id, users, check, refuses }: ContractKit) {
  const texts = (from: string, to: MessageTarget, count: number) =>
    sendTexts(adapter(), from, to, count);

  async function group(memberCount: number) {
    const [owner, ...members] = (await users(memberCount + 1, "lg")) as [string, ...string[]];
    const groupId = id("lg");
    await adapter().createGroup({ id: groupId, name: "Life", ownerId: owner, memberIds: members });
    return { groupId, owner, members };
  }

  async function messageCount(userId: string, conversation: Conversation): Promise<number | null> {
    const state = await harness().conversationState?.(userId, conversation);
    if (!state) throw new Error("the harness must read conversation state");
    return state.messageCount;
  }

  // --------------------------------------------------------------- deletes
  check("messages.delete-one-sided", ["deleteMessages"], async () => {
    const [from, to] = (await users(2, "dl")) as [string, string];
    const [m1, m2] = (await texts(from, { type: "USERS", userIds: [to] }, 3)) as [string, string];
    const results = await adapter().deleteMessages({ userId: to, messageIds: [m1, m2] });
    expect(results.map((r) => r.key)).toEqual([m1, m2]);
    expectAllOk(results);
    expect(await messageCount(to, { type: "USER", id: from })).toBe(1);
    // The other side keeps its copy.
    expect(await messageCount(from, { type: "USER", id: to })).toBe(3);
    await refuses(() => adapter().deleteMessages({ userId: to, messageIds: [] }), "messageIds");
    await refuses(
      () => adapter().deleteMessages({ userId: to, messageIds: ["msg1.forged.id"] }),
      "messageIds[0]",
    );
  });

  check("messages.delete-by-sender", ["deleteGroupMessagesBySender", "listMessages"], async () => {
    const { groupId, owner, members } = await group(1);
    const member = members[0] as string;
    await texts(owner, { type: "GROUP", groupId }, 1);
    await texts(member, { type: "GROUP", groupId }, 2);
    await adapter().deleteGroupMessagesBySender({ groupId, senderId: member });
    const page = await adapter().listMessages({
      conversation: { type: "GROUP", groupId },
      limit: 10,
    });
    const left = page.items.filter((m) => !m.recalled);
    expect(left.map((m) => m.senderId)).toEqual([owner]);
    await refuses(
      () => adapter().deleteGroupMessagesBySender({ groupId, senderId: "" }),
      "senderId",
    );
  });

  // ------------------------------------------------------------ extensions
  check(
    "messages.extensions",
    ["getMessageExtensions", "setMessageExtensions", "removeMessageExtensions"],
    async () => {
      const [from, to] = (await users(2, "ex")) as [string, string];
      const [messageId] = (await texts(from, { type: "USERS", userIds: [to] }, 1)) as [string];
      const written = await adapter().setMessageExtensions({
        messageId,
        extensions: [
          { key: "color", value: "red" },
          { key: "size", value: "L" },
        ],
      });
      expect(written.map((w) => [w.key, w.applied, w.current?.value])).toEqual([
        ["color", true, "red"],
        ["size", true, "L"],
      ]);
      const read = async () =>
        (await adapter().getMessageExtensions({ messageId })).map((e) => [e.key, e.value]).sort();
      expect(await read()).toEqual([
        ["color", "red"],
        ["size", "L"],
      ]);
      const color = (await adapter().getMessageExtensions({ messageId })).find(
        (e) => e.key === "color",
      );
      if (color?.version != null) {
        // A write at an outdated version is not applied, and says what won.
        await adapter().setMessageExtensions({
          messageId,
          extensions: [{ key: "color", value: "blue", version: color.version }],
        });
        const [stale] = await adapter().setMessageExtensions({
          messageId,
          extensions: [{ key: "color", value: "green", version: color.version }],
        });
        expect(stale).toMatchObject({ key: "color", applied: false, current: { value: "blue" } });
      }
      await adapter().removeMessageExtensions({ messageId, keys: ["size"] });
      expect((await read()).map(([k]) => k)).toEqual(["color"]);
      await refuses(
        () => adapter().setMessageExtensions({ messageId, extensions: [] }),
        "extensions",
      );
      await refuses(() => adapter().removeMessageExtensions({ messageId, keys: [] }), "keys");
    },
  );

  check("messages.reactions", ["addReaction", "removeReaction", "listReactions"], async () => {
    const [from, to] = (await users(2, "re")) as [string, string];
    const [messageId] = (await texts(from, { type: "USERS", userIds: [to] }, 1)) as [string];
    await adapter().addReaction({ messageId, userId: to, emoji: "👍" });
    await adapter().addReaction({ messageId, userId: from, emoji: "👍" });
    await adapter().addReaction({ messageId, userId: from, emoji: "🎉" });
    const listed = await adapter().listReactions({ messageId });
    expect(listed.map((r) => [r.emoji, [...r.userIds].sort()])).toEqual([
      ["🎉", [from]],
      ["👍", [from, to].sort()],
    ]);
    const after = await adapter().removeReaction({ messageId, userId: from, emoji: "🎉" });
    expect(after).toEqual([{ emoji: "👍", userIds: expect.arrayContaining([from, to]) }]);
    await refuses(() => adapter().addReaction({ messageId, userId: to, emoji: "ok" }), "emoji");
  });

  // --------------------------------------------------------- read receipts
  check("messages.read-receipts", ["markMessagesRead"], async () => {
    const [from, to] = (await users(2, "rr")) as [string, string];
    const ids = await texts(from, { type: "USERS", userIds: [to] }, 2);
    await adapter().markMessagesRead({ userId: to, messageIds: ids });
    const h = harness();
    if (!h.readBy) throw new Error("the harness must read receipts");
    for (const messageId of ids) expect(await h.readBy(messageId)).toEqual([to]);
    await refuses(() => adapter().markMessagesRead({ userId: to, messageIds: [] }), "messageIds");
  });

  check(
    "messages.read-receipt-details",
    ["markMessagesRead", "getReadReceipts", "listMessageReaders"],
    async () => {
      const { groupId, owner, members } = await group(2);
      const [reader, other] = members as [string, string];
      const [messageId] = (await texts(owner, { type: "GROUP", groupId }, 1)) as [string];
      await adapter().markMessagesRead({ userId: reader, messageIds: [messageId] });
      expect(await adapter().getReadReceipts({ messageId })).toEqual({
        readCount: 1,
        unreadCount: 1,
      });
      const readers = await adapter().listMessageReaders({ messageId, read: true });
      expect(readers.items).toEqual([reader]);
      const notYet = await adapter().listMessageReaders({ messageId, read: false });
      expect(notYet.items).toEqual([other]);
    },
  );

  // ---------------------------------------------------------------- import
  check("messages.import", ["importMessages", "listMessages"], async () => {
    const [u1, u2] = (await users(2, "im")) as [string, string];
    // Whole seconds: vendors keep seconds or milliseconds.
    const base = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
    const results = await adapter().importMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
      messages: [
        { senderId: u1, sentAt: new Date(base), content: { type: "TEXT", text: "old one" } },
        {
          senderId: u2,
          sentAt: new Date(base + 60_000),
          content: { type: "TEXT", text: "old two" },
        },
      ],
    });
    expect(results.map((r) => r.key)).toEqual(["0", "1"]);
    expectAllOk(results);
    const page = await adapter().listMessages({
      conversation: { type: "USER", userId: u1, peerId: u2 },
      limit: 10,
    });
    expect(page.items.map((m) => [text(m), m.senderId, m.sentAt.getTime()])).toEqual([
      ["old two", u2, base + 60_000],
      ["old one", u1, base],
    ]);
    await refuses(
      () =>
        adapter().importMessages({
          conversation: { type: "USER", userId: u1, peerId: u2 },
          messages: [
            {
              senderId: u1,
              sentAt: new Date(Date.now() + 60_000),
              content: { type: "TEXT", text: "x" },
            },
          ],
        }),
      "messages[0].sentAt",
    );
  });
}
