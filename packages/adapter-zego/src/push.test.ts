import { MemoryRateStore, RateShaper } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { zegoRateLimits } from "./rate-limits.js";
import {
  APP_ID,
  OPERATOR_ID,
  requestCount,
  startZego,
  zegoAdapter,
  zegoSession,
} from "./testing/emulator.js";
import { pushes } from "./testing/vendor-pushes.js";

// pushToAll over real HTTP: SendMessageToAllUsers as the emulator receives and records it.

const zego = zegoSession({ rateLimits: false });
const notification = { title: "Sale", body: "50% off today", data: '{"screen":"sale"}' };

/** The last SendMessageToAllUsers body the emulator received. */
function lastBody(): Record<string, unknown> {
  const [entry] = zego.emulator.requests({ limit: 1 });
  return JSON.parse(entry?.body ?? "{}");
}

describe("pushToAll", () => {
  it("sends the notification as a text message with an offline push, from the operator", async () => {
    const [u1, u2] = await zego.users(2);
    const task = await zego.adapter.pushToAll({ notification });
    expect(task).toEqual({ taskId: null });
    expect(lastBody()).toEqual({
      FromUserId: OPERATOR_ID,
      MessageType: 1,
      MessageBody: {
        Message: notification.body,
        ExtendedData: notification.data,
        OfflinePush: {
          Enable: 1,
          Title: notification.title,
          Content: notification.body,
          Payload: notification.data,
        },
      },
      PushType: 1,
    });
    const last = pushes(zego.emulator, APP_ID).at(-1);
    expect(last?.recipients).toEqual(expect.arrayContaining([u1, u2, OPERATOR_ID]));
  });

  it("names `from` as the sender and leaves out what the notification lacks", async () => {
    const [from] = (await zego.users(1)) as [string];
    await zego.adapter.pushToAll({ from, notification: { body: "hi" } });
    expect(lastBody()).toMatchObject({
      FromUserId: from,
      MessageBody: { Message: "hi", OfflinePush: { Enable: 1, Content: "hi" } },
    });
    const body = lastBody().MessageBody as Record<string, unknown>;
    expect(body).not.toHaveProperty("ExtendedData");
    expect(body.OfflinePush).not.toHaveProperty("Title");
    expect(body.OfflinePush).not.toHaveProperty("Payload");
  });

  it("refuses bad input before any vendor call", async () => {
    const before = requestCount(zego.emulator);
    // Core's checks name the field (a list item for the ids: "from[0]").
    const refuse = (input: Parameters<typeof zego.adapter.pushToAll>[0], field: string) =>
      expect(zego.adapter.pushToAll(input)).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        field: expect.stringMatching(new RegExp(`^${field}`)),
      });
    await refuse({ notification: { body: " " } }, "notification.body");
    await refuse({ notification: { body: "x".repeat(1025) } }, "notification.body");
    await refuse({ notification: { body: "x", title: "t".repeat(257) } }, "notification.title");
    await refuse({ notification: { body: "x", data: "d".repeat(1025) } }, "notification.data");
    await refuse({ notification, from: "bad/id" }, "from");
    await refuse({ notification, idempotencyKey: "no spaces" }, "idempotencyKey");
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("without operatorUserId, asks for `from` before any vendor call", async () => {
    const bare = zegoAdapter(zego.emulator, { operatorUserId: undefined });
    const before = requestCount(zego.emulator);
    await expect(bare.pushToAll({ notification })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "from",
    });
    expect(requestCount(zego.emulator)).toBe(before);
    await bare.close();
  });

  it("maps ZEGO's refusals: unregistered sender, plan without the feature", async () => {
    await expect(zego.adapter.pushToAll({ from: "ghost", notification })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/not registered/),
    });
    const free = await startZego({ rateLimits: false, app: { plan: "free" } });
    const adapter = zegoAdapter(free);
    try {
      await expect(adapter.pushToAll({ notification })).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        message: expect.stringMatching(/not available on the app's ZEGO plan/),
      });
    } finally {
      await adapter.close();
      await free.close();
    }
  });

  it("is unavailable without features.broadcast, with no vendor call", async () => {
    const off = zegoAdapter(zego.emulator, {
      features: { broadcast: false, readReceipts: true, groupAttributes: true },
    });
    const before = requestCount(zego.emulator);
    await expect(off.pushToAll({ notification })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringMatching(/features\.broadcast/),
    });
    expect(requestCount(zego.emulator)).toBe(before);
    await off.close();
  });
});

describe("pushToAll caps (1/s and 100 in 24 h), refused before the vendor call", () => {
  function shaped(now: () => number) {
    const shaper = new RateShaper({
      app: "chat",
      vendor: "zego",
      limits: zegoRateLimits,
      store: new MemoryRateStore(now),
      now,
    });
    return zegoAdapter(zego.emulator, { rateShaper: shaper, deadlineMs: 800 });
  }

  it("a second push within a second: RATE_LIMITED with retryAfter, ZEGO not called", async () => {
    const adapter = shaped(Date.now);
    await adapter.pushToAll({ notification });
    const before = requestCount(zego.emulator);
    await expect(adapter.pushToAll({ notification })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfter: 1,
    });
    expect(requestCount(zego.emulator)).toBe(before);
    await adapter.close();
  });

  it("the daily cap: past the pushes a day's budget lets out at once, the next waits minutes", async () => {
    let now = Date.now();
    const adapter = shaped(() => now);
    let sent = 0;
    let refusal: unknown;
    for (let i = 0; i < 10 && refusal === undefined; i++) {
      now += 2_000; // well past the 1/s cap
      refusal = await adapter.pushToAll({ notification }).then(
        () => void sent++,
        (e: unknown) => e,
      );
    }
    // 100 a day paced over the day, with a small burst: far fewer than 10 go at once.
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(10);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED" });
    expect((refusal as { retryAfter: number }).retryAfter).toBeGreaterThan(60);
    await adapter.close();
  });
});
