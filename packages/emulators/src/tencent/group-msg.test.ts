import { describe, expect, it } from "vitest";
import { groupHistory } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroup,
  createGroupOf,
  demoState,
  importUsers,
  ok,
  text,
  useTencent,
  withTencent,
} from "./test-support.js";

const fx = useTencent();
const g = (cmd: string, body: Record<string, unknown>) =>
  fx.tim.call(`group_open_http_svc/${cmd}`, body);
let rnd = 1000;
const send = (GroupId: string, body: Record<string, unknown> = {}) =>
  g("send_group_msg", { GroupId, Random: rnd++, MsgBody: text(`m${rnd}`), ...body });
const history = (GroupId: string, body: Record<string, unknown> = {}) =>
  g("group_msg_get_simple", { GroupId, ReqMsgNumber: 20, ...body });
const seqs = (r: Body) => r.RspMsgList.map((m: Body) => m.MsgSeq);

const group = (Type = "Public") => createGroupOf(fx.tim, "o", ["a", "b"], { Type });

describe("send_group_msg", () => {
  it("numbers messages per group from 1 and answers MsgTime", async () => {
    const id = await group();
    const other = await group("ChatRoom");
    expect(ok(await send(id)).MsgSeq).toBe(1);
    expect(ok(await send(id, { From_Account: "a" })).MsgSeq).toBe(2);
    expect(ok(await send(other)).MsgSeq).toBe(1);
    const r = ok(await send(id));
    expect(r.MsgSeq).toBe(3);
    expect(Math.abs(r.MsgTime - Math.floor(fx.emu.now() / 1000))).toBeLessThanOrEqual(1);
    const info = ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0];
    expect(info.NextMsgSeq).toBe(4);
  });

  it("drops the same content with the same Random within 5 minutes", async () => {
    const id = await group();
    const first = ok(await send(id, { Random: 7, MsgBody: text("x") }));
    const again = ok(await send(id, { Random: 7, MsgBody: text("x") }));
    expect(again).toMatchObject({ MsgSeq: first.MsgSeq, MsgTime: first.MsgTime });
    expect(ok(await send(id, { Random: 7, MsgBody: text("y") })).MsgSeq).toBe(2);
    fx.emu.setClock({ advanceMs: 301_000 });
    expect(ok(await send(id, { Random: 7, MsgBody: text("x") })).MsgSeq).toBe(3);
  });

  it("refuses muted senders with 10017 (member mute, global group mute, mute all)", async () => {
    const id = await group();
    ok(await g("forbid_send_msg", { GroupId: id, Members_Account: ["a"], MuteTime: 60 }));
    expect((await send(id, { From_Account: "a" })).ErrorCode).toBe(10017);
    ok(
      await fx.tim.call("openconfigsvr/setnospeaking", {
        Set_Account: "b",
        GroupmsgNospeakingTime: 60,
      }),
    );
    expect((await send(id, { From_Account: "b" })).ErrorCode).toBe(10017);
    fx.emu.setClock({ advanceMs: 61_000 });
    ok(await send(id, { From_Account: "a" }));
    ok(await g("modify_group_base_info", { GroupId: id, MuteAllMember: "On" }));
    expect((await send(id, { From_Account: "a" })).ErrorCode).toBe(10017);
    ok(await send(id, { From_Account: "o" })); // the owner still speaks
    ok(await send(id)); // and so does the admin
  });

  it("validates: non-member 10007, unknown sender 10019, group 10010, Random and MsgBody 10004, size 80002", async () => {
    const id = await group();
    await importUsers(fx.tim, "stranger");
    expect((await send(id, { From_Account: "stranger" })).ErrorCode).toBe(10007);
    expect((await send(id, { From_Account: "ghost" })).ErrorCode).toBe(10019);
    expect((await send("nope")).ErrorCode).toBe(10010);
    expect((await send(id, { Random: undefined })).ErrorCode).toBe(10004);
    expect(
      (await send(id, { MsgBody: [{ MsgType: "TIMTextElem", MsgContent: {} }] })).ErrorCode,
    ).toBe(10004);
    expect((await send(id, { MsgBody: text("x".repeat(13_000)) })).ErrorCode).toBe(80002);
    expect((await send(id, { OnlineOnlyFlag: 1, SendMsgControl: ["NoUnread"] })).ErrorCode).toBe(
      10004,
    );
    const many = Array.from({ length: 51 }, (_, i) => `u${i}`);
    expect((await send(id, { To_Account: many })).ErrorCode).toBe(10005);
  });

  it("AVChatRoom: any sender, no history", async () => {
    const live = ok(await g("create_group", { Type: "AVChatRoom", Name: "live" })).GroupId;
    await importUsers(fx.tim, "viewer");
    expect(ok(await send(live, { From_Account: "viewer" })).MsgSeq).toBe(1);
    expect((await history(live)).ErrorCode).toBe(10007);
  });
});

