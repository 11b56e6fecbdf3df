import { verifyTencentCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useLocalServer } from "../testing/local-server.js";
import { groupHistory, roamMessages } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroupOf,
  importUsers,
  ok,
  SDK_APP_ID,
  text,
  useTencent,
} from "./test-support.js";

const TOKEN = "before-send-token";
// Long enough for a cold first callback on a loaded machine; only the "no answer" cases
// wait it out.
const TIMEOUT_MS = 1_000;

/** The app's server: records each callback and answers what `answer` says (or hangs). */
type Answer = { status?: number; json?: unknown; raw?: string } | "hang";
const seen: { query: URLSearchParams; body: Body }[] = [];
let answer: (cb: Body) => Answer = () => ({ json: { ActionStatus: "OK", ErrorCode: 0 } });
const app = useLocalServer(
  "/cb",
  (request) => {
    const body = JSON.parse(request.body) as Body;
    seen.push({ query: request.url.searchParams, body });
    const a = answer(body);
    if (a === "hang") return "hang";
    return {
      status: a.status ?? 200,
      contentType: "application/json",
      body: a.raw ?? (a.json === undefined ? "" : JSON.stringify(a.json)),
    };
  },
  () => {
    seen.length = 0;
    answer = () => ({ json: { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" } });
  },
);

const fx = useTencent(() => ({
  beforeSendTimeoutMs: TIMEOUT_MS,
  apps: [
    {
      sdkAppId: SDK_APP_ID,
      key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
      callbackUrl: app.url,
      callbackToken: TOKEN,
      beforeSendCallbacks: true,
    },
  ],
}));

let random = 1;
const c2c = (fields: Body = {}) =>
  fx.tim.call("openim/sendmsg", {
    From_Account: "a",
    To_Account: "b",
    MsgRandom: random++,
    MsgBody: text("hello"),
    ...fields,
  });
const group = (groupId: string, fields: Body = {}) =>
  fx.tim.call("group_open_http_svc/send_group_msg", {
    GroupId: groupId,
    From_Account: "a",
    Random: random++,
    MsgBody: text("hello"),
    ...fields,
  });
const history = () => roamMessages(fx.tim, "a", "b");
const groupMessages = async (groupId: string) =>
  (await groupHistory(fx.tim, groupId)).RspMsgList as Body[];
/** The after-send callbacks sent so far (delivered through the dispatcher). */
const afterSends = async () => {
  await fx.emu.flushCallbacks();
  return seen.filter((c) => /AfterSendMsg$/.test(c.body.CallbackCommand));
};
const befores = () => seen.filter((c) => /BeforeSendMsg$/.test(c.body.CallbackCommand));

describe("C2C.CallbackBeforeSendMsg (intl 1047/34364)", () => {
  it("asks before storing: signed query, the documented body fields", async () => {
    await importUsers(fx.tim, "a", "b");
    const r = ok(await c2c({ MsgSeq: 5, CloudCustomData: "cd" }));
    const [cb] = befores();
    expect(cb?.query.get("CallbackCommand")).toBe("C2C.CallbackBeforeSendMsg");
    expect(cb?.query.get("OptPlatform")).toBe("RESTAPI");
    const v = verifyTencentCallback(cb!.query, TOKEN, { sdkAppId: SDK_APP_ID, now: fx.emu.now() });
    expect(v.ok).toBe(true);
    expect(cb?.body).toMatchObject({
      CallbackCommand: "C2C.CallbackBeforeSendMsg",
      From_Account: "a",
      To_Account: "b",
      MsgSeq: 5,
      MsgTime: r.MsgTime,
      MsgKey: r.MsgKey,
      OnlineOnlyFlag: 0,
      MsgBody: text("hello"),
      CloudCustomData: "cd",
    });
    expect(await history()).toHaveLength(1);
  });

  it("ErrorCode 1: the send fails with 20006, nothing stored, no after-send callback", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ json: { ActionStatus: "OK", ErrorCode: 1, ErrorInfo: "" } });
    const r = await c2c();
    expect(r.ErrorCode).toBe(20006);
    expect(await history()).toEqual([]);
    expect(await afterSends()).toEqual([]);
  });

  it("120001–130000: the sender gets that code and the ErrorInfo", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ json: { ActionStatus: "OK", ErrorCode: 120_005, ErrorInfo: "no spam" } });
    const r = await c2c();
    expect(r).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 120_005, ErrorInfo: "no spam" });
    expect(await history()).toEqual([]);
  });

  it("ErrorCode 2: the sender is told it was sent, nothing is stored or called back", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ json: { ActionStatus: "OK", ErrorCode: 2, ErrorInfo: "" } });
    const r = ok(await c2c({ MsgSeq: 9 }));
    expect(r.MsgKey).toBe(`9_${random - 1}_${r.MsgTime}`);
    expect(await history()).toEqual([]);
    expect(await afterSends()).toEqual([]);
  });

  it("a returned MsgBody and CloudCustomData replace the message's, in history and the after-send callback", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({
      json: { ErrorCode: 0, MsgBody: text("h***o"), CloudCustomData: "new" },
    });
    ok(await c2c({ CloudCustomData: "old" }));
    const [m] = await history();
    expect(m?.MsgBody).toEqual(text("h***o"));
    expect(m?.CloudCustomData).toBe("new");
    const [after] = await afterSends();
    expect(after?.body.MsgBody).toEqual(text("h***o"));
  });

  it("no answer within the timeout: delivered unchanged (as if no callback were set)", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => "hang";
    const started = Date.now();
    ok(await c2c());
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect((await history())[0]?.MsgBody).toEqual(text("hello"));
  });

  it("a non-200 answer or a body that is not JSON: delivered unchanged", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ status: 500, json: { ErrorCode: 1 } });
    ok(await c2c());
    answer = () => ({ raw: "not json" });
    ok(await c2c());
    expect(await history()).toHaveLength(2);
  });

  it("ForbidBeforeSendMsgCallback skips the question", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ json: { ErrorCode: 1 } });
    ok(await c2c({ ForbidCallbackControl: ["ForbidBeforeSendMsgCallback"] }));
    expect(befores()).toEqual([]);
  });

  it("batchsendmsg never asks (it triggers no callbacks)", async () => {
    await importUsers(fx.tim, "a", "b");
    answer = () => ({ json: { ErrorCode: 1 } });
    ok(
      await fx.tim.call("openim/batchsendmsg", {
        From_Account: "a",
        To_Account: ["b"],
        MsgRandom: random++,
        MsgBody: text("x"),
      }),
    );
    expect(befores()).toEqual([]);
  });
});

