import type { Conversation, ConversationSummary, Page } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { APP_ID, requestCount, zegoSession } from "./testing/emulator.js";
import { conversationState } from "./testing/vendor-state.js";

// Conversation operations over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

const stateOf = (userId: string, conversation: Conversation) =>
  conversationState(zego.emulator, APP_ID, userId, conversation);

async function send(from: string, to: string, text = "hi") {
  await zego.adapter.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content: { type: "TEXT", text },
  });
}

/** The vendor calls made since `before`, as [Action, method]. */
const callsSince = (before: number) =>
  zego.emulator.requests({ afterSeq: before }).map((r) => [r.query.Action, r.method]);

describe("listConversations", () => {
  it("pages ZIM's list in its order (oldest change first), without losing items", async () => {
    const [me, ...peers] = (await zego.users(6)) as [string, ...string[]];
    for (const peer of peers) {
      await send(peer, me);
      zego.emulator.setClock({ advanceMs: 5 });
    }
    const before = requestCount(zego.emulator);
    const first = await zego.adapter.listConversations({ userId: me, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toEqual({
      conversation: { type: "USER", id: peers[0] },
      lastMessageAt: expect.any(Date),
      unreadCount: null,
      pinned: null,
      doNotDisturb: null,
    });
    // A page cut inside ZIM's page, then one asking for more: ZIM's page size stays 2.
    const second = await zego.adapter.listConversations({
      userId: me,
      limit: 1,
      cursor: first.nextCursor,
    });
    const third = await zego.adapter.listConversations({
      userId: me,
      limit: 5,
      cursor: second.nextCursor,
    });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 1, 2]);
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items];
    expect(all.map((s) => s.conversation.id)).toEqual(peers);
    const times = all.map((s) => s.lastMessageAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const limits = zego.emulator
      .requests({ afterSeq: before })
      .map((r) => JSON.parse(r.body).Limit);
    expect(limits.every((l) => l === 2)).toBe(true);
  });

  it("names group conversations and refuses a foreign cursor and an unknown user", async () => {
    const [me, owner] = (await zego.users(2)) as [string, string];
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [me] });
    await zego.adapter.sendMessage({
      from: owner,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "hello" },
    });
    const page: Page<ConversationSummary> = await zego.adapter.listConversations({ userId: me });
    expect(page.items.map((s) => s.conversation)).toEqual([{ type: "GROUP", id: groupId }]);
    await zego.adapter.sendMessage({
      from: owner,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "again" },
    });
    // Another list's cursor is not this list's.
    const history = await zego.adapter.listMessages({
      conversation: { type: "GROUP", groupId },
      limit: 1,
    });
    expect(history.nextCursor).not.toBeNull();
    await expect(
      zego.adapter.listConversations({ userId: me, cursor: history.nextCursor }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
    await expect(
      zego.adapter.listConversations({ userId: zego.id("ghost") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660500002" });
  });
});

describe("markConversationRead", () => {
  it("clears the unread count with a GET ClearConversationUnread", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    await send(peer, me);
    await send(peer, me);
    const conversation: Conversation = { type: "USER", id: peer };
    expect(stateOf(me, conversation)?.unreadCount).toBe(2);
    const before = requestCount(zego.emulator);
    await zego.adapter.markConversationRead({ userId: me, conversation });
    expect(callsSince(before)).toEqual([["ClearConversationUnread", "GET"]]);
    expect(zego.emulator.requests({ afterSeq: before })[0]?.query).toMatchObject({
      FromUserId: me,
      ConvId: peer,
      ConvType: "0",
    });
    expect(stateOf(me, conversation)?.unreadCount).toBe(0);
  });

  it("refuses upTo as unsupported before any call; an unknown conversation is NOT_FOUND", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.markConversationRead({ userId: me, conversation, upTo: new Date() }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /upTo/ });
    expect(requestCount(zego.emulator)).toBe(before);
    await expect(
      zego.adapter.markConversationRead({ userId: me, conversation }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660800002" });
  });
});

