import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const sns = (command: string, body: Body) => fx.tim.call(`sns/${command}`, body);
const befriend = async (from: string, ...to: string[]) =>
  ok(
    await sns("friend_add", {
      From_Account: from,
      AddFriendItem: to.map((To_Account) => ({ To_Account, AddSource: "AddSource_Type_Server" })),
      ForceAddFlags: 1,
    }),
  );
const lists = async (from: string) =>
  ok(await sns("group_get", { From_Account: from, NeedFriend: "Need_Friend_Type_Yes" }))
    .ResultItem as Body[];
const listsOf = async (from: string, to: string) =>
  ok(
    await sns("friend_get_list", {
      From_Account: from,
      To_Account: [to],
      TagList: ["Tag_SNS_IM_Group"],
    }),
  ).InfoItem[0].SnsProfileItem as Body[];

describe("friend lists (sns group_*)", () => {
  it("group_add creates lists and puts friends in all of them; not a friend is per-item 32216", async () => {
    await importUsers(fx.tim, "a", "b", "c", "d");
    await befriend("a", "b", "c");
    const added = ok(
      await sns("group_add", {
        From_Account: "a",
        GroupName: ["work", "golf"],
        To_Account: ["b", "d", "zz"],
      }),
    );
    expect(added.ResultItem).toEqual([
      { To_Account: "b", ResultCode: 0, ResultInfo: "" },
      { To_Account: "d", ResultCode: 32216, ResultInfo: "Err_SNS_GroupAdd_ToTinyId_Not_Friend" },
      { To_Account: "zz", ResultCode: 30003, ResultInfo: "Err_SNS_GroupAdd_Account_Not_Exist" },
    ]);
    expect(added.Fail_Account).toEqual(["d", "zz"]);
    expect(typeof added.CurrentSequence).toBe("number");
    // Without To_Account: no ResultItem; the list exists empty.
    const empty = ok(await sns("group_add", { From_Account: "a", GroupName: ["solo"] }));
    expect(empty).not.toHaveProperty("ResultItem");
    expect(await lists("a")).toEqual([
      { GroupName: "work", FriendNumber: 1, To_Account: ["b"] },
      { GroupName: "golf", FriendNumber: 1, To_Account: ["b"] },
      { GroupName: "solo", FriendNumber: 0, To_Account: [] },
    ]);
    expect(await listsOf("a", "b")).toEqual([{ Tag: "Tag_SNS_IM_Group", Value: ["work", "golf"] }]);
  });

  it("friend_update's Tag_SNS_IM_Group moves friends between existing lists", async () => {
    await importUsers(fx.tim, "a", "b");
    await befriend("a", "b");
    ok(await sns("group_add", { From_Account: "a", GroupName: ["x", "y"] }));
    const update = (Value: string[]) =>
      sns("friend_update", {
        From_Account: "a",
        UpdateItem: [{ To_Account: "b", SnsItem: [{ Tag: "Tag_SNS_IM_Group", Value }] }],
      });
    ok(await update(["y"]));
    expect((await lists("a")).map((l) => [l.GroupName, l.To_Account])).toEqual([
      ["x", []],
      ["y", ["b"]],
    ]);
    ok(await update([]));
    expect(await listsOf("a", "b")).toEqual([]);
    expect(await lists("a")).toHaveLength(2);
  });

  it("group_delete removes lists but keeps the friends; unknown names are ignored", async () => {
    await importUsers(fx.tim, "a", "b");
    await befriend("a", "b");
    ok(await sns("group_add", { From_Account: "a", GroupName: ["x", "y"], To_Account: ["b"] }));
    ok(await sns("group_delete", { From_Account: "a", GroupName: ["x", "nope"] }));
    expect((await lists("a")).map((l) => l.GroupName)).toEqual(["y"]);
    expect(await listsOf("a", "b")).toEqual([{ Tag: "Tag_SNS_IM_Group", Value: ["y"] }]);
    const check = ok(
      await sns("friend_check", {
        From_Account: "a",
        To_Account: ["b"],
        CheckType: "CheckResult_Type_Both",
      }),
    );
    expect(check.InfoItem[0].Relation).toBe("CheckResult_Type_BothWay");
  });

  it("group_get with GroupName answers those lists without members (unknown ones left out)", async () => {
    await importUsers(fx.tim, "a", "b");
    await befriend("a", "b");
    ok(await sns("group_add", { From_Account: "a", GroupName: ["x"], To_Account: ["b"] }));
    const got = ok(
      await sns("group_get", {
        From_Account: "a",
        GroupName: ["x", "nope"],
        NeedFriend: "Need_Friend_Type_Yes",
        LastSequence: 0,
      }),
    );
    expect(got.ResultItem).toEqual([{ GroupName: "x", FriendNumber: 1 }]);
  });

  it("limits: 32 lists (30011), names of 1-30 bytes (30001), an imported owner (30003)", async () => {
    await importUsers(fx.tim, "a");
    const names = Array.from({ length: 32 }, (_, i) => `l${i}`);
    ok(await sns("group_add", { From_Account: "a", GroupName: names }));
    // An existing name again is fine (idempotent, unverified); a 33rd list is not.
    ok(await sns("group_add", { From_Account: "a", GroupName: ["l0"] }));
    expect((await sns("group_add", { From_Account: "a", GroupName: ["l32"] })).ErrorCode).toBe(
      30011,
    );
    ok(await sns("group_delete", { From_Account: "a", GroupName: ["l0"] }));
    ok(await sns("group_add", { From_Account: "a", GroupName: ["é".repeat(15)] }));
    const code = async (body: Body) =>
      (await sns("group_add", { From_Account: "a", ...body })).ErrorCode;
    expect(await code({ GroupName: ["x".repeat(31)] })).toBe(30001);
    expect(await code({ GroupName: [""] })).toBe(30001);
    expect(await code({ GroupName: [] })).toBe(30001);
    expect(await code({})).toBe(30001);
    expect((await sns("group_add", { From_Account: "ghost", GroupName: ["x"] })).ErrorCode).toBe(
      30003,
    );
    expect((await sns("group_get", { From_Account: "ghost" })).ErrorCode).toBe(30003);
  });
});
