import { describe, expect, it } from "vitest";
import { requestCount, value, zegoSession } from "./testing/emulator.js";

// Users over HTTP against the emulator: profiles, extras, presence.
const zego = zegoSession({ rateLimits: false });

describe("users", () => {
  it("keeps extra data as JSON and registering again updates the profile", async () => {
    const u = zego.id("x");
    const [first] = await zego.adapter.registerUsers([{ id: u, name: "One", extra: { level: 3 } }]);
    expect(value(first)).toEqual({ id: u, name: "One", avatarUrl: null, extra: { level: 3 } });
    expect(value((await zego.adapter.getUsers([u]))[0]).extra).toEqual({ level: 3 });
    // UserRegister says "exists" (660700002): the adapter updates the profile instead.
    const [again] = await zego.adapter.registerUsers([{ id: u, name: "Two" }]);
    expect(again?.ok).toBe(true);
    expect(value((await zego.adapter.getUsers([u]))[0])).toMatchObject({
      name: "Two",
      extra: { level: 3 },
    });
    await zego.adapter.updateUser({ id: u, extra: { level: 4, tags: ["a"] } });
    expect(value((await zego.adapter.getUsers([u]))[0]).extra).toEqual({ level: 4, tags: ["a"] });
  });

  it("updating only extra keeps name and avatar: the write carries them, read once per batch", async () => {
    const [u, v] = [zego.id("p"), zego.id("p")] as [string, string];
    const avatar = "https://example.com/a.png";
    await zego.adapter.registerUsers([
      { id: u, name: "Ann", avatarUrl: avatar },
      { id: v, name: "Bo" },
    ]);
    const reads = () => zego.emulator.requests({ route: "zim:QueryUserInfos" }).length;
    const lastWrite = () =>
      JSON.parse(zego.emulator.requests({ route: "zim:ModifyUserInfo" }).at(-1)?.body ?? "{}")
        .UserInfo as unknown[];
    const before = reads();
    await zego.adapter.updateUser({ id: u, extra: { level: 1 } });
    expect(reads()).toBe(before + 1);
    // Whether ZIM keeps omitted fields is undocumented: the current ones are sent along.
    expect(lastWrite()).toEqual([
      { UserId: u, UserName: "Ann", UserAvatar: avatar, Extra: '{"level":1}' },
    ]);
    expect(value((await zego.adapter.getUsers([u]))[0])).toEqual({
      id: u,
      name: "Ann",
      avatarUrl: avatar,
      extra: { level: 1 },
    });
    // registerUsers' follow-up for existing users: one read for the batch.
    const again = await zego.adapter.registerUsers([
      { id: u, extra: { level: 2 } },
      { id: v, avatarUrl: avatar },
    ]);
    expect(again.every((r) => r.ok)).toBe(true);
    expect(reads()).toBe(before + 3);
    expect(lastWrite()).toEqual([
      { UserId: u, UserName: "Ann", UserAvatar: avatar, Extra: '{"level":2}' },
      { UserId: v, UserName: "Bo", UserAvatar: avatar, Extra: "" },
    ]);
  });

  it("answers unknown users as NOT_FOUND items, also when all of them are unknown", async () => {
    const ghost = zego.id("ghost");
    const [only] = await zego.adapter.getUsers([ghost]);
    expect(only).toMatchObject({ key: ghost, ok: false, error: { code: "NOT_FOUND" } });
  });

  it("fails updates of unknown users with NOT_FOUND and checks extras first", async () => {
    await expect(
      zego.adapter.updateUser({ id: zego.id("ghost"), name: "x" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "660700012",
    });
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.updateUser({ id: "a", extra: { big: "x".repeat(3000) } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "extra", message: /2048 bytes/ });
    await expect(zego.adapter.registerUsers([{ id: "bad/id" }])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      message: /may only contain/,
    });
    await expect(
      zego.adapter.registerUsers([{ id: "ok", name: "n".repeat(257) }]),
    ).rejects.toMatchObject({ field: "users[0].name", message: /256 bytes/ });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("answers presence for more than 100 users in key order", async () => {
    const ids = await zego.users(105);
    await zego.adapter.issueChatCredential({ userId: ids[104] as string });
    zego.emulator.login({ userId: ids[104] as string });
    const presence = await zego.adapter.getPresence(ids);
    expect(presence.map((p) => p.key)).toEqual(ids);
    expect(presence.map((p) => value(p).status).filter((s) => s === "ONLINE")).toHaveLength(1);
    expect(value(presence[104]).status).toBe("ONLINE");
    expect(
      zego.emulator
        .requests({ route: "zim:QueryUserOnlineState" })
        .slice(-2)
        .map((r) => {
          const ids = r.query["UserId[]"];
          return Array.isArray(ids) ? ids.length : 1;
        }),
    ).toEqual([100, 5]);
  });
});