describe("deleteConversation", () => {
  it("with clearHistory also clears the user's copy; the peer keeps theirs", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    await send(peer, me, "one");
    await send(me, peer, "two");
    const before = requestCount(zego.emulator);
    await zego.adapter.deleteConversation({
      userId: me,
      conversation: { type: "USER", id: peer },
      clearHistory: true,
    });
    expect(callsSince(before)).toEqual([
      ["DeleteConv", "POST"],
      ["ClearPeerMessage", "POST"],
    ]);
    expect((await zego.adapter.listConversations({ userId: me })).items).toEqual([]);
    const mine = await zego.adapter.listMessages({
      conversation: { type: "USER", userId: me, peerId: peer },
    });
    expect(mine.items).toEqual([]);
    const theirs = await zego.adapter.listMessages({
      conversation: { type: "USER", userId: peer, peerId: me },
    });
    expect(theirs.items.map((m) => m.content)).toEqual([
      { type: "TEXT", text: "two" },
      { type: "TEXT", text: "one" },
    ]);
  });

  it("succeeds for a conversation the user does not have; checks clearHistory", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    await zego.adapter.deleteConversation({ userId: me, conversation });
    await expect(
      zego.adapter.deleteConversation({
        userId: me,
        conversation,
        clearHistory: "yes" as unknown as boolean,
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "clearHistory" });
  });
});

describe("pinConversation", () => {
  it("answers a pin past ZIM's 100 VENDOR_REJECTED with its code 660800048", async () => {
    const [me, ...peers] = (await zego.users(102)) as [string, ...string[]];
    for (const peer of peers.slice(0, 100)) {
      await zego.adapter.pinConversation({
        userId: me,
        conversation: { type: "USER", id: peer },
        pinned: true,
      });
    }
    const last = { type: "USER", id: peers[100] as string } as const;
    await expect(
      zego.adapter.pinConversation({ userId: me, conversation: last, pinned: true }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendor: "zego", vendorCode: "660800048" });
    // Re-pinning one already pinned stays fine.
    await zego.adapter.pinConversation({
      userId: me,
      conversation: { type: "USER", id: peers[0] as string },
      pinned: true,
    });
  });

  it("maps an unregistered peer to NOT_FOUND and checks pinned", async () => {
    const [me] = (await zego.users(1)) as [string];
    const conversation: Conversation = { type: "USER", id: zego.id("ghost") };
    await expect(
      zego.adapter.pinConversation({ userId: me, conversation, pinned: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660800001" });
    await expect(
      zego.adapter.pinConversation({
        userId: me,
        conversation,
        pinned: 1 as unknown as boolean,
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "pinned" });
  });
});

describe("setConversationDoNotDisturb", () => {
  it("treats ZIM's already-muted and already-unmuted refusals as done", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const conversation: Conversation = { type: "USER", id: peer };
    await send(peer, me);
    const set = (doNotDisturb: boolean) =>
      zego.adapter.setConversationDoNotDisturb({ userId: me, conversation, doNotDisturb });
    await set(true);
    await set(true);
    expect(stateOf(me, conversation)?.doNotDisturb).toBe(true);
    await set(false);
    await set(false);
    expect(stateOf(me, conversation)?.doNotDisturb).toBe(false);
  });

  it("maps group errors: not a member VENDOR_REJECTED, no group NOT_FOUND", async () => {
    const [me, owner] = (await zego.users(2)) as [string, string];
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [] });
    await expect(
      zego.adapter.setConversationDoNotDisturb({
        userId: me,
        conversation: { type: "GROUP", id: groupId },
        doNotDisturb: true,
      }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660600024" });
    await expect(
      zego.adapter.setConversationDoNotDisturb({
        userId: me,
        conversation: { type: "GROUP", id: zego.id("none") },
        doNotDisturb: true,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660600001" });
  });
});

describe("clearConversationHistory", () => {
  it("refuses before as unsupported before any call", async () => {
    const [me, peer] = (await zego.users(2)) as [string, string];
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.clearConversationHistory({
        userId: me,
        conversation: { type: "USER", id: peer },
        before: new Date(),
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /before/ });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("clears a member's group copy with ClearMemberGroupMessage; a non-member is refused", async () => {
    const [me, owner, outsider] = (await zego.users(3)) as [string, string, string];
    const groupId = zego.id("g");
    const conversation: Conversation = { type: "GROUP", id: groupId };
    await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [me] });
    await zego.adapter.sendMessage({
      from: owner,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "x" },
    });
    const before = requestCount(zego.emulator);
    await zego.adapter.clearConversationHistory({ userId: me, conversation });
    expect(callsSince(before)).toEqual([["ClearMemberGroupMessage", "POST"]]);
    expect(stateOf(me, conversation)?.messageCount).toBe(0);
    expect(stateOf(owner, conversation)?.messageCount).toBe(1);
    await expect(
      zego.adapter.clearConversationHistory({ userId: outsider, conversation }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660600024" });
  });
});
