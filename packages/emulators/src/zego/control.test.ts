import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../framework/index.js";
import { controlRequest } from "../testing/control.js";
import {
  startTestEmulator,
  TEST_APP_ID,
  TEST_SECRET,
  type ZegoTestClient,
  zegoClient,
} from "./test-support.js";

const OTHER_APP = { appId: 987654321, serverSecret: "0123456789abcdef0123456789abcdef" };
let emu: RunningEmulator;
let one: ZegoTestClient;
let two: ZegoTestClient;

beforeAll(async () => {
  ({ emu, zim: one } = await startTestEmulator({
    apps: [{ appId: TEST_APP_ID, serverSecret: TEST_SECRET }, OTHER_APP],
  }));
  two = zegoClient({ url: emu.url, ...OTHER_APP, now: () => emu.now() });
});
afterAll(() => emu.close());

const control = (method: string, path: string, body?: unknown) =>
  controlRequest(emu.url, method, path, body);

describe("control API and several apps", () => {
  it("keeps apps apart; seed, login, state and reset over HTTP", async () => {
    const seeded = await control("POST", "seed", {
      app: String(OTHER_APP.appId),
      users: [{ userId: "x", userName: "X" }],
      groups: [{ groupId: "g", owner: "x", members: ["y"] }],
    });
    expect(seeded).toMatchObject({
      status: 200,
      body: { ok: true, result: { users: 1, groups: 1, rooms: 0 } },
    });
    expect((await two.post("QueryUserInfos", { UserIds: ["x"] })).body.Code).toBe(0);
    expect((await one.post("QueryUserInfos", { UserIds: ["x"] })).body.Code).toBe(660700015);
    // A request signed with the other app's secret does not pass as this app.
    const forged = await one.get(
      "QueryUserOnlineState",
      { UserId: ["x"] },
      { common: { AppId: String(OTHER_APP.appId) } },
    );
    expect(forged.body.Code).toBe(100000005);

    expect(
      (await control("POST", "clients/login", { app: OTHER_APP.appId, userId: "x" })).status,
    ).toBe(200);
    expect((await two.get("QueryUserOnlineState", { UserId: ["x"] })).body.Result).toEqual([
      { UserId: "x", Status: "Online" },
    ]);
    const state = await control("GET", `state?app=${OTHER_APP.appId}`);
    expect(state.body).toMatchObject({
      appId: OTHER_APP.appId,
      groups: [{ groupId: "g", owner: "x" }],
    });
    expect(emu.requests({ app: String(OTHER_APP.appId) }).length).toBeGreaterThan(0);

    // Several apps: control calls must name the app.
    expect((await control("POST", "clients/login", { userId: "x" })).status).toBe(400);
    expect((await control("POST", "clients/login", { app: "42", userId: "x" })).status).toBe(404);

    await control("POST", "reset", { app: String(OTHER_APP.appId) });
    expect((await two.post("QueryUserInfos", { UserIds: ["x"] })).body.Code).toBe(660700015);
  });

  it("refuses bad seed and login input", async () => {
    expect(
      (await control("POST", "seed", { app: TEST_APP_ID, users: [{ userId: "bad*id" }] })).status,
    ).toBe(400);
    expect((await control("POST", "seed", { app: TEST_APP_ID, users: "x" })).status).toBe(400);
    expect((await control("POST", "clients/login", { app: TEST_APP_ID })).status).toBe(400);
    expect(
      (await control("POST", "clients/login", { app: TEST_APP_ID, userId: "a", os: "AMIGA" }))
        .status,
    ).toBe(400);
    expect(
      (await control("POST", "clients/login", { app: TEST_APP_ID, userId: "a", product: "rtc" }))
        .status,
    ).toBe(400);
  });
});
