import { describe, expect, it } from "vitest";
import { controlRequest } from "../testing/control.js";
import { ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({ apps: [{ ...APP }, { appKey: "second", appSecret: "s2" }] });
const control = (path: string, method = "GET", body?: unknown) =>
  controlRequest(fx.emu.url, method, path, body);

describe("RongCloud control API", () => {
  it("seeds users (with usable tokens), groups, hosted groups and chatrooms", async () => {
    const seeded = await control("seed", "POST", {
      users: [{ userId: "s1", name: "Seed One" }, { userId: "s2" }],
      groups: [{ groupId: "sg", name: "Seeded", members: ["s1", "s2"] }],
      hostedGroups: [{ groupId: "hg", owner: "s1", members: ["s2"] }],
      chatrooms: [{ chatroomId: "sr", name: "Room" }],
    });
    expect(seeded.status).toBe(200);
    const result = seeded.body.result as {
      app: string;
      users: { userId: string; token: string }[];
    };
    expect(result.app).toBe(APP.appKey);
    expect(result.users.map((u) => u.userId)).toEqual(["s1", "s2"]);
    expect(() => fx.emu.login({ userId: "s1", token: result.users[0]?.token })).not.toThrow();
    expect(ok(await fx.rc.post("/user/info.json", { userId: "s1" })).userName).toBe("Seed One");
    expect(ok(await fx.rc.post("/group/user/query.json", { groupId: "sg" })).users).toEqual([
      { id: "s1" },
      { id: "s2" },
    ]);
    expect(
      ok(await fx.rc.post("/chatroom/query.json", { chatroomId: "sr" })).chatRooms,
    ).toHaveLength(1);
    const state = (await control(`state?app=${APP.appKey}`)).body;
    expect(Object.keys(state.hostedGroups as object)).toEqual(["hg"]);
    expect((state.online as Record<string, unknown>).s1).toBeDefined();
    expect((await control("seed", "POST", { app: "nope", users: [] })).status).toBe(404);
    expect((await control("seed", "POST", { users: [{ name: "no id" }] })).status).toBe(400);
  });

  it("reset of one app keeps the other; full reset clears everything", async () => {
    const { rcClient } = await import("../testing/rongcloud-client.js");
    const second = rcClient({ url: fx.emu.url, appKey: "second", appSecret: "s2" });
    ok(await fx.rc.post("/user/getToken.json", { userId: "a", name: "A" }));
    ok(await second.post("/user/getToken.json", { userId: "b", name: "B" }));
    await control("reset", "POST", { app: APP.appKey });
    expect((await fx.rc.post("/user/info.json", { userId: "a" })).body.code).toBe(400);
    expect(ok(await second.post("/user/info.json", { userId: "b" })).userName).toBe("B");
    await control("reset", "POST", {});
    expect((await second.post("/user/info.json", { userId: "b" })).body.code).toBe(400);
    expect((await control("requests")).body.requests).toHaveLength(1); // only the request after the reset
  });

  it("login/logout over HTTP, by app; errors for unknown apps and missing userId", async () => {
    const login = await control("clients/login", "POST", {
      app: "second",
      userId: "x",
      chatroomId: "room",
    });
    expect(login.status).toBe(200);
    expect((login.body.result as { online: boolean }).online).toBe(true);
    const state = (await control("state?app=second")).body as {
      chatrooms: Record<string, { members: object }>;
    };
    expect(Object.keys(state.chatrooms.room?.members ?? {})).toEqual(["x"]);
    expect((await control("clients/logout", "POST", { app: "second", userId: "x" })).status).toBe(
      200,
    );
    expect((await control("clients/login", "POST", { app: "zzz", userId: "x" })).status).toBe(404);
    expect((await control("clients/login", "POST", {})).status).toBe(400);
    const all = (await control("state")).body as { apps: Record<string, unknown> };
    expect(Object.keys(all.apps)).toEqual([APP.appKey, "second"]);
  });

  it("health and request filters", async () => {
    expect((await control("health")).body).toMatchObject({ ok: true, vendor: "rongcloud" });
    await fx.rc.post("/user/checkOnline.json", { userId: "a" });
    await fx.rc.post("/user/getToken.json", { userId: "a", name: "A" });
    const since = fx.emu.now();
    const byRoute = (await control("requests?route=/user/getToken.json")).body.requests as {
      app: string;
    }[];
    expect(byRoute).toHaveLength(1);
    expect(byRoute[0]?.app).toBe(APP.appKey);
    expect((await control(`requests?since=${since + 60_000}`)).body.requests).toEqual([]);
  });
});
