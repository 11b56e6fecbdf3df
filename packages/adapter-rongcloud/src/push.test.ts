import { MemoryRateStore, RateShaper } from "@imgraph/core";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RongCloudAdapter } from "./adapter.js";
import { rongcloudRateLimits } from "./rate-limits.js";
import { adapterFor, failure, requestCount, startTestEmulator } from "./test-support.js";

// Push notifications over real HTTP against the emulator: the fields RongCloud receives, its
// refusals, and the broadcast service's quota kept before the call.

let emu: RongCloudEmulator;
const adapters: RongCloudAdapter[] = [];
const open = (options: Parameters<typeof adapterFor>[1] = {}) => {
  const im = adapterFor(emu, options);
  adapters.push(im);
  return im;
};

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((im) => im.close()));
  emu.reset();
});
afterAll(async () => {
  await emu.close();
});

const notification = { title: "Sale", body: "50% off", data: '{"screen":"sale"}' };
const lastPush = () => emu.pushes().at(-1);

describe("rongcloud pushes", () => {
  it("sends title, text and data as RongCloud's push fields; from is not sent", async () => {
    const im = open();
    const task = await im.pushToUsers({ userIds: ["u1", "u2"], notification, from: "admin" });
    expect(task).toEqual({ taskId: null });
    expect(lastPush()).toMatchObject({ path: "/push/user.json", recipients: ["u1", "u2"] });
    expect(lastPush()?.notification).toEqual({
      title: "Sale",
      pushContent: "50% off",
      ios: { title: "Sale", extras: { data: notification.data } },
      android: { extras: { data: notification.data } },
    });

    const all = await im.pushToAll({ notification: { body: "hello" } });
    expect(all.taskId).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(lastPush()).toMatchObject({ id: all.taskId, path: "/push.json", title: null });
    expect(lastPush()?.notification).toEqual({ alert: "hello" });
  });

  it("pushes by tag to the holders of the tags set through setUserTags", async () => {
    const im = open();
    await im.setUserTags({ userIds: ["a"], tags: ["bj", "vip"] });
    await im.setUserTags({ userIds: ["b"], tags: ["bj"] });
    await im.pushToTags({ allOf: ["bj", "vip"], notification });
    expect(lastPush()?.recipients).toEqual(["a"]);
    await im.pushToTags({ anyOf: ["vip", "bj"], notification });
    expect(lastPush()?.recipients).toEqual(["a", "b"]);
  });

  it("refuses a title over 50 characters before any call", async () => {
    const im = open();
    const before = requestCount(emu);
    const error = await failure(
      im.pushToUsers({ userIds: ["u"], notification: { title: "中".repeat(51), body: "x" } }),
    );
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "notification.title" });
    expect(requestCount(emu)).toBe(before);
  });

  it("says so when RongCloud's broadcast service is not enabled (1009)", async () => {
    const bare = await startTestEmulator({}, { features: { broadcast: false } });
    const im = adapterFor(bare);
    try {
      const error = await failure(im.pushToAll({ notification }));
      expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1009" });
      expect(error?.message).toMatch(/not enabled/);
    } finally {
      await im.close();
      await bare.close();
    }
  });

  it("answers UNSUPPORTED_BY_VENDOR without a call while features.broadcast is off", async () => {
    const im = open({ features: { broadcast: false } });
    const before = requestCount(emu);
    const error = await failure(im.pushToTags({ anyOf: ["bj"], notification }));
    expect(error).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(error?.message).toMatch(/features\.broadcast/);
    expect(requestCount(emu)).toBe(before);
    // Pushes to listed users need no service.
    await im.pushToUsers({ userIds: ["u"], notification });
  });

  it("maps RongCloud's 1008 to RATE_LIMITED", async () => {
    emu.addFault({ route: "/push.json", kind: "vendor-error", code: 1008, status: 429 });
    const error = await failure(open().pushToAll({ notification }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", vendorCode: "1008" });
  });

  it("does not resend a push the vendor may have taken (no field to deduplicate by)", async () => {
    emu.addFault({ route: "/push.json", kind: "http-error", status: 500, times: 1 });
    const im = open();
    await failure(im.pushToAll({ notification, idempotencyKey: "sale-1" }));
    expect(emu.requests({ route: "/push.json" })).toHaveLength(1);
  });
});

describe("rongcloud push quota, kept before the call", () => {
  const shaped = () =>
    open({
      rateShaper: new RateShaper({
        app: "chat",
        vendor: "rongcloud",
        limits: rongcloudRateLimits,
        store: new MemoryRateStore(),
      }),
    });

  it("counts pushes to all and by tag with broadcasts: the next is refused with retryAfter", async () => {
    const im = shaped();
    await im.broadcastMessage({ from: "sys", content: { type: "TEXT", text: "hi" } });
    const before = requestCount(emu);
    const error = await failure(im.pushToAll({ notification }));
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(error?.retryAfter).toBeGreaterThan(60);
    expect(requestCount(emu)).toBe(before);
    expect(await failure(im.pushToTags({ anyOf: ["bj"], notification }))).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(requestCount(emu)).toBe(before);
  });

  it("keeps pushes to listed users to 100 users a second, apart from that quota", async () => {
    const im = shaped();
    await im.pushToAll({ notification });
    const hundred = Array.from({ length: 100 }, (_, i) => `u${i}`);
    await im.pushToUsers({ userIds: hundred, notification });
    expect(emu.pushes()).toHaveLength(2);
  });
});
