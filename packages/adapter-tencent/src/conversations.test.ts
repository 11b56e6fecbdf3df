// Conversations beyond the shared contract, over HTTP against the Tencent emulator: paging
// the server-sized list, batch splitting, what REST cannot do, and error mapping.
import type { Conversation, ConversationSummary } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();

function users(count: number, prefix = "c"): string[] {
  const ids = Array.from({ length: count }, () => uid(prefix));
  env.emulator.seed({ app: SDK_APP_ID, accounts: ids });
  return ids;
}
function group(owner: string, members: string[]): string {
  const groupId = uid("g");
  env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members }] });
  return groupId;
}
const text = (
  from: string,
  to: { type: "USERS"; userIds: string[] } | { type: "GROUP"; groupId: string },
) => env.adapter.sendMessage({ from, to, content: { type: "TEXT", text: "hi" } });
/** The bodies of the vendor calls to `command` since `mark`. */
const sent = (command: string, mark: number) => env.sentBodies(command, mark);
/** A value of the wrong type, as a GraphQL-less caller could send it (JSON is untyped). */
// biome-ignore lint/suspicious/noExplicitAny: the point is to pass what the types forbid
const wrongType = (value: unknown): any => JSON.parse(JSON.stringify(value));
const key = (s: ConversationSummary) => `${s.conversation.type}:${s.conversation.id}`;
async function all(userId: string, limit: number): Promise<ConversationSummary[][]> {
  const pages: ConversationSummary[][] = [];
  let cursor: string | null = null;
  do {
    const page = await env.adapter.listConversations({ userId, limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("listConversations", () => {
  it("cuts Tencent's 100-a-page list to the limit without losing or repeating a conversation", async () => {
    const [me] = users(1) as [string];
    const peers = users(105, "p");
    await text(me, { type: "USERS", userIds: peers });
    const mark = env.requestCount();
    const pages = await all(me, 40);
    expect(pages.map((p) => p.length)).toEqual([40, 40, 25]);
    const ids = pages.flat().map((s) => s.conversation.id);
    expect(new Set(ids).size).toBe(105);
    expect(ids.sort()).toEqual([...peers].sort());
    // Pages 1 and 2 cut into the first vendor page; page 3 ends it and reads the next.
    expect(sent("recentcontact/get_list", mark)).toHaveLength(4);
  });

  it("fills its limit from the next vendor page", async () => {
    const [me] = users(1) as [string];
    await text(me, { type: "USERS", userIds: users(105, "p") });
    const first = await env.adapter.listConversations({ userId: me, limit: 30 });
    const rest = await env.adapter.listConversations({
      userId: me,
      limit: 100,
      cursor: first.nextCursor,
    });
    expect(rest.items).toHaveLength(75);
    expect(rest.nextCursor).toBeNull();
  });

  it("asks one-to-one unread counts 10 peers a call", async () => {
    const [me] = users(1) as [string];
    const peers = users(23, "p");
    for (const peer of peers) await text(peer, { type: "USERS", userIds: [me] });
    await text(peers[0] as string, { type: "USERS", userIds: [me] });
    const mark = env.requestCount();
    const { items } = await env.adapter.listConversations({ userId: me, limit: 100 });
    const calls = sent("openim/get_c2c_unread_msg_num", mark);
    expect(calls.map((c) => (c.Peer_Account as string[]).length).sort()).toEqual([10, 10, 3]);
    expect(items).toHaveLength(23);
    for (const s of items) {
      expect(s).toMatchObject({ pinned: false, doNotDisturb: null });
      expect(s.unreadCount).toBe(s.conversation.id === peers[0] ? 2 : 1);
      expect(s.lastMessageAt).toBeInstanceOf(Date);
    }
  });

  it("lists pinned conversations first, and groups with the member's unread and flag", async () => {
    const [me, a, b, owner] = users(4) as [string, string, string, string];
    await text(a, { type: "USERS", userIds: [me] });
    await text(b, { type: "USERS", userIds: [me] });
    const groupId = group(owner, [me]);
    await text(owner, { type: "GROUP", groupId });
    await text(owner, { type: "GROUP", groupId });
    await env.adapter.setConversationDoNotDisturb({
      userId: me,
      conversation: { type: "GROUP", id: groupId },
      doNotDisturb: true,
    });
    env.emulator.seed({ app: SDK_APP_ID, pins: [{ userId: me, type: 1, peer: a }] });
    const { items } = await env.adapter.listConversations({ userId: me });
    expect(key(items[0]!)).toBe(`USER:${a}`);
    expect(items[0]!.pinned).toBe(true);
    expect(items.find((s) => s.conversation.type === "GROUP")).toMatchObject({
      unreadCount: 2,
      pinned: false,
      doNotDisturb: true,
    });
  });

  it("keeps a group the user left, without an unread count or flag", async () => {
    const [me, owner] = users(2) as [string, string];
    const groupId = group(owner, [me]);
    await text(owner, { type: "GROUP", groupId });
    await env.adapter.removeGroupMembers({ groupId, userIds: [me] });
    const { items } = await env.adapter.listConversations({ userId: me });
    expect(items).toEqual([
      {
        conversation: { type: "GROUP", id: groupId },
        lastMessageAt: expect.any(Date),
        unreadCount: null,
        pinned: false,
        doNotDisturb: null,
      },
    ]);
  });

  it("refuses a cursor it did not give out, and maps an unknown user to NOT_FOUND", async () => {
    const [me] = users(1) as [string];
    await expect(
      env.adapter.listConversations({ userId: me, cursor: "bm9wZQ" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
    await expect(env.adapter.listConversations({ userId: uid("ghost") })).rejects.toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "50001",
    });
  });
});

describe("countUnread", () => {
  it("adds the one-to-one total to every joined group's unread, paging the groups", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    const groups = Array.from({ length: 101 }, () => group(owner, [me]));
    await text(owner, { type: "GROUP", groupId: groups[0] as string });
    await text(owner, { type: "GROUP", groupId: groups[100] as string });
    await text(peer, { type: "USERS", userIds: [me] });
    const mark = env.requestCount();
    expect(await env.adapter.countUnread({ userId: me })).toBe(3);
    expect(sent("group_open_http_svc/get_joined_group_list", mark)).toHaveLength(2);
    await expect(env.adapter.countUnread({ userId: uid("ghost") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("what Tencent's REST API does not do", () => {
  it("refuses before any vendor call, naming the field", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    const user: Conversation = { type: "USER", id: peer };
    const inGroup: Conversation = { type: "GROUP", id: group(owner, [me]) };
    const refusals: [() => Promise<unknown>, string][] = [
      [
        () =>
          env.adapter.markConversationRead({ userId: me, conversation: inGroup, upTo: new Date() }),
        "upTo",
      ],
      [
        () => env.adapter.setUnreadCount({ userId: me, conversation: user, count: 1 }),
        "conversation.type USER",
      ],
      [
        () =>
          env.adapter.setConversationDoNotDisturb({
            userId: me,
            conversation: user,
            doNotDisturb: true,
          }),
        "conversation.type USER",
      ],
      [
        () => env.adapter.getConversationDoNotDisturb({ userId: me, conversation: user }),
        "conversation.type USER",
      ],
    ];
    for (const [call, field] of refusals) {
      const mark = env.requestCount();
      await expect(call()).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        vendor: "tencent",
        message: expect.stringContaining(field),
      });
      expect(env.requestCount()).toBe(mark);
    }
  });
});

describe("read marks and unread counts", () => {
  it("marks a one-to-one conversation read up to a time (MsgReadTime in seconds)", async () => {
    const [me, peer] = users(2) as [string, string];
    await text(peer, { type: "USERS", userIds: [me] });
    const upTo = new Date(env.emulator.now() + 1_500);
    env.emulator.setClock({ advanceMs: 5_000 });
    try {
      await text(peer, { type: "USERS", userIds: [me] });
      const mark = env.requestCount();
      await env.adapter.markConversationRead({
        userId: me,
        conversation: { type: "USER", id: peer },
        upTo,
      });
      expect(sent("openim/admin_set_msg_read", mark)).toEqual([
        { Report_Account: me, Peer_Account: peer, MsgReadTime: Math.floor(upTo.getTime() / 1000) },
      ]);
      // The later message stays unread.
      expect(await env.adapter.countUnread({ userId: me })).toBe(1);
    } finally {
      env.emulator.setClock({ offsetMs: 0 });
    }
  });

  it("marks a group read by clearing the member's unread count, and sets it", async () => {
    const [me, owner] = users(2) as [string, string];
    const conversation: Conversation = { type: "GROUP", id: group(owner, [me]) };
    for (let i = 0; i < 3; i++) await text(owner, { type: "GROUP", groupId: conversation.id });
    await env.adapter.setUnreadCount({ userId: me, conversation, count: 2 });
    expect(await env.adapter.countUnread({ userId: me })).toBe(2);
    const mark = env.requestCount();
    await env.adapter.markConversationRead({ userId: me, conversation });
    expect(sent("group_open_http_svc/set_unread_msg_num", mark)).toEqual([
      { GroupId: conversation.id, Member_Account: me, UnreadMsgNum: 0 },
    ]);
    expect(await env.adapter.countUnread({ userId: me })).toBe(0);
  });

  it("maps a non-member and an unknown group", async () => {
    const [me, owner, outsider] = users(3) as [string, string, string];
    const conversation: Conversation = { type: "GROUP", id: group(owner, [me]) };
    await expect(
      env.adapter.setUnreadCount({ userId: outsider, conversation, count: 0 }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "10007" });
    await expect(
      env.adapter.setUnreadCount({
        userId: me,
        conversation: { type: "GROUP", id: uid("nog") },
        count: 0,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "10010" });
  });
});

describe("deleteConversation", () => {
  it("sends ClearRamble for clearHistory and ToGroupid for a group", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    const groupId = group(owner, [me]);
    await text(peer, { type: "USERS", userIds: [me] });
    await text(owner, { type: "GROUP", groupId });
    const mark = env.requestCount();
    await env.adapter.deleteConversation({
      userId: me,
      conversation: { type: "USER", id: peer },
      clearHistory: true,
    });
    await env.adapter.deleteConversation({
      userId: me,
      conversation: { type: "GROUP", id: groupId },
    });
    expect(sent("recentcontact/delete", mark)).toEqual([
      { From_Account: me, Type: 1, To_Account: peer, ClearRamble: 1 },
      { From_Account: me, Type: 2, ToGroupid: groupId, ClearRamble: 0 },
    ]);
    expect((await env.adapter.listConversations({ userId: me })).items).toEqual([]);
    // The user's copy of the history went with clearHistory; the peer's stays.
    const history = await env.adapter.listMessages({
      conversation: { type: "USER", userId: me, peerId: peer },
    });
    expect(history.items).toEqual([]);
    const theirs = await env.adapter.listMessages({
      conversation: { type: "USER", userId: peer, peerId: me },
    });
    expect(theirs.items).toHaveLength(1);
  });

  it("maps an unknown user to NOT_FOUND and refuses a non-boolean clearHistory", async () => {
    const [peer] = users(1) as [string];
    await expect(
      env.adapter.deleteConversation({
        userId: uid("ghost"),
        conversation: { type: "USER", id: peer },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "50001" });
    await expect(
      env.adapter.deleteConversation({
        userId: peer,
        conversation: { type: "USER", id: uid("x") },
        clearHistory: wrongType("yes"),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "clearHistory" });
  });
});

describe("pinConversation", () => {
  it("sends recentcontact/top with OperationType and GroupId for a group; the list reads it back", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    const groupId = group(owner, [me]);
    await text(peer, { type: "USERS", userIds: [me] });
    await text(owner, { type: "GROUP", groupId });
    const mark = env.requestCount();
    await env.adapter.pinConversation({
      userId: me,
      conversation: { type: "USER", id: peer },
      pinned: true,
    });
    await env.adapter.pinConversation({
      userId: me,
      conversation: { type: "GROUP", id: groupId },
      pinned: false,
    });
    expect(sent("recentcontact/top", mark)).toEqual([
      { From_Account: me, OperationType: 1, RecentContactItem: [{ Type: 1, To_Account: peer }] },
      { From_Account: me, OperationType: 2, RecentContactItem: [{ Type: 2, GroupId: groupId }] },
    ]);
    const { items } = await env.adapter.listConversations({ userId: me });
    expect(items.map((s) => `${key(s)}:${s.pinned}`)).toEqual([
      `USER:${peer}:true`,
      `GROUP:${groupId}:false`,
    ]);
  });

  it("maps Tencent's 50-pin cap (51012) and an unknown user, and refuses a non-boolean pin", async () => {
    const [me] = users(1) as [string];
    for (const id of users(50, "p"))
      await env.adapter.pinConversation({
        userId: me,
        conversation: { type: "USER", id },
        pinned: true,
      });
    await expect(
      env.adapter.pinConversation({
        userId: me,
        conversation: { type: "USER", id: uid("p") },
        pinned: true,
      }),
    ).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "51012",
      message: expect.stringContaining("50"),
    });
    await expect(
      env.adapter.pinConversation({
        userId: uid("ghost"),
        conversation: { type: "USER", id: me },
        pinned: true,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "50001" });
    const mark = env.requestCount();
    await expect(
      env.adapter.pinConversation({
        userId: me,
        conversation: { type: "USER", id: uid("p") },
        pinned: wrongType("yes"),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "pinned" });
    expect(env.requestCount()).toBe(mark);
  });
});

describe("group do-not-disturb", () => {
  it("writes MsgFlag AcceptNotNotify / AcceptAndNotify and reads a Discard as do-not-disturb", async () => {
    const [me, owner] = users(2) as [string, string];
    const conversation: Conversation = { type: "GROUP", id: group(owner, [me]) };
    const mark = env.requestCount();
    await env.adapter.setConversationDoNotDisturb({ userId: me, conversation, doNotDisturb: true });
    await env.adapter.setConversationDoNotDisturb({
      userId: me,
      conversation,
      doNotDisturb: false,
    });
    expect(
      sent("group_open_http_svc/modify_group_member_info", mark).map((b) => b.MsgFlag),
    ).toEqual(["AcceptNotNotify", "AcceptAndNotify"]);
    expect(await env.adapter.getConversationDoNotDisturb({ userId: me, conversation })).toBe(false);
  });

  it("pages through a large group's members to find the user", async () => {
    const [owner] = users(1) as [string];
    const members = Array.from({ length: 1_200 }, () => uid("m"));
    const groupId = uid("big");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members }] });
    const last = members.at(-1) as string;
    const conversation: Conversation = { type: "GROUP", id: groupId };
    await env.adapter.setConversationDoNotDisturb({
      userId: last,
      conversation,
      doNotDisturb: true,
    });
    const mark = env.requestCount();
    expect(await env.adapter.getConversationDoNotDisturb({ userId: last, conversation })).toBe(
      true,
    );
    expect(sent("group_open_http_svc/get_group_member_info", mark)).toHaveLength(2);
  });

  it("answers NOT_FOUND for a non-member and maps the vendor's refusals", async () => {
    const [me, owner, outsider] = users(3) as [string, string, string];
    const conversation: Conversation = { type: "GROUP", id: group(owner, [me]) };
    await expect(
      env.adapter.getConversationDoNotDisturb({ userId: outsider, conversation }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      env.adapter.setConversationDoNotDisturb({
        userId: outsider,
        conversation,
        doNotDisturb: true,
      }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "10007" });
    await expect(
      env.adapter.setConversationDoNotDisturb({
        userId: me,
        conversation: { type: "GROUP", id: uid("nog") },
        doNotDisturb: true,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "10010" });
    await expect(
      env.adapter.setConversationDoNotDisturb({
        userId: me,
        conversation,
        doNotDisturb: wrongType("on"),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "doNotDisturb" });
  });
});
