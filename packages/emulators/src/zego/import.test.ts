import { beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

// ImportPeerMsg / ImportGroupMsg (zego.md #16 §3, choices §6.10).
const fx = useZego({}, { callbackUrl: "http://127.0.0.1:9/cb" });
beforeEach(() => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
  fx.emu.setClock({ frozen: true });
});

const HOUR = 3_600_000;
const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });
const importPeer = (
  from: string,
  to: string,
  ImportedUserId: string,
  Message: string,
  SendMessageTime: number,
  extra: Record<string, unknown> = {},
) =>
  fx.zim.post("ImportPeerMsg", {
    FromUserId: from,
    ToUserId: to,
    ...text(Message),
    SendMessageTime,
    ImportedUserId,
    ...extra,
  });
const importGroup = (from: string, Message: string, SendMessageTime: number, GroupId = "g") =>
  fx.zim.post("ImportGroupMsg", { FromUserId: from, GroupId, ...text(Message), SendMessageTime });

type Item = { Sender: string; MsgBody: string; MsgSeq: number; MsgTime: number };
const rows = (list: unknown) =>
  (list as Item[]).map((m) => [m.MsgBody, m.Sender, m.MsgSeq, m.MsgTime]);
const peerHistory = async (from: string, to: string, more: Record<string, unknown> = {}) =>
  (await fx.zim.post("QueryPeerMsg", { FromUserId: from, ToUserId: to, ...more })).body;

describe("ImportPeerMsg", () => {
  it("keeps the original sender and time, in ImportedUserId's view only, MsgSeq in call order", async () => {
    const t = fx.emu.now() - HOUR;
    const first = await importPeer("a", "b", "a", "one", t);
    expect(first.body).toMatchObject({ Code: 0, MsgSeq: 1, MsgId: expect.any(String) });
    await importPeer("b", "a", "a", "two", t + 1000);
    expect(rows((await peerHistory("a", "b")).List)).toEqual([
      ["two", "b", 2, t + 1000],
      ["one", "a", 1, t],
    ]);
    // b's view holds nothing until each message is imported for b too.
    expect((await peerHistory("b", "a")).List).toEqual([]);
    expect((await importPeer("a", "b", "b", "one", t)).body.MsgSeq).toBe(3);
    expect(rows((await peerHistory("b", "a")).List)).toEqual([["one", "a", 3, t]]);
  });

  it("lists history newest first by MsgTime, so an old import sits below live messages", async () => {
    await fx.zim.post("SendPeerMessage", { FromUserId: "a", ToUserId: ["b"], ...text("live") });
    const t = fx.emu.now() - HOUR;
    await importPeer("a", "b", "a", "old", t);
    await importPeer("a", "b", "a", "older", t - 1000);
    const all = await peerHistory("a", "b");
    expect(rows(all.List).map(([body]) => body)).toEqual(["live", "old", "older"]);
    // Paging goes on after the last message of the page, in the same order.
    const first = await peerHistory("a", "b", { Limit: 2 });
    expect(rows(first.List).map(([body]) => body)).toEqual(["live", "old"]);
    expect(first.Next).toBe(2);
    const rest = await peerHistory("a", "b", { Limit: 2, Next: first.Next });
    expect(rows(rest.List).map(([body]) => body)).toEqual(["older"]);
    expect(rest.Next).toBe(0);
    // QueryMessagesByMsgSeq shows only FromUserId's view too.
    const bySeq = await fx.zim.post("QueryMessagesByMsgSeq", {
      FromUserId: "b",
      ConvId: "a",
      ConvType: 0,
      MsgSeqList: [1, 2, 3],
    });
    expect(rows(bySeq.body.MessageList).map(([body]) => body)).toEqual(["live"]);
  });

  it("lists the conversation for ImportedUserId without unread, fires no callback", async () => {
    fx.emu.clearCallbacks();
    const t = fx.emu.now() - HOUR;
    await importPeer("b", "a", "a", "x", t);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      userConversations: { userId: string; convId: string; unread: number; listed: boolean }[];
    };
    expect(state.userConversations).toEqual([
      expect.objectContaining({ userId: "a", convId: "b", unread: 0, listed: true }),
    ]);
    const list = await fx.zim.post("QueryConversationList", { FromUserId: "a" });
    expect(list.body.List).toEqual([expect.objectContaining({ ConvId: "b", UpdateTime: t })]);
    await fx.emu.flushCallbacks();
    expect(fx.emu.callbackDeliveries({ kind: "send_msg" })).toEqual([]);
  });

  it("takes SendMessageTime 0 as now, refuses the future (660800046) and times past retention", async () => {
    const now = fx.emu.now();
    await importPeer("a", "b", "a", "now", 0);
    expect((await peerHistory("a", "b")).List).toMatchObject([{ MsgTime: now }]);
    expect((await importPeer("a", "b", "a", "x", now + 1000)).body.Code).toBe(660800046);
    // The default (flagship) app keeps 90 days.
    const day = 86_400_000;
    expect((await importPeer("a", "b", "a", "x", now - 89 * day)).body.Code).toBe(0);
    expect((await importPeer("a", "b", "a", "x", now - 91 * day)).body.Code).toBe(660000002);
  });

  it("checks its fields: ImportedUserId one of the two, no command messages, sizes", async () => {
    const t = fx.emu.now() - HOUR;
    expect((await importPeer("a", "b", "c", "x", t)).body.Code).toBe(660000002);
    expect((await importPeer("a", "a", "a", "x", t)).body.Code).toBe(660000002);
    expect((await importPeer("a", "b", "a", "x", t, { MessageType: 2 })).body.Code).toBe(660000002);
    expect((await importPeer("a", "b", "a", "x", t, { Priority: 4 })).body.Code).toBe(660000002);
    const big = { MessageBody: { Message: "x".repeat(2049) } };
    expect((await importPeer("a", "b", "a", "x", t, big)).body.Code).toBe(660400001);
    const noViewer = await fx.zim.post("ImportPeerMsg", {
      FromUserId: "a",
      ToUserId: "b",
      ...text("x"),
    });
    expect(noViewer.body.Code).toBe(660000002);
    // HasReceipt is ignored: receipts are never kept for an imported message.
    await importPeer("a", "b", "b", "r", t, { MessageBody: { Message: "r", HasReceipt: 1 } });
    expect(
      (await fx.zim.post("C2cReadReceipt", { FromUserId: "b", ConvId: "a", ConvMsgSeq: [1] })).body
        .Code,
    ).toBe(0);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      peerConversations: { messages: { readBy?: string[] }[] }[];
    };
    expect(state.peerConversations[0]?.messages[0]?.readBy).toBeUndefined();
  });
});

