import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import {
  ADMIN,
  type Body,
  createGroup,
  importUsers,
  KEY,
  ok,
  SDK_APP_ID,
  text,
  useTencent,
} from "./test-support.js";

const sink = useCallbackSink();
const fx = useTencent(() => ({
  apps: [{ sdkAppId: SDK_APP_ID, key: KEY, callbackUrl: sink.url }],
}));
let rnd = 1;
const sendC2C = () =>
  fx.tim.call("openim/sendmsg", {
    From_Account: "a",
    To_Account: "b",
    MsgRandom: rnd++,
    MsgBody: text("before"),
    CloudCustomData: "cd0",
  });
const modifyC2C = (body: Body) => fx.tim.call("openim/modify_c2c_msg", body);
const modifyGroup = (body: Body) => fx.tim.call("openim/modify_group_msg", body);
async function roam(op: string, peer: string): Promise<Body[]> {
  return ok(
    await fx.tim.call("openim/admin_getroammsg", {
      Operator_Account: op,
      Peer_Account: peer,
      MaxCnt: 100,
      MinTime: 0,
      MaxTime: 4294967295,
    }),
  ).MsgList;
}
async function groupWithMessage(type = "Public"): Promise<{ id: string; seq: number }> {
  await importUsers(fx.tim, "a", "b");
  const id = await createGroup(fx.tim, {
    Type: type,
    Owner_Account: "a",
    MemberList: [{ Member_Account: "b" }],
  });
  const sent = ok(
    await fx.tim.call("group_open_http_svc/send_group_msg", {
      GroupId: id,
      From_Account: "a",
      Random: rnd++,
      MsgBody: text("before"),
    }),
  );
  return { id, seq: sent.MsgSeq };
}

describe("openim/modify_c2c_msg", () => {
  it("overwrites MsgBody for both sides and fires C2C.CallbackAfterModifyMsg", async () => {
    await importUsers(fx.tim, "a", "b");
    const sent = ok(await sendC2C());
    ok(
      await modifyC2C({
        From_Account: "a",
        To_Account: "b",
        MsgKey: sent.MsgKey,
        MsgBody: text("after"),
      }),
    );
    for (const [op, peer] of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      const [m] = await roam(op, peer);
      expect(m).toMatchObject({
        MsgKey: sent.MsgKey,
        MsgBody: text("after"),
        CloudCustomData: "cd0",
      });
    }
    await fx.emu.flushCallbacks();
    const cb = sink.received.find(
      (c) => c.query.get("CallbackCommand") === "C2C.CallbackAfterModifyMsg",
    );
    expect(JSON.parse(cb!.body)).toMatchObject({
      Operator_Account: ADMIN,
      From_Account: "a",
      To_Account: "b",
      MsgKey: sent.MsgKey,
      MsgTime: sent.MsgTime,
      MsgBody: text("after"),
      CloudCustomData: "cd0",
    });
  });

  it("changes CloudCustomData alone", async () => {
    await importUsers(fx.tim, "a", "b");
    const sent = ok(await sendC2C());
    ok(
      await modifyC2C({
        From_Account: "a",
        To_Account: "b",
        MsgKey: sent.MsgKey,
        CloudCustomData: "cd1",
      }),
    );
    const [m] = await roam("a", "b");
    expect(m).toMatchObject({ MsgBody: text("before"), CloudCustomData: "cd1" });
  });

  it("answers 20026 for an unknown or recalled message, and checks its fields", async () => {
    await importUsers(fx.tim, "a", "b");
    const sent = ok(await sendC2C());
    const base = { From_Account: "a", To_Account: "b", MsgKey: sent.MsgKey, MsgBody: text("x") };
    const code = async (body: Body) => (await modifyC2C({ ...base, ...body })).ErrorCode;
    expect(await code({ MsgKey: "1_2_3" })).toBe(20026);
    // The key belongs to a→b, not b→a.
    expect(await code({ From_Account: "b", To_Account: "a" })).toBe(20026);
    expect(await code({ MsgBody: undefined })).toBe(90001);
    expect(await code({ MsgBody: [] })).toBe(90007);
    expect(await code({ MsgBody: [{ MsgType: "TIMTextElem", MsgContent: {} }] })).toBe(90002);
    expect(await code({ From_Account: "ghost" })).toBe(90008);
    expect(await code({ To_Account: "ghost" })).toBe(90003);
    expect(await code({ MsgKey: undefined })).toBe(90001);
    ok(
      await fx.tim.call("openim/admin_msgwithdraw", {
        From_Account: "a",
        To_Account: "b",
        MsgKey: sent.MsgKey,
      }),
    );
    expect(await code({})).toBe(20026);
  });
});

describe("openim/modify_group_msg", () => {
  it("overwrites a group message by MsgSeq and answers ErrorInfo succeed", async () => {
    const { id, seq } = await groupWithMessage();
    const r = ok(await modifyGroup({ GroupId: id, MsgSeq: seq, MsgBody: text("after") }));
    expect(r.ErrorInfo).toBe("succeed");
    const h = ok(
      await fx.tim.call("group_open_http_svc/group_msg_get_simple", {
        GroupId: id,
        ReqMsgNumber: 1,
      }),
    );
    expect(h.RspMsgList[0]).toMatchObject({ MsgSeq: seq, MsgBody: text("after") });
  });

  it("answers 20026 for an unknown or recalled MsgSeq and 10007 for a live group", async () => {
    const { id, seq } = await groupWithMessage();
    const code = async (body: Body) =>
      (await modifyGroup({ GroupId: id, MsgSeq: seq, MsgBody: text("x"), ...body })).ErrorCode;
    expect(await code({ MsgSeq: 99 })).toBe(20026);
    expect(await code({ MsgSeq: 0 })).toBe(20026);
    expect(await code({ TopicId: "other" })).toBe(20026);
    expect(await code({ GroupId: "nope" })).toBe(10010);
    expect(await code({ MsgSeq: undefined })).toBe(90001);
    expect(await code({ MsgBody: undefined })).toBe(90001);
    ok(
      await fx.tim.call("group_open_http_svc/group_msg_recall", {
        GroupId: id,
        MsgSeqList: [{ MsgSeq: seq }],
      }),
    );
    expect(await code({})).toBe(20026);
    const live = await createGroup(fx.tim, { Type: "AVChatRoom" });
    expect(await code({ GroupId: live, MsgSeq: 1 })).toBe(10007);
  });
});
