import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { messageSender, roamMessages } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroup,
  createGroupOf,
  demoState,
  importUsers,
  ok,
  text,
  withTencent,
} from "./test-support.js";

const fx = useTencentCallbacks();
const sender = messageSender(fx);
const dump = () => demoState(fx.emu);

describe("openim/c2c_msg_read_receipt", () => {
  async function send(from: string, to: string): Promise<string> {
    return ok(await sender.c2c(from, to, { MsgBody: text("hi") })).MsgKey as string;
  }
  const receipt = (body: Body) => fx.tim.call("openim/c2c_msg_read_receipt", body);

  it("records the recipient's receipt: IsPeerRead for the sender, ReadBy in the dump", async () => {
    await importUsers(fx.tim, "a", "b");
    const k1 = await send("a", "b");
    const k2 = await send("a", "b");
    const mine = await send("b", "a");
    ok(
      await receipt({
        Operator_Account: "b",
        Peer_Account: "a",
        C2CMsgInfo: [
          { From_Account: "a", To_Account: "b", MsgKey: k1 },
          { From_Account: "b", To_Account: "a", MsgKey: mine },
        ],
      }),
    );
    const history = await roamMessages(fx.tim, "a", "b", { MaxCnt: 10 });
    const read = Object.fromEntries(history.map((m) => [m.MsgKey, m.IsPeerRead]));
    expect(read).toEqual({ [k1]: 1, [k2]: 0, [mine]: 0 });
    const byKey = Object.fromEntries(
      (dump().readReceipts.c2c as Body[]).map((m) => [m.MsgKey, m.ReadBy]),
    );
    expect(byKey).toEqual({ [k1]: ["b"], [k2]: [], [mine]: [] });
  });

  it("refuses a message of another conversation (90001), an unknown one (20022) and unknown accounts", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    const other = await send("a", "c");
    const outside = await receipt({
      Operator_Account: "b",
      Peer_Account: "a",
      C2CMsgInfo: [{ From_Account: "a", To_Account: "c", MsgKey: other }],
    });
    expect(outside).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 90001 });
    const unknown = await receipt({
      Operator_Account: "b",
      Peer_Account: "a",
      C2CMsgInfo: [{ From_Account: "a", To_Account: "b", MsgKey: "1_2_3" }],
    });
    expect(unknown.ErrorCode).toBe(20022);
    const item = [{ From_Account: "a", To_Account: "b", MsgKey: "1_2_3" }];
    expect(
      (await receipt({ Operator_Account: "x", Peer_Account: "a", C2CMsgInfo: item })).ErrorCode,
    ).toBe(90008);
    expect(
      (await receipt({ Operator_Account: "b", Peer_Account: "x", C2CMsgInfo: item })).ErrorCode,
    ).toBe(90003);
  });
});

