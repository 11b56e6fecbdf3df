import type { ImError, ItemResult } from "@imgraph/core";
import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { adapterFor, requestCount, TEST_APP } from "./test-support.js";
import { callbackLoop } from "./testing/callbacks.js";

// Friends and the blocklist beyond the contract: how calls are split, read-modify-write of
// friend profiles, vendor caps and codes, refusals before any call, and the callbacks the
// emulator sends for friend and profile changes, read back by parseWebhook.

const SMALL = { appKey: "smallfriends", appSecret: "small-friends-secret" };
const env = callbackLoop((callbackUrl) => ({
  emulator: {
    apps: [
      { ...TEST_APP, callbackUrl, features: { profileHosting: true } },
      { ...SMALL, friendLimit: 2 },
    ],
  },
}));

const seed = (ids: string[], app = TEST_APP.appKey) =>
  env.emu.seed({ app, users: ids.map((userId) => ({ userId })) });
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** Requests to one vendor path since `after`. */
const calls = (path: string, after: number) =>
  env.emu.requests({ afterSeq: after }).filter((r) => r.path === path);
const errorOf = (r: ItemResult<unknown> | undefined) => (r as { error: ImError }).error;
const value = <T>(r: ItemResult<T> | undefined) => (r as { value: T }).value;

describe("friends", () => {
  it("adds one friend a call, with a profile call only for those given alias or attributes", async () => {
    seed(["o", "a", "b", "c"]);
    const before = requestCount(env.emu);
    const added = await env.im.addFriends({
      userId: "o",
      friends: [
        { userId: "a", alias: "Ay" },
        { userId: "b" },
        { userId: "c", attributes: { k: "v" } },
      ],
    });
    expect(added.map((r) => r.ok)).toEqual([true, true, true]);
    expect(calls("/friend/add.json", before)).toHaveLength(3);
    const profiles = calls("/friend/profile/set.json", before);
    expect(profiles.map((r) => new URLSearchParams(r.body).get("targetId")).sort()).toEqual([
      "a",
      "c",
    ]);
    // Always without consent, and RongCloud's ext_ prefix added to keys.
    expect(new URLSearchParams(calls("/friend/add.json", before)[0]?.body).get("optType")).toBe(
      "2",
    );
    const c = profiles.find((r) => r.body.includes("targetId=c"));
    expect(new URLSearchParams(c?.body).get("friendExtProfile")).toBe('{"ext_k":"v"}');
    const page = await env.im.listFriends({ userId: "o" });
    expect(page.items.find((f) => f.userId === "c")).toMatchObject({
      alias: null,
      attributes: { k: "v" },
    });
    expect(page.items.find((f) => f.userId === "a")?.addedAt).toBeInstanceOf(Date);
  });

  it("updates by re-sending the kept alias and merging attributes; a stranger is NOT_FOUND", async () => {
    seed(["o", "a", "s"]);
    await env.im.addFriends({
      userId: "o",
      friends: [{ userId: "a", alias: "Ay", attributes: { x: "1" } }],
    });
    const updated = await env.im.updateFriends({
      userId: "o",
      friends: [
        { userId: "a", attributes: { y: "2" } },
        { userId: "s", alias: "S" },
      ],
    });
    expect(updated[0]?.ok).toBe(true);
    expect(errorOf(updated[1]).code).toBe("NOT_FOUND");
    const [a] = (await env.im.listFriends({ userId: "o" })).items;
    expect(a).toMatchObject({ userId: "a", alias: "Ay", attributes: { x: "1", y: "2" } });
    // An empty alias clears it.
    await env.im.updateFriends({ userId: "o", friends: [{ userId: "a", alias: "" }] });
    expect((await env.im.listFriends({ userId: "o" })).items[0]?.alias).toBeNull();
  });

  it("adding an existing friend again succeeds and applies the alias given", async () => {
    seed(["o", "a"]);
    await env.im.addFriends({ userId: "o", friends: [{ userId: "a" }] });
    const again = await env.im.addFriends({
      userId: "o",
      friends: [{ userId: "a", alias: "Again" }],
    });
    expect(again[0]?.ok).toBe(true);
    expect((await env.im.listFriends({ userId: "o" })).items[0]?.alias).toBe("Again");
  });

  it("checks and deletes 100 ids a call, in input order", async () => {
    const others = range("m", 150);
    seed(["o", ...others]);
    await env.im.addFriends({
      userId: "o",
      friends: others.slice(0, 75).map((userId) => ({ userId })),
    });
    let before = requestCount(env.emu);
    const relations = await env.im.checkFriends({ userId: "o", userIds: others });
    expect(calls("/friend/check.json", before)).toHaveLength(2);
    expect(relations.map((r) => r.key)).toEqual(others);
    expect(relations.map(value)).toEqual(others.map((_, i) => (i < 75 ? "MUTUAL" : "NONE")));
    before = requestCount(env.emu);
    const deleted = await env.im.deleteFriends({ userId: "o", friendIds: others });
    expect(calls("/friend/delete.json", before)).toHaveLength(2);
    expect(deleted.every((r) => r.ok)).toBe(true);
    expect((await env.im.listFriends({ userId: "o" })).items).toEqual([]);
  });

  it("a friend cap is VENDOR_REJECTED with RongCloud's code, per friend", async () => {
    const small = adapterFor(env.emu, { appKey: SMALL.appKey, appSecret: SMALL.appSecret });
    seed(["o", "a", "b", "c"], SMALL.appKey);
    const added = await small.addFriends({
      userId: "o",
      friends: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    });
    const codes = added.map((r) => (r.ok ? "ok" : `${r.error.code} ${r.error.vendorCode}`));
    expect(codes.filter((c) => c === "ok")).toHaveLength(2);
    expect(codes.filter((c) => c !== "ok")).toEqual(["VENDOR_REJECTED 25467"]);
    await small.close();
  });

  it("refuses one-way changes and bad input before any call", async () => {
    const before = requestCount(env.emu);
    const oneWay = [
      env.im.addFriends({ userId: "o", friends: [{ userId: "a" }], oneWay: true }),
      env.im.deleteFriends({ userId: "o", friendIds: ["a"], oneWay: true }),
      env.im.deleteAllFriends({ userId: "o", oneWay: true }),
    ];
    for (const call of oneWay)
      await expect(call).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        message: expect.stringContaining("always mutual"),
      });
    const bad: [Promise<unknown>, string][] = [
      // 65 characters, fewer than 256 bytes: RongCloud counts characters.
      [
        env.im.addFriends({ userId: "o", friends: [{ userId: "a", alias: "名".repeat(65) }] }),
        "friends[0].alias",
      ],
      [
        env.im.updateFriends({
          userId: "o",
          friends: [{ userId: "a", attributes: { v: "é".repeat(257) } }],
        }),
        "friends[0].attributes.v",
      ],
      [
        env.im.addFriends({ userId: "o", friends: [{ userId: "a", attributes: { Upper: "v" } }] }),
        "friends[0].attributes.Upper",
      ],
      [env.im.checkFriends({ userId: "o", userIds: ["bad id"] }), "userIds[0]"],
      [env.im.checkBlocked({ userId: "o", userIds: [] }), "userIds"],
      [env.im.listFriends({ userId: "o", cursor: "nope" }), "cursor"],
      [env.im.listBlockedUsers({ userId: "", limit: 5 }), "userId"],
    ];
    for (const [call, field] of bad)
      await expect(call).rejects.toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(requestCount(env.emu)).toBe(before);
  });
});

