import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const tag = (command: string, body: Body) => fx.tim.call(`all_member_push/${command}`, body);
const tagsOf = async (...ids: string[]) =>
  ok(await tag("im_get_tag", { To_Account: ids })).UserTags as Body[];
const item = (To_Account: string, Tags: string[]) => ({ UserTags: [{ To_Account, Tags }] });

describe("push tags (all_member_push im_*_tag)", () => {
  it("adds (keeping what an account has), reads, removes some and removes all", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(
      await tag("im_add_tag", {
        UserTags: [
          { To_Account: "a", Tags: ["gold", "weekly"] },
          { To_Account: "b", Tags: ["gold"] },
        ],
      }),
    );
    ok(await tag("im_add_tag", item("a", ["vip", "gold"])));
    expect(await tagsOf("a", "b")).toEqual([
      { To_Account: "a", Tags: ["gold", "weekly", "vip"] },
      { To_Account: "b", Tags: ["gold"] },
    ]);
    ok(await tag("im_remove_tag", item("a", ["gold", "never"])));
    expect(await tagsOf("a")).toEqual([{ To_Account: "a", Tags: ["weekly", "vip"] }]);
    ok(await tag("im_remove_all_tags", { To_Account: ["a", "b"] }));
    expect(await tagsOf("a", "b")).toEqual([
      { To_Account: "a", Tags: [] },
      { To_Account: "b", Tags: [] },
    ]);
  });

  it("lists unknown accounts in ErrorList with 70107 (unverified: as the timpush twins)", async () => {
    await importUsers(fx.tim, "a");
    const added = ok(await tag("im_add_tag", { UserTags: [{ To_Account: "zz", Tags: ["x"] }] }));
    expect(added.ErrorList).toEqual([
      { To_Account: "zz", ErrorCode: 70107, ErrorInfo: "account not found" },
    ]);
    const read = ok(await tag("im_get_tag", { To_Account: ["a", "zz"] }));
    expect(read.UserTags).toEqual([{ To_Account: "a", Tags: [] }]);
    expect(read.ErrorList.map((e: Body) => e.To_Account)).toEqual(["zz"]);
    expect(ok(await tag("im_get_tag", { To_Account: ["a"] }))).not.toHaveProperty("ErrorList");
  });

  it("caps: 100 accounts a call (90018), 10 tags an item or a tag over 50 bytes (90033), 100 tags an account", async () => {
    await importUsers(fx.tim, "a");
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect((await tag("im_get_tag", { To_Account: many })).ErrorCode).toBe(90018);
    expect((await tag("im_remove_all_tags", { To_Account: many })).ErrorCode).toBe(90018);
    const items = many.map((To_Account) => ({ To_Account, Tags: ["x"] }));
    expect((await tag("im_add_tag", { UserTags: items })).ErrorCode).toBe(90018);
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect((await tag("im_add_tag", item("a", eleven))).ErrorCode).toBe(90033);
    expect((await tag("im_add_tag", item("a", ["x".repeat(51)]))).ErrorCode).toBe(90033);
    ok(await tag("im_add_tag", item("a", ["x".repeat(50)])));
    expect((await tag("im_add_tag", item("a", []))).ErrorCode).toBe(90001);
    expect((await tag("im_add_tag", {})).ErrorCode).toBe(90001);
    for (let i = 0; i < 9; i++) {
      const ten = Array.from({ length: 10 }, (_, j) => `n${i}-${j}`);
      ok(await tag("im_add_tag", item("a", ten)));
    }
    // 91 held: ten more go over 100 (per account; the code is the emulator's choice).
    const full = ok(await tag("im_add_tag", item("a", eleven.slice(0, 10))));
    expect(full.ErrorList[0]).toMatchObject({ To_Account: "a", ErrorCode: 90033 });
    ok(await tag("im_add_tag", item("a", eleven.slice(0, 9))));
    expect((await tagsOf("a"))[0]?.Tags).toHaveLength(100);
  });
});