describe("Group.CallbackBeforeSendMsg (intl 1047/34374)", () => {
  it("asks with GroupId, Type, From_Account, Operator_Account, Random, MsgBody", async () => {
    const g = await createGroupOf(fx.tim, "a", ["b"]);
    ok(await group(g));
    expect(befores()[0]?.body).toMatchObject({
      CallbackCommand: "Group.CallbackBeforeSendMsg",
      GroupId: g,
      Type: "Public",
      From_Account: "a",
      Random: random - 1,
      MsgBody: text("hello"),
    });
  });

  it("ErrorCode 1: 10016, no history, no sequence number used", async () => {
    const g = await createGroupOf(fx.tim, "a", ["b"]);
    answer = () => ({ json: { ErrorCode: 1 } });
    expect((await group(g)).ErrorCode).toBe(10016);
    answer = () => ({ json: { ErrorCode: 0 } });
    expect(ok(await group(g)).MsgSeq).toBe(1);
    expect(await groupMessages(g)).toHaveLength(1);
  });

  it("10100–10200: that code and ErrorInfo reach the sender", async () => {
    const g = await createGroupOf(fx.tim, "a", ["b"]);
    answer = () => ({ json: { ErrorCode: 10_150, ErrorInfo: "rule 7" } });
    expect(await group(g)).toMatchObject({ ErrorCode: 10_150, ErrorInfo: "rule 7" });
  });

  it("rewrite: the group history and after-send callback hold the new body", async () => {
    const g = await createGroupOf(fx.tim, "a", ["b"]);
    answer = () => ({ json: { ErrorCode: 0, MsgBody: text("clean") } });
    ok(await group(g));
    expect((await groupMessages(g))[0]?.MsgBody).toEqual(text("clean"));
    expect((await afterSends())[0]?.body.MsgBody).toEqual(text("clean"));
  });

  it("live groups (AVChatRoom) are asked too, and a refusal stops the message", async () => {
    const g = await createGroupOf(fx.tim, "a", [], { Type: "AVChatRoom" });
    answer = () => ({ json: { ErrorCode: 1 } });
    expect((await group(g)).ErrorCode).toBe(10016);
    expect(befores()[0]?.body.Type).toBe("AVChatRoom");
    expect(await afterSends()).toEqual([]);
  });

  it("timeout: delivered", async () => {
    const g = await createGroupOf(fx.tim, "a", ["b"]);
    answer = () => "hang";
    ok(await group(g));
    expect(await groupMessages(g)).toHaveLength(1);
  });
});
