import { beforeEach, describe, expect, it } from "vitest";
import { ids, startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

// #17 group depth over real HTTP (zego.md §G): profile, attributes, limits, name cards,
// roles, mute-all, the app's muted groups, and import with original times.
const fx = useZego({}, { plan: "professional" });

beforeEach(async () => {
  await fx.zim.post("UserRegister", {
    UserInfo: ["owner", "m1", "m2", "out"].map((UserId) => ({ UserId })),
  });
  await fx.zim.post("CreateGroup", { GroupId: "g", GroupOwner: "owner", UserId: ["m1", "m2"] });
});

const info = async (GroupId = "g") =>
  (await fx.zim.post("QueryGroupInfo", { FromUserId: "owner", GroupId })).body;
const update = (body: Record<string, unknown>) =>
  fx.zim.post("UpdateGroupData", { FromUserId: "owner", GroupId: "g", ...body });
const attrs = (Action: number, Attributes: unknown[], FromUserId = "owner") =>
  fx.zim.post("ModifyGroupAttribute", { Action, FromUserId, GroupId: "g", Attributes });
const limit = (params: Record<string, number>) =>
  fx.zim.get("ModifyGroupLimit", { FromUserId: "owner", GroupId: "g", ...params });
const nick = (UserIds: unknown[]) =>
  fx.zim.post("SetGroupMembersNickname", { FromUserId: "owner", GroupId: "g", UserIds });
const memberList = async () =>
  (await fx.zim.post("QueryGroupMemberList", { GroupId: "g" })).body.MemberList as {
    UserId: string;
    UserNickName: string;
    Role: number;
  }[];

describe("UpdateGroupData", () => {
  it("counts characters for the notice and the avatar, as its page says", async () => {
    const notice = "群".repeat(300); // 900 bytes, 300 characters
    expect((await update({ GroupNotice: notice, GroupAvatar: "a".repeat(500) })).body.Code).toBe(0);
    expect(await info()).toMatchObject({ GroupNotice: notice, GroupAvatar: "a".repeat(500) });
    expect((await update({ GroupNotice: "群".repeat(301) })).body.Code).toBe(660000002);
    expect((await update({ GroupName: "n".repeat(51) })).body.Code).toBe(660000002);
    expect((await update({ GroupAvatar: "" })).body.Code).toBe(0);
    expect((await info()).GroupAvatar).toBe("");
  });

  it("needs a registered operator and an existing group", async () => {
    expect((await update({ FromUserId: "ghost", GroupName: "x" })).body.Code).toBe(660500002);
    expect((await update({ GroupId: "nope", GroupName: "x" })).body.Code).toBe(660600001);
    // No membership check is documented: a registered non-member may update.
    expect((await update({ FromUserId: "out", GroupName: "x" })).body.Code).toBe(0);
  });
});

describe("ModifyGroupAttribute", () => {
  it("merges per key and echoes the whole map", async () => {
    await attrs(0, [
      { Key: "topic", Value: "cats" },
      { Key: "level", Value: "3" },
    ]);
    const res = await attrs(0, [{ Key: "level", Value: "4" }]);
    expect(res.body).toMatchObject({
      Code: 0,
      FailKeys: [],
      Attributes: {
        Attributes: [
          { Key: "topic", Value: "cats" },
          { Key: "level", Value: "4" },
        ],
      },
    });
    expect((await info()).GroupAttributes).toEqual([
      { Key: "topic", Value: "cats" },
      { Key: "level", Value: "4" },
    ]);
  });

  it("deletes keys; a missing key is a FailKeys entry with Code 0", async () => {
    await attrs(0, [{ Key: "a", Value: "1" }]);
    const res = await attrs(1, [{ Key: "a" }, { Key: "gone" }]);
    expect(res.body).toMatchObject({
      Code: 0,
      FailKeys: [{ Key: "gone", Reason: "key db-non-existent" }],
      Attributes: { Attributes: [] },
    });
  });

  it("keeps 10 keys per group, 16-byte keys and 1024-byte values", async () => {
    await attrs(
      0,
      ids(10, "k").map((Key) => ({ Key, Value: "v" })),
    );
    const over = await attrs(0, [
      { Key: "k0", Value: "changed" },
      { Key: "eleventh", Value: "v" },
    ]);
    expect(over.body.Code).toBe(660600019);
    // Refused whole: k0 kept its value.
    expect((await info()).GroupAttributes).toContainEqual({ Key: "k0", Value: "v" });
    const long = await attrs(0, [
      { Key: "k1", Value: "x".repeat(1025) },
      { Key: "k".repeat(17), Value: "x" },
      { Key: "k2", Value: "ok" },
    ]);
    expect(long.body.Code).toBe(0);
    expect((long.body.FailKeys as { Key: string }[]).map((f) => f.Key)).toEqual([
      "k1",
      "k".repeat(17),
    ]);
    expect((await info()).GroupAttributes).toContainEqual({ Key: "k2", Value: "ok" });
  });

  it("needs Key, and Value for an upsert; a registered operator; an existing group", async () => {
    expect((await attrs(0, [{ Key: "a" }])).body.Code).toBe(660000002);
    expect((await attrs(0, [{ Value: "a" }])).body.Code).toBe(660000002);
    expect((await attrs(0, [])).body.Code).toBe(660000002);
    expect((await attrs(0, [{ Key: "a", Value: "1" }], "ghost")).body.Code).toBe(660500002);
    const noGroup = await fx.zim.post("ModifyGroupAttribute", {
      Action: 0,
      FromUserId: "owner",
      GroupId: "nope",
      Attributes: [{ Key: "a", Value: "1" }],
    });
    expect(noGroup.body.Code).toBe(660600001);
  });

  it("is not on the Free plan (660000028)", async () => {
    const { emu, zim } = await startTestEmulator({}, { plan: "free" });
    try {
      await zim.post("UserRegister", { UserInfo: [{ UserId: "o" }] });
      await zim.post("CreateGroup", { GroupId: "f", GroupOwner: "o" });
      const res = await zim.post("ModifyGroupAttribute", {
        Action: 0,
        FromUserId: "o",
        GroupId: "f",
        Attributes: [{ Key: "a", Value: "1" }],
      });
      expect(res.body.Code).toBe(660000028);
    } finally {
      await emu.close();
    }
  });
});

describe("ModifyGroupLimit", () => {
  it("sets the join mode and a member cap up to the plan's (Pro: 200)", async () => {
    expect((await limit({ JoinMode: 1, MemberCountLimit: 200 })).body.Code).toBe(0);
    expect((await info()).LimitInfo).toMatchObject({ JoinMode: 1, MemberCountLimit: 200 });
    expect((await limit({ MemberCountLimit: 201 })).body.Code).toBe(660000002);
    // Absent parameters are kept.
    expect((await limit({ InviteMode: 1 })).body.Code).toBe(0);
    expect((await info()).LimitInfo).toMatchObject({ JoinMode: 1, InviteMode: 1 });
  });
});

describe("SetGroupMembersNickname", () => {
  it('sets and clears ("") name cards, ≤ 256 bytes, ≤ 20 users', async () => {
    expect((await nick([{ UserId: "m1", Nickname: "Cap" }])).body.Code).toBe(0);
    expect((await memberList()).find((m) => m.UserId === "m1")?.UserNickName).toBe("Cap");
    fx.emu.setClock({ advanceMs: 1_000 });
    expect((await nick([{ UserId: "m1", Nickname: "" }])).body.Code).toBe(0);
    expect((await memberList()).find((m) => m.UserId === "m1")?.UserNickName).toBe("");
    expect((await nick([{ UserId: "m1", Nickname: "x".repeat(257) }])).body.Code).toBe(660000002);
    expect((await nick([{ UserId: "m1" }])).body.Code).toBe(660000002);
    const many = ids(21, "x").map((UserId) => ({ UserId, Nickname: "n" }));
    expect((await nick(many)).body.Code).toBe(660000011);
    expect((await nick([{ UserId: "out", Nickname: "n" }])).body.Code).toBe(660600033);
  });
});

describe("SetGroupMemberRole and QueryGroupMemberList", () => {
  it("keeps custom roles as their integers", async () => {
    const role = (ToUserId: string, Role: number) =>
      fx.zim.get("SetGroupMemberRole", { FromUserId: "owner", GroupId: "g", ToUserId, Role });
    expect((await role("m1", 2)).body.Code).toBe(0);
    expect((await role("m2", 150)).body.Code).toBe(0);
    expect((await memberList()).map((m) => [m.UserId, m.Role])).toEqual([
      ["owner", 1],
      ["m1", 2],
      ["m2", 150],
    ]);
    expect((await role("m1", 3)).body.Code).toBe(0);
    expect((await memberList())[1]?.Role).toBe(3);
  });
});

describe("MuteGroup mute-all", () => {
  const mute = (params: Record<string, boolean | number>) =>
    fx.zim.get("MuteGroup", { FromUserId: "owner", GroupId: "g", ...params });

  it("IsAllMuted shows as IsAllForbid until Duration 0 lifts it", async () => {
    expect((await mute({ IsAllMuted: true, Duration: -1 })).body.Code).toBe(0);
    expect(await info()).toMatchObject({ IsAllForbid: true, ForbidExpireTime: -1 });
    expect((await mute({ IsAllMuted: false, Duration: 0 })).body.Code).toBe(0);
    expect(await info()).toMatchObject({ IsAllForbid: false, ForbidExpireTime: 0 });
    // Duration out of range, and a plain member as operator.
    expect((await mute({ IsAllMuted: true, Duration: 2_592_001 })).body.Code).toBe(660000002);
    const byMember = await fx.zim.get("MuteGroup", {
      FromUserId: "m1",
      GroupId: "g",
      IsAllMuted: true,
      Duration: -1,
    });
    expect(byMember.body.Code).toBe(660600032);
  });

  it("an absent Duration is 0: MuteGroup lifts, MuteGroupMembers unmutes (the pages' default)", async () => {
    await mute({ IsAllMuted: true, Duration: -1 });
    expect((await mute({ IsAllMuted: true })).body.Code).toBe(0);
    expect(await info()).toMatchObject({ IsAllForbid: false, ForbidExpireTime: 0 });
    const muteM1 = (extra: Record<string, number>) =>
      fx.zim.get("MuteGroupMembers", {
        FromUserId: "owner",
        GroupId: "g",
        UserIds: ["m1"],
        ...extra,
      });
    const forbidden = async () =>
      (await fx.zim.post("FetchForbidGroupList", { FromUserId: "owner" })).body.GroupList;
    await muteM1({ Duration: 60 });
    expect(await forbidden()).toEqual([{ GroupId: "g", ForbidType: 4 }]);
    expect((await muteM1({})).body.Code).toBe(0);
    expect(await forbidden()).toEqual([]);
  });
});

describe("FetchForbidGroupList", () => {
  it("lists every muted group of the app, whoever asks", async () => {
    await fx.zim.post("CreateGroup", { GroupId: "h", GroupOwner: "out" });
    await fx.zim.post("CreateGroup", { GroupId: "quiet", GroupOwner: "out" });
    await fx.zim.get("MuteGroup", {
      FromUserId: "out",
      GroupId: "h",
      IsAllMuted: true,
      Duration: -1,
    });
    await fx.zim.get("MuteGroupMembers", {
      FromUserId: "owner",
      GroupId: "g",
      UserIds: ["m1"],
      Duration: 60,
    });
    for (const asker of ["owner", "out"]) {
      const res = await fx.zim.post("FetchForbidGroupList", { FromUserId: asker, StartFlag: 0 });
      expect(res.body).toMatchObject({
        Code: 0,
        FetchEnd: 1,
        GroupList: [
          { GroupId: "g", ForbidType: 4 },
          { GroupId: "h", ForbidType: 1 },
        ],
      });
    }
    expect((await fx.zim.post("FetchForbidGroupList", { FromUserId: "ghost" })).body.Code).toBe(
      660500002,
    );
    fx.emu.setClock({ advanceMs: 61_000 });
    const later = await fx.zim.post("FetchForbidGroupList", { FromUserId: "owner" });
    expect(later.body.GroupList).toEqual([{ GroupId: "h", ForbidType: 1 }]);
  });
});

describe("import with original times", () => {
  it("keeps CreateGroupTime and each EnterGroupTime; refuses future times", async () => {
    const created = fx.emu.now() - 86_400_000;
    const joined = created + 3_600_000;
    const res = await fx.zim.post("CreateGroup", {
      GroupId: "old",
      GroupOwner: "owner",
      CreateGroupTime: created,
    });
    expect(res.body.Code).toBe(0);
    expect((await info("old")).GroupCreateTime).toBe(created);
    const invite = await fx.zim.post("InviteUsersIntoGroup", {
      FromUserId: "owner",
      GroupId: "old",
      GroupMemberInfos: [{ UserId: "m1", EnterGroupTime: joined }],
    });
    expect(invite.body.Code).toBe(0);
    const state = fx.emu.state(String(TEST_APP_ID)) as {
      groups: { groupId: string; members: { userId: string; joinTime: number }[] }[];
    };
    const old = state.groups.find((g) => g.groupId === "old");
    expect(old?.members.map((m) => [m.userId, m.joinTime])).toEqual([
      ["owner", created],
      ["m1", joined],
    ]);
    const future = fx.emu.now() + 60_000;
    const ahead = await fx.zim.post("CreateGroup", {
      GroupId: "new",
      GroupOwner: "owner",
      CreateGroupTime: future,
    });
    expect(ahead.body.Code).toBe(660000002);
    fx.emu.setClock({ advanceMs: 1_000 });
    const late = await fx.zim.post("InviteUsersIntoGroup", {
      FromUserId: "owner",
      GroupId: "old",
      GroupMemberInfos: [{ UserId: "m2", EnterGroupTime: future + 60_000 }],
    });
    expect(late.body.Code).toBe(660000002);
  });
});
