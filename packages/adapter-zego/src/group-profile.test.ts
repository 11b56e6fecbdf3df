import { describe, expect, it } from "vitest";
import { zegoAdapter, zegoSession } from "./testing/emulator.js";

// Group profile over HTTP against the emulator (a Pro app: 200 members per group).
const zego = zegoSession({ rateLimits: false, app: { plan: "professional" } });

async function group() {
  const [owner, member] = (await zego.users(2)) as [string, string];
  const groupId = zego.id("gp");
  await zego.adapter.createGroup({ id: groupId, name: "P", ownerId: owner, memberIds: [member] });
  return { groupId, owner, member };
}

/** The bodies (POST) or queries (GET) of an Action's calls, oldest first. */
function sent(action: string) {
  return zego.emulator
    .requests({ route: `zim:${action}` })
    .sort((a, b) => a.seq - b.seq)
    .map((r) => (r.method === "POST" ? JSON.parse(r.body) : r.query));
}

describe("updateGroupProfile", () => {
  it("sends only the fields given, texts and limits to their own Actions", async () => {
    const { groupId, owner } = await group();
    const before = sent("ModifyGroupLimit").length;
    await zego.adapter.updateGroupProfile({ groupId, name: "N", announcement: "Hello" });
    const update = sent("UpdateGroupData").at(-1);
    expect(update).toEqual({
      FromUserId: owner,
      GroupId: groupId,
      GroupName: "N",
      GroupNotice: "Hello",
    });
    expect(sent("ModifyGroupLimit")).toHaveLength(before);
    await zego.adapter.updateGroupProfile({ groupId, joinPolicy: "CLOSED" });
    const limit = sent("ModifyGroupLimit").at(-1);
    expect(limit).toMatchObject({ FromUserId: owner, GroupId: groupId, JoinMode: "2" });
    expect(limit).not.toHaveProperty("MemberCountLimit");
    expect(await zego.adapter.getGroup(groupId)).toMatchObject({
      name: "N",
      announcement: "Hello",
      joinPolicy: "CLOSED",
      introduction: null,
      avatarUrl: null,
      maxMembers: null,
      allMuted: false,
    });
    // "" clears the announcement.
    await zego.adapter.updateGroupProfile({ groupId, announcement: "" });
    expect((await zego.adapter.getGroup(groupId))?.announcement).toBeNull();
  });

  it("counts the announcement in characters (300) and the name in characters (50)", async () => {
    const { groupId } = await group();
    await zego.adapter.updateGroupProfile({ groupId, announcement: "群".repeat(300) });
    expect((await zego.adapter.getGroup(groupId))?.announcement).toBe("群".repeat(300));
    await expect(
      zego.adapter.updateGroupProfile({ groupId, announcement: "群".repeat(301) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "announcement" });
    await expect(
      zego.adapter.updateGroupProfile({ groupId, name: "n".repeat(51) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
  });

  it("refuses an introduction before any call, naming what ZIM keeps instead", async () => {
    const { groupId } = await group();
    const before = zego.emulator.requests({ limit: 1 })[0]?.seq;
    await expect(
      zego.adapter.updateGroupProfile({ groupId, name: "x", introduction: "About" }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /one notice/ });
    expect(zego.emulator.requests({ limit: 1 })[0]?.seq).toBe(before);
  });

  it("checks maxMembers against groupMemberLimit; ZEGO refuses more than the plan's", async () => {
    const { groupId } = await group();
    // The default limit is 6000 (any plan's most): a Pro app's 200 is ZEGO's to enforce.
    await expect(
      zego.adapter.updateGroupProfile({ groupId, maxMembers: 201 }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000002" });
    await zego.adapter.updateGroupProfile({ groupId, maxMembers: 200 });
    expect((await zego.adapter.getGroup(groupId))?.maxMembers).toBe(200);
    const pro = zegoAdapter(zego.emulator, { groupMemberLimit: 200 });
    try {
      await expect(pro.updateGroupProfile({ groupId, maxMembers: 201 })).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        field: "maxMembers",
      });
    } finally {
      await pro.close();
    }
  });

  it("shows the avatar in getGroup and in the member's group list", async () => {
    const { groupId, member } = await group();
    await zego.adapter.updateGroupProfile({ groupId, avatarUrl: "https://example.com/a.png" });
    expect((await zego.adapter.getGroup(groupId))?.avatarUrl).toBe("https://example.com/a.png");
    const mine = await zego.adapter.listUserGroups({ userId: member });
    expect(mine.items).toEqual([
      expect.objectContaining({ id: groupId, avatarUrl: "https://example.com/a.png" }),
    ]);
  });

  it("answers NOT_FOUND for a group that does not exist", async () => {
    await expect(
      zego.adapter.updateGroupProfile({ groupId: zego.id("none"), name: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("muteGroup", () => {
  it("always sends Duration: −1 to mute, 0 to lift; getGroup shows allMuted", async () => {
    const { groupId, owner, member } = await group();
    await zego.adapter.muteGroup({ groupId, muted: true });
    expect(sent("MuteGroup").at(-1)).toMatchObject({
      FromUserId: owner,
      IsAllMuted: "true",
      Duration: "-1",
    });
    expect((await zego.adapter.getGroup(groupId))?.allMuted).toBe(true);
    await zego.adapter.muteGroup({ groupId, muted: false });
    expect(sent("MuteGroup").at(-1)).toMatchObject({ IsAllMuted: "false", Duration: "0" });
    expect((await zego.adapter.getGroup(groupId))?.allMuted).toBe(false);
    // A plain member may not (660600032).
    await expect(
      zego.adapter.muteGroup({ groupId, muted: true, actorId: member }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660600032" });
  });
});
