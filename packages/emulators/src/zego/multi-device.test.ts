/**
 * ZIM multi-device login over the control API (clients/login, clients/logout) and the
 * user_action callbacks a callback sink receives (docs/vendors/zego.md "Multi-device login and
 * user_action sessions"). One emulator holds three apps, one per login policy.
 */
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { type ControlBody, controlRequest } from "../testing/control.js";
import { useEmulatorPerFile } from "../testing/emulator-per-file.js";
import { clientSend } from "../testing/zego-client.js";
import type { LoginPolicy } from "./options.js";
import { startTestEmulator, TEST_SECRET, zegoClient } from "./test-support.js";

const APP: Record<LoginPolicy, number> = { single: 1001, dual: 1002, multi: 1003 };
const sink = useCallbackSink();
const fx = useEmulatorPerFile(() =>
  startTestEmulator({
    apps: (Object.keys(APP) as LoginPolicy[]).map((loginPolicy) => ({
      appId: APP[loginPolicy],
      serverSecret: TEST_SECRET,
      callbackUrl: sink.url,
      // The sink answers no before_send_msg verdict: the client send below must not ask.
      beforeSend: { enabled: false },
      loginPolicy,
    })),
  }),
);

type Body = Record<string, unknown>;

async function control(path: string, body: Body): Promise<{ status: number; body: ControlBody }> {
  return controlRequest(fx.emu.url, "POST", path, body);
}

