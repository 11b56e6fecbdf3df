import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { ok, rcClient } from "../testing/rongcloud-client.js";
import { setProfile } from "../testing/rongcloud-profiles.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";
import { startRongCloudEmulator } from "./index.js";

// Friends of the information-hosting product (rongcloud.md §1) and the unknown-user rule
// the blacklist shares with them.

const SMALL = { appKey: "smallkey", appSecret: "small-secret" };
const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  callbackRetry: { backoffMs: 10 },
  apps: [
    { ...APP, callbackUrl: sink.url, features: { profileHosting: true } },
    { ...SMALL, friendLimit: 1 },
  ],
}));

const users = (...ids: string[]) => fx.emu.seed({ users: ids.map((userId) => ({ userId })) });
const befriend = (userId: string, targetId: string, extra: Record<string, string> = {}) =>
  fx.rc.post("/friend/add.json", { userId, targetId, optType: 2, ...extra });
const check = async (userId: string, targetIds: string) =>
  ok(await fx.rc.post("/friend/check.json", { userId, targetIds })).results;
const friendEvents = async () => {
  await fx.emu.flushCallbacks();
  return sink.received
    .map((c) => JSON.parse(c.body) as Record<string, unknown>)
    .filter((b) => "eventType" in b)
    .map((b) => [b.eventType, b.userId, b.toUserId, b.source]);
};

describe("/friend/add.json (§1.1)", () => {
  it("optType=2 makes a mutual friendship and calls back eventType 5 from the Server", async () => {
    users("a", "b", "c");
    ok(await befriend("a", "b", { extra: "hi" }));
    expect(await check("a", "b,c")).toEqual([
      { userId: "b", result: 4 },
      { userId: "c", result: 1 },
    ]);
    expect(await check("b", "a")).toEqual([{ userId: "a", result: 4 }]);
    expect(await friendEvents()).toEqual([[5, "a", "b", "Server"]]);
  });

  it("refuses self, an existing friend, an unknown user and a request needing approval", async () => {
    users("a", "b", "c");
    ok(await befriend("a", "b"));
    expect((await befriend("a", "a")).body.code).toBe(25473);
    const again = await befriend("b", "a");
    expect(again).toMatchObject({ status: 200, body: { code: 25460 } });
    expect((await befriend("a", "nobody")).body.code).toBe(400);
    expect((await befriend("nobody", "a")).body.code).toBe(400);
    // optType defaults to 1: a friend request, which every emulated target must approve.
    const request = await fx.rc.post("/friend/add.json", { userId: "a", targetId: "c" });
    expect(request.body.code).toBe(25461);
    expect((await befriend("a", "c", { extra: "x".repeat(129) })).body.code).toBe(1005);
    expect((await fx.rc.post("/friend/add.json", { userId: "a" })).body.code).toBe(1002);
  });

  it("stops at the friend cap: 25467 for the adder, 25468 for the target", async () => {
    const small = rcClient({ url: fx.emu.url, ...SMALL });
    fx.emu.seed({ app: SMALL.appKey, users: ["a", "b", "c"].map((userId) => ({ userId })) });
    const add = (userId: string, targetId: string) =>
      small.post("/friend/add.json", { userId, targetId, optType: 2 });
    ok(await add("a", "b"));
    expect((await add("a", "c")).body.code).toBe(25467);
    expect((await add("c", "a")).body.code).toBe(25468);
  });
});

