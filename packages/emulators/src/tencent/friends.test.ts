import { describe, expect, it } from "vitest";
import {
  type Body,
  importUsers,
  ok,
  type TimClient,
  useTencent,
  withTencent,
} from "./test-support.js";

const fx = useTencent();
const SOURCE = "AddSource_Type_Server";

const add = (from: string, to: string[], extra: Body = {}, item: Body = {}) =>
  fx.tim.call("sns/friend_add", {
    From_Account: from,
    AddFriendItem: to.map((To_Account) => ({ To_Account, AddSource: SOURCE, ...item })),
    ForceAddFlags: 1,
    ...extra,
  });
const check = async (from: string, to: string[], tim: TimClient = fx.tim) =>
  ok(
    await tim.call("sns/friend_check", {
      From_Account: from,
      To_Account: to,
      CheckType: "CheckResult_Type_Both",
    }),
  ).InfoItem.map((i: Body) => i.Relation);
const codes = (answer: Body) => answer.ResultItem.map((r: Body) => r.ResultCode);
/** n account ids, imported through the control API (REST imports 100 a call). */
const seedUsers = (prefix: string, n: number) => {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  fx.emu.seed({ accounts: ids });
  return ids;
};

describe("friend_add", () => {
  it("adds both ways by default and one way with Add_Type_Single", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    const both = ok(await add("a", ["b"], {}, { Remark: "Bee", GroupName: "work" }));
    expect(both.ErrorDisplay).toBe("");
    expect(both.ResultItem).toEqual([{ To_Account: "b", ResultCode: 0, ResultInfo: "" }]);
    expect(both).not.toHaveProperty("Fail_Account");
    ok(await add("a", ["c"], { AddType: "Add_Type_Single" }));
    expect(await check("a", ["b", "c"])).toEqual([
      "CheckResult_Type_BothWay",
      "CheckResult_Type_AWithB",
    ]);
    expect(await check("c", ["a"])).toEqual(["CheckResult_Type_BWithA"]);
    // Both on an existing one-way row fills the missing direction (unverified: emulated so).
    expect(codes(ok(await add("c", ["a"])))).toEqual([0]);
    expect(await check("a", ["c"])).toEqual(["CheckResult_Type_BothWay"]);
  });

  it("answers per item: unknown 30003, self and already-friends 30001, bad fields 30001", async () => {
    await importUsers(fx.tim, "a", "b", "c", "d");
    ok(await add("a", ["b"]));
    const answer = ok(
      await fx.tim.call("sns/friend_add", {
        From_Account: "a",
        ForceAddFlags: 1,
        AddFriendItem: [
          { To_Account: "ghost", AddSource: SOURCE },
          { To_Account: "a", AddSource: SOURCE },
          { To_Account: "b", AddSource: SOURCE },
          { To_Account: "c", AddSource: "Server" },
          { To_Account: "c", AddSource: SOURCE, Remark: "x".repeat(97) },
          { To_Account: "d", AddSource: SOURCE, Remark: "x".repeat(96) },
        ],
      }),
    );
    expect(answer.ResultItem.map((r: Body) => [r.ResultCode, r.ResultInfo])).toEqual([
      [30003, "Err_SNS_FriendAdd_Account_Not_Exist"],
      [30001, "Err_SNS_FriendAdd_Add_Self"],
      [30001, "Err_SNS_FriendAdd_Friend_Exist"],
      [30001, "Err_SNS_FriendAdd_Invalid_Param"],
      [30001, "Err_SNS_FriendAdd_Invalid_Param"],
      [0, ""],
    ]);
    expect(answer.Fail_Account).toEqual(["ghost", "a", "b", "c", "c"]);
  });

  it("fails the whole call for an unknown From_Account (30003) or over 1000 items (30001)", async () => {
    await importUsers(fx.tim, "a");
    expect((await add("ghost", ["a"])).ErrorCode).toBe(30003);
    const many = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    const over = await add("a", many);
    expect([over.ActionStatus, over.ErrorCode]).toEqual(["FAIL", 30001]);
    expect((await add("a", ["a"], { AddType: "Add_Type_Sometimes" })).ErrorCode).toBe(30001);
  });

  it("without ForceAddFlags asks the peer's AllowType: NeedConfirm 30539, DenyAny 30516", async () => {
    await importUsers(fx.tim, "a", "open", "shut", "asks");
    const allow = (u: string, v: string) =>
      fx.tim.call("profile/portrait_set", {
        From_Account: u,
        ProfileItem: [{ Tag: "Tag_Profile_IM_AllowType", Value: v }],
      });
    ok(await allow("open", "AllowType_Type_AllowAny"));
    ok(await allow("shut", "AllowType_Type_DenyAny"));
    const answer = ok(await add("a", ["open", "shut", "asks"], { ForceAddFlags: 0 }));
    expect(codes(answer)).toEqual([0, 30516, 30539]);
    expect(codes(ok(await add("a", ["shut", "asks"])))).toEqual([0, 0]);
  });

  it("refuses blocked pairs: 30515 (peer on my list), 30525 (I am on theirs)", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(await fx.tim.call("sns/black_list_add", { From_Account: "a", To_Account: ["b"] }));
    ok(await fx.tim.call("sns/black_list_add", { From_Account: "c", To_Account: ["a"] }));
    expect(codes(ok(await add("a", ["b", "c"])))).toEqual([30515, 30525]);
  });

  it("caps a friend table at 3000: 30010 for mine, 30014 for the peer's", async () => {
    const [full, ...others] = seedUsers("cap", 3002) as [string, ...string[]];
    await importUsers(fx.tim, "x");
    for (let i = 0; i < 3000; i += 1000) {
      const chunk = others.slice(i, i + 1000);
      const r = ok(
        await fx.tim.call("sns/friend_import", {
          From_Account: full,
          AddFriendItem: chunk.map((To_Account) => ({ To_Account, AddSource: SOURCE })),
        }),
      );
      expect(r).not.toHaveProperty("Fail_Account");
    }
    expect(codes(ok(await add(full, [others[3000] as string])))).toEqual([30010]);
    expect(codes(ok(await add("x", [full])))).toEqual([30014]);
    // One way needs no row in the full table.
    expect(codes(ok(await add("x", [full], { AddType: "Add_Type_Single" })))).toEqual([0]);
  });
});

