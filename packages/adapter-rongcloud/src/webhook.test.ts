import { BadUserInputError, UnauthenticatedError, type WebhookRequest } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { signedCallback } from "./testing/callbacks.js";

const APP = { appKey: "k1", appSecret: "s1" };
const adapter = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;

function request(
  body: string,
  type: string,
  sign: { now?: number; appKey?: string; appSecret?: string } = {},
): WebhookRequest {
  return signedCallback({
    body,
    app: { appKey: sign.appKey ?? APP.appKey, appSecret: sign.appSecret ?? APP.appSecret },
    receivedAt: NOW,
    signedAt: sign.now,
    contentType: type,
  });
}

const FORM = "application/x-www-form-urlencoded";
const routed = (fields: Record<string, string>) =>
  request(
    new URLSearchParams({
      fromUserId: "alice",
      toUserId: "bob",
      objectName: "RC:TxtMsg",
      content: JSON.stringify({ content: "hello" }),
      channelType: "PERSON",
      msgTimestamp: String(NOW - 5),
      msgUID: "UID-1",
      sensitiveType: "0",
      source: "Server",
      ...fields,
    }).toString(),
    FORM,
  );

describe("RongCloud callbacks", () => {
  it("reads a routed one-to-one message with an id recall can use", () => {
    const r = adapter.parseWebhook(routed({}));
    expect(r.ack.status).toBe(200);
    expect(r.replayKey).toContain("rongcloud:k1:");
    expect(r.events).toHaveLength(1);
    const e = r.events[0];
    if (e?.type !== "MESSAGE_SENT") throw new Error("not a message");
    expect(e.message).toMatchObject({
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
      content: { type: "TEXT", text: "hello" },
      sentAt: new Date(NOW - 5),
    });
    expect(adapter.describeMessageId(e.message.id)).toEqual({
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
    });
  });

  it("reads group messages; ignores conversation kinds with no neutral form", () => {
    const g = adapter.parseWebhook(routed({ channelType: "GROUP", toUserId: "g1" })).events[0];
    expect(g).toMatchObject({ message: { conversation: { type: "GROUP", id: "g1" } } });
    expect(adapter.parseWebhook(routed({ channelType: "ULTRAGROUP" })).events).toEqual([]);
  });

  it("reads a recall command", () => {
    const r = adapter.parseWebhook(
      routed({
        objectName: "RC:RcCmd",
        content: JSON.stringify({
          conversationType: 1,
          targetId: "bob",
          messageUId: "UID-1",
          sentTime: NOW - 5,
          isAdmin: 0,
        }),
      }),
    );
    const sent = adapter.parseWebhook(routed({})).events[0];
    expect(r.events[0]).toMatchObject({
      type: "MESSAGE_RECALLED",
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
      messageId: sent?.type === "MESSAGE_SENT" ? sent.message.id : "?",
    });
  });

  it("reads an old Android recall (messageUId only) from the routed message's channel and target", () => {
    const r = adapter.parseWebhook(
      routed({
        objectName: "RC:RcCmd",
        content: JSON.stringify({ messageUId: "UID-1", extra: "" }),
      }),
    );
    const sent = adapter.parseWebhook(routed({})).events[0];
    expect(r.events[0]).toMatchObject({
      type: "MESSAGE_RECALLED",
      conversation: { type: "USER", id: "bob" },
      messageId: sent?.type === "MESSAGE_SENT" ? sent.message.id : "?",
    });
    // A sentTime of 0 (or none) is no reason to refuse: it is not used.
    const zero = adapter.parseWebhook(
      routed({
        objectName: "RC:RcCmd",
        content: JSON.stringify({
          conversationType: 1,
          targetId: "bob",
          messageUId: "UID-1",
          sentTime: 0,
        }),
      }),
    );
    expect(zero.events).toHaveLength(1);
    // Still refused: an unknown conversationType, or no messageUId.
    const refused = (content: unknown) =>
      adapter.parseWebhook(routed({ objectName: "RC:RcCmd", content: JSON.stringify(content) }));
    expect(() => refused({ conversationType: 9, messageUId: "U" })).toThrow(BadUserInputError);
    expect(() => refused({ targetId: "bob" })).toThrow(BadUserInputError);
  });

  it("reads online status as an array or a single object", () => {
    const event = (status: string) => ({
      userid: "carol",
      status,
      os: "iOS",
      time: NOW,
      clientIp: "1.2.3.4:5",
      sessionId: "x",
    });
    const many = adapter.parseWebhook(
      request(JSON.stringify([event("0"), event("1"), event("2")]), "application/json"),
    );
    expect(many.events.map((e) => (e.type === "PRESENCE_CHANGED" ? e.status : null))).toEqual([
      "ONLINE",
      "OFFLINE",
      "OFFLINE",
    ]);
    const one = adapter.parseWebhook(request(JSON.stringify(event("0")), "application/json"));
    expect(one.events).toHaveLength(1);
  });

  it("names the connection by sessionId, and none when the event has no sessionId", () => {
    const parse = (fields: Record<string, unknown>) =>
      adapter.parseWebhook(
        request(
          JSON.stringify([{ userid: "carol", status: "0", time: NOW, ...fields }]),
          "application/json",
        ),
      ).events[0];
    expect(parse({ sessionId: "s-1" })).toMatchObject({ userId: "carol", connection: "s-1" });
    expect(parse({})).not.toHaveProperty("connection");
    expect(parse({ sessionId: "" })).not.toHaveProperty("connection");
    expect(() => parse({ sessionId: { id: 1 } })).toThrow(BadUserInputError);
  });

  it("refuses times a Date cannot hold, rather than publish an Invalid Date", () => {
    const far = String(Number.MAX_SAFE_INTEGER);
    const presence = (time: unknown) =>
      request(JSON.stringify([{ userid: "carol", status: "0", time }]), "application/json");
    for (const [c, field] of [
      [routed({ msgTimestamp: far }), "msgTimestamp"],
      [presence(Number.MAX_SAFE_INTEGER), "time"],
      [presence(8.64e15 + 1), "time"],
    ] as const) {
      expect(() => adapter.parseWebhook(c)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field }),
      );
    }
  });

  it("refuses ids with control characters", () => {
    for (const [fields, field] of [
      [{ fromUserId: "al\u0000ice" }, "fromUserId"],
      [{ toUserId: "bob\n" }, "toUserId"],
      [{ msgUID: "\u001b[2J" }, "msgUID"],
    ] as const) {
      expect(() => adapter.parseWebhook(routed(fields))).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field }),
      );
    }
  });

  it("acknowledges deactivation results without events", () => {
    const body = new URLSearchParams({
      userId: "u",
      operateId: "o",
      type: "0",
      code: "0",
      time: "1",
    });
    expect(adapter.parseWebhook(request(body.toString(), FORM)).events).toEqual([]);
  });

  it("refuses forged, stale, future and foreign callbacks as unauthenticated", () => {
    const body = JSON.stringify([]);
    const cases = [
      request(body, "application/json", { appSecret: "wrong" }),
      request(body, "application/json", { now: NOW - 10 * 60_000 }),
      request(body, "application/json", { now: NOW + 10 * 60_000 }),
      request(body, "application/json", { appKey: "other" }),
      { ...request(body, "application/json"), query: new URLSearchParams() },
    ];
    for (const c of cases) expect(() => adapter.parseWebhook(c)).toThrow(UnauthenticatedError);
  });

  it("refuses malformed bodies as bad input", () => {
    const bad = [
      request("[{", "application/json"),
      request(JSON.stringify([{ userid: "a", status: "9", time: NOW }]), "application/json"),
      request(JSON.stringify([{ status: "0", time: NOW }]), "application/json"),
      routed({ msgTimestamp: "soon" }),
      routed({ objectName: "RC:RcCmd", content: "nope" }),
      request("hello=world", FORM),
    ];
    for (const c of bad) expect(() => adapter.parseWebhook(c)).toThrow(BadUserInputError);
  });
});
