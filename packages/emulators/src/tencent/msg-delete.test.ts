import { describe, expect, it } from "vitest";
import { groupHistory, messageSender, roamMessages } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroupOf,
  demoState,
  importUsers,
  ok,
  text,
  useTencent,
} from "./test-support.js";

const fx = useTencent();
const send = messageSender(fx);
async function sendC2C(from: string, to: string, t = "m"): Promise<string> {
  const sent = ok(await send.c2c(from, to, { SyncOtherMachine: 1, MsgBody: text(t) }));
  return sent.MsgKey as string;
}
async function roamKeys(op: string, peer: string): Promise<string[]> {
  return (await roamMessages(fx.tim, op, peer)).map((m) => m.MsgKey as string);
}
const del = (body: Body) => fx.tim.call("openim/delete_c2c_msg_ramble", body);
/** What the state dump says about one user's conversation with a peer. */
function contact(user: string, peer: string): Body | undefined {
  const state = demoState(fx.emu);
  return (state.recentContacts[user] as Body[]).find((c) => c.To_Account === peer);
}

describe("openim/delete_c2c_msg_ramble", () => {
  it("removes messages from the operator's copy only; counts and unread follow", async () => {
    await importUsers(fx.tim, "a", "b");
    const k1 = await sendC2C("a", "b", "one");
    const k2 = await sendC2C("a", "b", "two");
    const k3 = await sendC2C("a", "b", "three");
    ok(await del({ Operator_Account: "b", Peer_Account: "a", MsgKeyList: [k1, k2] }));
    expect(await roamKeys("b", "a")).toEqual([k3]);
    expect((await roamKeys("a", "b")).sort()).toEqual([k1, k2, k3].sort());
    expect(contact("b", "a")).toMatchObject({ MessageCount: 1, UnreadMsgNum: 1 });
    expect(contact("a", "b")).toMatchObject({ MessageCount: 3 });
    const unread = ok(await fx.tim.call("openim/get_c2c_unread_msg_num", { To_Account: "b" }));
    expect(unread.AllC2CUnreadMsgNum).toBe(1);
    // The sender may delete from their own copy too, independently.
    ok(await del({ Operator_Account: "a", Peer_Account: "b", MsgKeyList: [k3] }));
    expect(await roamKeys("a", "b")).toHaveLength(2);
    expect(await roamKeys("b", "a")).toEqual([k3]);
  });

  it("skips keys of no message of the pair, so a repeat succeeds", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    const k1 = await sendC2C("a", "b");
    const other = await sendC2C("a", "c");
    ok(await del({ Operator_Account: "b", Peer_Account: "a", MsgKeyList: [k1, other, "1_2_3"] }));
    ok(await del({ Operator_Account: "b", Peer_Account: "a", MsgKeyList: [k1] }));
    expect(await roamKeys("b", "a")).toEqual([]);
    expect(await roamKeys("c", "a")).toEqual([other]);
  });

  it("refuses more than 30 keys (90001) and unknown accounts (90008 / 90003)", async () => {
    await importUsers(fx.tim, "a", "b");
    const keys = Array.from({ length: 31 }, (_, i) => `${i}_1_1`);
    const tooMany = await del({ Operator_Account: "a", Peer_Account: "b", MsgKeyList: keys });
    expect(tooMany).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 90001 });
    ok(await del({ Operator_Account: "a", Peer_Account: "b", MsgKeyList: keys.slice(0, 30) }));
    const noOp = await del({ Operator_Account: "ghost", Peer_Account: "b", MsgKeyList: ["1_1_1"] });
    expect(noOp.ErrorCode).toBe(90008);
    const noPeer = await del({
      Operator_Account: "a",
      Peer_Account: "ghost",
      MsgKeyList: ["1_1_1"],
    });
    expect(noPeer.ErrorCode).toBe(90003);
    expect((await del({ Operator_Account: "a", Peer_Account: "b" })).ErrorCode).toBe(90001);
  });
});

describe("group_open_http_svc/delete_group_msg_by_sender", () => {
  async function groupWithMessages(type = "Public"): Promise<string> {
    const id = await createGroupOf(fx.tim, "o", ["m"], { Type: type });
    for (const from of ["o", "m", "m"]) ok(await send.group(id, from, { MsgBody: text(from) }));
    return id;
  }

  it("deletes every message of the sender for everyone: holes in history, gone for edits and recalls", async () => {
    const id = await groupWithMessages();
    ok(
      await fx.tim.call("group_open_http_svc/delete_group_msg_by_sender", {
        GroupId: id,
        Sender_Account: "m",
      }),
    );
    const history = await groupHistory(fx.tim, id);
    expect(
      (history.RspMsgList as Body[]).map((m) => [m.MsgSeq, m.From_Account, m.IsPlaceMsg]),
    ).toEqual([
      [3, "m", 1],
      [2, "m", 1],
      [1, "o", 0],
    ]);
    const edit = await fx.tim.call("openim/modify_group_msg", {
      GroupId: id,
      MsgSeq: 2,
      MsgBody: text("x"),
    });
    expect(edit.ErrorCode).toBe(20026);
    const recall = ok(
      await fx.tim.call("group_open_http_svc/group_msg_recall", {
        GroupId: id,
        MsgSeqList: [{ MsgSeq: 3 }],
      }),
    );
    expect(recall.RecallRetList).toEqual([{ MsgSeq: 3, RetCode: 10030 }]);
    const state = demoState(fx.emu);
    const o = (state.recentContacts.o as Body[]).find((c) => c.GroupId === id);
    expect(o?.MessageCount).toBe(1);
  });

  it("answers 10035 for a live group and 10010 for an unknown one", async () => {
    const live = await groupWithMessages("AVChatRoom");
    const r = await fx.tim.call("group_open_http_svc/delete_group_msg_by_sender", {
      GroupId: live,
      Sender_Account: "o",
    });
    expect(r).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 10035 });
    const missing = await fx.tim.call("group_open_http_svc/delete_group_msg_by_sender", {
      GroupId: "nope",
      Sender_Account: "o",
    });
    expect(missing.ErrorCode).toBe(10010);
  });
});
