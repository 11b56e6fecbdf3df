import { beforeEach, describe, expect, it } from "vitest";
import { blocklistOf } from "./test-blocklist.js";
import { ids, registerUsers, subCodes, useZego } from "./test-support.js";

const fx = useZego();

describe("UserRegister / RobotRegister", () => {
  it("registers, reports per-item SubCodes, all-failed is non-zero", async () => {
    const res = await fx.zim.post("UserRegister", {
      UserInfo: [
        { UserId: "alice", UserName: "Alice", UserAvatar: "https://a/x.png" },
        { UserId: "x".repeat(33) },
        { UserId: "bad*char" },
        { UserId: "bob", UserName: "n".repeat(257) },
        { UserId: "carol", UserAvatar: "a".repeat(501) },
        { UserId: "alice" },
      ],
    });
    expect(res.body.Code).toBe(0);
    expect(subCodes(res.body.ErrorList)).toEqual([
      ["x".repeat(33), 660000012],
      ["bad*char", 660000002],
      ["bob", 660700006],
      ["carol", 660700007],
      ["alice", 660700002],
    ]);
    const again = await fx.zim.post("UserRegister", { UserInfo: [{ UserId: "alice" }] });
    expect(again.body.Code).toBe(660700002);
    expect(again.body.ErrorList).toMatchObject([{ UserId: "alice", SubCode: 660700002 }]);
  });

  it("limits the list to 100 and requires it", async () => {
    const many = ids(101).map((UserId) => ({ UserId }));
    expect((await fx.zim.post("UserRegister", { UserInfo: many })).body.Code).toBe(660000011);
    expect((await fx.zim.post("UserRegister", { UserInfo: many.slice(0, 100) })).body.Code).toBe(0);
    expect((await fx.zim.post("UserRegister", {})).body.Code).toBe(660000002);
    expect((await fx.zim.post("UserRegister", { UserInfo: "u1" })).body.Code).toBe(660000002);
  });

  it("RobotRegister needs @RBT# ids and ≤ 20 entries", async () => {
    const res = await fx.zim.post("RobotRegister", {
      UserInfo: [{ UserId: "@RBT#bot1" }, { UserId: "human" }],
    });
    expect(res.body.Code).toBe(0);
    expect(res.body.ErrorList).toMatchObject([{ UserId: "human", SubCode: 660000002 }]);
    const many = ids(21, "@RBT#").map((UserId) => ({ UserId }));
    expect((await fx.zim.post("RobotRegister", { UserInfo: many })).body.Code).toBe(660000011);
  });
});

describe("QueryUserInfos / ModifyUserInfo", () => {
  beforeEach(async () => {
    await fx.zim.post("UserRegister", {
      UserInfo: [{ UserId: "a", UserName: "A" }, { UserId: "b" }],
    });
  });

  it("queries with partial success and all-unknown → 660700015", async () => {
    const res = await fx.zim.post("QueryUserInfos", { UserIds: ["a", "ghost"] });
    expect(res.body.Code).toBe(0);
    expect(res.body.Result).toEqual([{ UserId: "a", UserName: "A", UserAvatar: "", Extra: "" }]);
    expect(res.body.ErrorList).toEqual([{ UserId: "ghost", SubCode: 660000002 }]);
    expect((await fx.zim.post("QueryUserInfos", { UserIds: ["ghost"] })).body.Code).toBe(660700015);
    expect((await fx.zim.post("QueryUserInfos", { UserIds: ids(101) })).body.Code).toBe(660000011);
  });

  it("fills ErrorList also when no user exists (660700015 as Code: unverified)", async () => {
    const res = await fx.zim.post("QueryUserInfos", { UserIds: ["ghost", "L".repeat(65)] });
    expect(res.body).toMatchObject({
      Code: 660700015,
      ErrorList: [
        { UserId: "ghost", SubCode: 660000002 },
        { UserId: "L".repeat(65), SubCode: 660000002 },
      ],
    });
    expect((await fx.zim.post("QueryUserInfos", { UserIds: "a" })).body.Code).toBe(660000002);
  });

  it("still answers a logged-out user's profile (the page's 'or logged out' is unverified)", async () => {
    await fx.emu.login({ userId: "a" });
    await fx.emu.logout({ userId: "a" });
    const res = await fx.zim.post("QueryUserInfos", { UserIds: ["a"] });
    expect(res.body).toMatchObject({ Code: 0, Result: [{ UserId: "a" }], ErrorList: [] });
  });

  it("modifies only the given fields, Extra within its limit", async () => {
    const res = await fx.zim.post("ModifyUserInfo", {
      UserInfo: [
        { UserId: "a", Extra: '{"level":3}' },
        { UserId: "b", UserName: "Bee", UserAvatar: "https://b" },
        { UserId: "ghost", UserName: "G" },
        { UserId: "b", Extra: "e".repeat(2049) },
      ],
    });
    expect(res.body).toMatchObject({
      Code: 0,
      ErrorList: [
        { UserId: "ghost", SubCode: 660700012 },
        { UserId: "b", SubCode: 660000002 },
      ],
    });
    const q = await fx.zim.post("QueryUserInfos", { UserIds: ["a", "b"] });
    expect(q.body.Result).toEqual([
      { UserId: "a", UserName: "A", UserAvatar: "", Extra: '{"level":3}' },
      { UserId: "b", UserName: "Bee", UserAvatar: "https://b", Extra: "" },
    ]);
    expect(
      (await fx.zim.post("ModifyUserInfo", { UserInfo: [{ UserId: "ghost" }] })).body.Code,
    ).toBe(660700012);
  });
});

