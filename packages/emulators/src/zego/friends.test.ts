import { beforeEach, describe, expect, it } from "vitest";
import { ids, registerUsers, subCodes, useZego } from "./test-support.js";

// Friend Actions (zego.md #15 §1-8): limits, SubCodes, one-way and two-way semantics.
const fx = useZego({}, { friendLimit: 3 });

async function relations(from: string, userIds: string[]) {
  const res = await fx.zim.post("CheckFriendsRelation", {
    FromUserId: from,
    UserIds: userIds,
    CheckType: 0,
  });
  return (res.body.Successes as { UserId: string; Relation: number }[]).map((s) => [
    s.UserId,
    s.Relation,
  ]);
}

const add = (from: string, infos: Record<string, unknown>[]) =>
  fx.zim.post("AddFriends", { FromUserId: from, FriendInfos: infos });

beforeEach(() => registerUsers(fx.zim, "a", "b", "c", "d", "e"));

describe("AddFriends", () => {
  it("befriends both ways, the alias and attributes on FromUserId's side only", async () => {
    const res = await add("a", [
      {
        UserId: "b",
        FriendAlias: "Bee",
        Wording: "hi",
        Attributes: [{ Key: "k1", Value: "v" }],
      },
    ]);
    expect(res.body).toMatchObject({ Code: 0, ErrorList: [] });
    expect(await relations("a", ["b", "c"])).toEqual([
      ["b", 6],
      ["c", 3],
    ]);
    const mine = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 10, Next: 0 });
    expect(mine.body.FriendInfos).toMatchObject([
      { UserId: "b", FriendAlias: "Bee", Wording: "hi", Attributes: [{ Key: "k1", Value: "v" }] },
    ]);
    const theirs = await fx.zim.get("QueryFriendList", { FromUserId: "b", Limit: 10, Next: 0 });
    expect(theirs.body.FriendInfos).toMatchObject([
      { UserId: "a", FriendAlias: "", Wording: "hi", Attributes: [] },
    ]);
  });

  it("answers per item: self, unknown, too long, future time, repeat, already friends", async () => {
    await add("a", [{ UserId: "b" }]);
    const res = await add("a", [
      { UserId: "a" },
      { UserId: "ghost" },
      { UserId: "c", FriendAlias: "x".repeat(257) },
      { UserId: "d", FriendTime: fx.emu.now() + 60_000 },
      { UserId: "b" },
      { UserId: "e", FriendAlias: "é".repeat(256), FriendTime: 1_600_000_000_000 },
      { UserId: "e" },
    ]);
    expect(res.body.Code).toBe(0);
    expect(subCodes(res.body.ErrorList)).toEqual([
      ["a", 660800020],
      ["ghost", 660700015],
      ["c", 660800021],
      ["d", 660800046],
      ["b", 660800027],
      ["e", 660800022],
    ]);
    const list = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 10, Next: 0 });
    expect(list.body.FriendInfos).toMatchObject([
      { UserId: "b" },
      { UserId: "e", CreateTime: 1_600_000_000_000 },
    ]);
  });

  it("all targets unknown → 660800025; all failed otherwise → the SubCode", async () => {
    const none = await add("a", [{ UserId: "ghost" }, { UserId: "ghost2" }]);
    expect(none.body.Code).toBe(660800025);
    expect(subCodes(none.body.ErrorList)).toEqual([
      ["ghost", 660700015],
      ["ghost2", 660700015],
    ]);
    expect((await add("a", [{ UserId: "a" }])).body.Code).toBe(660800020);
  });

  it("checks the request: batch of 20, FromUserId, attribute keys, lengths", async () => {
    const many = ids(21).map((UserId) => ({ UserId }));
    expect((await add("a", many)).body.Code).toBe(660800019);
    expect((await add("ghost", [{ UserId: "b" }])).body.Code).toBe(660500002);
    const attrs = (Attributes: unknown) => add("a", [{ UserId: "b", Attributes }]);
    expect((await attrs([{ Key: "k5", Value: "v" }])).body.Code).toBe(660800023);
    expect(
      (
        await attrs([
          { Key: "k0", Value: "v" },
          { Key: "k0", Value: "w" },
        ])
      ).body.Code,
    ).toBe(660800032);
    expect((await attrs([{ Key: "k0", Value: "v".repeat(1023) }])).body.Code).toBe(660800024);
    expect((await attrs([{ Key: "k0" }])).body.Code).toBe(660800026);
    expect((await attrs(ids(6, "k").map((Key) => ({ Key, Value: "" })))).body.Code).toBe(660800026);
    expect((await attrs([{ Key: "k0", Value: "v".repeat(1022) }])).body.Code).toBe(0);
    expect((await fx.zim.post("AddFriends", { FromUserId: "a" })).body.Code).toBe(660000002);
  });

  it("refuses a friend past either user's limit with 660800028", async () => {
    // This app allows 3 friends per user (the real default is 3000).
    await add("a", [{ UserId: "b" }, { UserId: "c" }, { UserId: "d" }]);
    const res = await add("a", [{ UserId: "e" }]);
    expect(res.body.Code).toBe(660800028);
    expect(subCodes(res.body.ErrorList)).toEqual([["e", 660800028]]);
    expect((await add("e", [{ UserId: "a" }])).body.Code).toBe(660800028);
  });
});

