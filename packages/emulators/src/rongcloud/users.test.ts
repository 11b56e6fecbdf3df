import { describe, expect, it } from "vitest";
import { ok, rcClient } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";
import { startRongCloudEmulator } from "./index.js";

const fx = useRongCloud();
const register = (userId: string, name = userId, extra: Record<string, string> = {}) =>
  fx.rc.post("/user/getToken.json", { userId, name, ...extra });

describe("/user/getToken.json", () => {
  it("returns userId and a token shaped <base64>@xxxx.cn.rongnav.com;xxxx.cn.rongcfg.com", async () => {
    const body = ok(await register("alice"));
    expect(body.userId).toBe("alice");
    expect(body.token).toMatch(
      /^[A-Za-z0-9+/=]+@([a-z0-9]{4})\.cn\.rongnav\.com;\1\.cn\.rongcfg\.com$/,
    );
    const again = ok(await register("alice", "Alice 2"));
    expect(again.token).not.toBe(body.token);
    const info = ok(await fx.rc.post("/user/info.json", { userId: "alice" }));
    expect(info.userName).toBe("Alice 2");
  });

  it("validates userId, name and portraitUri", async () => {
    expect((await fx.rc.post("/user/getToken.json", { name: "x" })).body).toMatchObject({
      code: 1002,
    });
    const longId = await register("a".repeat(65));
    expect(longId).toMatchObject({ status: 400, body: { code: 1005 } });
    expect(longId.body.errorMessage).toContain("userId");
    expect((await register("a".repeat(64))).body.code).toBe(200);
    expect((await register("bad id!")).body).toMatchObject({ code: 1002 });
    expect((await register("ok+=-_1")).body.code).toBe(200);
    expect((await register("u", "n".repeat(65))).body).toMatchObject({ code: 1005 });
    expect((await register("u", "名".repeat(64))).body.code).toBe(200); // 64 characters, not bytes
    const portrait = await register("u", "n", { portraitUri: `https://x/${"p".repeat(1020)}` });
    expect(portrait.body).toMatchObject({ code: 1005 });
    expect(portrait.body.errorMessage).toContain("portraitUri");
  });

  it("caps a development environment at 100 users with 403 / 2007", async () => {
    const dev = await startRongCloudEmulator({
      rateLimits: false,
      apps: [{ ...APP, devEnvironment: true, devUserLimit: 3 }],
    });
    try {
      const rc = rcClient({ url: dev.url, ...APP });
      for (const u of ["a", "b", "c"])
        ok(await rc.post("/user/getToken.json", { userId: u, name: u }));
      ok(await rc.post("/user/getToken.json", { userId: "a", name: "again" })); // existing user: fine
      const r = await rc.post("/user/getToken.json", { userId: "d", name: "d" });
      expect(r).toMatchObject({ status: 403, body: { code: 2007 } });
      // dev-only user management
      const q = ok(await rc.post("/user/query.json", { page: 1, pageSize: 2, order: 1 }));
      expect(q.total).toBe(3);
      expect(q.users.map((u: { userId: string }) => u.userId)).toEqual(["c", "b"]);
      expect(q.users[0]).toMatchObject({ userName: "c", userPortrait: "" });
      expect(q.users[0].regTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      ok(await rc.post("/user/delusers.json", { userId: "a,b" }));
      expect(ok(await rc.post("/user/query.json", {})).total).toBe(1);
      ok(await rc.post("/user/getToken.json", { userId: "d", name: "d" }));
    } finally {
      await dev.close();
    }
  });

  it("dev-only endpoints answer 430 / 1009 outside a development environment", async () => {
    expect(await fx.rc.post("/user/query.json", {})).toMatchObject({
      status: 430,
      body: { code: 1009 },
    });
  });
});

describe("user info, refresh, online status", () => {
  it("info returns name, portrait and a Beijing-time createTime", async () => {
    fx.emu.setClock({ now: Date.UTC(2024, 0, 1, 16, 30, 5), frozen: true });
    ok(await register("bob", "Bob", { portraitUri: "https://p/b.png" }));
    const info = ok(await fx.rc.post("/user/info.json", { userId: "bob" }));
    expect(info).toEqual({
      code: 200,
      userName: "Bob",
      userPortrait: "https://p/b.png",
      createTime: "2024-01-02 00:30:05",
    });
  });

  it("info on an unknown user answers code 400 'user id does not exist'", async () => {
    const r = await fx.rc.post("/user/info.json", { userId: "ghost" });
    expect(r).toMatchObject({ status: 400, body: { code: 400 } });
  });

  it("refresh changes only what is given", async () => {
    ok(await register("bob", "Bob", { portraitUri: "https://p/1.png" }));
    ok(await fx.rc.post("/user/refresh.json", { userId: "bob", name: "Robert" }));
    expect(ok(await fx.rc.post("/user/info.json", { userId: "bob" }))).toMatchObject({
      userName: "Robert",
      userPortrait: "https://p/1.png",
    });
    ok(await fx.rc.post("/user/refresh.json", { userId: "bob", portraitUri: "https://p/2.png" }));
    expect(ok(await fx.rc.post("/user/info.json", { userId: "bob" }))).toMatchObject({
      userName: "Robert",
      userPortrait: "https://p/2.png",
    });
    expect(
      (await fx.rc.post("/user/refresh.json", { userId: "bob", name: "n".repeat(65) })).body.code,
    ).toBe(1005);
    expect((await fx.rc.post("/user/refresh.json", { name: "x" })).body.code).toBe(1002);
  });

  it("checkOnline follows simulated client logins", async () => {
    const online = async () =>
      ok(await fx.rc.post("/user/checkOnline.json", { userId: "carol" })).status;
    expect(await online()).toBe("0");
    fx.emu.login({ userId: "carol", sessionId: "s1" });
    fx.emu.login({ userId: "carol", sessionId: "s2" });
    expect(await online()).toBe("1");
    fx.emu.logout({ userId: "carol", sessionId: "s1" });
    expect(await online()).toBe("1");
    fx.emu.logout({ userId: "carol" });
    expect(await online()).toBe("0");
  });
});

describe("tokens", () => {
  it("token/expire invalidates tokens issued before `time` for client logins", async () => {
    const { token: t1 } = ok(await register("dan"));
    expect(() => fx.emu.login({ userId: "dan", token: t1 })).not.toThrow();
    expect(() => fx.emu.login({ userId: "dan", token: "forged" })).toThrow(/31004/);
    ok(
      await fx.rc.post("/user/token/expire.json", {
        userId: ["dan", "eve"],
        time: fx.emu.now() + 1,
      }),
    );
    expect(() => fx.emu.login({ userId: "dan", token: t1 })).toThrow(/expired/);
    fx.emu.setClock({ advanceMs: 10 });
    const { token: t2 } = ok(await register("dan"));
    expect(() => fx.emu.login({ userId: "dan", token: t2 })).not.toThrow();
  });

  it("token/expire validates its parameters", async () => {
    expect((await fx.rc.post("/user/token/expire.json", { userId: "a" })).body).toMatchObject({
      code: 1002,
    });
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    const r = await fx.rc.post("/user/token/expire.json", { userId: many, time: 1 });
    expect(r.body.code).toBe(1002);
    expect(r.body.errorMessage).toContain("userId");
    expect(
      (await fx.rc.post("/user/token/expire.json", { userId: "a", time: "soon" })).body.code,
    ).toBe(1002);
  });

  it("login over the control API refuses bad tokens with 403", async () => {
    const res = await fetch(`${fx.emu.url}/__emulator/clients/login`, {
      method: "POST",
      body: JSON.stringify({ userId: "x", token: "nope" }),
    });
    expect(res.status).toBe(403);
  });
});

describe("ban (block) users", () => {
  it("blocks for N minutes, lists by end time desc, expires with the clock, unblocks", async () => {
    fx.emu.login({ userId: "u1" });
    ok(await fx.rc.post("/user/block.json", { userId: ["u1", "u2"], minute: 10 }));
    ok(await fx.rc.post("/user/block.json", { userId: "u3", minute: 60 }));
    expect(ok(await fx.rc.post("/user/checkOnline.json", { userId: "u1" })).status).toBe("0"); // kicked
    expect(() => fx.emu.login({ userId: "u1" })).toThrow(/blocked/);
    const q = ok(await fx.rc.post("/user/block/query.json", {}));
    expect(q.users.map((u: { userId: string }) => u.userId)).toEqual(["u3", "u1", "u2"]);
    expect(q.users[0].blockEndTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const paged = ok(await fx.rc.post("/user/block/query.json", { page: 2, size: 2 }));
    expect(paged.users).toHaveLength(1);
    fx.emu.setClock({ advanceMs: 11 * 60_000 });
    expect(
      ok(await fx.rc.post("/user/block/query.json", {})).users.map(
        (u: { userId: string }) => u.userId,
      ),
    ).toEqual(["u3"]);
    ok(await fx.rc.post("/user/unblock.json", { userId: "u3" }));
    expect(ok(await fx.rc.post("/user/block/query.json", {})).users).toEqual([]);
  });

  it("validates minute (1–43200) and counts (≤20)", async () => {
    for (const minute of [0, 43201, -1]) {
      const r = await fx.rc.post("/user/block.json", { userId: "u", minute });
      expect(r.body.code).toBe(1002);
      expect(r.body.errorMessage).toContain("minute");
    }
    expect((await fx.rc.post("/user/block.json", { userId: "u", minute: 43200 })).body.code).toBe(
      200,
    );
    expect((await fx.rc.post("/user/block.json", { userId: "u" })).body.code).toBe(1002);
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    expect((await fx.rc.post("/user/block.json", { userId: many, minute: 1 })).body.code).toBe(
      1002,
    );
    expect((await fx.rc.post("/user/unblock.json", { userId: many })).body.code).toBe(1002);
  });
});

describe("blacklist (and the blocklist spelling)", () => {
  it("adds, queries with paging, removes", async () => {
    fx.emu.seed({ users: ["a", "b", "c", "d", "e"].map((userId) => ({ userId })) });
    ok(await fx.rc.post("/user/blacklist/add.json", { userId: "a", blackUserId: ["b", "c", "d"] }));
    ok(await fx.rc.post("/user/blocklist/add.json", { userId: "a", blackUserId: "e" }));
    expect(ok(await fx.rc.post("/user/blacklist/query.json", { userId: "a" }))).toEqual({
      code: 200,
      users: ["b", "c", "d", "e"],
    });
    const p1 = ok(await fx.rc.post("/user/blocklist/query.json", { userId: "a", size: 3 }));
    expect(p1.users).toEqual(["b", "c", "d"]);
    expect(p1.next).toBeTruthy();
    const p2 = ok(
      await fx.rc.post("/user/blacklist/query.json", { userId: "a", size: 3, pageToken: p1.next }),
    );
    expect(p2).toEqual({ code: 200, users: ["e"] });
    ok(await fx.rc.post("/user/blacklist/remove.json", { userId: "a", blackUserId: ["b", "e"] }));
    ok(await fx.rc.post("/user/blocklist/remove.json", { userId: "a", blackUserId: "c" }));
    expect(ok(await fx.rc.post("/user/blacklist/query.json", { userId: "a" })).users).toEqual([
      "d",
    ]);
  });

  it("validates counts and size", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    expect(
      (await fx.rc.post("/user/blacklist/add.json", { userId: "a", blackUserId: many })).body.code,
    ).toBe(1002);
    expect((await fx.rc.post("/user/blacklist/add.json", { userId: "a" })).body.code).toBe(1002);
    expect(
      (await fx.rc.post("/user/blacklist/query.json", { userId: "a", size: 1001 })).body.code,
    ).toBe(1002);
  });

  it("allow-list needs its feature (430 / 1009)", async () => {
    const r = await fx.rc.post("/user/whitelist/add.json", { userId: "a", whiteUserId: "b" });
    expect(r).toMatchObject({ status: 430, body: { code: 1009 } });
  });
});

describe("/user/group/query.json", () => {
  it("lists the classic groups of a user, paged", async () => {
    for (const g of ["g1", "g2", "g3"])
      ok(
        await fx.rc.post("/group/create.json", {
          userId: ["u1", "u2"],
          groupId: g,
          groupName: `G ${g}`,
        }),
      );
    ok(await fx.rc.post("/group/quit.json", { userId: "u1", groupId: "g2" }));
    const all = ok(await fx.rc.post("/user/group/query.json", { userId: "u1" }));
    expect(all.groups).toEqual([
      { id: "g1", name: "G g1" },
      { id: "g3", name: "G g3" },
    ]);
    const page2 = ok(
      await fx.rc.post("/user/group/query.json", { userId: "u2", page: 2, size: 2 }),
    );
    expect(page2.groups).toEqual([{ id: "g3", name: "G g3" }]);
    expect(
      (await fx.rc.post("/user/group/query.json", { userId: "u1", size: 1001 })).body.code,
    ).toBe(1002);
  });
});

describe("defaults and the allow-list", () => {
  it("a development environment refuses the 101st user by default", async () => {
    const dev = await startRongCloudEmulator({
      rateLimits: false,
      apps: [{ ...APP, devEnvironment: true }],
    });
    try {
      const rc = rcClient({ url: dev.url, ...APP });
      for (let i = 0; i < 100; i++)
        ok(await rc.post("/user/getToken.json", { userId: `u${i}`, name: "n" }));
      expect(await rc.post("/user/getToken.json", { userId: "u100", name: "n" })).toMatchObject({
        status: 403,
        body: { code: 2007 },
      });
    } finally {
      await dev.close();
    }
  });

  it("allow-list add/query/remove when the feature is on", async () => {
    const emu = await startRongCloudEmulator({ apps: [{ ...APP, features: { allowList: true } }] });
    try {
      const rc = rcClient({ url: emu.url, ...APP });
      ok(await rc.post("/user/whitelist/add.json", { userId: "a", whiteUserId: ["b", "c"] }));
      ok(await rc.post("/user/whitelist/remove.json", { userId: "a", whiteUserId: "b" }));
      expect(ok(await rc.post("/user/whitelist/query.json", { userId: "a" })).users).toEqual(["c"]);
      const many = Array.from({ length: 21 }, (_, i) => `w${i}`);
      expect(
        (await rc.post("/user/whitelist/add.json", { userId: "a", whiteUserId: many })).body.code,
      ).toBe(1002);
    } finally {
      await emu.close();
    }
  });
});
