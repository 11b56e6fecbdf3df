import { beforeEach, describe, expect, it } from "vitest";
import { ids, useZego } from "./test-support.js";

const fx = useZego({}, { groupLimit: 5 });
beforeEach(async () => {
  await fx.zim.post("UserRegister", {
    UserInfo: ["owner", "m1", "m2", "m3", "out"].map((UserId) => ({
      UserId,
      UserName: UserId.toUpperCase(),
    })),
  });
});

const create = (body: Record<string, unknown>) =>
  fx.zim.post("CreateGroup", { GroupOwner: "owner", ...body });
const members = async (GroupId: string) =>
  (
    (await fx.zim.post("QueryGroupMemberList", { GroupId })).body.MemberList as {
      UserId: string;
      Role: number;
    }[]
  ).map((m) => `${m.UserId}:${m.Role}`);

// Actions on group "g", the one most tests make, unless they name another.
const invite = (FromUserId: string, UserIds: string[], GroupId = "g") =>
  fx.zim.post("InviteUsersIntoGroup", { FromUserId, GroupId, UserIds });
const kick = (FromUserId: string, UserId: string[], GroupId = "g") =>
  fx.zim.post("KickoutGroupUser", { FromUserId, GroupId, UserId });
const groupInfo = (FromUserId = "owner", GroupId = "g") =>
  fx.zim.post("QueryGroupInfo", { FromUserId, GroupId });
const mute = (FromUserId: string, params: Record<string, boolean | number | number[]> = {}) =>
  fx.zim.get("MuteGroup", { FromUserId, GroupId: "g", ...params });
const muteMembers = (FromUserId: string, UserIds: string[], Duration = 30) =>
  fx.zim.get("MuteGroupMembers", { FromUserId, GroupId: "g", UserIds, Duration });

describe("CreateGroup", () => {
  it("creates with owner, members, attributes; reports unregistered members", async () => {
    const res = await create({
      GroupId: "g1",
      GroupName: "Group One",
      UserId: ["m1", "owner", "ghost"],
      Attributes: [{ Key: "k", Value: "v" }],
    });
    expect(res.body).toMatchObject({
      Code: 0,
      GroupId: "g1",
      Members: [
        { UserId: "owner", UserName: "OWNER" },
        { UserId: "m1", UserName: "M1" },
      ],
      ErrorUsers: [{ UserId: "ghost", SubCode: 660600017 }],
    });
    expect(await members("g1")).toEqual(["owner:1", "m1:3"]);
    const info = await groupInfo("m1", "g1");
    expect(info.body).toMatchObject({
      GroupName: "Group One",
      IsAllForbid: false,
      GroupAttributes: [{ Key: "k", Value: "v" }],
      LimitInfo: { JoinMode: 0 },
    });
  });

  it("generates a #-prefixed id when GroupId is empty", async () => {
    const res = await create({});
    expect(res.body.GroupId).toMatch(/^#/);
  });

  it("enforces the documented rules", async () => {
    expect((await create({ GroupId: "#mine" })).body.Code).toBe(660000002);
    expect((await fx.zim.post("CreateGroup", { GroupId: "g" })).body.Code).toBe(660600013);
    expect((await create({ GroupOwner: "ghost" })).body.Code).toBe(660600013);
    expect((await create({ GroupName: "n".repeat(51) })).body.Code).toBe(660000002);
    expect((await create({ UserId: ids(101, "x") })).body.Code).toBe(660600016);
    const attrs = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await create({ Attributes: attrs })).body.Code).toBe(660600019);
    expect((await create({ Attributes: [{ Key: "k".repeat(17), Value: "v" }] })).body.Code).toBe(
      660600020,
    );
    expect((await create({ CreateGroupTime: fx.emu.now() + 60_000 })).body.Code).toBe(660000002);
    expect((await create({ GroupId: "dup" })).body.Code).toBe(0);
    expect((await create({ GroupId: "dup" })).body.Code).toBe(660600011);
  });

  it("refuses groups beyond the plan limit", async () => {
    for (let i = 0; i < 5; i++) expect((await create({})).body.Code).toBe(0);
    expect((await create({})).body.Code).toBe(660600012);
  });
});

