import { generateLegacyToken04, generateToken04, rtcPrivilegePayload } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, TEST_SECRET, useZego } from "./test-support.js";

const fx = useZego();

const token = (
  userId: string,
  seconds = 3600,
  extra: { appId?: number; payload?: string; secret?: string } = {},
) =>
  generateToken04({
    appId: extra.appId ?? TEST_APP_ID,
    userId,
    serverSecret: extra.secret ?? TEST_SECRET,
    effectiveTimeInSeconds: seconds,
    now: fx.emu.now(),
    ...(extra.payload !== undefined ? { payload: extra.payload } : {}),
  });

describe("Token04 on simulated login (zego.md §3.4, §3.7)", () => {
  it("accepts a valid GCM token and a legacy CBC token", async () => {
    await fx.emu.login({ userId: "a", token: token("a") });
    const legacy = generateLegacyToken04({
      appId: TEST_APP_ID,
      userId: "b",
      serverSecret: TEST_SECRET,
      effectiveTimeInSeconds: 600,
      now: fx.emu.now(),
    });
    await fx.emu.login({ userId: "b", token: legacy });
    const res = await fx.zim.get("QueryUserOnlineState", { UserId: ["a", "b"] });
    expect(res.body.Result).toEqual([
      { UserId: "a", Status: "Online" },
      { UserId: "b", Status: "Online" },
    ]);
  });

  it("refuses bad tokens with the SDK codes", () => {
    expect(() => fx.emu.login({ userId: "a", token: "04garbage" })).toThrow(/6000103/);
    expect(() => fx.emu.login({ userId: "a", token: token("someone-else") })).toThrow(/6000103/);
    expect(() =>
      fx.emu.login({ userId: "a", token: token("a", 3600, { secret: "0".repeat(32) }) }),
    ).toThrow(/6000103/);
    expect(() => fx.emu.login({ userId: "a", token: token("a", 3600, { appId: 42 }) })).toThrow(
      /6000101/,
    );
    expect(() => fx.emu.login({ userId: "a", token: token("a", 20) })).toThrow(/6000108/);
    const t = token("a", 60);
    fx.emu.setClock({ advanceMs: 61_000 });
    expect(() => fx.emu.login({ userId: "a", token: t })).toThrow(/6000106/);
  });

  it("refuses over the control API with HTTP 401 and leaves the user offline", async () => {
    const res = await fetch(`${fx.emu.url}/__emulator/clients/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "a", token: "04AAAA" }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/^6000103/);
    const ok = await fetch(`${fx.emu.url}/__emulator/clients/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ app: String(TEST_APP_ID), userId: "a", token: token("a") }),
    });
    expect(ok.status).toBe(200);
  });

  it("checks RTC privilege payloads: room and login privilege", async () => {
    const rtc = (roomId: string, t: string) =>
      fx.emu.login({ product: "rtc", userId: "a", roomId, token: t });
    rtc("room1", token("a", 3600, { payload: rtcPrivilegePayload({ roomId: "room1" }) }));
    expect(() =>
      rtc("room2", token("a", 3600, { payload: rtcPrivilegePayload({ roomId: "room1" }) })),
    ).toThrow(/1002033/);
    expect(() =>
      rtc(
        "room1",
        token("a", 3600, { payload: rtcPrivilegePayload({ roomId: "room1", canLogin: false }) }),
      ),
    ).toThrow(/1002033/);
    expect(() => rtc("room1", "04bad")).toThrow(/1002033/);
    const num = await fx.zim.get("DescribeUserNum", { RoomId: ["room1"] });
    expect(num.body.Data).toMatchObject({ UserCountList: [{ UserCount: 1 }] });
  });

  it("checks the publish privilege and stream list when a stream is published (1003072)", () => {
    const payload = (p: { canPublish?: boolean; streamIds?: string[] | null }) =>
      token("a", 3600, { payload: rtcPrivilegePayload({ roomId: "room1", ...p }) });
    const publish = (t: string, streamId: string) =>
      fx.emu.login({ product: "rtc", userId: "a", roomId: "room1", token: t, streamId });
    expect(() => publish(payload({ canPublish: false }), "s1")).toThrow(/1003072/);
    expect(() => publish(payload({ canPublish: true, streamIds: ["other"] }), "s1")).toThrow(
      /1003072/,
    );
    publish(payload({ canPublish: true, streamIds: ["s1"] }), "s1");
    publish(payload({ canPublish: true, streamIds: null }), "s2");
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      rtcRooms: { streams: { streamId: string }[] }[];
    };
    expect(state.rtcRooms[0]?.streams.map((s) => s.streamId)).toEqual(["s1", "s2"]);
  });

  it("requireLoginToken refuses logins without a token", async () => {
    const strict = await startTestEmulator({ requireLoginToken: true });
    try {
      expect(() => strict.emu.login({ userId: "a" })).toThrow(/6000103/);
    } finally {
      await strict.emu.close();
    }
  });
});