describe("friend_import", () => {
  it("imports one-way rows with their AddTime, remark and custom fields; no consent needed", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    const answer = ok(
      await fx.tim.call("sns/friend_import", {
        From_Account: "a",
        AddFriendItem: [
          {
            To_Account: "b",
            AddSource: SOURCE,
            Remark: "Old",
            AddTime: 1_600_000_000,
            GroupName: ["x", "y"],
            CustomItem: [{ Tag: "Tag_SNS_Custom_Note", Value: "n" }],
          },
          { To_Account: "ghost", AddSource: SOURCE },
          { To_Account: "a", AddSource: SOURCE },
        ],
      }),
    );
    expect(codes(answer)).toEqual([0, 30003, 30001]);
    expect(await check("a", ["b"])).toEqual(["CheckResult_Type_AWithB"]);
    const list = ok(await fx.tim.call("sns/friend_get", { From_Account: "a", StartIndex: 0 }));
    expect(list.UserDataItem[0].ValueItem).toEqual(
      expect.arrayContaining([
        { Tag: "Tag_SNS_IM_Remark", Value: "Old" },
        { Tag: "Tag_SNS_IM_AddTime", Value: 1_600_000_000 },
        { Tag: "Tag_SNS_IM_Group", Value: ["x", "y"] },
        { Tag: "Tag_SNS_Custom_Note", Value: "n" },
      ]),
    );
  });

  it("refuses the whole call for a custom field the console does not declare", async () => {
    await withTencent({ customFriendTags: ["Tag_SNS_Custom_Note"] }, async (tim) => {
      await importUsers(tim, "a", "b");
      const item = (Tag: string) => ({
        From_Account: "a",
        AddFriendItem: [{ To_Account: "b", AddSource: SOURCE, CustomItem: [{ Tag, Value: "v" }] }],
      });
      ok(await tim.call("sns/friend_import", item("Tag_SNS_Custom_Note")));
      const bad = await tim.call("sns/friend_import", item("Tag_SNS_Custom_Type"));
      expect([bad.ActionStatus, bad.ErrorCode]).toEqual(["FAIL", 30001]);
      expect(bad.ErrorInfo).toContain("Invalid field: Tag_SNS_Custom_Type");
    });
  });
});