describe("membership", () => {
  beforeEach(async () => {
    await create({ GroupId: "g", UserId: ["m1"] });
  });

  it("invites with UserIds or GroupMemberInfos (IsInvite 1 waits for consent)", async () => {
    const res = await invite("owner", ["m2", "ghost", "owner"]);
    expect(res.body.Code).toBe(0);
    expect(res.body.ErrorUsers).toEqual([{ UserId: "ghost", SubCode: 660000002 }]);
    const infos = await fx.zim.post("InviteUsersIntoGroup", {
      FromUserId: "owner",
      GroupId: "g",
      UserIds: ["ignored"],
      GroupMemberInfos: [{ UserId: "m3", IsInvite: 1 }],
    });
    expect(infos.body.Code).toBe(0);
    expect(await members("g")).toEqual(["owner:1", "m1:3", "m2:3"]);
    expect((await invite("owner", ["ghost"])).body.Code).toBe(660600033);
    expect((await invite("owner", ids(101, "x"))).body.Code).toBe(660000011);
    expect((await invite("owner", ["m2"], "nope")).body.Code).toBe(660600001);
    expect((await invite("ghost", ["m2"])).body.Code).toBe(660500002);
  });

  it("kicks members; kicking the owner hands ownership to the first member", async () => {
    await invite("owner", ["m2"]);
    const res = await kick("owner", ["m1", "out"]);
    expect(res.body.Code).toBe(0);
    expect(res.body.ErrorList).toEqual([{ UserId: "out", SubCode: 660600008 }]);
    expect((await kick("owner", ["out"])).body.Code).toBe(660600008);
    expect((await kick("m2", ["owner"])).body.Code).toBe(0);
    expect(await members("g")).toEqual(["m2:1"]);
    expect((await kick("m2", ids(51, "x"))).body.Code).toBe(660000011);
  });

  it("pages the member list", async () => {
    await invite("owner", ["m2", "m3"]);
    const first = await fx.zim.post("QueryGroupMemberList", { GroupId: "g", Limit: 2, Next: 0 });
    expect(first.body).toMatchObject({ TotalCount: 4, Next: 2 });
    expect(first.body.MemberList).toHaveLength(2);
    const second = await fx.zim.post("QueryGroupMemberList", {
      GroupId: "g",
      Limit: 2,
      Next: first.body.Next,
    });
    expect(second.body).toMatchObject({
      Next: 0,
      MemberList: [{ UserId: "m2", UserName: "M2", UserNickName: "", Role: 3 }, { UserId: "m3" }],
    });
    expect((await fx.zim.post("QueryGroupMemberList", { GroupId: "nope" })).body.Code).toBe(
      660600001,
    );
  });

  it("transfers ownership and sets roles", async () => {
    const q = (p: Record<string, string | number>) =>
      fx.zim.get("TransferGroupOwner", { FromUserId: "owner", GroupId: "g", ...p });
    expect((await q({ NewOwner: "out" })).body.Code).toBe(660600024);
    expect((await q({ NewOwner: "m1" })).body.Code).toBe(0);
    expect(await members("g")).toEqual(["owner:3", "m1:1"]);
    const role = (p: Record<string, string | number>) =>
      fx.zim.get("SetGroupMemberRole", { GroupId: "g", ...p });
    expect((await role({ FromUserId: "m1", ToUserId: "owner", Role: 2 })).body.Code).toBe(0);
    expect((await role({ FromUserId: "m1", ToUserId: "owner", Role: 1 })).body.Code).toBe(
      660600029,
    );
    expect((await role({ FromUserId: "m1", ToUserId: "m1", Role: 2 })).body.Code).toBe(660600030);
    expect((await role({ FromUserId: "m1", ToUserId: "out", Role: 2 })).body.Code).toBe(660600024);
    // The owner's role is not settable: a parameter error (no code is documented, #17 §U2).
    expect((await role({ FromUserId: "owner", ToUserId: "m1", Role: 2 })).body.Code).toBe(
      660000002,
    );
    expect(await members("g")).toEqual(["owner:2", "m1:1"]);
  });

  it("sets member nicknames", async () => {
    const res = await fx.zim.post("SetGroupMembersNickname", {
      FromUserId: "owner",
      GroupId: "g",
      UserIds: [
        { UserId: "m1", Nickname: "Nick" },
        { UserId: "out", Nickname: "x" },
      ],
    });
    expect(res.body).toMatchObject({
      Code: 0,
      ErrorUsers: [{ UserId: "out", SubCode: 660600024 }],
    });
    const list = await fx.zim.post("QueryGroupMemberList", { GroupId: "g" });
    expect(list.body.MemberList).toMatchObject([
      { UserId: "owner" },
      { UserId: "m1", UserNickName: "Nick" },
    ]);
  });

  it("dismisses (any registered user may) and lists app groups", async () => {
    await create({ GroupId: "h", GroupName: "H" });
    const list = await fx.zim.get("QueryAppGroupList", { Limit: 1 });
    expect(list.body).toMatchObject({ TotalCount: 2, Next: 1, GroupIdList: [{ GroupId: "g" }] });
    const rest = await fx.zim.get("QueryAppGroupList", { Limit: 1, Next: 1 });
    expect(rest.body).toMatchObject({ Next: 0, GroupIdList: [{ GroupId: "h", GroupName: "H" }] });
    expect((await fx.zim.get("DismissGroup", { FromUserId: "out", GroupId: "g" })).body.Code).toBe(
      0,
    );
    expect((await fx.zim.get("DismissGroup", { FromUserId: "out", GroupId: "g" })).body.Code).toBe(
      660600001,
    );
    expect(
      (await fx.zim.get("DismissGroup", { FromUserId: "ghost", GroupId: "h" })).body.Code,
    ).toBe(660500002);
    expect((await groupInfo()).body.Code).toBe(660600001);
  });
});

