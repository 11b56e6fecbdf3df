// Friend groups (Tencent friend lists) beyond the shared contract, over HTTP.
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter } from "./testing/emulator.js";

const env = emulatorWithAdapter();

const users = (count: number) => env.seedUsers(count, "f");
const calls = (command: string) => env.emulator.requests({ route: `v4/sns/${command}` }).length;
async function friendsOf(owner: string, count: number): Promise<string[]> {
  const ids = users(count);
  const added = await env.adapter.importFriends({
    userId: owner,
    friends: ids.map((userId) => ({ userId })),
    oneWay: true,
  });
  expect(added.every((r) => r.ok)).toBe(true);
  return ids;
}
const groups = async (owner: string) =>
  Object.fromEntries(
    (await env.adapter.listFriendGroups({ userId: owner })).map((g) => [
      g.name,
      g.friendIds.length,
    ]),
  );

describe("friend groups", () => {
  it("creates with 100 friends in group_add and puts the rest in through friend_update", async () => {
    const [owner] = users(1) as [string];
    const friends = await friendsOf(owner, 150);
    const [adds, reads, updates] = [
      calls("group_add"),
      calls("friend_get_list"),
      calls("friend_update"),
    ];
    const created = await env.adapter.createFriendGroups({
      userId: owner,
      names: ["a", "b"],
      friendIds: friends,
    });
    expect(created.map((r) => r.key)).toEqual(friends);
    expect(created.every((r) => r.ok)).toBe(true);
    expect(calls("group_add") - adds).toBe(1);
    expect(calls("friend_get_list") - reads).toBe(1);
    expect(calls("friend_update") - updates).toBe(1);
    expect(await groups(owner)).toEqual({ a: 150, b: 150 });
  });

  it("adding keeps a friend's other groups; a friend already in (or already out) needs no write", async () => {
    const [owner] = users(1) as [string];
    const [f1, f2] = (await friendsOf(owner, 2)) as [string, string];
    await env.adapter.createFriendGroups({ userId: owner, names: ["x", "y"], friendIds: [f1] });
    const updates = calls("friend_update");
    const again = await env.adapter.addToFriendGroup({
      userId: owner,
      group: "x",
      friendIds: [f1],
    });
    expect(again[0]?.ok).toBe(true);
    expect(calls("friend_update")).toBe(updates);
    await env.adapter.addToFriendGroup({ userId: owner, group: "x", friendIds: [f2] });
    await env.adapter.removeFromFriendGroup({ userId: owner, group: "y", friendIds: [f1, f2] });
    const lists = await env.adapter.listFriendGroups({ userId: owner });
    expect(lists).toEqual([
      { name: "x", friendIds: [f1, f2] },
      { name: "y", friendIds: [] },
    ]);
  });

  it("a stranger is a NOT_FOUND item on add and remove; a missing group is NOT_FOUND for the call", async () => {
    const [owner, stranger] = users(2) as [string, string];
    const [friend] = (await friendsOf(owner, 1)) as [string];
    await env.adapter.createFriendGroups({ userId: owner, names: ["g"] });
    const added = await env.adapter.addToFriendGroup({
      userId: owner,
      group: "g",
      friendIds: [stranger, friend],
    });
    expect(added[0]).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", vendorCode: "31211" },
    });
    expect(added[1]?.ok).toBe(true);
    const removed = await env.adapter.removeFromFriendGroup({
      userId: owner,
      group: "g",
      friendIds: [stranger],
    });
    expect(removed[0]).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const updates = calls("friend_update");
    await expect(
      env.adapter.removeFromFriendGroup({ userId: owner, group: "none", friendIds: [friend] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(calls("friend_update")).toBe(updates);
    expect(await groups(owner)).toEqual({ g: 1 });
  });

  it("over 32 groups is VENDOR_REJECTED 30011; names are checked in bytes before any call", async () => {
    const [owner] = users(1) as [string];
    const names = Array.from({ length: 32 }, (_, i) => `n${i}`);
    await env.adapter.createFriendGroups({ userId: owner, names });
    await expect(
      env.adapter.createFriendGroups({ userId: owner, names: ["one-more"] }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "30011" });
    const before = calls("group_add");
    // 11 characters, 33 bytes.
    await expect(
      env.adapter.createFriendGroups({ userId: owner, names: ["ok", "好".repeat(11)] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "names[1]" });
    await expect(
      env.adapter.createFriendGroups({ userId: owner, names: [...names, "x"] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "names" });
    await expect(
      env.adapter.addToFriendGroup({ userId: owner, group: "", friendIds: ["x"] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "group" });
    expect(calls("group_add")).toBe(before);
  });
});
