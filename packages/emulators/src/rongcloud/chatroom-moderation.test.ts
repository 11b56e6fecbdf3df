import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  apps: [
    {
      ...APP,
      callbackUrls: { chatroom: sink.url },
      features: { chatroomKv: true, chatroomKeepAlive: true, chatroomBroadcast: true },
    },
  ],
}));

const users = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
const create = async (chatroomId: string) =>
  ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId }));
const code = async (path: string, form: Record<string, unknown>) =>
  (await fx.rc.post(path, form as never)).body.code;

describe("chatroom blocks and gags (#17 §2.5, §2.6)", () => {
  it("a block removes the user at once, keeps them out, lists the end, rolls back", async () => {
    await create("r");
    fx.emu.login({ userId: "a", chatroomId: "r" });
    fx.emu.login({ userId: "b", chatroomId: "r" });
    const before = Date.now();
    ok(
      await fx.rc.post("/chatroom/user/block/add.json", {
        chatroomId: "r",
        userId: "a",
        minute: 60,
      }),
    );
    expect(fx.emu.chatroomView({ chatroomId: "r" })?.members).toEqual(["b"]);
    expect(() => fx.emu.login({ userId: "a", chatroomId: "r" })).toThrow(/23409/);
    const list = ok(await fx.rc.post("/chatroom/user/block/list.json", { chatroomId: "r" }));
    expect(list.users.map((u: { userId: string }) => u.userId)).toEqual(["a"]);
    // Beijing time: 8 h ahead of UTC, plus the hour.
    const until = Date.parse(`${list.users[0].time.replace(" ", "T")}Z`) - 8 * 3_600_000;
    expect(Math.abs(until - (before + 3_600_000))).toBeLessThan(5_000);
    ok(await fx.rc.post("/chatroom/user/block/rollback.json", { chatroomId: "r", userId: "a" }));
    expect(
      ok(await fx.rc.post("/chatroom/user/block/list.json", { chatroomId: "r" })).users,
    ).toEqual([]);
    fx.emu.login({ userId: "a", chatroomId: "r" });
  });

  it("restrictions end with their minutes; gags keep the user in the room", async () => {
    await create("r");
    fx.emu.login({ userId: "a", chatroomId: "r" });
    ok(
      await fx.rc.post("/chatroom/user/gag/add.json", { chatroomId: "r", userId: "a", minute: 1 }),
    );
    expect(fx.emu.chatroomView({ chatroomId: "r" })?.members).toEqual(["a"]);
    expect(
      ok(await fx.rc.post("/chatroom/user/gag/list.json", { chatroomId: "r" })).users,
    ).toHaveLength(1);
    fx.emu.setClock({ advanceMs: 61_000 });
    expect(ok(await fx.rc.post("/chatroom/user/gag/list.json", { chatroomId: "r" })).users).toEqual(
      [],
    );
  });

  it("limits: 20 users a call, 1..43200 minutes, extra only with needNotify", async () => {
    await create("r");
    for (const path of ["/chatroom/user/block/add.json", "/chatroom/user/gag/add.json"]) {
      expect(await code(path, { chatroomId: "r", userId: users(21), minute: 5 })).toBe(1002);
      expect(await code(path, { chatroomId: "r", userId: "a", minute: 0 })).toBe(1002);
      expect(await code(path, { chatroomId: "r", userId: "a", minute: 43_201 })).toBe(1002);
      expect(await code(path, { chatroomId: "r", userId: "a" })).toBe(1002);
      expect(await code(path, { chatroomId: "r", userId: "a", minute: 5, extra: "{}" })).toBe(1002);
      expect(await code(path, { chatroomId: "r", userId: users(20), minute: 43_200 })).toBe(200);
    }
    // Kept by room id: a room that does not exist takes them (§U9).
    expect(
      await code("/chatroom/user/gag/add.json", { chatroomId: "nope", userId: "a", minute: 5 }),
    ).toBe(200);
  });
});

