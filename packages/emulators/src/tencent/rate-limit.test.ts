import { afterEach, describe, expect, it } from "vitest";
import { createClock, type RunningEmulator } from "../framework/index.js";
import { startTencentEmulator } from "./emulator.js";
import type { TencentEdition } from "./options.js";
import { type Body, importUsers, KEY, ok, SDK_APP_ID, text, timClient } from "./test-support.js";

/** A frozen clock at a Beijing midnight + 1 h: every request shares the same windows. */
const T0 = Date.UTC(2026, 0, 10, 17, 0, 0); // 01:00 Beijing time
let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});
async function start(edition: TencentEdition = "ultimate", rateLimits = true) {
  emu = await startTencentEmulator({
    rateLimits,
    clock: createClock(() => T0),
    apps: [{ sdkAppId: SDK_APP_ID, key: KEY, edition }],
  });
  return timClient(emu);
}
const at = (ms: number) => emu!.setClock({ offsetMs: ms });
const burst = (n: number, f: () => Promise<Body>) => Promise.all(Array.from({ length: n }, f));
const count = (res: Body[], code: number) => res.filter((r) => r.ErrorCode === code).length;
const check = (tim: ReturnType<typeof timClient>) => () =>
  tim.call("im_open_login_svc/account_check", { CheckItem: [{ UserID: "a" }] });

describe("rate limits (§2.6)", () => {
  it("200 calls/s per API per app by default, then 60007; other APIs have their own budget", async () => {
    const tim = await start();
    const imp = () => tim.call("im_open_login_svc/account_import", { UserID: "a" });
    const res = await burst(201, imp);
    expect(count(res, 0)).toBe(200);
    expect(count(res, 60007)).toBe(1);
    ok(
      await tim.call("profile/portrait_get", {
        To_Account: ["a"],
        TagList: ["Tag_Profile_IM_Nick"],
      }),
    );
    at(1_000);
    ok(await imp());
  });

  it("100 calls/s for account_check and multiaccount_import", async () => {
    const tim = await start();
    expect(count(await burst(101, check(tim)), 60007)).toBe(1);
    const multi = () => tim.call("im_open_login_svc/multiaccount_import", { Accounts: ["a"] });
    expect(count(await burst(101, multi), 60007)).toBe(1);
  });

  it("batchsendmsg: 12 000 recipients a minute", async () => {
    const tim = await start();
    const ids = Array.from({ length: 500 }, (_, i) => `u${i}`);
    for (let i = 0; i < 5; i++) await importUsers(tim, ...ids.slice(i * 100, i * 100 + 100));
    const send = (i: number) =>
      tim.call("openim/batchsendmsg", { To_Account: ids, MsgRandom: i, MsgBody: text("x") });
    const out: number[] = [];
    for (let i = 0; i < 25; i++) {
      at(i * 1_000); // one call a second: only the per-minute recipient budget counts
      out.push((await send(i)).ErrorCode);
    }
    expect(out.slice(0, 24).every((c) => c === 0)).toBe(true);
    expect(out[24]).toBe(60007);
    at(60_000);
    ok(await send(99));
  });

  it("all-member push: 1 call/s shared by both paths (90024), 100 a day (90047)", async () => {
    const tim = await start();
    ok(await tim.call("all_member_push/im_push", { MsgRandom: 1, MsgBody: text("x") }));
    expect((await tim.call("timpush/push", { MsgRandom: 2, MsgBody: text("x") })).ErrorCode).toBe(
      90024,
    );
    at(1_000);
    ok(await tim.call("timpush/push", { MsgRandom: 2, MsgBody: text("x") }));
    for (let i = 2; i < 100; i++) {
      at(i * 1_000);
      ok(await tim.call("timpush/push", { MsgRandom: 100 + i, MsgBody: text("x") }));
    }
    at(200_000);
    expect((await tim.call("timpush/push", { MsgRandom: 7, MsgBody: text("x") })).ErrorCode).toBe(
      90047,
    );
  });

  it("push to listed users: 30 calls/s; statistics: 1 call/s (60007 over)", async () => {
    const tim = await start();
    await importUsers(tim, "b");
    const batch = (i: number) =>
      tim.call("timpush/batch", {
        From_Account: "administrator",
        To_Account: ["b"],
        MsgRandom: i,
        OfflinePushInfo: { Desc: "x" },
      });
    expect(count(await Promise.all(Array.from({ length: 31 }, (_, i) => batch(i))), 60007)).toBe(1);
    const stats = () =>
      tim.call("timpush/all_member_push_statistics", { StartTime: 0, EndTime: 1, TaskID: [] });
    expect(count(await burst(2, stats), 60007)).toBe(1);
  });

  it("trial edition: 1000 messages a day on sendmsg, back the next Beijing day", async () => {
    const tim = await start("trial");
    await importUsers(tim, "b");
    const send = (i: number) =>
      tim.call("openim/sendmsg", { To_Account: "b", MsgRandom: i, MsgBody: text("x") });
    let failed = 0;
    for (let s = 0; s < 6; s++) {
      at(s * 1_000); // 6 seconds × ≤200 calls
      const res = await Promise.all(
        Array.from({ length: s < 5 ? 200 : 1 }, (_, i) => send(s * 1000 + i)),
      );
      failed += count(res, 60007);
    }
    expect(failed).toBe(1);
    at(23 * 3_600_000); // 00:00 Beijing the next day
    ok(await send(5000));
  });

  it("switches off with rateLimits: false and back on at runtime", async () => {
    const tim = await start("ultimate", false);
    expect(count(await burst(150, check(tim)), 60007)).toBe(0);
    emu!.setRateLimits(true);
    at(5_000);
    expect(count(await burst(101, check(tim)), 60007)).toBe(1);
  });
});