describe("friend_update", () => {
  it("sets remark, lists and custom fields; not a friend 30001, unknown 30003", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(await add("a", ["b"]));
    const answer = ok(
      await fx.tim.call("sns/friend_update", {
        From_Account: "a",
        UpdateItem: [
          {
            To_Account: "b",
            SnsItem: [
              { Tag: "Tag_SNS_IM_Remark", Value: "Bobby" },
              { Tag: "Tag_SNS_IM_Group", Value: ["golf"] },
              { Tag: "Tag_SNS_Custom_Note", Value: "hi" },
            ],
          },
          { To_Account: "c", SnsItem: [{ Tag: "Tag_SNS_IM_Remark", Value: "C" }] },
          { To_Account: "ghost", SnsItem: [{ Tag: "Tag_SNS_IM_Remark", Value: "G" }] },
        ],
      }),
    );
    expect(codes(answer)).toEqual([0, 30001, 30003]);
    expect(answer.Fail_Account).toEqual(["c", "ghost"]);
    const got = ok(
      await fx.tim.call("sns/friend_get_list", {
        From_Account: "a",
        To_Account: ["b"],
        TagList: ["Tag_SNS_IM_Remark", "Tag_SNS_IM_Group", "Tag_SNS_Custom_Note"],
      }),
    );
    expect(got.InfoItem[0].SnsProfileItem).toEqual([
      { Tag: "Tag_SNS_IM_Remark", Value: "Bobby" },
      { Tag: "Tag_SNS_IM_Group", Value: ["golf"] },
      { Tag: "Tag_SNS_Custom_Note", Value: "hi" },
    ]);
  });

  it("writes only remark, lists and custom fields (whole call 30001); 32 lists at most (30011)", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await add("a", ["b"]));
    const update = (SnsItem: Body[]) =>
      fx.tim.call("sns/friend_update", {
        From_Account: "a",
        UpdateItem: [{ To_Account: "b", SnsItem }],
      });
    expect((await update([{ Tag: "Tag_SNS_IM_AddTime", Value: 1 }])).ErrorCode).toBe(30001);
    expect((await update([{ Tag: "Tag_SNS_Custom_Far_Too_Long", Value: "v" }])).ErrorCode).toBe(
      30001,
    );
    const lists = Array.from({ length: 33 }, (_, i) => `l${i}`);
    expect(codes(ok(await update([{ Tag: "Tag_SNS_IM_Group", Value: lists }])))).toEqual([30011]);
    expect(codes(ok(await update([{ Tag: "Tag_SNS_IM_Remark", Value: "x".repeat(97) }])))).toEqual([
      30001,
    ]);
  });
});

describe("friend_delete and friend_delete_all", () => {
  it("deletes one way or both; not a friend 31704, unknown 30003", async () => {
    await importUsers(fx.tim, "a", "b", "c", "d");
    ok(await add("a", ["b", "c"]));
    const single = ok(
      await fx.tim.call("sns/friend_delete", {
        From_Account: "a",
        To_Account: ["b", "d", "ghost"],
        DeleteType: "Delete_Type_Single",
      }),
    );
    expect(codes(single)).toEqual([0, 31704, 30003]);
    expect(await check("a", ["b"])).toEqual(["CheckResult_Type_BWithA"]);
    ok(
      await fx.tim.call("sns/friend_delete", {
        From_Account: "a",
        To_Account: ["c"],
        DeleteType: "Delete_Type_Both",
      }),
    );
    expect(await check("a", ["c"])).toEqual(["CheckResult_Type_NoRelation"]);
  });

  it("delete_all clears the caller's table only by default, both tables with Delete_Type_Both", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(await add("a", ["b", "c"]));
    ok(await fx.tim.call("sns/friend_delete_all", { From_Account: "a" }));
    expect(await check("a", ["b", "c"])).toEqual([
      "CheckResult_Type_BWithA",
      "CheckResult_Type_BWithA",
    ]);
    ok(await add("a", ["b"]));
    ok(
      await fx.tim.call("sns/friend_delete_all", {
        From_Account: "b",
        DeleteType: "Delete_Type_Both",
      }),
    );
    expect(await check("b", ["a"])).toEqual(["CheckResult_Type_NoRelation"]);
  });
});

