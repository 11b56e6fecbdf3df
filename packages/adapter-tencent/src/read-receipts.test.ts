// Read receipts beyond the shared contract, over HTTP against the Tencent emulator.
import { IdCodec } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";
import { vendorState } from "./testing/vendor-state.js";

const env = emulatorWithAdapter({ readReceipts: true });
const readBy = (messageId: string) =>
  vendorState(env.emulator, SDK_APP_ID, {
    ids: new IdCodec({ secret: "id-secret" }),
    appId: "tencent",
  }).readBy(messageId);

const users = (count: number) => env.seedUsers(count, "r");
async function send(
  from: string,
  to: { type: "USERS"; userIds: string[] } | { type: "GROUP"; groupId: string },
  adapter = env.adapter,
): Promise<string> {
  const [sent] = await adapter.sendMessage({ from, to, content: { type: "TEXT", text: "m" } });
  if (!sent?.ok) throw new Error("send failed");
  return sent.value.messageId;
}
async function group(members: number) {
  const [owner, ...rest] = users(members + 1) as [string, ...string[]];
  const groupId = uid("g");
  env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members: rest }] });
  return { groupId, owner, members: rest };
}
const bodies = (route: string, mark: number) => env.sentBodies(route, mark);

describe("markMessagesRead", () => {
  it("sends one-to-one receipts 30 messages a call; the vendor records the reader", async () => {
    const [from, to] = users(2) as [string, string];
    const ids: string[] = [];
    for (let i = 0; i < 31; i++) ids.push(await send(from, { type: "USERS", userIds: [to] }));
    const mark = env.requestCount();
    await env.adapter.markMessagesRead({ userId: to, messageIds: ids });
    const calls = bodies("openim/c2c_msg_read_receipt", mark);
    expect(
      calls.map((c) => [c.Operator_Account, c.Peer_Account, (c.C2CMsgInfo as unknown[]).length]),
    ).toEqual([
      [to, from, 30],
      [to, from, 1],
    ]);
    expect(await readBy(ids[30] as string)).toEqual([to]);
  });

  it("asks group sends for receipts and sends a member's by MsgSeq", async () => {
    const { groupId, owner, members } = await group(2);
    const mark = env.requestCount();
    const messageId = await send(owner, { type: "GROUP", groupId });
    // The group field's name is unsettled: both spellings go.
    expect(bodies("group_open_http_svc/send_group_msg", mark)[0]).toMatchObject({
      NeedReadReceipt: 1,
      IsNeedReadReceipt: 1,
    });
    await env.adapter.markMessagesRead({ userId: members[0] as string, messageIds: [messageId] });
    expect(bodies("group_open_http_svc/group_msg_receipt", mark)).toEqual([
      { GroupId: groupId, From_Account: members[0], MsgSeqList: [{ MsgSeq: 1 }] },
    ]);
    expect(await readBy(messageId)).toEqual([members[0]]);
  });

  it("refuses ids of several conversations and messages the user did not receive, before any call", async () => {
    const [a, b, c] = users(3) as [string, string, string];
    const fromA = await send(a, { type: "USERS", userIds: [c] });
    const fromB = await send(b, { type: "USERS", userIds: [c] });
    const own = await send(c, { type: "USERS", userIds: [a] });
    const before = env.requestCount();
    await expect(
      env.adapter.markMessagesRead({ userId: c, messageIds: [fromA, fromB] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messageIds[1]" });
    await expect(
      env.adapter.markMessagesRead({ userId: c, messageIds: [fromA, own] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "messageIds[1]" });
    expect(env.requestCount()).toBe(before);
  });
});

describe("getReadReceipts and listMessageReaders", () => {
  it("pages the readers and the members who did not read, a cursor bound to its list", async () => {
    const { groupId, owner, members } = await group(3);
    const messageId = await send(owner, { type: "GROUP", groupId });
    for (const reader of members.slice(0, 2)) {
      await env.adapter.markMessagesRead({ userId: reader, messageIds: [messageId] });
    }
    expect(await env.adapter.getReadReceipts({ messageId })).toEqual({
      readCount: 2,
      unreadCount: 1,
    });
    const first = await env.adapter.listMessageReaders({ messageId, read: true, limit: 1 });
    expect(first.items).toEqual([members[0]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await env.adapter.listMessageReaders({
      messageId,
      read: true,
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second).toEqual({ items: [members[1]], nextCursor: null });
    await expect(
      env.adapter.listMessageReaders({ messageId, read: false, cursor: first.nextCursor }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
    const unread = await env.adapter.listMessageReaders({ messageId, read: false, limit: 500 });
    expect(unread).toEqual({ items: [members[2]], nextCursor: null });
  });

  it("answers one-to-one messages UNSUPPORTED_BY_VENDOR without a call", async () => {
    const [a, b] = users(2) as [string, string];
    const messageId = await send(a, { type: "USERS", userIds: [b] });
    const before = env.requestCount();
    await expect(env.adapter.getReadReceipts({ messageId })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringMatching(/group messages only/),
    });
    await expect(env.adapter.listMessageReaders({ messageId, read: true })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
    });
    expect(env.requestCount()).toBe(before);
  });

  it("maps Tencent's refusals: a message sent without receipts, a live group", async () => {
    const { groupId, owner } = await group(1);
    const off = adapterFor([env.emulator.url]);
    const plain = await send(owner, { type: "GROUP", groupId }, off);
    await expect(off.getReadReceipts({ messageId: plain })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringMatching(/options\.readReceipts/),
    });
    await off.close();
    // 10062: Tencent keeps no receipt information for it.
    await expect(env.adapter.getReadReceipts({ messageId: plain })).rejects.toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "10062",
      message: expect.stringContaining("without read receipts"),
    });
    const roomId = uid("room");
    env.emulator.seed({
      app: SDK_APP_ID,
      groups: [{ groupId: roomId, type: "AVChatRoom", owner }],
    });
    const { messageId } = await env.adapter.sendRoomMessage({
      roomId,
      from: owner,
      content: { type: "TEXT", text: "live" },
    });
    if (!messageId) throw new Error("no id");
    await expect(env.adapter.getReadReceipts({ messageId })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "10007",
    });
  });
});
