import type { WebhookRequest } from "@imgraph/core";
import { expectLiveRoomCallbacks } from "@imgraph/core/contract";
import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { rongcloudModule } from "./module.js";
import { TEST_APP } from "./test-support.js";
import { callbackLoop, signedCallback } from "./testing/callbacks.js";

// The "Chatroom status" callback (#17 §3) as the vendor reference shows it, then end to end:
// the emulator's callbacks after adapter calls and simulated clients, read by parseWebhook.

const APP = { appKey: "k1", appSecret: "s1" };
const parser = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;
const at = new Date(NOW - 1);

function request(body: string, secret = APP.appSecret): WebhookRequest {
  return signedCallback({ body, app: { ...APP, appSecret: secret }, receivedAt: NOW });
}
const parse = (body: unknown) => parser.parseWebhook(request(JSON.stringify(body))).events;
const status = (type: number, s: number, userIds: string[] = []) => ({
  chatRoomId: "r",
  userIds,
  status: s,
  type,
  time: NOW - 1,
});

describe("RongCloud chatroom status callback", () => {
  it("reads type 0/3 as created/destroyed and 1/2 as joins and leaves with the cause", () => {
    expect(
      parse([
        status(0, 0),
        status(1, 0, ["a", "b"]),
        status(2, 0, ["a"]),
        status(2, 1, ["b"]),
        status(2, 2, ["c"]),
        status(3, 3),
      ]),
    ).toEqual([
      { type: "LIVE_ROOM_CREATED", appId: "rc", at, roomId: "r", ownerId: null },
      { type: "LIVE_ROOM_MEMBER_JOINED", appId: "rc", at, roomId: "r", userIds: ["a", "b"] },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "rc",
        at,
        roomId: "r",
        userIds: ["a"],
        reason: "LEFT",
      },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "rc",
        at,
        roomId: "r",
        userIds: ["b"],
        reason: "TIMED_OUT",
      },
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "rc",
        at,
        roomId: "r",
        userIds: ["c"],
        reason: "BANNED",
      },
      { type: "LIVE_ROOM_DESTROYED", appId: "rc", at, roomId: "r" },
    ]);
  });

  it("reads a single object too, and refuses a bad time or a bad signature", () => {
    expect(parse(status(3, 0))).toHaveLength(1);
    expect(() => parse([{ ...status(1, 0, ["a"]), time: "soon" }])).toThrow(/time/);
    // A time past what a Date holds would publish an Invalid Date.
    expect(() => parse([{ ...status(1, 0, ["a"]), time: Number.MAX_SAFE_INTEGER }])).toThrow(
      /time/,
    );
    expect(() => parser.parseWebhook(request(JSON.stringify([status(0, 0)]), "wrong"))).toThrow();
  });

  it("is what the gateway learns live room events from", () => {
    expectLiveRoomCallbacks(rongcloudModule.callbackEvents, parser);
  });
});

describe("RongCloud chatroom attribute (KV) sync callback", () => {
  const kv = (fields: Record<string, unknown>) => ({
    chatroomId: "r",
    key: "k",
    value: "v",
    optType: 1,
    userId: "a",
    status: 0,
    timestamp: NOW - 1,
    version: 3,
    ...fields,
  });

  it("acknowledges each change with no event (the neutral model has no room attribute event)", () => {
    for (const optType of [1, 2, 3]) {
      const r = parser.parseWebhook(request(JSON.stringify(kv({ optType }))));
      expect(r.ack.status).toBe(200);
      expect(r.events).toEqual([]);
    }
    expect(() => parse(kv({ optType: 7 }))).toThrow(/optType/);
  });
});

describe("chatroom KV sync end to end", () => {
  const env = callbackLoop((url) => ({
    emulator: {
      apps: [{ ...TEST_APP, callbackUrls: { chatroomKv: url }, features: { chatroomKv: true } }],
    },
    adapter: { features: { chatroomAttributes: true } },
  }));

  it("the emulator's callbacks after an attribute write are accepted, with no event", async () => {
    await env.im.createLiveRoom({ roomId: "kv", ownerId: "o" });
    await env.im.setLiveRoomAttributes({ roomId: "kv", attributes: { a: "1" }, actorId: "o" });
    await env.emu.flushCallbacks();
    expect(await env.events()).toEqual([]);
  });
});

describe("chatroom status callbacks end to end", () => {
  const env = callbackLoop((url) => ({
    emulator: { apps: [{ ...TEST_APP, callbackUrls: { chatroom: url } }] },
  }));

  it("create, a client's join and leave, a ban and destroy come back as the four events", async () => {
    await env.im.createLiveRoom({ roomId: "r", ownerId: "o" });
    env.emu.login({ userId: "a", chatroomId: "r" });
    env.emu.login({ userId: "b", chatroomId: "r" });
    env.emu.logout({ userId: "a", chatroomId: "r" });
    await env.im.banLiveRoomMembers({ roomId: "r", userIds: ["b"], durationSeconds: 60 });
    await env.im.destroyLiveRoom({ roomId: "r" });
    // Each change is its own delivery: they may arrive in any order.
    const got = (await env.events()).map((e) =>
      JSON.stringify([e.type, "userIds" in e ? e.userIds : null, "reason" in e ? e.reason : null]),
    );
    expect(got.sort()).toEqual(
      [
        ["LIVE_ROOM_CREATED", null, null],
        ["LIVE_ROOM_MEMBER_JOINED", ["a"], null],
        ["LIVE_ROOM_MEMBER_JOINED", ["b"], null],
        ["LIVE_ROOM_MEMBER_LEFT", ["a"], "LEFT"],
        ["LIVE_ROOM_MEMBER_LEFT", ["b"], "BANNED"],
        ["LIVE_ROOM_DESTROYED", null, null],
      ]
        .map((e) => JSON.stringify(e))
        .sort(),
    );
  });
});
