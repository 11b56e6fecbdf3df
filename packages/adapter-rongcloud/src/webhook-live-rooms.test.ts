import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ImEvent, WebhookRequest } from "@imgraph/core";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { signRongCloudCallback } from "@imgraph/signing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { rongcloudModule } from "./module.js";
import { adapterFor, startTestEmulator, TEST_APP } from "./test-support.js";

// The "Chatroom status" callback (#17 §3) as the vendor reference shows it, then end to end:
// the emulator's callbacks after adapter calls and simulated clients, read by parseWebhook.

const APP = { appKey: "k1", appSecret: "s1" };
const parser = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;
const at = new Date(NOW - 1);

function request(body: string, secret = APP.appSecret): WebhookRequest {
  return {
    method: "POST",
    query: new URLSearchParams({
      ...signRongCloudCallback({ appKey: APP.appKey, appSecret: secret, now: NOW }),
    }),
    headers: { "content-type": "application/json" },
    rawBody: body,
    receivedAt: NOW,
  };
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
    expect(() => parser.parseWebhook(request(JSON.stringify([status(0, 0)]), "wrong"))).toThrow();
  });

  it("is what the gateway learns live room events from", () => {
    for (const type of [
      "LIVE_ROOM_CREATED",
      "LIVE_ROOM_DESTROYED",
      "LIVE_ROOM_MEMBER_JOINED",
      "LIVE_ROOM_MEMBER_LEFT",
    ] as const) {
      expect(rongcloudModule.callbackEvents[type]).toEqual(["ROOM"]);
      expect(parser.reportsByCallback(type, "ROOM")).toBe(true);
    }
  });
});

describe("chatroom status callbacks end to end", () => {
  let emu: RongCloudEmulator;
  let im: RongCloudAdapter;
  let sink: Server;
  const bodies: { query: URLSearchParams; body: string }[] = [];

  beforeAll(async () => {
    sink = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        bodies.push({ query: new URL(req.url ?? "/", "http://x").searchParams, body });
        res.end("OK");
      });
    });
    await new Promise<void>((r) => sink.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/cb`;
    emu = await startTestEmulator({ apps: [{ ...TEST_APP, callbackUrls: { chatroom: url } }] });
    im = adapterFor(emu);
  });
  afterAll(async () => {
    await im.close();
    await emu.close();
    await new Promise((r) => sink.close(r));
  });
  beforeEach(async () => {
    await emu.flushCallbacks();
    emu.reset();
    bodies.length = 0;
  });

  async function events(): Promise<ImEvent[]> {
    await emu.flushCallbacks();
    return bodies.flatMap(
      (b) =>
        im.parseWebhook({
          method: "POST",
          query: b.query,
          headers: { "content-type": "application/json" },
          rawBody: b.body,
          receivedAt: Date.now(),
        }).events,
    );
  }

  it("create, a client's join and leave, a ban and destroy come back as the four events", async () => {
    await im.createLiveRoom({ roomId: "r", ownerId: "o" });
    emu.login({ userId: "a", chatroomId: "r" });
    emu.login({ userId: "b", chatroomId: "r" });
    emu.logout({ userId: "a", chatroomId: "r" });
    await im.banLiveRoomMembers({ roomId: "r", userIds: ["b"], durationSeconds: 60 });
    await im.destroyLiveRoom({ roomId: "r" });
    // Each change is its own delivery: they may arrive in any order.
    const got = (await events()).map((e) =>
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