describe("ImportGroupMsg", () => {
  it("imports into the group's history with the sender and time, answering MsgSeq only", async () => {
    const t = fx.emu.now() - HOUR;
    const res = await importGroup("b", "old", t);
    expect(res.body).toMatchObject({ Code: 0, MsgSeq: 1 });
    expect(res.body.MsgId).toBeUndefined();
    const history = await fx.zim.post("QueryGroupMsg", { GroupId: "g" });
    expect(rows(history.body.List)).toEqual([["old", "b", 1, t]]);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      userConversations: { userId: string; unread: number; listed: boolean }[];
    };
    expect(state.userConversations.map((e) => [e.userId, e.unread, e.listed]).sort()).toEqual([
      ["a", 0, true],
      ["b", 0, true],
    ]);
  });

  it("needs a registered sender (not a member) and an existing group", async () => {
    const t = fx.emu.now() - HOUR;
    expect((await importGroup("c", "x", t)).body.Code).toBe(0);
    expect((await importGroup("ghost", "x", t)).body.Code).toBe(660500002);
    expect((await importGroup("a", "x", t, "nope")).body.Code).toBe(660600001);
    expect((await importGroup("a", "x", fx.emu.now() + 1)).body.Code).toBe(660800046);
  });

  it("keeps 7 days of history on the free plan", async () => {
    const free = await startTestEmulator({}, { plan: "free" });
    try {
      free.emu.seed({ users: [{ userId: "a" }], groups: [{ groupId: "g", owner: "a" }] });
      const at = (days: number) =>
        free.zim.post("ImportGroupMsg", {
          FromUserId: "a",
          GroupId: "g",
          ...text("x"),
          SendMessageTime: free.emu.now() - days * 86_400_000,
        });
      expect((await at(6)).body.Code).toBe(0);
      expect((await at(8)).body.Code).toBe(660000002);
    } finally {
      await free.emu.close();
    }
  });
});
