import type { WebhookRequest } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { signedCallback } from "./testing/callbacks.js";

// Friend relation (§1.9) and hosted profile (§4) callbacks, as the vendor reference shows them.

const APP = { appKey: "k1", appSecret: "s1" };
const adapter = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;

function request(body: string, contentType?: string): WebhookRequest {
  return signedCallback({ body, app: APP, receivedAt: NOW, contentType });
}
const parse = (body: unknown, type?: string) =>
  adapter.parseWebhook(request(typeof body === "string" ? body : JSON.stringify(body), type))
    .events;
const friend = (eventType: number) => ({
  userId: "u1",
  eventType,
  toUserId: "u2",
  source: "Server",
  time: NOW - 1,
});

describe("RongCloud friend relation callbacks", () => {
  it("server-added (5) and accepted (2) are FRIEND_ADDED each way", () => {
    for (const eventType of [5, 2]) {
      expect(parse(friend(eventType))).toEqual([
        { type: "FRIEND_ADDED", appId: "rc", at: new Date(NOW - 1), userId: "u1", friendId: "u2" },
        { type: "FRIEND_ADDED", appId: "rc", at: new Date(NOW - 1), userId: "u2", friendId: "u1" },
      ]);
    }
  });

  it("removed (4) is FRIEND_REMOVED each way; requests (1) and refusals (3) are no event", () => {
    expect(parse(friend(4)).map((e) => e.type)).toEqual(["FRIEND_REMOVED", "FRIEND_REMOVED"]);
    expect(parse(friend(1))).toEqual([]);
    expect(parse(friend(3))).toEqual([]);
  });

  it("refuses a friend event without its users or time", () => {
    expect(() => parse({ ...friend(5), toUserId: "" })).toThrow(/toUserId/);
    expect(() => parse({ ...friend(5), time: "soon" })).toThrow(/time/);
    // A time past what a Date holds would publish an Invalid Date.
    expect(() => parse({ ...friend(5), time: Number.MAX_SAFE_INTEGER })).toThrow(/time/);
    expect(() => parse({ userId: "u", type: 0, time: Number.MAX_SAFE_INTEGER })).toThrow(/time/);
  });
});

describe("RongCloud hosted profile callbacks", () => {
  it("names the changed keys, from objects (the doc's example) or JSON text (its table)", () => {
    const example = {
      userId: "uid1",
      time: 1574476797772,
      userProfile: { uniqueId: "testAppName", level: 2 },
      userExtProfile: { ext_Profile: "testExt" },
    };
    expect(parse(example)).toEqual([
      {
        type: "PROFILE_UPDATED",
        appId: "rc",
        at: new Date(1574476797772),
        userId: "uid1",
        fields: ["uniqueId", "level", "ext_Profile"],
      },
    ]);
    const form = new URLSearchParams({
      userId: "uid1",
      type: "1",
      time: "1574476797772",
      userProfile: JSON.stringify({ name: "N" }),
    }).toString();
    expect(parse(form, "application/x-www-form-urlencoded")).toMatchObject([
      { type: "PROFILE_UPDATED", userId: "uid1", fields: ["name"] },
    ]);
  });

  it("a cleared profile (type 0) names no fields; other types are refused", () => {
    expect(parse({ userId: "u", type: 0, time: NOW })).toMatchObject([
      { type: "PROFILE_UPDATED", userId: "u", fields: [] },
    ]);
    expect(() => parse({ userId: "u", type: 7, time: NOW })).toThrow(/type/);
    expect(() => parse({ userId: "u", type: 1, time: NOW, userProfile: "[1]" })).toThrow(
      /userProfile/,
    );
  });

  it("still reads online status arrays and objects as before", () => {
    const status = {
      userid: "u",
      status: "0",
      os: "iOS",
      time: NOW,
      clientIp: "1.2.3.4:5",
      sessionId: "s",
    };
    expect(parse([status]).map((e) => e.type)).toEqual(["PRESENCE_CHANGED"]);
    expect(parse(status).map((e) => e.type)).toEqual(["PRESENCE_CHANGED"]);
  });
});
