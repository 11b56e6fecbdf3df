import { verifyTencentCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import {
  ADMIN,
  type Body,
  createGroup,
  importUsers,
  ok,
  SDK_APP_ID,
  text,
  timClient,
} from "./test-support.js";

const TOKEN = "callback-token-1";
const OTHER_APP = 1400000002;
// The other app has no token: its callbacks carry no Sign.
const fx = useTencentCallbacks({ callbackToken: TOKEN }, [{ sdkAppId: OTHER_APP }]);
const { sink, received } = fx;
const commands = async () => (await received()).map((c) => c.command);

/** "a" sends "b" a text message (`fields` add to or replace the defaults); answered OK. */
const sendAToB = async (fields: Body = {}) =>
  ok(
    await fx.tim.call("openim/sendmsg", {
      From_Account: "a",
      To_Account: "b",
      MsgRandom: 1,
      MsgBody: text("x"),
      ...fields,
    }),
  );

describe("callback delivery (tencent.md §4.1–4.2)", () => {
  it("POSTs JSON with SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform, RequestTime and a valid Sign", async () => {
    await importUsers(fx.tim, "a");
    fx.emu.login({ userId: "a", platform: "Android" });
    const [cb] = await received();
    expect(cb).toBeDefined();
    expect(sink.received[0]!.method).toBe("POST");
    expect(sink.received[0]!.headers["content-type"]).toContain("application/json");
    const q = cb!.query;
    expect(q.get("SdkAppid")).toBe(String(SDK_APP_ID));
    expect(q.get("CallbackCommand")).toBe("State.StateChange");
    expect(q.get("contenttype")).toBe("json");
    expect(q.get("ClientIP")).toBeTruthy();
    expect(q.get("OptPlatform")).toBe("Android");
    const v = verifyTencentCallback(q, TOKEN, { sdkAppId: SDK_APP_ID, now: fx.emu.now() });
    expect(v.ok).toBe(true);
    expect(verifyTencentCallback(q, "wrong-token", { now: fx.emu.now() }).ok).toBe(false);
    expect(cb!.body).toMatchObject({
      CallbackCommand: "State.StateChange",
      Info: { To_Account: "a", Action: "Login", Reason: "Register" },
    });
    expect(typeof cb!.body.EventTime).toBe("number");
  });

  it("sends no RequestTime/Sign when the app has no callback token", async () => {
    const other = timClient(fx.emu, OTHER_APP);
    await importUsers(other, "a");
    fx.emu.login({ app: OTHER_APP, userId: "a" });
    const [cb] = await received();
    expect(cb!.query.get("SdkAppid")).toBe(String(OTHER_APP));
    expect(cb!.query.has("Sign")).toBe(false);
    expect(cb!.query.has("RequestTime")).toBe(false);
  });
});

describe("State.StateChange", () => {
  it("fires on login, logout and disconnect; iOS is spelled IOS", async () => {
    await importUsers(fx.tim, "a");
    fx.emu.login({ userId: "a", platform: "iOS" });
    fx.emu.logout({ userId: "a", platform: "iOS" });
    fx.emu.login({ userId: "a", platform: "Web" });
    fx.emu.logout({ userId: "a", reason: "TimeOut" });
    fx.emu.logout({ userId: "a" }); // already offline: nothing
    const cbs = await received();
    expect(
      cbs.map((c) => [c.query.get("OptPlatform"), c.body.Info.Action, c.body.Info.Reason]),
    ).toEqual([
      ["IOS", "Login", "Register"],
      ["IOS", "Logout", "Unregister"],
      ["Web", "Login", "Register"],
      ["Web", "Disconnect", "TimeOut"],
    ]);
  });

  it("fires CustomStatusChange with the new CustomStatus when a client sets its status", async () => {
    await importUsers(fx.tim, "a");
    fx.emu.login({ userId: "a", platform: "Android" });
    fx.emu.seed({ customStatuses: [{ userId: "a", status: "in a meeting" }] });
    const cbs = await received();
    expect(cbs.at(-1)?.query.get("OptPlatform")).toBe("Android");
    expect(cbs.at(-1)?.body).toMatchObject({
      Info: { To_Account: "a", Action: "CustomStatusChange", Reason: "SetCustomStatus" },
      CustomStatus: "in a meeting",
    });
    expect(() => fx.emu.seed({ customStatuses: [{ userId: "nobody", status: "x" }] })).toThrow(
      /not imported/,
    );
    expect(() => fx.emu.seed({ customStatuses: [{ userId: "a" }] })).toThrow(/userId, status/);
  });

  it("fires when kick takes an online user offline", async () => {
    await importUsers(fx.tim, "a");
    fx.emu.login({ userId: "a" });
    ok(await fx.tim.call("im_open_login_svc/kick", { UserID: "a" }));
    const cbs = await received();
    expect(cbs.map((c) => c.body.Info.Action)).toEqual(["Login", "Logout"]);
  });
});

describe("C2C callbacks", () => {
  it("C2C.CallbackAfterSendMsg on sendmsg with the documented fields, OptPlatform RESTAPI", async () => {
    await importUsers(fx.tim, "a", "b");
    const m = await sendAToB({
      MsgSeq: 3,
      MsgRandom: 4,
      MsgBody: text("hi"),
      CloudCustomData: "c",
    });
    const [cb] = await received();
    expect(cb!.command).toBe("C2C.CallbackAfterSendMsg");
    expect(cb!.query.get("OptPlatform")).toBe("RESTAPI");
    expect(cb!.body).toMatchObject({
      CallbackCommand: "C2C.CallbackAfterSendMsg",
      From_Account: "a",
      To_Account: "b",
      MsgSeq: 3,
      MsgRandom: 4,
      MsgTime: m.MsgTime,
      MsgKey: m.MsgKey,
      OnlineOnlyFlag: 0,
      MsgBody: text("hi"),
      CloudCustomData: "c",
      SendMsgResult: 0,
      ErrorInfo: "send msg succeed",
      UnreadMsgNum: 1,
    });
  });

  it("no callback for a deduplicated resend, with ForbidAfterSendMsgCallback, or from batchsendmsg", async () => {
    await importUsers(fx.tim, "a", "b");
    const msg = { From_Account: "a", To_Account: "b", MsgSeq: 1, MsgRandom: 1, MsgBody: text("x") };
    ok(await fx.tim.call("openim/sendmsg", msg));
    ok(await fx.tim.call("openim/sendmsg", msg));
    ok(
      await fx.tim.call("openim/sendmsg", {
        ...msg,
        MsgRandom: 2,
        ForbidCallbackControl: ["ForbidAfterSendMsgCallback"],
      }),
    );
    ok(await fx.tim.call("openim/batchsendmsg", { ...msg, MsgRandom: 3, To_Account: ["a", "b"] }));
    expect(await commands()).toEqual(["C2C.CallbackAfterSendMsg"]);
  });

  it("C2C.CallbackAfterMsgWithDraw on admin_msgwithdraw", async () => {
    await importUsers(fx.tim, "a", "b");
    const m = await sendAToB();
    ok(
      await fx.tim.call("openim/admin_msgwithdraw", {
        From_Account: "a",
        To_Account: "b",
        MsgKey: m.MsgKey,
      }),
    );
    const cbs = await received();
    expect(cbs[1]!.body).toMatchObject({
      CallbackCommand: "C2C.CallbackAfterMsgWithDraw",
      From_Account: "a",
      To_Account: "b",
      MsgKey: m.MsgKey,
      UnreadMsgNum: 0,
    });
  });
});

describe("group callbacks", () => {
  it("create, join, send, recall, exit and destroy, in order, with their fields", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const id = await createGroup(fx.tim, {
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a" }],
      AppDefinedData: [{ Key: "k", Value: "v" }],
    });
    ok(
      await fx.tim.call("group_open_http_svc/add_group_member", {
        GroupId: id,
        MemberList: [{ Member_Account: "b" }, { Member_Account: "a" }],
      }),
    );
    const sent = ok(
      await fx.tim.call("group_open_http_svc/send_group_msg", {
        GroupId: id,
        From_Account: "a",
        Random: 9,
        MsgBody: text("yo"),
      }),
    );
    ok(
      await fx.tim.call("group_open_http_svc/group_msg_recall", {
        GroupId: id,
        MsgSeqList: [{ MsgSeq: sent.MsgSeq }],
      }),
    );
    ok(
      await fx.tim.call("group_open_http_svc/delete_group_member", {
        GroupId: id,
        MemberToDel_Account: ["b", "nobody"],
      }),
    );
    ok(await fx.tim.call("group_open_http_svc/destroy_group", { GroupId: id }));
    const cbs = await received();
    expect(cbs.map((c) => c.command)).toEqual([
      "Group.CallbackAfterCreateGroup",
      "Group.CallbackAfterNewMemberJoin",
      "Group.CallbackAfterSendMsg",
      "Group.CallbackAfterRecallMsg",
      "Group.CallbackAfterMemberExit",
      "Group.CallbackAfterGroupDestroyed",
    ]);
    for (const c of cbs)
      expect(
        verifyTencentCallback(c.query, TOKEN, { sdkAppId: SDK_APP_ID, now: fx.emu.now() }).ok,
      ).toBe(true);
    const [created, joined, msg, recalled, exited, destroyed] = cbs.map((c) => c.body);
    // Every group callback but the exit one names the group and its type.
    const ofGroup = { GroupId: id, Type: "Public" };
    expect(created).toMatchObject({
      ...ofGroup,
      Name: "g",
      Operator_Account: ADMIN,
      Owner_Account: "o",
      CreateGroupNum: 1,
      MemberList: [{ Member_Account: "o" }, { Member_Account: "a" }],
      UserDefinedDataList: [{ Key: "k", Value: "v" }],
    });
    expect(joined).toMatchObject({
      ...ofGroup,
      JoinType: "Invited",
      Operator_Account: ADMIN,
      NewMemberList: [{ Member_Account: "b" }],
    });
    expect(msg).toMatchObject({
      ...ofGroup,
      From_Account: "a",
      Operator_Account: ADMIN,
      Random: 9,
      MsgSeq: 1,
      MsgTime: sent.MsgTime,
      OnlineOnlyFlag: 0,
      MsgBody: text("yo"),
    });
    expect(recalled).toMatchObject({
      ...ofGroup,
      Operator_Account: ADMIN,
      MsgSeqList: [{ MsgSeq: 1 }],
    });
    expect(exited).toMatchObject({
      GroupId: id,
      ExitType: "Kicked",
      Operator_Account: ADMIN,
      ExitMemberList: [{ Member_Account: "b" }],
    });
    expect(destroyed).toMatchObject({
      ...ofGroup,
      Name: "g",
      Owner_Account: "o",
      MemberList: [{ Member_Account: "o" }, { Member_Account: "a" }],
    });
  });

  it("Group.CallbackAfterGroupInfoChanged carries the changed fields", async () => {
    const id = await createGroup(fx.tim);
    ok(
      await fx.tim.call("group_open_http_svc/modify_group_base_info", {
        GroupId: id,
        Notification: "read me",
      }),
    );
    const cbs = await received();
    expect(cbs[1]!.body).toMatchObject({
      CallbackCommand: "Group.CallbackAfterGroupInfoChanged",
      GroupId: id,
      Type: "Public",
      Operator_Account: ADMIN,
      Notification: "read me",
    });
    expect(cbs[1]!.body).not.toHaveProperty("Name");
  });

  it("no join callback when nobody new joined", async () => {
    await importUsers(fx.tim, "a");
    const id = await createGroup(fx.tim, { MemberList: [{ Member_Account: "a" }] });
    ok(
      await fx.tim.call("group_open_http_svc/add_group_member", {
        GroupId: id,
        MemberList: [{ Member_Account: "a" }],
      }),
    );
    expect(await commands()).toEqual(["Group.CallbackAfterCreateGroup"]);
  });
});
