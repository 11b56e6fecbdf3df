import { BadUserInputError, UnauthenticatedError, type WebhookRequest } from "@imgraph/core";
import { tencentCallbackSign } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { TencentAdapter } from "./adapter.js";

const TOKEN = "cb-token";
const SDK = 1400000123;
const NOW = 1_700_000_000_000;
const adapter = new TencentAdapter({
  id: "tc",
  sdkAppId: SDK,
  key: "k".repeat(64),
  origins: ["http://127.0.0.1:9"],
  callbackToken: TOKEN,
});

function request(
  command: string,
  body: Record<string, unknown>,
  o: { now?: number; token?: string; sdkAppId?: number } = {},
): WebhookRequest {
  const t = String(Math.floor((o.now ?? NOW) / 1000));
  return {
    method: "POST",
    query: new URLSearchParams({
      SdkAppid: String(o.sdkAppId ?? SDK),
      CallbackCommand: command,
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
      RequestTime: t,
      Sign: tencentCallbackSign(o.token ?? TOKEN, t),
    }),
    headers: { "content-type": "application/json" },
    rawBody: JSON.stringify({ CallbackCommand: command, EventTime: NOW, ...body }),
    receivedAt: NOW,
  };
}

const text = [{ MsgType: "TIMTextElem", MsgContent: { Text: "hi" } }];