describe("DeleteFriends / DeleteAllFriends", () => {
  beforeEach(async () => {
    await add("a", [{ UserId: "b" }, { UserId: "c" }, { UserId: "d" }]);
  });

  it("DeleteType 1 leaves the other side; 0 removes both; not a friend → 660800034", async () => {
    const one = await fx.zim.post("DeleteFriends", {
      FromUserId: "a",
      UserIds: ["b"],
      DeleteType: 1,
    });
    expect(one.body).toMatchObject({ Code: 0, ErrorList: [] });
    expect(await relations("a", ["b"])).toEqual([["b", 5]]);
    expect(await relations("b", ["a"])).toEqual([["a", 4]]);
    const one2 = await fx.zim.post("DeleteFriends", {
      FromUserId: "a",
      UserIds: ["b", "c", "c", "a", "e"],
      DeleteType: 0,
    });
    expect(one2.body.Code).toBe(0);
    // Two-way: b still had a (one-way), so b's entry goes too.
    expect(subCodes(one2.body.ErrorList)).toEqual([
      ["c", 660800022],
      ["a", 660800033],
      ["e", 660800034],
    ]);
    expect(await relations("a", ["b", "c", "d"])).toEqual([
      ["b", 3],
      ["c", 3],
      ["d", 6],
    ]);
    const none = await fx.zim.post("DeleteFriends", {
      FromUserId: "a",
      UserIds: ["b"],
      DeleteType: 1,
    });
    expect(none.body.Code).toBe(660800034);
  });

  it("checks batch size, DeleteType and FromUserId", async () => {
    const del = (body: Record<string, unknown>) =>
      fx.zim.post("DeleteFriends", { FromUserId: "a", UserIds: ["b"], DeleteType: 0, ...body });
    expect((await del({ UserIds: ids(21) })).body.Code).toBe(660800019);
    expect((await del({ DeleteType: 2 })).body.Code).toBe(660000002);
    expect((await del({ DeleteType: undefined })).body.Code).toBe(660000002);
    expect((await del({ FromUserId: "ghost" })).body.Code).toBe(660500002);
  });

  it("DeleteAllFriends (GET) one-way keeps the others' entries; two-way clears them", async () => {
    const one = await fx.zim.get("DeleteAllFriends", { FromUserId: "a", DeleteType: 1 });
    expect(one.body.Code).toBe(0);
    expect(await relations("a", ["b", "c"])).toEqual([
      ["b", 5],
      ["c", 5],
    ]);
    await add("a", [{ UserId: "b" }]);
    expect(
      (await fx.zim.get("DeleteAllFriends", { FromUserId: "a", DeleteType: 0 })).body.Code,
    ).toBe(0);
    expect(await relations("a", ["b", "c"])).toEqual([
      ["b", 3],
      ["c", 5],
    ]);
    expect(
      (await fx.zim.get("DeleteAllFriends", { FromUserId: "a", DeleteType: 3 })).body.Code,
    ).toBe(660000002);
  });
});

