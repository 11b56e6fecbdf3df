// Push beyond the shared contract, over HTTP to the emulator: the fields Tencent gets, its
// codes mapped, the caps refused before a vendor call, the idempotency key as MsgRandom.
import { MemoryRateStore, RateShaper } from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import { afterEach, describe, expect, it } from "vitest";
import type { TencentAdapter } from "./adapter.js";
import { tencentRateLimits } from "./rate-limits.js";
import { ADMIN, adapterFor, emulatorWithAdapter, startEmulator, uid } from "./testing/emulator.js";

const options = { broadcast: true, pushAttributes: ["city", "tier"] };
const env = emulatorWithAdapter(options);
const notification = { title: "Sale", body: "50% off", data: '{"screen":"sale"}' };
const sent = (command: string) => env.sentBodies(`timpush/${command}`);

/** Emulators started by one test, closed after it. */
const extra: Array<{ emulator: RunningEmulator; adapter: TencentAdapter }> = [];
afterEach(async () => {
  for (const { adapter, emulator } of extra.splice(0)) {
    await adapter.close();
    await emulator.close();
  }
});
async function own(app: { push?: boolean; edition?: "trial" } = {}, rateLimits = false) {
  const emulator = await startEmulator(app, { rateLimits });
  const adapter = adapterFor([emulator.url], options);
  extra.push({ emulator, adapter });
  return { emulator, adapter };
}