describe("friend_get, friend_get_list, friend_check", () => {
  it("friend_get pages 100 at a time from StartIndex; FriendNum counts all", async () => {
    const [a, ...others] = seedUsers("p", 151) as [string, ...string[]];
    ok(
      await fx.tim.call("sns/friend_import", {
        From_Account: a,
        AddFriendItem: others.map((To_Account, i) => ({
          To_Account,
          AddSource: SOURCE,
          AddTime: 1_600_000_000 + i,
        })),
      }),
    );
    const p1 = ok(await fx.tim.call("sns/friend_get", { From_Account: a, StartIndex: 0 }));
    expect(p1.UserDataItem).toHaveLength(100);
    expect([p1.FriendNum, p1.CompleteFlag, p1.NextStartIndex]).toEqual([150, 0, 100]);
    const p2 = ok(await fx.tim.call("sns/friend_get", { From_Account: a, StartIndex: 100 }));
    expect(p2.UserDataItem.map((u: Body) => u.To_Account)).toEqual(others.slice(100));
    expect([p2.CompleteFlag, p2.NextStartIndex]).toEqual([1, 0]);
    // The caller's sequences equal to the server's: the unchanged data is left out.
    const same = ok(
      await fx.tim.call("sns/friend_get", {
        From_Account: a,
        StartIndex: 0,
        StandardSequence: p1.StandardSequence,
        CustomSequence: p1.CustomSequence,
      }),
    );
    expect(same.UserDataItem[0].ValueItem).toEqual([]);
    expect((await fx.tim.call("sns/friend_get", { From_Account: a })).ErrorCode).toBe(30001);
  });

  it("friend_get_list: ≤ 100 accounts, not a friend 31211, profile tags of friends", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(await add("a", ["b"]));
    ok(
      await fx.tim.call("profile/portrait_set", {
        From_Account: "b",
        ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "Bob" }],
      }),
    );
    const got = ok(
      await fx.tim.call("sns/friend_get_list", {
        From_Account: "a",
        To_Account: ["b", "c", "ghost"],
        TagList: ["Tag_Profile_IM_Nick", "Tag_SNS_IM_AddTime"],
      }),
    );
    expect(got.InfoItem.map((i: Body) => i.ResultCode)).toEqual([0, 31211, 30003]);
    expect(got.InfoItem[1].ResultInfo).toBe("SNS_FRD_GET_LIST_FRD_NO_EXIST");
    expect(got.InfoItem[0].SnsProfileItem[0]).toEqual({ Tag: "Tag_Profile_IM_Nick", Value: "Bob" });
    expect(got.Fail_Account).toEqual(["c", "ghost"]);
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    const over = await fx.tim.call("sns/friend_get_list", {
      From_Account: "a",
      To_Account: many,
      TagList: ["Tag_SNS_IM_Remark"],
    });
    expect(over.ErrorCode).toBe(30001);
  });

  it("friend_check: Single sees only the caller's table; unknown accounts have no relation", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await add("b", ["a"], { AddType: "Add_Type_Single" }));
    const single = ok(
      await fx.tim.call("sns/friend_check", {
        From_Account: "a",
        To_Account: ["b", "ghost"],
        CheckType: "CheckResult_Type_Single",
      }),
    );
    expect(single.InfoItem.map((i: Body) => [i.Relation, i.ResultCode])).toEqual([
      ["CheckResult_Type_NoRelation", 0],
      ["CheckResult_Type_NoRelation", 0],
    ]);
    expect(await check("a", ["b"])).toEqual(["CheckResult_Type_BWithA"]);
    expect(
      (await fx.tim.call("sns/friend_check", { From_Account: "a", To_Account: ["b"] })).ErrorCode,
    ).toBe(30001);
  });
});
