import { describe, expect, it } from "vitest";
import { groupHistory, roamMessages } from "../testing/tencent-messages.js";
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
const nowS = () => Math.floor(fx.emu.now() / 1000);
const importC2C = (body: Body) =>
  fx.tim.call("openim/importmsg", {
    SyncFromOldSystem: 2,
    From_Account: "a",
    To_Account: "b",
    MsgSeq: 1,
    MsgRandom: 1,
    MsgTimeStamp: nowS() - 3600,
    MsgBody: text("old"),
    ...body,
  });
const roamList = (op: string, peer: string) => roamMessages(fx.tim, op, peer);

describe("openim/importmsg", () => {
  it("puts the message in both sides' history with its sender and time, keyed Seq_Random_Time", async () => {
    await importUsers(fx.tim, "a", "b");
    const t = nowS() - 7200;
    ok(await importC2C({ MsgSeq: 7, MsgRandom: 8, MsgTimeStamp: t }));
    ok(
      await importC2C({
        From_Account: "b",
        To_Account: "a",
        MsgSeq: 9,
        MsgRandom: 8,
        MsgTimeStamp: t + 60,
        MsgBody: text("reply"),
      }),
    );
    for (const [op, peer] of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      expect(
        (await roamList(op, peer)).map((m) => [
          m.From_Account,
          m.MsgTimeStamp,
          m.MsgKey,
          m.MsgBody[0].MsgContent.Text,
        ]),
      ).toEqual([
        ["b", t + 60, `9_8_${t + 60}`, "reply"],
        ["a", t, `7_8_${t}`, "old"],
      ]);
    }
    // History import (2) updates the conversation but counts nothing unread.
    const state = demoState(fx.emu);
    expect((state.recentContacts.b as Body[])[0]).toMatchObject({
      To_Account: "a",
      MsgTime: t + 60,
      UnreadMsgNum: 0,
    });
  });

  it("drops a duplicate (same MsgSeq, MsgRandom, MsgTimeStamp, either direction) without overwriting", async () => {
    await importUsers(fx.tim, "a", "b");
    const t = nowS() - 100;
    ok(await importC2C({ MsgTimeStamp: t }));
    ok(
      await importC2C({
        From_Account: "b",
        To_Account: "a",
        MsgTimeStamp: t,
        MsgBody: text("other"),
      }),
    );
    const history = await roamList("a", "b");
    expect(history.map((m) => [m.From_Account, m.MsgBody[0].MsgContent.Text])).toEqual([
      ["a", "old"],
    ]);
  });

  it("counts real-time imports (5) as unread", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await importC2C({ SyncFromOldSystem: 5, MsgTimeStamp: nowS() - 10 }));
    const unread = ok(await fx.tim.call("openim/get_c2c_unread_msg_num", { To_Account: "b" }));
    expect(unread.AllC2CUnreadMsgNum).toBe(1);
  });

  it("answers the openim codes for bad fields and unknown accounts", async () => {
    await importUsers(fx.tim, "a", "b");
    expect((await importC2C({ SyncFromOldSystem: 1 })).ErrorCode).toBe(90001);
    expect((await importC2C({ MsgRandom: "x" })).ErrorCode).toBe(90005);
    expect((await importC2C({ MsgTimeStamp: -1 })).ErrorCode).toBe(90006);
    expect((await importC2C({ MsgBody: {} })).ErrorCode).toBe(90007);
    expect((await importC2C({ From_Account: "ghost" })).ErrorCode).toBe(90008);
    expect((await importC2C({ To_Account: "ghost" })).ErrorCode).toBe(90003);
  });
});