describe("Tencent callbacks", () => {
  it("binds the body's EventTime to the signed RequestTime", () => {
    const state = { Info: { To_Account: "alice", Action: "Login", Reason: "Register" } };
    const ok = adapter.parseWebhook?.(
      request("State.StateChange", { ...state, EventTime: NOW - 59_000 }),
    );
    expect(ok?.events).toHaveLength(1);
    // A captured Sign carrying a body that claims another time (an old event replayed).
    expect(() =>
      adapter.parseWebhook?.(request("State.StateChange", { ...state, EventTime: NOW - 61_000 })),
    ).toThrow(UnauthenticatedError);
    expect(() =>
      adapter.parseWebhook?.(request("State.StateChange", { ...state, EventTime: "soon" })),
    ).toThrow(BadUserInputError);
    // Older callbacks carry no EventTime at all: still read.
    const bare = request("State.StateChange", state);
    bare.rawBody = JSON.stringify({ CallbackCommand: "State.StateChange", ...state });
    expect(adapter.parseWebhook?.(bare).events).toHaveLength(1);
    // No per-connection id (only the URL's OptPlatform): each report is the whole user's.
    expect(ok?.events[0]).not.toHaveProperty("connection");
    // A custom status change is acknowledged with no event (it had been refused as malformed).
    const custom = adapter.parseWebhook?.(
      request("State.StateChange", {
        Info: { To_Account: "a", Action: "CustomStatusChange", Reason: "SetCustomStatus" },
        CustomStatus: "busy",
      }),
    );
    expect(custom?.events).toEqual([]);
    expect(() =>
      adapter.parseWebhook?.(
        request("State.StateChange", { Info: { To_Account: "a", Action: "Vanish" } }),
      ),
    ).toThrow(BadUserInputError);
  });

  it("needs a callback token to read callbacks at all", () => {
    const plain = new TencentAdapter({ sdkAppId: SDK, key: "k".repeat(64) });
    expect(plain.parseWebhook).toBeUndefined();
  });

  it("reads a one-to-one message; its id describes sender and conversation", () => {
    const r = adapter.parseWebhook?.(
      request("C2C.CallbackAfterSendMsg", {
        From_Account: "alice",
        To_Account: "bob",
        MsgSeq: 1,
        MsgRandom: 2,
        MsgTime: 1_700_000_000,
        MsgKey: "1_2_1700000000",
        MsgBody: text,
        SendMsgResult: 0,
      }),
    );
    expect(r?.ack.body).toBe(JSON.stringify({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" }));
    const e = r?.events[0];
    if (e?.type !== "MESSAGE_SENT") throw new Error("not a message");
    expect(e.message).toMatchObject({
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
      content: { type: "TEXT", text: "hi" },
    });
    expect(adapter.describeMessageId(e.message.id)).toEqual({
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
    });
  });

  it("refuses times a Date cannot hold, rather than publish an Invalid Date", () => {
    const sent = (MsgTime: unknown) =>
      request("C2C.CallbackAfterSendMsg", {
        From_Account: "alice",
        To_Account: "bob",
        MsgTime,
        MsgKey: "k",
        MsgBody: text,
      });
    // Seconds that overflow once made ms, and ones a Date holds as ms but not as seconds.
    for (const t of [Number.MAX_SAFE_INTEGER, 8_640_000_000_001, "9007199254740991"]) {
      expect(() => adapter.parseWebhook?.(sent(t))).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "MsgTime" }),
      );
    }
  });

  it("reads custom data nested past the JSON bound as the text it is, not as JSON", () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const result = adapter.parseWebhook?.(
      request("C2C.CallbackAfterSendMsg", {
        From_Account: "alice",
        To_Account: "bob",
        MsgTime: 1_700_000_000,
        MsgKey: "k",
        MsgBody: [{ MsgType: "TIMCustomElem", MsgContent: { Data: deep, Desc: "t" } }],
      }),
    );
    const event = result?.events[0];
    if (event?.type !== "MESSAGE_SENT") throw new Error("expected MESSAGE_SENT");
    expect(event.message.content).toMatchObject({ type: "CUSTOM", data: deep });
    // Written again (as Redis fan-out and subscribers' answers do), it does not overflow.
    expect(JSON.stringify(event).length).toBeGreaterThan(20_000);
  });

  it("refuses ids with control characters", () => {
    const owner = (Owner_Account: string) =>
      request("Group.CallbackAfterCreateGroup", {
        GroupId: "g",
        Type: "Public",
        Owner_Account,
        MemberList: [],
      });
    expect(() => adapter.parseWebhook?.(owner("a\u0000"))).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "Owner_Account" }),
    );
  });

  it("skips a message whose delivery failed", () => {
    const r = adapter.parseWebhook?.(
      request("C2C.CallbackAfterSendMsg", {
        From_Account: "a",
        To_Account: "b",
        MsgKey: "k",
        MsgTime: 1,
        MsgBody: text,
        SendMsgResult: 20006,
      }),
    );
    expect(r?.events).toEqual([]);
  });

  it("reads group messages, recalls, membership, presence", () => {
    const events = [
      request("Group.CallbackAfterSendMsg", {
        GroupId: "g1",
        Type: "Public",
        From_Account: "alice",
        MsgSeq: 7,
        MsgTime: 1_700_000_000,
        MsgBody: text,
      }),
      request("Group.CallbackAfterRecallMsg", { GroupId: "g1", MsgSeqList: [{ MsgSeq: 7 }] }),
      request("Group.CallbackAfterCreateGroup", {
        GroupId: "g2",
        Owner_Account: "alice",
        MemberList: [{ Member_Account: "alice" }, { Member_Account: "bob" }],
      }),
      request("Group.CallbackAfterNewMemberJoin", {
        GroupId: "g1",
        NewMemberList: [{ Member_Account: "dave" }],
      }),
      request("Group.CallbackAfterMemberExit", {
        GroupId: "g1",
        ExitMemberList: [{ Member_Account: "dave" }],
      }),
      request("Group.CallbackAfterGroupDestroyed", { GroupId: "g1", MemberList: [] }),
      request("State.StateChange", {
        Info: { To_Account: "carol", Action: "Disconnect", Reason: "LinkClose" },
      }),
      request("Profile.CallbackPortraitSet", { From_Account: "a" }),
    ].flatMap((r) => adapter.parseWebhook?.(r).events ?? []);
    expect(events.map((e) => e.type)).toEqual([
      "MESSAGE_SENT",
      "MESSAGE_RECALLED",
      "GROUP_CREATED",
      "GROUP_MEMBER_JOINED",
      "GROUP_MEMBER_LEFT",
      "GROUP_DISMISSED",
      "PRESENCE_CHANGED",
      "PROFILE_UPDATED",
    ]);
    expect(events[2]).toMatchObject({ ownerId: "alice", userIds: ["alice", "bob"] });
    expect(events[6]).toMatchObject({ userId: "carol", status: "OFFLINE" });
  });

  it("reports nothing for a Community topic's messages and recalls (imgraph has no topics)", () => {
    const topic = {
      GroupId: "@TGS#_community",
      Type: "Community",
      TopicId: "@TGS#_community@TOPIC#_t1",
    };
    const sent = adapter.parseWebhook?.(
      request("Group.CallbackAfterSendMsg", {
        ...topic,
        From_Account: "alice",
        MsgSeq: 3,
        MsgTime: 1_700_000_000,
        MsgBody: text,
      }),
    );
    const recalled = adapter.parseWebhook?.(
      request("Group.CallbackAfterRecallMsg", { ...topic, MsgSeqList: [{ MsgSeq: 3 }] }),
    );
    expect([sent?.events, recalled?.events]).toEqual([[], []]);
    // The community's own messages still count (an empty TopicId).
    const own = adapter.parseWebhook?.(
      request("Group.CallbackAfterSendMsg", {
        ...topic,
        TopicId: "",
        From_Account: "alice",
        MsgSeq: 4,
        MsgTime: 1_700_000_000,
        MsgBody: text,
      }),
    );
    expect(own?.events.map((e) => e.type)).toEqual(["MESSAGE_SENT"]);
  });

  it("tells deliveries apart by body: one second's callbacks share a Sign", () => {
    const a = request("State.StateChange", { Info: { To_Account: "a", Action: "Login" } });
    const b = request("State.StateChange", { Info: { To_Account: "b", Action: "Login" } });
    expect(a.query.get("Sign")).toBe(b.query.get("Sign"));
    expect(adapter.parseWebhook?.(a).replayKey).not.toBe(adapter.parseWebhook?.(b).replayKey);
    expect(adapter.parseWebhook?.(a).replayKey).toBe(adapter.parseWebhook?.(a).replayKey);
  });

  it("refuses forged, stale and foreign callbacks", () => {
    const body = { Info: { To_Account: "a", Action: "Login" } };
    for (const o of [
      { token: "wrong" },
      { now: NOW - 120_000 },
      { now: NOW + 120_000 },
      { sdkAppId: 1400000999 },
    ]) {
      expect(() => adapter.parseWebhook?.(request("State.StateChange", body, o))).toThrow(
        UnauthenticatedError,
      );
    }
  });

  it("refuses malformed bodies", () => {
    const bad = [
      { ...request("State.StateChange", {}), rawBody: "{" },
      request("State.StateChange", { Info: { To_Account: "a", Action: "Fly" } }),
      request("C2C.CallbackAfterSendMsg", { From_Account: "a" }),
      request("Group.CallbackAfterNewMemberJoin", { GroupId: "g", NewMemberList: "x" }),
      {
        ...request("State.StateChange", {}),
        rawBody: JSON.stringify({ CallbackCommand: "Other" }),
      },
    ];
    for (const r of bad) expect(() => adapter.parseWebhook?.(r)).toThrow(BadUserInputError);
  });
});