/** clients/login for one app; the answer's result (fails the test on an error). */
async function login(policy: LoginPolicy, input: Body): Promise<ControlBody> {
  const res = await control("clients/login", { app: APP[policy], ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.result;
}

async function logout(policy: LoginPolicy, input: Body): Promise<ControlBody> {
  const res = await control("clients/logout", { app: APP[policy], ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.result;
}

/** Every callback so far, in dispatch order, after checking the sink received each one. */
async function callbacks(): Promise<Body[]> {
  const flushed = await controlRequest(fx.emu.url, "POST", "callbacks/flush");
  const deliveries = flushed.body.callbacks as { body: string }[];
  expect(sink.received).toHaveLength(deliveries.length);
  return deliveries.map((d) => JSON.parse(d.body) as Body);
}

/** The user_action callbacks since the last call, as [action, session_id, os]. */
let seen = 0;
async function actions(): Promise<[unknown, unknown, unknown][]> {
  const all = (await callbacks()).filter((e) => e.event === "user_action");
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh.map((e) => [e.action, e.session_id, e.os]);
}

async function onlineState(policy: LoginPolicy, userId: string): Promise<unknown> {
  const zim = zegoClient({
    url: fx.emu.url,
    appId: APP[policy],
    serverSecret: TEST_SECRET,
    now: () => fx.emu.now(),
  });
  const res = await zim.get("QueryUserOnlineState", { UserId: [userId] });
  const online = (res.body.Result as { Status: string }[] | undefined)?.[0]?.Status;
  const error = (res.body.ErrorList as { SubCode: number }[] | undefined)?.[0]?.SubCode;
  return online ?? error;
}

const LOGGED_OUT = 660200001; // QueryUserOnlineState's SubCode for a logged-out user

describe('loginPolicy "multi"', () => {
  it("two devices: two sessions; one logout keeps the user online, the last logs them out", async () => {
    seen = 0;
    const phone = await login("multi", { userId: "u", os: "ANDROID", device: "phone" });
    const laptop = await login("multi", { userId: "u", os: "MAC", device: "laptop" });
    expect(phone.sessionId).not.toBe(laptop.sessionId);
    expect(await actions()).toEqual([
      [0, phone.sessionId, "ANDROID"],
      [0, laptop.sessionId, "MAC"],
    ]);

    expect(await logout("multi", { userId: "u", sessionId: phone.sessionId })).toMatchObject({
      changed: true,
      sessionIds: [phone.sessionId],
    });
    expect(await actions()).toEqual([[1, phone.sessionId, "ANDROID"]]);
    expect(await onlineState("multi", "u")).toBe("Online");
    // The client-send "is the sender online" check still passes on the other device.
    const send = () =>
      clientSend(fx.emu.url, {
        AppId: APP.multi,
        UserId: "u",
        ConvType: 0,
        ConvId: "v",
        MessageType: 1,
        MessageBody: { Message: "hi" },
      });
    expect((await send()).code).toBe(0);

    await logout("multi", { userId: "u", sessionId: laptop.sessionId });
    expect(await actions()).toEqual([[1, laptop.sessionId, "MAC"]]);
    expect(await onlineState("multi", "u")).toBe(LOGGED_OUT);
    expect((await send()).code).toBe(6000121); // not logged in
  });

  it("a logout without sessionId ends every session, each with its own os and login_time", async () => {
    seen = 0;
    fx.emu.setClock({ frozen: true, now: 1_700_000_000_000 });
    const a = await login("multi", { userId: "u", os: "IOS_PHONE" });
    fx.emu.setClock({ advanceMs: 5_000 });
    const b = await login("multi", { userId: "u", os: "WEB" });
    fx.emu.setClock({ advanceMs: 5_000 });
    await logout("multi", { userId: "u", reason: "offline" });
    const evs = (await callbacks()).slice(2);
    expect(evs).toMatchObject([
      { action: 2, session_id: a.sessionId, os: "IOS_PHONE", login_time: 1_700_000_000 },
      { action: 2, session_id: b.sessionId, os: "WEB", login_time: 1_700_000_005 },
    ]);
    for (const e of evs) expect(e.offline_time).toBe(1_700_000_010);
    expect(await onlineState("multi", "u")).toBe("Offline");
    // Back on the same device after the drop: a re-login; another device is not.
    await login("multi", { userId: "u", os: "IOS_PHONE" });
    await login("multi", { userId: "u", os: "PC" });
    const relogins = (await callbacks()).slice(4).map((e) => [e.os, e.relogin]);
    expect(relogins).toEqual([
      ["IOS_PHONE", "1"],
      ["PC", "0"],
    ]);
  });

  it("the same device again reports nothing and answers its session", async () => {
    seen = 0;
    const first = await login("multi", { userId: "u", os: "ANDROID", device: "d1" });
    const again = await login("multi", { userId: "u", os: "ANDROID", device: "d1" });
    expect(again.sessionId).toBe(first.sessionId);
    expect(await actions()).toHaveLength(1);
  });

  it("the user stays in a ZIM room until their last session ends", async () => {
    const phone = await login("multi", { userId: "u", os: "ANDROID", roomId: "r" });
    await login("multi", { userId: "u", os: "PC" });
    await logout("multi", { userId: "u", sessionId: phone.sessionId });
    expect((await callbacks()).map((e) => e.event)).not.toContain("room_exit");
    await logout("multi", { userId: "u" });
    const tail = (await callbacks()).slice(-3).map((e) => [e.event, e.action]);
    expect(tail).toEqual([
      ["room_exit", undefined],
      ["room_destroy", undefined],
      ["user_action", 1],
    ]);
  });

  it("caps 10 native devices and 10 Web instances apart; the 11th kicks that class's oldest", async () => {
    seen = 0;
    const native = [];
    for (let i = 0; i < 10; i++)
      native.push(await login("multi", { userId: "u", os: "ANDROID", device: `n${i}` }));
    for (let i = 0; i < 10; i++) await login("multi", { userId: "u", os: "WEB", device: `w${i}` });
    expect(await actions()).toHaveLength(20);
    const eleventh = await login("multi", { userId: "u", os: "LINUX", device: "n10" });
    expect(eleventh.kicked).toEqual([native[0]?.sessionId]);
    expect(await actions()).toEqual([
      [0, eleventh.sessionId, "LINUX"],
      [1, native[0]?.sessionId, "ANDROID"],
    ]);
  });
});

describe('loginPolicy "single" (the default)', () => {
  it("a second device kicks the first: the new login, then the old session's logout", async () => {
    seen = 0;
    const phone = await login("single", { userId: "u", os: "ANDROID" });
    const web = await login("single", { userId: "u", os: "WEB" });
    expect(web.kicked).toEqual([phone.sessionId]);
    const evs = (await callbacks()).slice(1);
    expect(evs).toMatchObject([
      { action: 0, session_id: web.sessionId, os: "WEB" },
      { action: 1, session_id: phone.sessionId, os: "ANDROID", logout_reason: "3" },
    ]);
    expect(await onlineState("single", "u")).toBe("Online");
    // The kicked session is gone.
    const gone = await control("clients/logout", {
      app: APP.single,
      userId: "u",
      sessionId: phone.sessionId,
    });
    expect(gone.status).toBe(404);
  });

  it("is what an app without loginPolicy gets", async () => {
    const { emu } = await startTestEmulator({}, { callbackUrl: sink.url });
    try {
      const before = sink.received.length;
      await emu.login({ userId: "u", os: "ANDROID" });
      await emu.login({ userId: "u", os: "MAC" });
      await emu.flushCallbacks();
      const evs = sink.received.slice(before).map((r) => JSON.parse(r.body) as Body);
      expect(evs.map((e) => e.action).sort()).toEqual([0, 0, 1]);
    } finally {
      await emu.close();
    }
  });
});

describe('loginPolicy "dual"', () => {
  it("Web coexists with one native device; a second native device kicks the first", async () => {
    seen = 0;
    const phone = await login("dual", { userId: "u", os: "ANDROID" });
    const web = await login("dual", { userId: "u", os: "WEB" });
    expect(web.kicked).toBeUndefined();
    expect(await actions()).toEqual([
      [0, phone.sessionId, "ANDROID"],
      [0, web.sessionId, "WEB"],
    ]);
    const pad = await login("dual", { userId: "u", os: "IOS_PHONE", device: "ipad" });
    expect(pad.kicked).toEqual([phone.sessionId]);
    expect(await actions()).toEqual([
      [0, pad.sessionId, "IOS_PHONE"],
      [1, phone.sessionId, "ANDROID"],
    ]);
    await logout("dual", { userId: "u", sessionId: pad.sessionId });
    expect(await onlineState("dual", "u")).toBe("Online"); // still on the Web
  });
});

describe("bad input", () => {
  it("refuses a bad device, an unknown or non-string sessionId, sessionId with roomId", async () => {
    const refused = async (path: string, body: Body) => {
      const res = await control(path, { app: APP.multi, userId: "u", ...body });
      return [res.status, res.body.error];
    };
    expect(await refused("clients/login", { device: 7 })).toEqual([400, "device must be a string"]);
    expect(await refused("clients/login", { device: "d".repeat(65) })).toEqual([
      400,
      "device must be at most 64 characters",
    ]);
    await login("multi", { userId: "u" });
    expect(await refused("clients/logout", { sessionId: "nope" })).toEqual([
      404,
      "user u has no online session nope",
    ]);
    expect(await refused("clients/logout", { sessionId: 3 })).toEqual([
      400,
      "sessionId must be a string",
    ]);
    expect((await refused("clients/logout", { sessionId: "x", roomId: "r" }))[0]).toBe(400);
  });

  it("refuses an unknown loginPolicy option", async () => {
    await expect(startTestEmulator({}, { loginPolicy: "triple" as LoginPolicy })).rejects.toThrow(
      "loginPolicy must be one of single, dual, multi",
    );
  });
});