describe("QueryFriendList / CheckFriendsRelation", () => {
  it("pages with Next (0 = done) and clamps Limit to 100", async () => {
    await add("a", [{ UserId: "b" }, { UserId: "c" }, { UserId: "d" }]);
    const first = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 2, Next: 0 });
    expect(first.body).toMatchObject({ TotalCount: 3, Next: 2 });
    expect((first.body.FriendInfos as unknown[]).length).toBe(2);
    const second = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 2, Next: 2 });
    expect(second.body).toMatchObject({ Next: 0, FriendInfos: [{ UserId: "d" }] });
    const all = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 500, Next: 0 });
    expect(all.body).toMatchObject({ Code: 0, Next: 0 });
    expect((all.body.FriendInfos as unknown[]).length).toBe(3);
  });

  it("CheckType 1 answers 1/2; unknown targets are Fails; 20 per call", async () => {
    await add("a", [{ UserId: "b" }]);
    const res = await fx.zim.post("CheckFriendsRelation", {
      FromUserId: "a",
      UserIds: ["b", "c", "ghost"],
      CheckType: 1,
    });
    expect(res.body.Successes).toEqual([
      { UserId: "b", Relation: 2 },
      { UserId: "c", Relation: 1 },
    ]);
    expect(subCodes(res.body.Fails)).toEqual([["ghost", 660700015]]);
    const many = await fx.zim.post("CheckFriendsRelation", {
      FromUserId: "a",
      UserIds: ids(21),
      CheckType: 0,
    });
    expect(many.body.Code).toBe(660800019);
  });
});

describe("UpdateFriendsAlias / UpdateFriendAttributes", () => {
  beforeEach(async () => {
    await add("a", [{ UserId: "b", Attributes: [{ Key: "k0", Value: "x".repeat(500) }] }]);
  });

  it("changes aliases of friends; not a friend and too long are per item", async () => {
    const res = await fx.zim.post("UpdateFriendsAlias", {
      FromUserId: "a",
      UserIds: [
        { UserId: "b", FriendAlias: "Bee" },
        { UserId: "c", FriendAlias: "Cee" },
        { UserId: "b", FriendAlias: "x".repeat(257) },
      ],
    });
    expect(res.body.Code).toBe(0);
    expect(subCodes(res.body.ErrorList)).toEqual([
      ["c", 660800034],
      ["b", 660800021],
    ]);
    const list = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 10, Next: 0 });
    expect(list.body.FriendInfos).toMatchObject([{ UserId: "b", FriendAlias: "Bee" }]);
    const many = ids(21).map((UserId) => ({ UserId, FriendAlias: "" }));
    expect(
      (await fx.zim.post("UpdateFriendsAlias", { FromUserId: "a", UserIds: many })).body.Code,
    ).toBe(660800019);
  });

  it("sets attributes per key with FailKey for bad, repeated or too-long keys", async () => {
    const set = (Attributes: unknown, more: Record<string, unknown> = {}) =>
      fx.zim.post("UpdateFriendAttributes", {
        FromUserId: "a",
        UserId: "b",
        Attributes,
        Action: 0,
        ...more,
      });
    const res = await set([
      { Key: "k1", Value: "one" },
      { Key: "k9", Value: "nine" },
      { Key: "k1", Value: "again" },
      { Key: "k2", Value: "y".repeat(520) },
    ]);
    expect(res.body.Code).toBe(0);
    expect(res.body.FailKey).toEqual([
      { Key: "k9", SubCode: 660800023 },
      { Key: "k1", SubCode: 660800032 },
      { Key: "k2", SubCode: 660800024 },
    ]);
    const list = await fx.zim.get("QueryFriendList", { FromUserId: "a", Limit: 10, Next: 0 });
    expect(list.body.FriendInfos).toMatchObject([
      {
        Attributes: [
          { Key: "k0", Value: "x".repeat(500) },
          { Key: "k1", Value: "one" },
        ],
      },
    ]);
    expect((await set([{ Key: "k9", Value: "" }])).body).toMatchObject({
      Code: 660800023,
      FailKey: [{ Key: "k9", SubCode: 660800023 }],
    });
    expect((await set([{ Key: "k3", Value: "z".repeat(1023) }])).body.Code).toBe(660800024);
    expect((await set([{ Key: "k3", Value: "" }], { UserId: "c" })).body.Code).toBe(660800034);
    expect((await set([{ Key: "k3", Value: "" }], { Action: 1 })).body.Code).toBe(660000002);
    expect((await set([])).body.Code).toBe(660000002);
  });
});