describe("group data and mutes", () => {
  beforeEach(async () => {
    await create({ GroupId: "g", UserId: ["m1", "m2"] });
    await fx.zim.get("SetGroupMemberRole", {
      FromUserId: "owner",
      GroupId: "g",
      ToUserId: "m1",
      Role: 2,
    });
  });

  it('UpdateGroupData changes given fields, clears with "", needs one field', async () => {
    await fx.zim.post("UpdateGroupData", {
      FromUserId: "owner",
      GroupId: "g",
      GroupName: "New",
      GroupNotice: "hello",
    });
    expect(
      (await fx.zim.post("UpdateGroupData", { FromUserId: "owner", GroupId: "g", GroupNotice: "" }))
        .body.Code,
    ).toBe(0);
    const info = await groupInfo();
    expect(info.body).toMatchObject({ GroupName: "New", GroupNotice: "", GroupDataSeq: 3 });
    expect(
      (await fx.zim.post("UpdateGroupData", { FromUserId: "owner", GroupId: "g" })).body.Code,
    ).toBe(660000002);
    expect(
      (
        await fx.zim.post("UpdateGroupData", {
          FromUserId: "owner",
          GroupId: "g",
          GroupAvatar: "a".repeat(501),
        })
      ).body.Code,
    ).toBe(660000002);
  });

  it("ModifyGroupAttribute upserts and deletes; ModifyGroupLimit shows in QueryGroupInfo", async () => {
    const up = await fx.zim.post("ModifyGroupAttribute", {
      Action: 0,
      FromUserId: "owner",
      GroupId: "g",
      Attributes: [
        { Key: "a", Value: "1" },
        { Key: "k".repeat(17), Value: "x" },
      ],
    });
    expect(up.body).toMatchObject({
      Code: 0,
      FailKeys: [{ Key: "k".repeat(17) }],
      Attributes: { Attributes: [{ Key: "a", Value: "1" }] },
    });
    const del = await fx.zim.post("ModifyGroupAttribute", {
      Action: 1,
      FromUserId: "owner",
      GroupId: "g",
      Attributes: [{ Key: "a" }],
    });
    expect(del.body.Attributes).toEqual({ Attributes: [] });
    await fx.zim.get("ModifyGroupLimit", {
      FromUserId: "owner",
      GroupId: "g",
      JoinMode: 2,
      MemberCountLimit: 50,
    });
    const info = await groupInfo();
    expect(info.body.LimitInfo).toMatchObject({ JoinMode: 2, InviteMode: 0, MemberCountLimit: 50 });
    expect(
      (await fx.zim.get("ModifyGroupLimit", { FromUserId: "owner", GroupId: "g", JoinMode: 3 }))
        .body.Code,
    ).toBe(660000002);
  });

  it("MuteGroup: all / roles / lift, with expiry on the emulator clock", async () => {
    await mute("owner", { IsAllMuted: true, Duration: 60 });
    let info = await groupInfo();
    expect(info.body.IsAllForbid).toBe(true);
    expect(info.body.ForbidList).toBeUndefined();
    expect(info.body.ForbidExpireTime).toBeGreaterThan(fx.emu.now());
    await mute("m1", { MuteRoleList: [3], Duration: -1 });
    info = await groupInfo();
    expect(info.body).toMatchObject({ ForbidList: [3], ForbidExpireTime: -1 });
    expect(info.body.IsAllForbid).toBeUndefined();
    await mute("owner");
    info = await groupInfo();
    expect(info.body).toMatchObject({ IsAllForbid: false, ForbidExpireTime: 0 });
    await mute("owner", { IsAllMuted: true, Duration: 60 });
    fx.emu.setClock({ advanceMs: 61_000 });
    info = await groupInfo();
    expect(info.body.IsAllForbid).toBe(false);
  });

  it("mute permissions and ranges", async () => {
    expect((await mute("m2", { IsAllMuted: true })).body.Code).toBe(660600032);
    expect((await mute("m1", { MuteRoleList: [1] })).body.Code).toBe(660600032);
    expect((await mute("owner", { IsAllMuted: true, Duration: 2_592_001 })).body.Code).toBe(
      660000002,
    );
    // Non-member operators are let through (unverified rule, tolerant).
    expect((await mute("out", { IsAllMuted: false })).body.Code).toBe(0);
  });

  it("MuteGroupMembers and FetchForbidGroupList", async () => {
    const res = await muteMembers("m1", ["m2", "out"]);
    expect(res.body).toMatchObject({
      Code: 0,
      ErrorUsers: [{ UserId: "out", SubCode: 660600024 }],
    });
    expect((await muteMembers("m2", ["m1"])).body.Code).toBe(660600032);
    expect((await muteMembers("owner", ids(21, "x"))).body.Code).toBe(660000011);
    expect((await muteMembers("owner", ["out"])).body.Code).toBe(660600033);
    // The app's muted groups, whoever asks (#17 §G8.3): a non-member sees "g" too.
    let forbid = await fx.zim.post("FetchForbidGroupList", { FromUserId: "out", StartFlag: 0 });
    expect(forbid.body).toMatchObject({
      FetchEnd: 1,
      GroupList: [{ GroupId: "g", ForbidType: 4 }],
    });
    await mute("owner", { MuteRoleList: [3], Duration: -1 });
    forbid = await fx.zim.post("FetchForbidGroupList", { FromUserId: "m1" });
    expect(forbid.body.GroupList).toEqual([{ GroupId: "g", ForbidType: 6 }]);
    fx.emu.setClock({ advanceMs: 31_000 });
    await mute("owner", { Duration: 0 });
    expect(
      (await fx.zim.post("FetchForbidGroupList", { FromUserId: "m2" })).body.GroupList,
    ).toEqual([]);
  });
});