describe("QueryUserOnlineState (driven by simulated logins)", () => {
  it("Online after login; 660200001 when never logged in or logged out; Offline after a drop", async () => {
    await registerUsers(fx.zim, "a", "b", "c");
    await fx.emu.login({ userId: "a" });
    await fx.emu.login({ userId: "b" });
    await fx.emu.login({ userId: "c" });
    await fx.emu.logout({ userId: "b" });
    await fx.emu.logout({ userId: "c", reason: "offline" });
    const res = await fx.zim.get("QueryUserOnlineState", { UserId: ["a", "b", "c", "never"] });
    expect(res.body.Code).toBe(0);
    expect(res.body.Result).toEqual([
      { UserId: "a", Status: "Online" },
      { UserId: "c", Status: "Offline" },
    ]);
    expect(res.body.ErrorList).toEqual([
      { UserId: "b", SubCode: 660200001 },
      { UserId: "never", SubCode: 660200001 },
    ]);
    expect((await fx.zim.get("QueryUserOnlineState", { UserId: ["never"] })).body.Code).toBe(
      660200001,
    );
    expect((await fx.zim.get("QueryUserOnlineState", { UserId: ids(101) })).body.Code).toBe(
      660000011,
    );
    expect((await fx.zim.get("QueryUserOnlineState", {})).body.Code).toBe(660000002);
  });

  it("a login registers the user", async () => {
    await fx.emu.login({ userId: "fresh", userName: "Fresh" });
    const res = await fx.zim.post("QueryUserInfos", { UserIds: ["fresh"] });
    expect(res.body.Result).toMatchObject([{ UserId: "fresh", UserName: "Fresh" }]);
  });
});

describe("QueryGroupsInfoOfUser", () => {
  it("pages the user's groups with NextRsp", async () => {
    fx.emu.seed({
      users: [{ userId: "a" }, { userId: "b" }],
      groups: [
        { groupId: "g1", owner: "a", groupName: "One" },
        { groupId: "g2", owner: "b", members: ["a"] },
        { groupId: "g3", owner: "b" },
      ],
    });
    const first = await fx.zim.post("QueryGroupsInfoOfUser", {
      FromUserId: "a",
      Limit: 1,
      Next: "",
    });
    expect(first.body).toMatchObject({
      Code: 0,
      NextRsp: "1",
      HasJoinGroupNum: 2,
      GroupInfoList: [{ GroupId: "g1", GroupName: "One", GroupAvatar: "" }],
    });
    const second = await fx.zim.post("QueryGroupsInfoOfUser", {
      FromUserId: "a",
      Limit: 1,
      Next: first.body.NextRsp,
    });
    expect(second.body).toMatchObject({ NextRsp: "0", GroupInfoList: [{ GroupId: "g2" }] });
    expect(
      (await fx.zim.post("QueryGroupsInfoOfUser", { FromUserId: "a", Limit: 0 })).body.Code,
    ).toBe(660000002);
    expect(
      (await fx.zim.post("QueryGroupsInfoOfUser", { FromUserId: "ghost", Limit: 10 })).body.Code,
    ).toBe(660500002);
  });
});

describe("blocklist", () => {
  beforeEach(() => registerUsers(fx.zim, "a", "b", "c"));

  it("adds, checks, lists, removes, with documented SubCodes", async () => {
    const a = blocklistOf(fx.zim, "a");
    const add = await a.add(["b", "a", "ghost"]);
    expect(add.body.Code).toBe(0);
    expect(add.body.ErrList).toEqual([
      { UserId: "a", SubCode: 660800038 },
      { UserId: "ghost", SubCode: 660700015 },
    ]);
    expect((await a.add(["b"])).body.Code).toBe(660800041);
    const check = await a.check(["b", "c"]);
    expect(check.body.Succ).toEqual([
      { UserId: "b", Result: 1 },
      { UserId: "c", Result: 0 },
    ]);
    const list = await a.query({ Limit: 10 });
    expect(list.body).toMatchObject({ TotalCount: 1, Next: 0, Blacklist: [{ UserId: "b" }] });
    expect((await a.remove(["c"])).body.Code).toBe(660800042);
    expect((await a.remove(["b"])).body.Code).toBe(0);
    expect((await a.add(ids(21))).body.Code).toBe(660800039);
  });

  it("a blocked sender's peer message fails for that receiver only", async () => {
    await blocklistOf(fx.zim, "b").add(["a"]);
    const send = await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b", "c"],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: "hi" },
    });
    expect(send.body.Code).toBe(0);
    expect(send.body.ErrorList).toEqual([{ UserId: "b", SubCode: 660800045 }]);
    expect(send.body.SuccList).toMatchObject([{ UserId: "c", MsgSeq: 1 }]);
  });
});