describe("/friend/profile/set.json (§1.4) and /friend/get.json (§1.5)", () => {
  it("sets alias and ext attributes; an omitted remarkName clears the alias", async () => {
    users("a", "b");
    ok(await befriend("a", "b"));
    const ext = JSON.stringify({ ext_k: "v" });
    ok(
      await fx.rc.post("/friend/profile/set.json", {
        userId: "a",
        targetId: "b",
        remarkName: "Bee",
        friendExtProfile: ext,
      }),
    );
    let [f] = ok(await fx.rc.post("/friend/get.json", { userId: "a" })).friendList;
    expect(f).toMatchObject({ userId: "b", remarkName: "Bee", friendExtProfile: ext });
    expect(typeof f.time).toBe("number");
    ok(await fx.rc.post("/friend/profile/set.json", { userId: "a", targetId: "b" }));
    [f] = ok(await fx.rc.post("/friend/get.json", { userId: "a" })).friendList;
    expect(f).toMatchObject({ remarkName: "", friendExtProfile: ext });
    // The other side keeps its own (empty) alias.
    const [back] = ok(await fx.rc.post("/friend/get.json", { userId: "b" })).friendList;
    expect(back).toMatchObject({ userId: "a", remarkName: "", friendExtProfile: "{}" });
  });

  it("checks the friend, the alias and the attributes", async () => {
    users("a", "b", "c");
    ok(await befriend("a", "b"));
    const set = (form: Record<string, string>) =>
      fx.rc.post("/friend/profile/set.json", { userId: "a", targetId: "b", ...form });
    expect((await set({ targetId: "c" })).body.code).toBe(25472);
    expect((await set({ remarkName: "r".repeat(65) })).body.code).toBe(1005);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`ext_${i}`, "v"]));
    expect((await set({ friendExtProfile: JSON.stringify(many) })).body.code).toBe(25470);
    const bad = await set({ friendExtProfile: JSON.stringify({ key: "v" }) });
    expect(bad.body.code).toBe(1002);
    const long = await set({ friendExtProfile: JSON.stringify({ ext_k: "v".repeat(257) }) });
    expect(long.body.code).toBe(1005);
    expect((await set({ friendExtProfile: "[1]" })).body.code).toBe(1002);
  });

  it("pages by pageToken, oldest first unless order=1, with the total", async () => {
    users("a", "b", "c", "d");
    for (const t of ["b", "c", "d"]) {
      ok(await befriend("a", t));
      fx.emu.setClock({ advanceMs: 1000 });
    }
    const p1 = ok(await fx.rc.post("/friend/get.json", { userId: "a", size: 2 }));
    expect(p1.friendList.map((f: { userId: string }) => f.userId)).toEqual(["b", "c"]);
    expect(p1.totalCount).toBe(3);
    const p2 = ok(
      await fx.rc.post("/friend/get.json", { userId: "a", size: 2, pageToken: p1.pageToken }),
    );
    expect(p2.friendList.map((f: { userId: string }) => f.userId)).toEqual(["d"]);
    expect(p2.pageToken).toBe("");
    const desc = ok(await fx.rc.post("/friend/get.json", { userId: "a", order: 1 }));
    expect(desc.friendList.map((f: { userId: string }) => f.userId)).toEqual(["d", "c", "b"]);
    expect((await fx.rc.post("/friend/get.json", { userId: "a", size: 101 })).body.code).toBe(1002);
    const token = await fx.rc.post("/friend/get.json", { userId: "a", pageToken: "x!" });
    expect(token.body.code).toBe(1002);
  });
});

describe("/friend/delete.json, /friend/clean.json (§1.2, §1.3), /friend/check.json (§1.6)", () => {
  it("deletes both ways, ≤100 ids, and calls back eventType 4 per former friend", async () => {
    users("a", "b", "c", "d");
    for (const t of ["b", "c", "d"]) ok(await befriend("a", t));
    await fx.emu.flushCallbacks();
    sink.received.length = 0;
    // Comma-joined (every SDK), and the doc example's `targetId` spelling; a non-friend is fine.
    ok(await fx.rc.post("/friend/delete.json", { userId: "a", targetIds: "b,x" }));
    ok(await fx.rc.post("/friend/delete.json", { userId: "a", targetId: "c" }));
    expect(await check("b", "a")).toEqual([{ userId: "a", result: 1 }]);
    expect(
      await check("a", "b,c,d").then((r) => r.map((x: { result: number }) => x.result)),
    ).toEqual([1, 1, 4]);
    ok(await fx.rc.post("/friend/clean.json", { userId: "d" }));
    expect(await check("a", "d")).toEqual([{ userId: "d", result: 1 }]);
    expect(await friendEvents()).toEqual([
      [4, "a", "b", "Server"],
      [4, "a", "c", "Server"],
      [4, "d", "a", "Server"],
    ]);
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`).join(",");
    expect(
      (await fx.rc.post("/friend/delete.json", { userId: "a", targetIds: ids })).body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/friend/check.json", { userId: "a", targetIds: ids })).body.code,
    ).toBe(1002);
    expect((await fx.rc.post("/friend/check.json", { userId: "a" })).body.code).toBe(1002);
  });

  it("answers 430 / 1009 when friend hosting is off", async () => {
    const emu = await startRongCloudEmulator({
      apps: [{ ...APP, features: { friendHosting: false } }],
    });
    try {
      const r = await rcClient({ url: emu.url, ...APP }).post("/friend/get.json", { userId: "a" });
      expect(r).toMatchObject({ status: 430, body: { code: 1009 } });
    } finally {
      await emu.close();
    }
  });
});

describe("unknown users on the blacklist, and profile callbacks", () => {
  it("refuses to blacklist an unknown user with 400, or for an unknown owner", async () => {
    users("a", "b");
    const add = (userId: string, blackUserId: string[]) =>
      fx.rc.post("/user/blacklist/add.json", { userId, blackUserId });
    expect((await add("a", ["b", "nobody"])).body.code).toBe(400);
    expect(ok(await fx.rc.post("/user/blacklist/query.json", { userId: "a" })).users).toEqual([]);
    expect((await add("nobody", ["a"])).body.code).toBe(400);
    ok(await add("a", ["b"]));
  });

  it("calls back profile changes: type 1 with what was set, type 0 when cleared", async () => {
    ok(await setProfile(fx.rc, "a", { userProfile: { name: "Ann" } }));
    ok(await fx.rc.post("/user/profile/clean.json", { userId: "a" }));
    await fx.emu.flushCallbacks();
    const bodies = sink.received.map((c) => JSON.parse(c.body));
    expect(bodies).toMatchObject([
      { userId: "a", type: 1, userProfile: { name: "Ann" } },
      { userId: "a", type: 0 },
    ]);
    expect(bodies[0]).not.toHaveProperty("userExtProfile");
  });
});
