import { expect } from "vitest";
import type { Conversation, MessageTarget } from "../model/message.js";
import { collect } from "./expect.js";
import type { ContractHarness, ConversationState } from "./harness.js";
import type { ContractKit } from "./kit.js";
import { sendTexts } from "./messages.js";

const key = (c: Conversation) => `${c.type}:${c.id}`;

/**
 * A user's conversations at the vendor (list, unread, read state, pin, do-not-disturb,
 * clearing), message edits and the vendor's message log: the same behaviour on every vendor
 * that has them. Write-only operations are checked on the vendor side (the harness).
 */
export function conversationCases({ adapter, harness, id, users, check, refuses }: ContractKit) {
  const texts = (from: string, to: MessageTarget, count: number) =>
    sendTexts(adapter(), from, to, count);

  async function groupWith(memberIds: string[], ownerId: string): Promise<string> {
    const groupId = id("cg");
    await adapter().createGroup({ id: groupId, name: "Chat", ownerId, memberIds });
    return groupId;
  }

  /** A fresh user and a peer who sent them `count` texts: the user's conversation with the peer. */
  async function textedBy(prefix: string, count: number) {
    const [me, peer] = (await users(2, prefix)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    await texts(peer, { type: "USERS", userIds: [me] }, count);
    return { me, peer, conversation };
  }

  async function stateOf(userId: string, conversation: Conversation): Promise<ConversationState> {
    const h: ContractHarness = harness();
    if (!h.conversationState) throw new Error("the harness must read conversation state");
    const state = await h.conversationState(userId, conversation);
    if (!state) throw new Error(`${userId} has no ${key(conversation)} conversation`);
    return state;
  }

  /** Every way a conversation input can be wrong, refused before any vendor call. */
  async function refusesConversations(
    call: (input: { userId: string; conversation: Conversation }) => Promise<unknown>,
  ) {
    const [u] = (await users(1, "x")) as [string];
    await refuses(() => call({ userId: "", conversation: { type: "USER", id: "peer" } }), "userId");
    await refuses(
      () => call({ userId: u, conversation: { type: "USER", id: u } }),
      "conversation.id",
    );
    await refuses(
      () => call({ userId: u, conversation: { type: "USER", id: "" } }),
      "conversation.id",
    );
    await refuses(
      () => call({ userId: u, conversation: { type: "ROOM", id: "r1" } }),
      "conversation.type",
    );
  }

  // ------------------------------------------------------------------ list
  check("conversations.list", ["sendMessage", "listConversations"], async () => {
    const [me, peer1, peer2] = (await users(3, "c")) as [string, string, string];
    const groupId = await groupWith([me], peer1);
    await texts(peer1, { type: "USERS", userIds: [me] }, 1);
    await texts(peer2, { type: "USERS", userIds: [me] }, 2);
    await texts(peer1, { type: "GROUP", groupId }, 1);
    const started = Date.now();
    const all = await collect((cursor) =>
      adapter().listConversations({ userId: me, limit: 2, cursor }),
    );
    expect(all.map((s) => key(s.conversation)).sort()).toEqual(
      [`GROUP:${groupId}`, `USER:${peer1}`, `USER:${peer2}`].sort(),
    );
    for (const summary of all) {
      // Vendors keep seconds: within the last few minutes, or not said.
      if (summary.lastMessageAt) {
        expect(Math.abs(summary.lastMessageAt.getTime() - started)).toBeLessThan(180_000);
      }
      if (summary.unreadCount !== null) {
        const expected = summary.conversation.id === peer2 ? 2 : 1;
        expect(summary.unreadCount).toBe(expected);
      }
    }
    // A user with no messages has an empty list.
    const [quiet] = (await users(1, "q")) as [string];
    expect((await adapter().listConversations({ userId: quiet })).items).toEqual([]);
    await refuses(() => adapter().listConversations({ userId: "" }), "userId");
    await refuses(() => adapter().listConversations({ userId: me, limit: 0 }), "limit");
  });

  check("conversations.unread-total", ["countUnread", "markConversationRead"], async () => {
    const [me, peer, other] = (await users(3, "u")) as [string, string, string];
    const groupId = await groupWith([me], other);
    expect(await adapter().countUnread({ userId: me })).toBe(0);
    await texts(peer, { type: "USERS", userIds: [me] }, 2);
    await texts(other, { type: "GROUP", groupId }, 1);
    expect(await adapter().countUnread({ userId: me })).toBe(3);
    await adapter().markConversationRead({ userId: me, conversation: { type: "USER", id: peer } });
    expect(await adapter().countUnread({ userId: me })).toBe(1);
    // The sender has read what they sent.
    expect(await adapter().countUnread({ userId: peer })).toBe(0);
    await refuses(() => adapter().countUnread({ userId: "" }), "userId");
  });

  // ------------------------------------------------------------ read state
  check("conversations.read", ["markConversationRead"], async () => {
    const { me, conversation } = await textedBy("r", 2);
    expect((await stateOf(me, conversation)).unreadCount).toBe(2);
    await adapter().markConversationRead({ userId: me, conversation });
    expect((await stateOf(me, conversation)).unreadCount).toBe(0);
    await refusesConversations((input) => adapter().markConversationRead(input));
    await refuses(
      () => adapter().markConversationRead({ userId: me, conversation, upTo: new Date("nope") }),
      "upTo",
    );
  });

  check("conversations.set-unread", ["setUnreadCount"], async () => {
    const [me, owner] = (await users(2, "s")) as [string, string];
    const groupId = await groupWith([me], owner);
    const conversation: Conversation = { type: "GROUP", id: groupId };
    await texts(owner, { type: "GROUP", groupId }, 3);
    await adapter().setUnreadCount({ userId: me, conversation, count: 1 });
    expect((await stateOf(me, conversation)).unreadCount).toBe(1);
    await refuses(() => adapter().setUnreadCount({ userId: me, conversation, count: -1 }), "count");
    await refusesConversations((input) => adapter().setUnreadCount({ ...input, count: 0 }));
  });

  // ------------------------------------------------------------ list edits
  check("conversations.delete", ["deleteConversation", "listConversations"], async () => {
    const [me, peer, keep] = (await users(3, "d")) as [string, string, string];
    await texts(peer, { type: "USERS", userIds: [me] }, 1);
    await texts(keep, { type: "USERS", userIds: [me] }, 1);
    await adapter().deleteConversation({ userId: me, conversation: { type: "USER", id: peer } });
    const mine = await collect((cursor) => adapter().listConversations({ userId: me, cursor }));
    expect(mine.map((s) => key(s.conversation))).toEqual([`USER:${keep}`]);
    // The peer's list keeps the conversation.
    const theirs = await collect((cursor) => adapter().listConversations({ userId: peer, cursor }));
    expect(theirs.map((s) => key(s.conversation))).toEqual([`USER:${me}`]);
    await refusesConversations((input) => adapter().deleteConversation(input));
  });

  check("conversations.pin", ["pinConversation"], async () => {
    const { me, peer, conversation } = await textedBy("p", 1);
    await adapter().pinConversation({ userId: me, conversation, pinned: true });
    expect((await stateOf(me, conversation)).pinned).toBe(true);
    expect((await stateOf(peer, { type: "USER", id: me })).pinned).toBe(false);
    await adapter().pinConversation({ userId: me, conversation, pinned: false });
    expect((await stateOf(me, conversation)).pinned).toBe(false);
    await refusesConversations((input) => adapter().pinConversation({ ...input, pinned: true }));
  });

  // ------------------------------------------------ folders and marks
  check(
    "conversations.folders",
    [
      "createConversationGroup",
      "listConversationGroups",
      "addToConversationGroup",
      "removeFromConversationGroup",
      "renameConversationGroup",
      "deleteConversationGroup",
    ],
    async () => {
      const [me, peer1, peer2, other] = (await users(4, "fo")) as [string, string, string, string];
      const groupId = await groupWith([me], peer1);
      await texts(peer1, { type: "USERS", userIds: [me] }, 1);
      await texts(peer2, { type: "USERS", userIds: [me] }, 1);
      const folders = async (userId: string) =>
        (await adapter().listConversationGroups({ userId }))
          .map((g) => ({ name: g.name, conversations: g.conversations.map(key).sort() }))
          .sort((a, b) => a.name.localeCompare(b.name));
      const p1: Conversation = { type: "USER", id: peer1 };
      const p2: Conversation = { type: "USER", id: peer2 };
      const g: Conversation = { type: "GROUP", id: groupId };
      expect(await folders(me)).toEqual([]);
      await adapter().createConversationGroup({ userId: me, name: "Work", conversations: [p1] });
      await adapter().addToConversationGroup({ userId: me, name: "Work", conversations: [g, p2] });
      expect(await folders(me)).toEqual([
        { name: "Work", conversations: [key(g), key(p1), key(p2)].sort() },
      ]);
      // Folders are one user's own: the peer has none.
      expect(await folders(peer1)).toEqual([]);
      await adapter().removeFromConversationGroup({
        userId: me,
        name: "Work",
        conversations: [p1],
      });
      await adapter().renameConversationGroup({ userId: me, name: "Work", newName: "Team" });
      expect(await folders(me)).toEqual([
        { name: "Team", conversations: [key(g), key(p2)].sort() },
      ]);
      await adapter().deleteConversationGroup({ userId: me, name: "Team" });
      expect(await folders(me)).toEqual([]);
      // A folder that does not exist is NOT_FOUND, not a silent success.
      await expect(
        adapter().addToConversationGroup({ userId: me, name: "Nope", conversations: [p1] }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        adapter().deleteConversationGroup({ userId: other, name: "Team" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await refuses(
        () => adapter().createConversationGroup({ userId: me, name: "", conversations: [p1] }),
        "name",
      );
      await refuses(
        () => adapter().createConversationGroup({ userId: me, name: " Work", conversations: [p1] }),
        "name",
      );
      await refuses(
        () =>
          adapter().addToConversationGroup({ userId: me, name: "Work", conversations: [p1, p1] }),
        "conversations[1]",
      );
      await refuses(
        () =>
          adapter().addToConversationGroup({
            userId: me,
            name: "Work",
            conversations: [{ type: "USER", id: me }],
          }),
        "conversations[0].id",
      );
      await refuses(
        () => adapter().renameConversationGroup({ userId: me, name: "Work", newName: "" }),
        "newName",
      );
      await refuses(() => adapter().listConversationGroups({ userId: "" }), "userId");
    },
  );

  check("conversations.marks", ["setConversationMarks"], async () => {
    const { me, peer, conversation } = await textedBy("mk", 1);
    const h = harness();
    const marksOf = async (userId: string, c: Conversation): Promise<number[]> => {
      if (!h.conversationMarks) throw new Error("the harness must read conversation marks");
      return [...(await h.conversationMarks(userId, c))].sort((a, b) => a - b);
    };
    await adapter().setConversationMarks({ userId: me, conversation, add: [1, 2] });
    expect(await marksOf(me, conversation)).toEqual([1, 2]);
    expect(await marksOf(peer, { type: "USER", id: me })).toEqual([]);
    await adapter().setConversationMarks({ userId: me, conversation, add: [3], remove: [1] });
    expect(await marksOf(me, conversation)).toEqual([2, 3]);
    await adapter().setConversationMarks({ userId: me, conversation, remove: [2, 3] });
    expect(await marksOf(me, conversation)).toEqual([]);
    await refuses(() => adapter().setConversationMarks({ userId: me, conversation }), "add");
    await refuses(
      () => adapter().setConversationMarks({ userId: me, conversation, add: [1], remove: [1] }),
      "remove",
    );
    await refuses(
      () => adapter().setConversationMarks({ userId: me, conversation, add: [0] }),
      "add[0]",
    );
    await refuses(
      () => adapter().setConversationMarks({ userId: me, conversation, add: [1.5] }),
      "add[0]",
    );
    await refusesConversations((input) => adapter().setConversationMarks({ ...input, add: [1] }));
  });

  check("conversations.marks-read", ["setConversationMarks", "listConversationMarks"], async () => {
    const [me, peer, owner] = (await users(3, "mr")) as [string, string, string];
    const groupId = await groupWith([me], owner);
    const p: Conversation = { type: "USER", id: peer };
    const g: Conversation = { type: "GROUP", id: groupId };
    await texts(peer, { type: "USERS", userIds: [me] }, 1);
    const marks = async (userId: string) =>
      (await adapter().listConversationMarks({ userId }))
        .filter((m) => m.marks.length > 0)
        .map((m) => ({
          conversation: key(m.conversation),
          marks: [...m.marks].sort((a, b) => a - b),
        }))
        .sort((a, b) => a.conversation.localeCompare(b.conversation));
    expect(await marks(me)).toEqual([]);
    await adapter().setConversationMarks({ userId: me, conversation: p, add: [2, 1] });
    await adapter().setConversationMarks({ userId: me, conversation: g, add: [3] });
    expect(await marks(me)).toEqual(
      [
        { conversation: key(g), marks: [3] },
        { conversation: key(p), marks: [1, 2] },
      ].sort((a, b) => a.conversation.localeCompare(b.conversation)),
    );
    await adapter().setConversationMarks({ userId: me, conversation: g, remove: [3] });
    expect(await marks(me)).toEqual([{ conversation: key(p), marks: [1, 2] }]);
    await refuses(() => adapter().listConversationMarks({ userId: "" }), "userId");
  });

  check("conversations.do-not-disturb", ["setConversationDoNotDisturb"], async () => {
    const [me, owner] = (await users(2, "n")) as [string, string];
    const groupId = await groupWith([me], owner);
    const conversation: Conversation = { type: "GROUP", id: groupId };
    await texts(owner, { type: "GROUP", groupId }, 1);
    await adapter().setConversationDoNotDisturb({ userId: me, conversation, doNotDisturb: true });
    expect((await stateOf(me, conversation)).doNotDisturb).toBe(true);
    expect((await stateOf(owner, conversation)).doNotDisturb).toBe(false);
    await adapter().setConversationDoNotDisturb({ userId: me, conversation, doNotDisturb: false });
    expect((await stateOf(me, conversation)).doNotDisturb).toBe(false);
    await refusesConversations((input) =>
      adapter().setConversationDoNotDisturb({ ...input, doNotDisturb: true }),
    );
  });

  check(
    "conversations.do-not-disturb-read",
    ["setConversationDoNotDisturb", "getConversationDoNotDisturb"],
    async () => {
      const [me, owner] = (await users(2, "o")) as [string, string];
      const groupId = await groupWith([me], owner);
      const conversation: Conversation = { type: "GROUP", id: groupId };
      expect(await adapter().getConversationDoNotDisturb({ userId: me, conversation })).toBe(false);
      await adapter().setConversationDoNotDisturb({ userId: me, conversation, doNotDisturb: true });
      expect(await adapter().getConversationDoNotDisturb({ userId: me, conversation })).toBe(true);
      expect(await adapter().getConversationDoNotDisturb({ userId: owner, conversation })).toBe(
        false,
      );
      await refusesConversations((input) => adapter().getConversationDoNotDisturb(input));
    },
  );

  check("conversations.clear-history", ["clearConversationHistory"], async () => {
    const { me, peer, conversation } = await textedBy("h", 2);
    expect((await stateOf(me, conversation)).messageCount).toBe(2);
    await adapter().clearConversationHistory({ userId: me, conversation });
    expect((await stateOf(me, conversation)).messageCount).toBe(0);
    // Only the user's own copy goes.
    expect((await stateOf(peer, { type: "USER", id: me })).messageCount).toBe(2);
    await refusesConversations((input) => adapter().clearConversationHistory(input));
  });

  // ---------------------------------------------------------------- edits
  check("messages.edit", ["sendMessage", "editMessage"], async () => {
    const [from, to] = (await users(2, "e")) as [string, string];
    const [messageId] = (await texts(from, { type: "USERS", userIds: [to] }, 1)) as [string];
    await adapter().editMessage({ messageId, content: { type: "TEXT", text: "edited" } });
    const h = harness();
    if (!h.messageContent) throw new Error("the harness must read message content");
    expect(await h.messageContent(messageId)).toMatchObject({ type: "TEXT", text: "edited" });
    const groupId = await groupWith([to], from);
    const [inGroup] = (await texts(from, { type: "GROUP", groupId }, 1)) as [string];
    await adapter().editMessage({ messageId: inGroup, content: { type: "TEXT", text: "fixed" } });
    expect(await h.messageContent(inGroup)).toMatchObject({ type: "TEXT", text: "fixed" });
  });

  check("messages.edit-invalid", ["editMessage"], async () => {
    await refuses(
      () =>
        adapter().editMessage({
          messageId: "msg1.forged.id",
          content: { type: "TEXT", text: "x" },
        }),
      "messageId",
    );
    const [from, to] = (await users(2, "f")) as [string, string];
    const [messageId] = (await texts(from, { type: "USERS", userIds: [to] }, 1)) as [string];
    await refuses(
      () => adapter().editMessage({ messageId, content: { type: "TEXT", text: "" } }),
      "content.text",
    );
  });

  // ------------------------------------------------------------ the log
  check("messages.history-log", ["getHistoryLog"], async () => {
    // An hour long past has no file (vendors keep logs for days, not years).
    const longAgo = new Date(Date.UTC(2020, 0, 1, 5, 30));
    const log = await adapter().getHistoryLog({ hour: longAgo });
    expect(log).toEqual({ hour: new Date(Date.UTC(2020, 0, 1, 5)), url: null, files: [] });
    await refuses(
      () => adapter().getHistoryLog({ hour: new Date(Date.now() + 7_200_000) }),
      "hour",
    );
    await refuses(() => adapter().getHistoryLog({ hour: new Date("nope") }), "hour");
  });

  check("messages.history-log-delete", ["deleteHistoryLog"], async () => {
    await adapter().deleteHistoryLog({ hour: new Date(Date.UTC(2020, 0, 1, 5, 30)) });
    await refuses(() => adapter().deleteHistoryLog({ hour: new Date("nope") }), "hour");
  });
}