describe("group_open_http_svc/import_group_msg", () => {
  /** A group created two hours ago (emulated clock), with one member besides its owner. */
  async function oldGroup(type = "Public"): Promise<{ id: string; created: number }> {
    fx.emu.setClock({ advanceMs: -2 * 3_600_000 });
    const id = await createGroupOf(fx.tim, "o", ["m"], { Type: type });
    const created = nowS();
    fx.emu.setClock({ offsetMs: 0 });
    return { id, created };
  }
  const item = (From_Account: string, SendTime: number, Random = SendTime) => ({
    From_Account,
    SendTime,
    Random,
    MsgBody: text(`${From_Account}@${SendTime}`),
  });
  const importGroup = (GroupId: string, MsgList: Body[], extra: Body = {}) =>
    fx.tim.call("group_open_http_svc/import_group_msg", { GroupId, MsgList, ...extra });

  it("imports in order with the group's next MsgSeqs; history shows sender and time; unread is 0", async () => {
    const { id, created } = await oldGroup();
    const r = ok(await importGroup(id, [item("o", created + 10), item("m", created + 20)]));
    expect(r.ImportMsgResult).toEqual([
      { MsgSeq: 1, MsgTime: created + 10, Result: 0 },
      { MsgSeq: 2, MsgTime: created + 20, Result: 0 },
    ]);
    ok(
      await fx.tim.call("group_open_http_svc/send_group_msg", {
        GroupId: id,
        From_Account: "o",
        Random: 1,
        MsgBody: text("live"),
      }),
    );
    const history = await groupHistory(fx.tim, id, 10);
    expect((history.RspMsgList as Body[]).map((m) => [m.MsgSeq, m.From_Account])).toEqual([
      [3, "o"],
      [2, "m"],
      [1, "o"],
    ]);
    expect((history.RspMsgList as Body[])[1]?.MsgTimeStamp).toBe(created + 20);
    const unread = async () =>
      ok(
        await fx.tim.call("group_open_http_svc/get_joined_group_list", {
          Member_Account: "m",
          ResponseFilter: { SelfInfoFilter: ["UnreadMsgNum"] },
        }),
      ).GroupIdList[0].SelfInfo.UnreadMsgNum;
    expect(await unread()).toBe(1);
    // Every member's unread count is 0 after an import.
    fx.emu.setClock({ advanceMs: 10_000 });
    ok(await importGroup(id, [item("o", nowS() - 5)]));
    expect(await unread()).toBe(0);
  });

  it("fails a message not after the group's creation and latest message, or not before now (Result 10004), one over 12 KB (80002); a repeat is 0 with the first MsgSeq", async () => {
    const { id, created } = await oldGroup();
    ok(await importGroup(id, [item("o", created + 100)]));
    const results = async (list: Body[]) =>
      ok(await importGroup(id, list)).ImportMsgResult.map((x: Body) => [x.Result, x.MsgSeq]);
    expect(await results([item("o", created + 100), item("m", created + 200)])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(await results([item("o", created - 10)])).toEqual([[10004, 0]]);
    expect(await results([item("o", created + 150)])).toEqual([[10004, 0]]);
    expect(await results([item("o", nowS() + 60)])).toEqual([[10004, 0]]);
    const long = { ...item("o", created + 300), MsgBody: text("x".repeat(13_000)) };
    expect(await results([long, item("o", created + 301)])).toEqual([
      [80002, 0],
      [0, 3],
    ]);
  });

  it("refuses more than 7 messages (10005), a descending list (10004) and live groups (10007)", async () => {
    const { id, created } = await oldGroup();
    const eight = Array.from({ length: 8 }, (_, i) => item("o", created + i + 1));
    expect((await importGroup(id, eight)).ErrorCode).toBe(10005);
    ok(await importGroup(id, eight.slice(0, 7)));
    const down = await importGroup(id, [item("o", created + 60), item("o", created + 50)]);
    expect(down.ErrorCode).toBe(10004);
    expect((await importGroup(id, [item("ghost", created + 70)])).ErrorCode).toBe(10019);
    const live = await oldGroup("AVChatRoom");
    expect((await importGroup(live.id, [item("o", live.created + 1)])).ErrorCode).toBe(10007);
  });
});