describe("chatroom mute-all, whitelist, keep-alive (#17 §2.7, §2.9, §2.10)", () => {
  it("mute-all shows in get.json `ban` and check; unknown rooms answer 23410", async () => {
    await create("r");
    ok(await fx.rc.post("/chatroom/ban/add.json", { chatroomId: "r" }));
    expect(ok(await fx.rc.post("/chatroom/get.json", { chatroomId: "r" })).ban).toBe(true);
    expect(ok(await fx.rc.post("/chatroom/ban/check.json", { chatroomId: "r" })).status).toBe(1);
    expect(ok(await fx.rc.post("/chatroom/ban/query.json", {})).chatroomIds).toEqual(["r"]);
    ok(await fx.rc.post("/chatroom/ban/rollback.json", { chatroomId: "r" }));
    expect(ok(await fx.rc.post("/chatroom/get.json", { chatroomId: "r" })).ban).toBe(false);
    expect(await code("/chatroom/ban/add.json", { chatroomId: "nope" })).toBe(23410);
    expect(
      await code("/chatroom/user/whitelist/add.json", { chatroomId: "nope", userId: "a" }),
    ).toBe(23410);
  });

  it("the user whitelist holds 5 users", async () => {
    await create("r");
    ok(
      await fx.rc.post("/chatroom/user/whitelist/add.json", { chatroomId: "r", userId: users(5) }),
    );
    expect(
      await code("/chatroom/user/whitelist/add.json", { chatroomId: "r", userId: "extra" }),
    ).toBe(1002);
    ok(await fx.rc.post("/chatroom/user/whitelist/remove.json", { chatroomId: "r", userId: "u0" }));
    expect(
      ok(await fx.rc.post("/chatroom/user/whitelist/query.json", { chatroomId: "r" })).users,
    ).toEqual(users(5).slice(1));
  });

  it("keep-alive: 5 rooms (1016 beyond), 1015 to remove one not kept, never idle-destroyed", async () => {
    for (const id of users(6)) await create(id);
    for (const id of users(5))
      ok(await fx.rc.post("/chatroom/keepalive/add.json", { chatroomId: id }));
    const over = await fx.rc.post("/chatroom/keepalive/add.json", { chatroomId: "u5" });
    expect([over.status, over.body.code]).toEqual([403, 1016]);
    const none = await fx.rc.post("/chatroom/keepalive/remove.json", { chatroomId: "u5" });
    expect([none.status, none.body.code]).toEqual([200, 1015]);
    fx.emu.setClock({ advanceMs: 2 * 3_600_000 });
    expect(ok(await fx.rc.post("/chatroom/keepalive/query.json", {})).chatroomIds).toEqual(
      users(5),
    );
    expect(ok(await fx.rc.post("/chatroom/get.json", { chatroomId: "u0" })).chatroomId).toBe("u0");
    expect(await code("/chatroom/get.json", { chatroomId: "u5" })).toBe(23410);
  });
});

describe("chatroom KV (#17 §2.8)", () => {
  it("batch set (force), query, remove; limits and codes", async () => {
    await create("r");
    const set = (info: Record<string, string>, owner = "o") =>
      fx.rc.post("/chatroom/entry/batch/set.json", {
        chatroomId: "r",
        entryOwnerId: owner,
        entryInfo: JSON.stringify(info),
      });
    ok(await set({ a: "1", "b+=_-": "2" }));
    ok(await set({ a: "3" }, "p"));
    const all = ok(await fx.rc.post("/chatroom/entry/query.json", { chatroomId: "r" }));
    expect(
      all.keys.map((k: { key: string; value: string; userId: string }) => [
        k.key,
        k.value,
        k.userId,
      ]),
    ).toEqual([
      ["a", "3", "p"],
      ["b+=_-", "2", "o"],
    ]);
    expect(
      ok(await fx.rc.post("/chatroom/entry/query.json", { chatroomId: "r", keys: ["a", "zz"] }))
        .keys,
    ).toHaveLength(1);
    ok(await fx.rc.post("/chatroom/entry/remove.json", { chatroomId: "r", userId: "o", key: "a" }));
    expect(
      await code("/chatroom/entry/remove.json", { chatroomId: "r", userId: "o", key: "a" }),
    ).toBe(23427);
    const many = Object.fromEntries(users(21).map((u) => [u, "v"]));
    expect((await set(many)).body.code).toBe(1002);
    expect((await set({ "bad key": "v" })).body.code).toBe(1002);
    expect((await set({ k: "x".repeat(4097) })).body.code).toBe(1005);
    // 1 key left + 4 × 20 + 19 = 100, the most a room holds.
    ok(await set(Object.fromEntries(users(19).map((u) => [`${u}y`, "v"]))));
    for (let i = 0; i < 4; i++)
      ok(await set(Object.fromEntries(users(20).map((u) => [`${u}x${i}`, "v"]))));
    expect((await set({ last: "v" })).body.code).toBe(23423);
  });

  it("needs an existing room (23410, HTTP 200)", async () => {
    const none = await fx.rc.post("/chatroom/entry/query.json", { chatroomId: "nope" });
    expect([none.status, none.body.code]).toEqual([200, 23410]);
  });
});

describe("chatroom status callback (#17 §3)", () => {
  it("create, join, quit, block and destroy, as a JSON array", async () => {
    await create("r");
    fx.emu.login({ userId: "a", chatroomId: "r" });
    fx.emu.login({ userId: "b", chatroomId: "r" });
    fx.emu.logout({ userId: "a", chatroomId: "r" });
    ok(
      await fx.rc.post("/chatroom/user/block/add.json", {
        chatroomId: "r",
        userId: "b",
        minute: 1,
      }),
    );
    ok(await fx.rc.post("/chatroom/destroy.json", { chatroomId: "r" }));
    await fx.emu.flushCallbacks();
    const events = sink.received.flatMap((c) => JSON.parse(c.body));
    // Deliveries run concurrently (as RongCloud's do): their order is not the events' order.
    const seen = events.map((e: Record<string, unknown>) =>
      JSON.stringify([e.type, e.status, e.userIds]),
    );
    expect(seen.sort()).toEqual(
      [
        [0, 0, []],
        [1, 0, ["a"]],
        [1, 0, ["b"]],
        [2, 0, ["a"]],
        [2, 2, ["b"]],
        [3, 0, []],
      ]
        .map((e) => JSON.stringify(e))
        .sort(),
    );
    expect(events.every((e: Record<string, unknown>) => e.chatRoomId === "r")).toBe(true);
  });
});
