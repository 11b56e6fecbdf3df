import { BadUserInputError, UnauthenticatedError, type WebhookRequest } from "@imgraph/core";
import { expectLiveRoomCallbacks } from "@imgraph/core/contract";
import { describe, expect, it } from "vitest";
import { zegoModule } from "./module.js";
import { callbackReader as adapter, NOW, signedCallback } from "./testing/signed-callbacks.js";

/** A send_msg callback of alice's text "hi", sent at NOW, with `fields` about where it went. */
function textSent(fields: Record<string, unknown>): WebhookRequest {
  return signedCallback({
    event: "send_msg",
    from_user_id: "alice",
    msg_type: 1,
    msg_body: "hi",
    msg_time: NOW,
    ...fields,
  });
}

describe("ZEGO callbacks", () => {
  it("reads a group message; its id describes sender and conversation", () => {
    const r = adapter.parseWebhook?.(
      textSent({ conv_type: 2, conv_id: "g1", msg_id: "9", msg_seq: 3, send_result: 0 }),
    );
    expect(r?.ack.status).toBe(200);
    const e = r?.events[0];
    if (e?.type !== "MESSAGE_SENT") throw new Error("not a message");
    expect(e.message).toMatchObject({
      senderId: "alice",
      conversation: { type: "GROUP", id: "g1" },
      content: { type: "TEXT", text: "hi" },
      sentAt: new Date(NOW),
    });
    expect(adapter.describeMessageId(e.message.id)).toEqual({
      senderId: "alice",
      conversation: { type: "GROUP", id: "g1" },
    });
  });

  it("refuses a msg_time a Date cannot hold, rather than publish an Invalid Date", () => {
    for (const msg_time of [Number.MAX_SAFE_INTEGER, 8.64e15 + 1]) {
      expect(() =>
        adapter.parseWebhook?.(textSent({ conv_type: 2, conv_id: "g1", msg_seq: 3, msg_time })),
      ).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", field: "msg_time" }));
    }
  });

  it("refuses ids with control characters", () => {
    expect(() =>
      adapter.parseWebhook?.(textSent({ conv_type: 2, conv_id: "g\u0085", msg_seq: 3 })),
    ).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", field: "conv_id" }));
  });

  it("gives no event, and no refusal, for a message without msg_seq (the page's examples have none)", () => {
    const r = adapter.parseWebhook?.(textSent({ conv_type: 2, conv_id: "g1", msg_id: "9" }));
    expect(r?.ack.status).toBe(200);
    expect(r?.events).toEqual([]);
  });

  it("reads no live room out of RTC's Room Created, which shares ZIM's event name", () => {
    const rtc = adapter.parseWebhook?.(
      signedCallback({
        event: "room_create",
        room_id: "r",
        room_session_id: "s1",
        room_create_time: String(NOW),
        id_name: "a",
      }),
    );
    expect(rtc?.events).toEqual([]);
  });

  it("reads a server-API peer send as one message per receiver", () => {
    const r = adapter.parseWebhook?.(
      textSent({
        conv_type: 0,
        conv_id: "",
        user_list: [
          { UserId: "bob", MsgId: "1", MsgSeq: 1 },
          { UserId: "carol", MsgId: "2", MsgSeq: 1 },
        ],
      }),
    );
    expect(
      r?.events.map((e) => (e.type === "MESSAGE_SENT" ? e.message.conversation.id : null)),
    ).toEqual(["bob", "carol"]);
  });

  it('skips a receiver the peer send failed to reach (MsgId "") and an item without a MsgSeq', () => {
    const r = adapter.parseWebhook?.(
      textSent({
        conv_type: 0,
        conv_id: "",
        source: 1,
        msg_id: "",
        user_list: [
          { UserId: "x", MsgId: "", MsgSeq: 0 }, // failed (docs_all EN/Message sent.mdx)
          { UserId: "y", MsgId: "5" }, // no seq: as the ZH example shows items
          { UserId: "z", MsgId: "6", MsgSeq: 2 },
          { UserId: "w", MsgId: "7", MsgSeq: -1 },
        ],
      }),
    );
    expect(r?.ack.status).toBe(200);
    expect(
      r?.events.map((e) => (e.type === "MESSAGE_SENT" ? e.message.conversation.id : null)),
    ).toEqual(["z"]);
  });

  it("reads a room message (conv_type 1) with a room message id, never a group's", () => {
    const r = adapter.parseWebhook?.(textSent({ conv_type: 1, conv_id: "r1", msg_seq: 4 }));
    const e = r?.events[0];
    if (e?.type !== "MESSAGE_SENT") throw new Error("not a message");
    expect(e.message.conversation).toEqual({ type: "ROOM", id: "r1" });
    expect(adapter.describeMessageId(e.message.id)).toEqual({
      senderId: "alice",
      conversation: { type: "ROOM", id: "r1" },
    });
  });

  it("reads a client-SDK image and file body (URL-encoded snake_case) in send_msg and before_send_msg", () => {
    const media = encodeURIComponent(
      JSON.stringify({
        md5: "m",
        file_name: "a.png",
        file_size: "2048",
        download_url: "https://x/a.png",
        media_duration: "0",
        origin_image_width: 640,
        origin_image_height: 480,
        thumbnail_download_url: "https://x/t.png",
        thumbnail_width: 64,
        thumbnail_height: 48,
      }),
    );
    const image = {
      type: "IMAGE",
      url: "https://x/a.png",
      width: 640,
      height: 480,
      sizeBytes: 2048,
      thumbnailUrl: "https://x/t.png",
    };
    const file = { type: "FILE", url: "https://x/a.png", name: "a.png", sizeBytes: 2048 };
    for (const [msgType, content] of [
      [11, image],
      [12, file],
    ] as const) {
      // No `source`: a client-SDK send (docs_all EN/Message sent.mdx, msg_body).
      const sent = adapter.parseWebhook?.(
        textSent({ conv_type: 2, conv_id: "g1", msg_seq: 1, msg_type: msgType, msg_body: media }),
      )?.events[0];
      if (sent?.type !== "MESSAGE_SENT") throw new Error("not a message");
      expect(sent.message.content).toEqual(content);
      const asked = adapter.parseWebhook?.(
        signedCallback({
          event: "before_send_msg",
          from_user_id: "alice",
          conv_id: "bob",
          conv_type: 0,
          msg_id: "1",
          msg_type: msgType,
          sub_msg_type: 0,
          msg_body: media,
        }),
      )?.preSend;
      expect(asked?.check.content).toEqual(content);
    }
  });

  it("reads presence and group changes; other events carry none", () => {
    const events = [
      signedCallback({ event: "user_action", user_id: "carol", action: 0 }),
      signedCallback({ event: "user_action", user_id: "carol", action: 2 }),
      signedCallback({
        event: "group_create",
        group_id: "g",
        owner_account: "a",
        user_ids: ["a", "b"],
      }),
      signedCallback({ event: "group_join", group_id: "g", new_user_ids: ["d"] }),
      signedCallback({ event: "group_exit", group_id: "g", exit_user_ids: ["d"] }),
      signedCallback({ event: "group_destroy", group_id: "g", user_ids: [] }),
      signedCallback({ event: "call_create", call_id: "c" }),
    ].flatMap((r) => adapter.parseWebhook?.(r).events ?? []);
    expect(events.map((e) => e.type)).toEqual([
      "PRESENCE_CHANGED",
      "PRESENCE_CHANGED",
      "GROUP_CREATED",
      "GROUP_MEMBER_JOINED",
      "GROUP_MEMBER_LEFT",
      "GROUP_DISMISSED",
    ]);
    expect(events[1]).toMatchObject({ status: "OFFLINE" });
    expect(events[0]).not.toHaveProperty("connection");
  });

  it("reads a body that is URL-encoded JSON as a whole, as the pages' UrlDecode note allows", () => {
    const plain = signedCallback({ event: "user_action", user_id: "carol", action: 0, os: "WEB" });
    const encoded = { ...plain, rawBody: encodeURIComponent(plain.rawBody) };
    expect(adapter.parseWebhook?.(encoded).events).toEqual(adapter.parseWebhook?.(plain).events);
    // Still refused when decoding does not give JSON.
    expect(() => adapter.parseWebhook?.({ ...plain, rawBody: "%7Bnot json" })).toThrow(
      BadUserInputError,
    );
    expect(() => adapter.parseWebhook?.({ ...plain, rawBody: "%7B%E0%A4%A" })).toThrow(
      BadUserInputError,
    );
  });

  it("names a user_action's connection by its session_id", () => {
    const parse = (fields: Record<string, unknown>) =>
      adapter.parseWebhook?.(signedCallback({ event: "user_action", user_id: "carol", ...fields }))
        .events[0];
    expect(parse({ action: 0, session_id: "app-7" })).toMatchObject({
      status: "ONLINE",
      connection: "app-7",
    });
    expect(parse({ action: 1, session_id: "app-7" })).toMatchObject({
      status: "OFFLINE",
      connection: "app-7",
    });
    expect(parse({ action: 1, session_id: "" })).not.toHaveProperty("connection");
    expect(() => parse({ action: 0, session_id: ["x"] })).toThrow(BadUserInputError);
  });

  it("reads ZIM room callbacks as live room events (Quit = LEFT, Kickout = KICKED)", () => {
    const calls = [
      { event: "room_create", room_id: "r", operator_account: "a", room_name: "R", attributes: [] },
      { event: "room_enter", room_id: "r", operator_account: "b" },
      {
        event: "room_exit",
        room_id: "r",
        exit_type: "Quit",
        operator_account: "b",
        exit_user_ids: ["b"],
      },
      {
        event: "room_exit",
        room_id: "r",
        exit_type: "Kickout",
        operator_account: "a",
        exit_user_ids: ["c", "d"],
      },
      { event: "room_exit", room_id: "r", exit_type: "Timeout", exit_user_ids: ["e"] },
      { event: "room_destroy", room_id: "r", operator_account: "a", user_ids: ["f"] },
      // After a destroy delay: no operator and nobody left in it (#17 §U18).
      { event: "room_destroy", room_id: "s", operator_account: "", user_ids: [] },
    ];
    const events = calls.flatMap((c) => adapter.parseWebhook?.(signedCallback(c)).events ?? []);
    const at = new Date(Math.floor(NOW / 1000) * 1000);
    expect(events).toEqual([
      { type: "LIVE_ROOM_CREATED", appId: "zg", at, roomId: "r", ownerId: "a" },
      { type: "LIVE_ROOM_MEMBER_JOINED", appId: "zg", at, roomId: "r", userIds: ["b"] },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "zg",
        at,
        roomId: "r",
        userIds: ["b"],
        reason: "LEFT",
      },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "zg",
        at,
        roomId: "r",
        userIds: ["c", "d"],
        reason: "KICKED",
      },
      { type: "LIVE_ROOM_MEMBER_LEFT", appId: "zg", at, roomId: "r", userIds: ["e"], reason: null },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "zg",
        at,
        roomId: "r",
        userIds: ["f"],
        reason: "DESTROYED",
      },
      { type: "LIVE_ROOM_DESTROYED", appId: "zg", at, roomId: "r" },
      { type: "LIVE_ROOM_DESTROYED", appId: "zg", at, roomId: "s" },
    ]);
    // The gateway knows these come by callback (no second event for its own writes).
    expectLiveRoomCallbacks(zegoModule.callbackEvents, adapter);
  });

  it("reads a ms timestamp (group and room events, docs_all 42a7e2916) to the ms, and checks its age", () => {
    const at = NOW - 1_234;
    for (const fields of [
      { event: "group_join", group_id: "g", new_user_ids: ["d"] },
      { event: "room_enter", room_id: "r", operator_account: "b" },
    ]) {
      const [e] =
        adapter.parseWebhook?.(signedCallback(fields, { now: at, ms: true })).events ?? [];
      expect(e?.at).toEqual(new Date(at));
      const stale = signedCallback(fields, { now: NOW - 600_000, ms: true });
      expect(() => adapter.parseWebhook?.(stale)).toThrow(UnauthenticatedError);
    }
  });

  it("refuses forged, stale and foreign callbacks", () => {
    const fields = { event: "user_action", user_id: "a", action: 0 };
    for (const o of [
      { secret: "wrong" },
      { now: NOW - 600_000 },
      { now: NOW + 600_000 },
      { appid: "1" },
    ]) {
      expect(() => adapter.parseWebhook?.(signedCallback(fields, o))).toThrow(UnauthenticatedError);
    }
  });

  it("acknowledges a community channel's message (conv_type 3) with no event", () => {
    const sent = adapter.parseWebhook?.(
      signedCallback({
        event: "send_msg",
        from_user_id: "a",
        conv_type: 3,
        conv_id: "channel-1",
        msg_type: 1,
        msg_body: "hi",
        msg_id: "1",
        msg_seq: 1,
        msg_time: NOW,
      }),
    );
    expect(sent?.events).toEqual([]);
  });

  it("refuses malformed bodies", () => {
    const bad = [
      { ...signedCallback({}), rawBody: "[" },
      signedCallback({ event: "user_action", user_id: "a", action: 7 }),
      signedCallback({ event: "send_msg", from_user_id: "a", conv_type: 9 }),
      signedCallback({ event: "group_join", group_id: "g", new_user_ids: "d" }),
      signedCallback({ event: "" }),
      signedCallback({ event: "room_enter", room_id: "r" }),
      signedCallback({ event: "room_exit", room_id: "r", exit_type: "Quit", exit_user_ids: "b" }),
      signedCallback({ event: "room_create", operator_account: "a" }),
    ];
    for (const r of bad) expect(() => adapter.parseWebhook?.(r)).toThrow(BadUserInputError);
  });
});
