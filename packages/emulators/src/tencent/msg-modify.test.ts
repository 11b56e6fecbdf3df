import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { groupHistory, messageSender, roamMessages } from "../testing/tencent-messages.js";
import {
  ADMIN,
  type Body,
  createGroup,
  createGroupOf,
  importUsers,
  ok,
  text,
} from "./test-support.js";

const fx = useTencentCallbacks();
const send = messageSender(fx);
/** Imports "a" and "b"; "a" sends "b" "before" with CloudCustomData "cd0". The OK answer. */
async function sendC2C(): Promise<Body> {
  await importUsers(fx.tim, "a", "b");
  return ok(await send.c2c("a", "b", { MsgBody: text("before"), CloudCustomData: "cd0" }));
}
const modifyC2C = (body: Body) => fx.tim.call("openim/modify_c2c_msg", body);
/** Modifies "a"'s message to "b" with `fields`; answers OK. */
const modifyAToB = async (MsgKey: string, fields: Body) =>
  ok(await modifyC2C({ From_Account: "a", To_Account: "b", MsgKey, ...fields }));
const modifyGroup = (body: Body) => fx.tim.call("openim/modify_group_msg", body);
const history = (op: string, peer: string) => roamMessages(fx.tim, op, peer);
async function groupWithMessage(type = "Public"): Promise<{ id: string; seq: number }> {
  const id = await createGroupOf(fx.tim, "a", ["b"], { Type: type });
  const sent = ok(await send.group(id, "a", { MsgBody: text("before") }));
  return { id, seq: sent.MsgSeq };
}

describe("openim/modify_c2c_msg", () => {
  it("overwrites MsgBody for both sides and fires C2C.CallbackAfterModifyMsg", async () => {
    const sent = await sendC2C();
    await modifyAToB(sent.MsgKey, { MsgBody: text("after") });
    for (const [op, peer] of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      const [m] = await history(op, peer);
      expect(m).toMatchObject({
        MsgKey: sent.MsgKey,
        MsgBody: text("after"),
        CloudCustomData: "cd0",
      });
    }
    const [cb] = await fx.bodiesOf("C2C.CallbackAfterModifyMsg");
    expect(cb).toMatchObject({
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
    const sent = await sendC2C();
    await modifyAToB(sent.MsgKey, { CloudCustomData: "cd1" });
    const [m] = await history("a", "b");
    expect(m).toMatchObject({ MsgBody: text("before"), CloudCustomData: "cd1" });
  });

  it("answers 20026 for an unknown or recalled message, and checks its fields", async () => {
    const sent = await sendC2C();
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
    const h = await groupHistory(fx.tim, id, 1);
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
