import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, requestCount } from "./test-support.js";

// RongCloud-specific behaviour of live rooms (chatrooms, #17 §2): minutes ↔ seconds,
// paging within the 500 members the API answers, 20-key attribute writes, codes.

const ALL = {
  features: { chatroomAttributes: true, chatroomKeepAlive: true, chatroomBroadcast: true },
};
const env = emulatorWithAdapter(ALL);

const sent = (path: string, since: number) =>
  env.emu
    .requests()
    .filter((r) => r.seq > since && r.path === path)
    .map((r) => Object.fromEntries(new URLSearchParams(r.body)));

describe("live rooms on RongCloud", () => {
  it("idle lifetimes go as whole minutes rounded up, within 60–10080 minutes", async () => {
    const before = requestCount(env.emu);
    await env.im.createLiveRoom({ roomId: "r", idleLifetimeSeconds: 3601, allMuted: true });
    expect(sent("/chatroom/create_new.json", before)).toMatchObject([
      { chatroomId: "r", destroyType: "0", destroyTime: "61", isBan: "true" },
    ]);
    expect(await env.im.getLiveRoom({ roomId: "r" })).toMatchObject({
      name: null,
      ownerId: null,
      allMuted: true,
      idleLifetimeSeconds: 61 * 60,
      memberCount: 0,
    });
    for (const idleLifetimeSeconds of [3599, 10_080 * 60 + 1])
      await expect(
        env.im.createLiveRoom({ roomId: "s", idleLifetimeSeconds }),
      ).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        field: "idleLifetimeSeconds",
      });
  });

  it("initial attributes go as entryInfo owned by ownerId, which they require", async () => {
    await env.im.createLiveRoom({ roomId: "r", ownerId: "o", attributes: { k: "v" } });
    expect(await env.im.getLiveRoomAttributes({ roomId: "r" })).toEqual({ k: "v" });
    await expect(
      env.im.createLiveRoom({ roomId: "s", attributes: { k: "v" } }),
    ).rejects.toMatchObject({
      field: "ownerId",
    });
    const plain = adapterFor(env.emu);
    await expect(
      plain.createLiveRoom({ roomId: "s", ownerId: "o", attributes: { k: "v" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    await plain.close();
  });

  it("bans and mutes go as minutes rounded up; a reason is refused", async () => {
    await env.im.createLiveRoom({ roomId: "r" });
    const before = requestCount(env.emu);
    await env.im.banLiveRoomMembers({ roomId: "r", userIds: ["a"], durationSeconds: 61 });
    await env.im.muteLiveRoomMembers({ roomId: "r", userIds: ["a"], durationSeconds: 1 });
    expect(sent("/chatroom/user/block/add.json", before)).toMatchObject([{ minute: "2" }]);
    expect(sent("/chatroom/user/gag/add.json", before)).toMatchObject([{ minute: "1" }]);
    const [ban] = await env.im.listLiveRoomBans({ roomId: "r" });
    const ends = (ban?.until?.getTime() ?? 0) - Date.now();
    expect(ends).toBeGreaterThan(100_000);
    expect(ends).toBeLessThan(125_000);
    await expect(
      env.im.banLiveRoomMembers({
        roomId: "r",
        userIds: ["a"],
        durationSeconds: 60,
        reason: "spam",
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    await expect(
      env.im.banLiveRoomMembers({ roomId: "r", userIds: ["a"], durationSeconds: 43_200 * 60 + 1 }),
    ).rejects.toMatchObject({ field: "durationSeconds" });
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    await expect(
      env.im.banLiveRoomMembers({ roomId: "r", userIds: many, durationSeconds: 60 }),
    ).rejects.toMatchObject({ field: "userIds" });
  });

  it("members page within the 500 oldest, with an opaque cursor", async () => {
    await env.im.createLiveRoom({ roomId: "r" });
    for (let i = 0; i < 502; i++)
      env.emu.login({ userId: `m${String(i).padStart(3, "0")}`, chatroomId: "r" });
    const first = await env.im.listLiveRoomMembers({ roomId: "r", limit: 300 });
    expect(first.items[0]).toMatchObject({ userId: "m000", name: null });
    expect(first.items[0]?.joinedAt).toBeInstanceOf(Date);
    const second = await env.im.listLiveRoomMembers({
      roomId: "r",
      limit: 300,
      cursor: first.nextCursor,
    });
    expect(second.items).toHaveLength(200);
    expect(second.nextCursor).toBeNull();
    expect((await env.im.getLiveRoom({ roomId: "r" }))?.memberCount).toBe(502);
    await expect(
      env.im.listLiveRoomMembers({ roomId: "r", cursor: "not-a-cursor" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("attributes are written 20 keys a call, owned by actorId; absent keys remove fine", async () => {
    await env.im.createLiveRoom({ roomId: "r" });
    const attributes = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, "v"]));
    const before = requestCount(env.emu);
    await env.im.setLiveRoomAttributes({ roomId: "r", attributes, actorId: "o" });
    const writes = sent("/chatroom/entry/batch/set.json", before);
    expect(writes.map((w) => Object.keys(JSON.parse(w.entryInfo ?? "{}")).length)).toEqual([
      20, 20, 5,
    ]);
    expect(writes.every((w) => w.entryOwnerId === "o")).toBe(true);
    await env.im.removeLiveRoomAttributes({ roomId: "r", keys: ["k0", "nothere"], actorId: "o" });
    expect(Object.keys(await env.im.getLiveRoomAttributes({ roomId: "r" }))).toHaveLength(44);
    // An admin's call names no actor: the app's operatorUserId is recorded, else it cannot.
    await expect(
      env.im.setLiveRoomAttributes({ roomId: "r", attributes: { a: "b" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    const operated = adapterFor(env.emu, { ...ALL, operatorUserId: "svc" });
    const mark = requestCount(env.emu);
    await operated.setLiveRoomAttributes({ roomId: "r", attributes: { a: "b" } });
    expect(sent("/chatroom/entry/batch/set.json", mark)).toMatchObject([{ entryOwnerId: "svc" }]);
    await operated.removeLiveRoomAttributes({ roomId: "r", keys: ["a"] });
    expect(sent("/chatroom/entry/remove.json", mark)).toMatchObject([{ userId: "svc" }]);
    await operated.close();
    await expect(
      env.im.setLiveRoomAttributes({
        roomId: "r",
        attributes: { a: "x".repeat(4097) },
        actorId: "o",
      }),
    ).rejects.toMatchObject({ field: "attributes.a" });
    // 44 + 57 = 101 keys: RongCloud's 23423.
    const more = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [`n${i}`, "v"]));
    await expect(
      env.im.setLiveRoomAttributes({ roomId: "r", attributes: more, actorId: "o" }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "23423" });
  });

  it("an unknown room: getLiveRoom null, room-bound writes NOT_FOUND (23410)", async () => {
    expect(await env.im.getLiveRoom({ roomId: "none" })).toBeNull();
    for (const call of [
      () => env.im.muteLiveRoom({ roomId: "none", muted: true }),
      () => env.im.setLiveRoomAttributes({ roomId: "none", attributes: { a: "b" }, actorId: "o" }),
      () => env.im.setLiveRoomWhitelist({ roomId: "none", userIds: ["a"], whitelisted: true }),
      () => env.im.keepLiveRoomAlive({ roomId: "none", keepAlive: true }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "23410" });
  });

  it("keep-alive: ending it twice is fine; the sixth room is refused (1016)", async () => {
    for (let i = 0; i < 6; i++) await env.im.createLiveRoom({ roomId: `k${i}` });
    await env.im.keepLiveRoomAlive({ roomId: "k0", keepAlive: false });
    for (let i = 0; i < 5; i++)
      await env.im.keepLiveRoomAlive({ roomId: `k${i}`, keepAlive: true });
    await expect(env.im.keepLiveRoomAlive({ roomId: "k5", keepAlive: true })).rejects.toMatchObject(
      {
        code: "VENDOR_REJECTED",
        vendorCode: "1016",
      },
    );
  });

  it("only NORMAL priority is sent; the whitelist takes 5 users; a check 1000", async () => {
    await env.im.createLiveRoom({ roomId: "r" });
    const before = requestCount(env.emu);
    await expect(
      env.im.sendLiveRoomMessage({
        roomId: "r",
        from: "o",
        content: { type: "TEXT", text: "x" },
        priority: "HIGH",
      }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(requestCount(env.emu)).toBe(before);
    const six = Array.from({ length: 6 }, (_, i) => `w${i}`);
    await expect(
      env.im.setLiveRoomWhitelist({ roomId: "r", userIds: six, whitelisted: true }),
    ).rejects.toMatchObject({ field: "userIds" });
    env.emu.login({ userId: "in", chatroomId: "r" });
    const answers = await env.im.checkLiveRoomMembers({ roomId: "r", userIds: ["in", "out"] });
    expect(answers.map((a) => a.ok && a.value)).toEqual([true, false]);
  });
});
