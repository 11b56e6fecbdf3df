import { verifyRongCloudCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { type ReceivedCallback, useCallbackSink } from "../testing/callback-sink.js";
import { message, ok, rcClient, textMessage } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const QUIET = { appKey: "quiet", appSecret: "quiet-secret" };
const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  callbackRetry: { backoffMs: 10 },
  apps: [
    { ...APP, callbackUrl: sink.url },
    { ...QUIET, callbackUrl: sink.url, routeServerMessages: false },
  ],
}));

const form = (c: ReceivedCallback) => Object.fromEntries(new URLSearchParams(c.body));
const routed = async () => {
  await fx.emu.flushCallbacks();
  return sink.received.filter((c) => c.body.includes("msgUID"));
};

describe("callback signature (§3.1)", () => {
  it("carries appKey, nonce, signTimestamp (ms) and a signature that verifies", async () => {
    ok(await fx.rc.publish("private", { toUserId: "b" }));
    const [cb] = await routed();
    expect(cb?.method).toBe("POST");
    expect(cb?.query.get("appKey")).toBe(APP.appKey);
    expect(cb?.query.get("signTimestamp")).toMatch(/^\d{13}$/);
    expect(cb?.query.get("nonce")).toBeTruthy();
    const v = verifyRongCloudCallback(cb?.query ?? new URLSearchParams(), APP.appSecret, {
      maxAgeSeconds: 60,
    });
    expect(v.ok).toBe(true);
    expect(verifyRongCloudCallback(cb?.query ?? new URLSearchParams(), "wrong-secret").ok).toBe(
      false,
    );
  });
});

describe("message routing (§3.4)", () => {
  it("routes each server message, form-encoded, with its UID and timestamp", async () => {
    const p = ok(await fx.rc.publish("private", { toUserId: ["b", "c"], ...textMessage("hi") }));
    const g = ok(
      await fx.rc.publish("group", { toGroupId: "g1", toUserId: ["b", "c"], content: "t" }),
    );
    const s = ok(await fx.rc.publish("system", { fromUserId: "sys", toUserId: "b", content: "s" }));
    const r = ok(await fx.rc.publish("chatroom", { toChatroomId: "room", content: "r" }));
    ok(
      await fx.rc.post(
        "/statusmessage/private/publish.json",
        message({ toUserId: "b", content: "status" }),
      ),
    );
    const cbs = await routed();
    expect(
      cbs.every((c) => c.headers["content-type"] === "application/x-www-form-urlencoded"),
    ).toBe(true);
    const bodies = cbs.map(form);
    expect(bodies.map((b) => [b.toUserId, b.channelType])).toEqual([
      ["b", "PERSON"],
      ["c", "PERSON"],
      ["g1", "GROUP"],
      ["b", "NOTIFY"],
      ["room", "TEMPGROUP"],
    ]);
    expect(bodies[0]).toMatchObject({
      fromUserId: "a",
      ...textMessage("hi"),
      msgUID: p.messageUIDs[0].messageUID,
      source: "Server",
      sensitiveType: "0",
    });
    expect(Number(bodies[0]?.msgTimestamp)).toBeGreaterThan(1_600_000_000_000);
    expect(bodies[2]?.msgUID).toBe(g.messageUIDs[0].messageUID);
    expect(new URLSearchParams(cbs[2]?.body).getAll("groupUserIds")).toEqual(["b", "c"]);
    expect(bodies[3]?.msgUID).toBe(s.messageUIDs[0].messageUID);
    expect(bodies[4]?.msgUID).toBe(r.messageUIDs[0].messageUID);
  });

  it("a recall is routed as an RC:RcCmd message", async () => {
    const p = ok(await fx.rc.publish("group", { toGroupId: "g1" }));
    const [sent] = await routed();
    const uid = p.messageUIDs[0].messageUID;
    const sentTime = Number(form(sent as ReceivedCallback).msgTimestamp);
    sink.received.length = 0;
    ok(
      await fx.rc.post("/message/recall.json", {
        fromUserId: "a",
        conversationType: 3,
        targetId: "g1",
        messageUID: uid,
        sentTime,
      }),
    );
    const [cmd] = (await routed()).map(form);
    expect(cmd).toMatchObject({
      objectName: "RC:RcCmd",
      fromUserId: "a",
      toUserId: "g1",
      channelType: "GROUP",
    });
    expect(cmd?.msgUID).not.toBe(uid);
    expect(JSON.parse(cmd?.content ?? "{}")).toMatchObject({
      messageUId: uid,
      conversationType: 3,
      targetId: "g1",
      sentTime,
    });
  });

  it("routeServerMessages: false (the real server's default) routes nothing", async () => {
    const quiet = rcClient({ url: fx.emu.url, ...QUIET });
    ok(await quiet.publish("private", { toUserId: "b" }));
    expect(await routed()).toEqual([]);
    expect(fx.emu.callbackDeliveries({ app: QUIET.appKey })).toEqual([]);
  });
});

describe("online status (§3.3)", () => {
  it("posts a JSON array on simulated login and logout", async () => {
    fx.emu.login({ userId: "u1", os: "iOS", clientIp: "10.0.0.1:1234", sessionId: "s1" });
    fx.emu.logout({ userId: "u1", sessionId: "s1", status: "1" });
    const res = await fetch(`${fx.emu.url}/__emulator/clients/login`, {
      method: "POST",
      body: JSON.stringify({ app: APP.appKey, userId: "u2" }),
    });
    expect(res.status).toBe(200);
    await fx.emu.flushCallbacks();
    const events = sink.received.map((c) => {
      expect(c.headers["content-type"]).toBe("application/json");
      expect(verifyRongCloudCallback(c.query, APP.appSecret).ok).toBe(true);
      return JSON.parse(c.body) as Record<string, unknown>[];
    });
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual([
      {
        userid: "u1",
        status: "0",
        os: "iOS",
        time: expect.any(Number),
        clientIp: "10.0.0.1:1234",
        sessionId: "s1",
      },
    ]);
    expect(events[1]?.[0]).toMatchObject({ userid: "u1", status: "1", sessionId: "s1" });
    expect(events[2]?.[0]).toMatchObject({ userid: "u2", status: "0", os: "Websocket" });
  });
});

describe("delivery, retries and the delivery log", () => {
  it("retries non-200 answers (RongCloud: 2 retries) and logs attempts", async () => {
    sink.respond = (n) => (n === 1 ? 500 : 200);
    fx.emu.login({ userId: "u1" });
    await fx.emu.flushCallbacks();
    expect(sink.received).toHaveLength(2);
    const res = await fetch(`${fx.emu.url}/__emulator/callbacks?kind=online-status`);
    const { callbacks } = (await res.json()) as {
      callbacks: { state: string; attempts: { status: number }[] }[];
    };
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]?.state).toBe("delivered");
    expect(callbacks[0]?.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("gives up after 3 attempts", async () => {
    sink.respond = () => 503;
    fx.emu.login({ userId: "u1" });
    await fx.emu.flushCallbacks();
    expect(sink.received).toHaveLength(3);
    expect(fx.emu.callbackDeliveries({ state: "failed" })).toHaveLength(1);
  });
});
