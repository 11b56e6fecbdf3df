import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const codes = (answer: Body) => answer.ResultItem.map((r: Body) => [r.ResultCode, r.ResultInfo]);
const block = (from: string, to: string[]) =>
  fx.tim.call("sns/black_list_add", { From_Account: from, To_Account: to });

describe("black_list_add / black_list_delete", () => {
  it("already blocked and self 30001; not blocked 30001 on delete", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await block("a", ["b"]));
    const again = ok(await block("a", ["b", "a"]));
    expect(codes(again)).toEqual([
      [30001, "Err_SNS_BlackListAdd_Already_Exist"],
      [30001, "Err_SNS_BlackListAdd_Add_Self"],
    ]);
    expect(again.Fail_Account).toEqual(["b", "a"]);
    const del = (to: string[]) =>
      fx.tim.call("sns/black_list_delete", { From_Account: "a", To_Account: to });
    expect(codes(ok(await del(["b"])))).toEqual([[0, ""]]);
    expect(codes(ok(await del(["b"])))[0][0]).toBe(30001);
  });

  it("holds at most 1000 accounts (30013)", async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    fx.emu.seed({ accounts: ["a", ...ids] });
    const first = ok(await block("a", ids.slice(0, 1000)));
    expect(first).not.toHaveProperty("Fail_Account");
    expect(codes(ok(await block("a", [ids[1000] as string])))[0][0]).toBe(30013);
  });

  it("removes a friendship both ways", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(
      await fx.tim.call("sns/friend_add", {
        From_Account: "a",
        AddFriendItem: [{ To_Account: "b", AddSource: "AddSource_Type_Server" }],
        ForceAddFlags: 1,
      }),
    );
    ok(await block("b", ["a"]));
    const rel = ok(
      await fx.tim.call("sns/friend_check", {
        From_Account: "a",
        To_Account: ["b"],
        CheckType: "CheckResult_Type_Both",
      }),
    );
    expect(rel.InfoItem[0].Relation).toBe("CheckResult_Type_NoRelation");
    // Unblocking does not bring the friendship back.
    ok(await fx.tim.call("sns/black_list_delete", { From_Account: "b", To_Account: ["a"] }));
    const after = ok(await fx.tim.call("sns/friend_get", { From_Account: "a", StartIndex: 0 }));
    expect(after.FriendNum).toBe(0);
  });
});

describe("black_list_check", () => {
  it("answers BothWay / AWithB / BWithA / NO; Single only AWithB / NO", async () => {
    await importUsers(fx.tim, "a", "b", "c", "d");
    ok(await block("a", ["b", "c"]));
    ok(await block("b", ["a"]));
    ok(await block("d", ["a"]));
    const check = async (CheckType: string) =>
      ok(
        await fx.tim.call("sns/black_list_check", {
          From_Account: "a",
          To_Account: ["b", "c", "d", "ghost"],
          CheckType,
        }),
      ).BlackListCheckItem.map((i: Body) => [i.To_Account, i.Relation, i.ResultCode]);
    expect(await check("BlackCheckResult_Type_Both")).toEqual([
      ["b", "BlackCheckResult_Type_BothWay", 0],
      ["c", "BlackCheckResult_Type_AWithB", 0],
      ["d", "BlackCheckResult_Type_BWithA", 0],
      ["ghost", "BlackCheckResult_Type_NO", 0],
    ]);
    expect(await check("BlackCheckResult_Type_Single")).toEqual([
      ["b", "BlackCheckResult_Type_AWithB", 0],
      ["c", "BlackCheckResult_Type_AWithB", 0],
      ["d", "BlackCheckResult_Type_NO", 0],
      ["ghost", "BlackCheckResult_Type_NO", 0],
    ]);
  });

  it("needs a CheckType (30001), at most 1000 accounts (30001), a known From_Account (30003)", async () => {
    await importUsers(fx.tim, "a");
    const call = (body: Body) => fx.tim.call("sns/black_list_check", body);
    expect((await call({ From_Account: "a", To_Account: ["b"] })).ErrorCode).toBe(30001);
    const many = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    expect(
      (
        await call({
          From_Account: "a",
          To_Account: many,
          CheckType: "BlackCheckResult_Type_Both",
        })
      ).ErrorCode,
    ).toBe(30001);
    expect(
      (
        await call({
          From_Account: "ghost",
          To_Account: ["a"],
          CheckType: "BlackCheckResult_Type_Both",
        })
      ).ErrorCode,
    ).toBe(30003);
  });
});