describe("group read receipts", () => {
  async function group(type = "Public"): Promise<string> {
    return createGroupOf(fx.tim, "o", ["r1", "r2", "r3"], { Type: type });
  }
  async function send(GroupId: string, flag: Body = { IsNeedReadReceipt: 1 }): Promise<number> {
    return ok(await sender.group(GroupId, "o", { MsgBody: text("g"), ...flag })).MsgSeq as number;
  }
  const mark = (GroupId: string, from: string, seqs: number[]) =>
    fx.tim.call("group_open_http_svc/group_msg_receipt", {
      GroupId,
      From_Account: from,
      MsgSeqList: seqs.map((MsgSeq) => ({ MsgSeq })),
    });
  const detail = (body: Body) =>
    fx.tim.call("group_open_http_svc/get_group_msg_receipt_detail", body);

  it("counts readers among the members but the sender; lists them a page at a time", async () => {
    const GroupId = await group();
    const seq = await send(GroupId);
    ok(await mark(GroupId, "r2", [seq]));
    ok(await mark(GroupId, "r1", [seq]));
    // A repeat and the sender's own receipt change nothing.
    ok(await mark(GroupId, "r2", [seq]));
    ok(await mark(GroupId, "o", [seq]));
    const counts = ok(
      await fx.tim.call("group_open_http_svc/get_group_msg_receipt", {
        GroupId,
        MsgSeqList: [{ MsgSeq: seq }, { MsgSeq: 99 }],
      }),
    );
    expect(counts.GroupMsgReceiptList).toEqual([
      { Code: 0, MsgSeq: seq, ReadNum: 2, UnreadNum: 1 },
      { Code: 10062, MsgSeq: 99, ReadNum: 0, UnreadNum: 0 },
    ]);
    const first = ok(await detail({ GroupId, MsgSeq: seq, Filter: 0, Cursor: "", Count: 1 }));
    expect(first).toMatchObject({ IsFinish: 0, MsgSeq: seq, ReadList: [{ Read_Account: "r2" }] });
    const second = ok(
      await detail({ GroupId, MsgSeq: seq, Filter: 0, Cursor: first.Cursor, Count: 1 }),
    );
    expect(second).toMatchObject({ IsFinish: 1, ReadList: [{ Read_Account: "r1" }] });
    const unread = ok(await detail({ GroupId, MsgSeq: seq, Filter: 1, Cursor: "", Count: 100 }));
    expect(unread).toMatchObject({ IsFinish: 1, UnreadList: [{ Unread_Account: "r3" }] });
    const kept = (dump().readReceipts.group as Body[]).find((m) => m.GroupId === GroupId);
    expect(kept).toMatchObject({ MsgSeq: seq, ReadBy: ["r2", "r1"] });
    // Group.CallbackAfterReadReceipt: one per receipt that changed something.
    const cbs = await fx.sink.waitFor(2);
    const bodies = cbs
      .filter((c) => c.query.get("CallbackCommand") === "Group.CallbackAfterReadReceipt")
      .map((c) => JSON.parse(c.body) as Body);
    expect(bodies.map((b) => b.GroupMsgReceiptList)).toEqual([
      [{ MsgSeq: seq, ReadNum: 1, UnreadNum: 2 }],
      [{ MsgSeq: seq, ReadNum: 2, UnreadNum: 1 }],
    ]);
  });

  it("takes NeedReadReceipt as the flag's other spelling; a message without it has no receipts (10062)", async () => {
    const GroupId = await group();
    const other = await send(GroupId, { NeedReadReceipt: 1 });
    const plain = await send(GroupId, {});
    ok(await mark(GroupId, "r1", [other, plain]));
    const counts = ok(
      await fx.tim.call("group_open_http_svc/get_group_msg_receipt", {
        GroupId,
        MsgSeqList: [{ MsgSeq: other }, { MsgSeq: plain }],
      }),
    );
    expect(counts.GroupMsgReceiptList.map((r: Body) => [r.Code, r.ReadNum])).toEqual([
      [0, 1],
      [10062, 0],
    ]);
    expect((await detail({ GroupId, MsgSeq: plain, Filter: 0 })).ErrorCode).toBe(10062);
  });

  it("refuses non-members (10007), unknown messages (10062), bad Count or Filter (10004), over 50 messages (10005)", async () => {
    const GroupId = await group();
    const seq = await send(GroupId);
    await importUsers(fx.tim, "outsider");
    expect((await mark(GroupId, "outsider", [seq])).ErrorCode).toBe(10007);
    expect((await mark(GroupId, "r1", [seq + 5])).ErrorCode).toBe(10062);
    const many = Array.from({ length: 51 }, () => seq);
    expect((await mark(GroupId, "r1", many)).ErrorCode).toBe(10005);
    expect((await detail({ GroupId, MsgSeq: seq, Filter: 0, Count: 201 })).ErrorCode).toBe(10004);
    expect((await detail({ GroupId, MsgSeq: seq, Filter: 2 })).ErrorCode).toBe(10004);
    expect((await detail({ GroupId, MsgSeq: seq, Filter: 0, Cursor: "x" })).ErrorCode).toBe(10004);
  });

  it("has none in live groups and Communities (10007), nor below the Pro edition", async () => {
    await importUsers(fx.tim, "o");
    for (const Type of ["AVChatRoom", "Community"]) {
      const GroupId = await createGroup(fx.tim, { Type, Owner_Account: "o" });
      const r = await fx.tim.call("group_open_http_svc/get_group_msg_receipt", {
        GroupId,
        MsgSeqList: [{ MsgSeq: 1 }],
      });
      expect(r.ErrorCode).toBe(10007);
    }
    await withTencent({ edition: "standard" }, async (tim) => {
      await importUsers(tim, "o");
      const GroupId = await createGroup(tim, { Owner_Account: "o" });
      const r = await tim.call("group_open_http_svc/get_group_msg_receipt", {
        GroupId,
        MsgSeqList: [{ MsgSeq: 1 }],
      });
      expect(r.ErrorCode).toBe(10007);
    });
  });
});