describe("blocklist", () => {
  it("blocks 20 users a call; an unknown user in a call is found by asking for each alone", async () => {
    const others = range("b", 45);
    seed(["o", ...others]);
    let before = requestCount(env.emu);
    const blocked = await env.im.blockUsers({ userId: "o", userIds: others });
    expect(blocked.every((r) => r.ok)).toBe(true);
    expect(calls("/user/blacklist/add.json", before)).toHaveLength(3);
    before = requestCount(env.emu);
    const mixed = await env.im.blockUsers({ userId: "o", userIds: ["b1", "ghost", "b2"] });
    expect(mixed.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["ok", "NOT_FOUND", "ok"]);
    expect(calls("/user/blacklist/add.json", before)).toHaveLength(4);
  });

  it("pages the list with our cursor, without times", async () => {
    seed(["o", "x", "y", "z"]);
    await env.im.blockUsers({ userId: "o", userIds: ["x", "y", "z"] });
    const first = await env.im.listBlockedUsers({ userId: "o", limit: 2 });
    expect(first.items).toEqual([
      { userId: "x", blockedAt: null },
      { userId: "y", blockedAt: null },
    ]);
    const rest = await env.im.listBlockedUsers({ userId: "o", limit: 2, cursor: first.nextCursor });
    expect(rest).toEqual({ items: [{ userId: "z", blockedAt: null }], nextCursor: null });
  });

  it("checkBlocked reads the whole list: at most 3 calls at the 3000 cap", async () => {
    const others = range("k", 2100);
    seed(["o", ...others]);
    await env.im.blockUsers({ userId: "o", userIds: others });
    const before = requestCount(env.emu);
    const answers = await env.im.checkBlocked({ userId: "o", userIds: ["k2099", "k0", "o2"] });
    expect(answers.map(value)).toEqual([true, true, false]);
    expect(calls("/user/blacklist/query.json", before)).toHaveLength(3);
  });
});

describe("friend and profile callbacks from the emulator", () => {
  it("a friendship added or removed is one event each way", async () => {
    seed(["o", "a"]);
    await env.im.addFriends({ userId: "o", friends: [{ userId: "a", alias: "A" }] });
    await env.im.deleteAllFriends({ userId: "o" });
    const seen = (await env.events()).map((e) =>
      "friendId" in e ? [e.type, e.userId, e.friendId] : [e.type],
    );
    expect(seen).toEqual([
      ["FRIEND_ADDED", "o", "a"],
      ["FRIEND_ADDED", "a", "o"],
      ["FRIEND_REMOVED", "o", "a"],
      ["FRIEND_REMOVED", "a", "o"],
    ]);
  });

  it("a hosted profile change is PROFILE_UPDATED naming the vendor's keys", async () => {
    const res = await fetch(`${env.emu.url}/user/profile/set.json`, {
      method: "POST",
      headers: {
        ...signRongCloudRequest(TEST_APP),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        userId: "p",
        userProfile: JSON.stringify({ name: "Pat" }),
        userExtProfile: JSON.stringify({ ext_team: "blue" }),
      }).toString(),
    });
    expect(await res.json()).toEqual({ code: 200 });
    expect(await env.events()).toMatchObject([
      { type: "PROFILE_UPDATED", userId: "p", fields: ["name", "ext_team"] },
    ]);
  });
});