describe("group_msg_get_simple", () => {
  it("returns newest first, pages by ReqMsgSeq, and marks online-only messages as holes", async () => {
    const id = await group();
    for (let i = 0; i < 5; i++)
      ok(await send(id, { MsgBody: text(`t${i}`), OnlineOnlyFlag: i === 1 ? 1 : 0 }));
    const p1 = ok(await history(id, { ReqMsgNumber: 3 }));
    expect(p1).toMatchObject({ GroupId: id, IsFinished: 0 });
    expect(seqs(p1)).toEqual([5, 4, 3]);
    expect(p1.RspMsgList[0]).toMatchObject({
      From_Account: "administrator",
      IsPlaceMsg: 0,
      MsgBody: text("t4"),
    });
    const p2 = ok(await history(id, { ReqMsgNumber: 3, ReqMsgSeq: 2 }));
    expect(seqs(p2)).toEqual([2, 1]);
    expect(p2.IsFinished).toBe(1);
    expect(p2.RspMsgList[0]).toMatchObject({ IsPlaceMsg: 1, MsgBody: [] });
  });

  it("caps a page at 20 and reports IsFinished 2 when all are expired", async () => {
    const id = await group();
    for (let i = 0; i < 22; i++) ok(await send(id));
    expect(ok(await history(id, { ReqMsgNumber: 50 })).RspMsgList).toHaveLength(20);
    fx.emu.setClock({ advanceMs: 31 * 86_400_000 });
    const old = ok(await history(id, { ReqMsgNumber: 5 }));
    expect(old.IsFinished).toBe(2);
    expect(old.RspMsgList.every((m: Body) => m.IsPlaceMsg === 1)).toBe(true);
    expect((await history(id, { ReqMsgNumber: undefined })).ErrorCode).toBe(10004);
  });
});

describe("group_msg_recall", () => {
  it("recalls per item (10030 for unknown or recalled) and history shows a hole", async () => {
    const id = await group();
    ok(await send(id));
    ok(await send(id));
    const r = ok(
      await g("group_msg_recall", { GroupId: id, MsgSeqList: [{ MsgSeq: 1 }, { MsgSeq: 9 }] }),
    );
    expect(r.RecallRetList).toEqual([
      { MsgSeq: 1, RetCode: 0 },
      { MsgSeq: 9, RetCode: 10030 },
    ]);
    const h = ok(await history(id));
    expect(h.RspMsgList.map((m: Body) => [m.MsgSeq, m.IsPlaceMsg])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const again = ok(await g("group_msg_recall", { GroupId: id, MsgSeqList: [{ MsgSeq: 1 }] }));
    expect(again.RecallRetList[0].RetCode).toBe(10030);
  });

  it("AVChatRoom answers 10033 per item; at most 10 per call; Reason ≤100 bytes", async () => {
    const live = ok(await g("create_group", { Type: "AVChatRoom", Name: "live" })).GroupId;
    ok(await send(live));
    const r = ok(await g("group_msg_recall", { GroupId: live, MsgSeqList: [{ MsgSeq: 1 }] }));
    expect(r.RecallRetList[0].RetCode).toBe(10033);
    const id = await group();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ MsgSeq: i + 1 }));
    expect((await g("group_msg_recall", { GroupId: id, MsgSeqList: eleven })).ErrorCode).toBe(
      10005,
    );
    expect(
      (
        await g("group_msg_recall", {
          GroupId: id,
          MsgSeqList: [{ MsgSeq: 1 }],
          Reason: "r".repeat(101),
        })
      ).ErrorCode,
    ).toBe(10004);
    expect(
      (await g("group_msg_recall", { GroupId: id, MsgSeqList: [{ MsgSeq: "1" }] })).ErrorCode,
    ).toBe(10004);
  });
});

describe("send_group_system_notification", () => {
  it("stores notifications for all members or the listed ones", async () => {
    const id = await group();
    ok(await g("send_group_system_notification", { GroupId: id, Content: "hello all" }));
    ok(
      await g("send_group_system_notification", {
        GroupId: id,
        Content: "hi a",
        ToMembers_Account: ["a", "stranger"],
      }),
    );
    const state = demoState(fx.emu);
    const notes = state.groups.find((x: Body) => x.groupId === id).notifications;
    expect(notes.map((n: Body) => [n.content, n.to])).toEqual([
      ["hello all", ["o", "a", "b"]],
      ["hi a", ["a"]],
    ]);
    expect((await g("send_group_system_notification", { GroupId: id })).ErrorCode).toBe(10004);
    expect(
      (await g("send_group_system_notification", { GroupId: "nope", Content: "x" })).ErrorCode,
    ).toBe(10010);
  });
});

describe("editions", () => {
  it("targeted group messages (To_Account) need Ultimate", async () => {
    await withTencent({ edition: "pro" }, async (tim, emu) => {
      await importUsers(tim, "a");
      const id = await createGroup(tim, { MemberList: [{ Member_Account: "a" }] });
      const r = await tim.call("group_open_http_svc/send_group_msg", {
        GroupId: id,
        Random: 1,
        MsgBody: text("x"),
        To_Account: ["a"],
      });
      expect(r.ErrorCode).toBe(10007);
      // Pro keeps 7 days of history.
      ok(
        await tim.call("group_open_http_svc/send_group_msg", {
          GroupId: id,
          Random: 2,
          MsgBody: text("x"),
        }),
      );
      emu.setClock({ advanceMs: 8 * 86_400_000 });
      const h = await groupHistory(tim, id, 1);
      expect(h.IsFinished).toBe(2);
    });
  });
});