describe("push", () => {
  it("sends the notification as OfflinePushInfo (Title, Desc, Ext) from the admin by default", async () => {
    const [u] = env.seedUsers(1, "p") as [string];
    await env.adapter.pushToAll({ notification });
    await env.adapter.pushToTags({ anyOf: ["gold"], notification, from: u });
    await env.adapter.pushToTags({ allOf: ["gold", "vip"], notification });
    const [all, any, every] = sent("push").slice(-3);
    expect(all).toMatchObject({
      From_Account: ADMIN,
      OfflinePushInfo: { PushFlag: 0, Title: "Sale", Desc: "50% off", Ext: '{"screen":"sale"}' },
    });
    expect(all?.MsgBody).toBeUndefined();
    expect(all?.Condition).toBeUndefined();
    expect(any).toMatchObject({ From_Account: u, Condition: { TagsOr: ["gold"] } });
    expect(every).toMatchObject({ Condition: { TagsAnd: ["gold", "vip"] } });
  });

  it("turns the idempotency key into a stable MsgRandom: the same key is the same task", async () => {
    const key = uid("k");
    const first = await env.adapter.pushToAll({ notification, idempotencyKey: key });
    const again = await env.adapter.pushToAll({ notification, idempotencyKey: key });
    const other = await env.adapter.pushToAll({ notification, idempotencyKey: `${key}x` });
    expect(again.taskId).toBe(first.taskId);
    expect(other.taskId).not.toBe(first.taskId);
    const [a, b, c] = sent("push").slice(-3);
    expect(a?.MsgRandom).toBe(b?.MsgRandom);
    expect(c?.MsgRandom).not.toBe(a?.MsgRandom);
    const [u] = env.seedUsers(1, "q") as [string];
    await env.adapter.pushToUsers({ userIds: [u], notification, idempotencyKey: key });
    expect(sent("batch").at(-1)?.MsgRandom).toBe(a?.MsgRandom);
  });

  it("refuses push attributes the app did not name, before any call", async () => {
    const before = env.requestCount();
    await expect(
      env.adapter.pushToAttributes({ attributes: { age: "3" }, notification }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "attributes.age" });
    await expect(
      env.adapter.setPushAttributes({ users: [{ userId: "u", attributes: { age: "3" } }] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "users[0].attributes.age" });
    expect(env.requestCount()).toBe(before);
    const plain = adapterFor([env.emulator.url], { broadcast: true });
    try {
      await expect(plain.getPushAttributes(["u"])).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
    } finally {
      await plain.close();
    }
  });

  it("a push to listed users that reaches none of them is NOT_FOUND; getPushTask reads the statistics", async () => {
    await expect(
      env.adapter.pushToUsers({ userIds: [uid("ghost")], notification }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "70107" });
    const [u] = env.seedUsers(1, "s") as [string];
    const tag = uid("t").replace(/[^a-z0-9]/gi, "");
    await env.adapter.addUserTags({ userIds: [u], tags: [tag] });
    const task = await env.adapter.pushToTags({ anyOf: [tag], notification });
    await expect(env.adapter.getPushTask({ taskId: task.taskId as string })).resolves.toEqual({
      taskId: task.taskId,
      state: "DONE",
      targeted: 1,
      sent: 1,
      opened: 0,
    });
    const asked = sent("all_member_push_statistics").at(-1) as Record<string, number>;
    expect(asked.TaskID).toEqual([task.taskId]);
    expect((asked.EndTime as number) - (asked.StartTime as number)).toBe(7 * 86_400);
    // Listed-user (batch) tasks are asked about, and said to be outside the statistics.
    const listed = await env.adapter.pushToUsers({ userIds: [u, uid("ghost")], notification });
    expect(listed.taskId).toMatch(/^batch_/);
    await expect(
      env.adapter.getPushTask({ taskId: listed.taskId as string }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("not pushes to listed users"),
    });
  });

  it("push not enabled for the app (90045) is a clear VENDOR_REJECTED", async () => {
    const { adapter } = await own({ push: false });
    await expect(adapter.pushToAll({ notification })).rejects.toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "90045",
      message: expect.stringMatching(/push is not enabled for this app/),
    });
  });

  it("the day's pushes spent (90047) is RATE_LIMITED until the next Beijing midnight", async () => {
    const { adapter, emulator } = await own({ edition: "trial" }, true);
    for (let i = 0; i < 10; i++) {
      emulator.setClock({ advanceMs: 1_000 });
      await adapter.pushToAll({ notification });
    }
    emulator.setClock({ advanceMs: 1_000 });
    const error = await adapter.pushToAll({ notification }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", vendorCode: "90047" });
    const retryAfter = (error as { retryAfter: number }).retryAfter;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(emulator.requests({ route: "v4/timpush/push" })).toHaveLength(11);
  });

  it("the daily cap is refused before the vendor call when the client shapes by Tencent's limits", async () => {
    // The emulator keeps Tencent's limits with the same clock: the shaper must stop the 101st
    // push itself (no vendor call), not leave it to the vendor's 90047.
    const { emulator } = await own({}, true);
    let now = Date.parse("2026-12-06T17:00:00Z"); // 01:00 in Beijing
    emulator.setClock({ now });
    const shaped = adapterFor([emulator.url], {
      ...options,
      rateShaper: new RateShaper({
        app: "tencent",
        vendor: "tencent",
        limits: tencentRateLimits,
        store: new MemoryRateStore(() => now),
        now: () => now,
      }),
    });
    extra.push({ emulator, adapter: shaped });
    // 1 a second and 100 a day from Beijing midnight: the day's budget may all go at once
    // (a second apart), and the next push waits for the next Beijing midnight.
    for (let i = 0; i < 100; i++) {
      now += 1_000;
      emulator.setClock({ now });
      await shaped.pushToAll({ notification });
    }
    now += 1_000;
    const error = await shaped.pushToAll({ notification }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", operation: "pushToAll" });
    expect((error as Error).message).toMatch(/100 calls per 86400 s window from UTC\+8 midnight/);
    const midnight = Date.parse("2026-12-07T16:00:00Z");
    expect((error as { retryAfter: number }).retryAfter).toBe(Math.ceil((midnight - now) / 1000));
    expect(emulator.requests({ route: "v4/timpush/push" })).toHaveLength(100);
  });
});
