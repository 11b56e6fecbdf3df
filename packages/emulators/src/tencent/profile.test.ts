import { describe, expect, it } from "vitest";
import { importUsers, ok, useTencent, withTencent } from "./test-support.js";

const fx = useTencent();
const set = (From_Account: string, ProfileItem: unknown[]) =>
  fx.tim.call("profile/portrait_set", { From_Account, ProfileItem });
const get = (To_Account: string[], TagList: string[]) =>
  fx.tim.call("profile/portrait_get", { To_Account, TagList });

describe("portrait_set / portrait_get", () => {
  it("stores standard and custom tags and returns the requested ones", async () => {
    await importUsers(fx.tim, "a");
    ok(
      await set("a", [
        { Tag: "Tag_Profile_IM_Nick", Value: "Ann" },
        { Tag: "Tag_Profile_IM_Gender", Value: "Gender_Type_Female" },
        { Tag: "Tag_Profile_IM_Level", Value: 7 },
        { Tag: "Tag_Profile_Custom_Hobby", Value: "chess" },
      ]),
    );
    const r = ok(
      await get(["a"], ["Tag_Profile_IM_Nick", "Tag_Profile_IM_Level", "Tag_Profile_Custom_Hobby"]),
    );
    expect(r.ErrorDisplay).toBe("");
    expect(r.UserProfileItem).toEqual([
      {
        To_Account: "a",
        ProfileItem: [
          { Tag: "Tag_Profile_IM_Nick", Value: "Ann" },
          { Tag: "Tag_Profile_IM_Level", Value: 7 },
          { Tag: "Tag_Profile_Custom_Hobby", Value: "chess" },
        ],
        ResultCode: 0,
        ResultInfo: "",
      },
    ]);
  });

  it("validates values: enum 40605, type 40610, length 40601, unknown tag 40009", async () => {
    await importUsers(fx.tim, "a");
    expect((await set("a", [{ Tag: "Tag_Profile_IM_Gender", Value: "X" }])).ErrorCode).toBe(40605);
    expect(
      (await set("a", [{ Tag: "Tag_Profile_IM_AllowType", Value: "AllowType_Type_Maybe" }]))
        .ErrorCode,
    ).toBe(40605);
    expect((await set("a", [{ Tag: "Tag_Profile_IM_Level", Value: "7" }])).ErrorCode).toBe(40610);
    expect((await set("a", [{ Tag: "Tag_Profile_IM_Nick", Value: 5 }])).ErrorCode).toBe(40610);
    expect(
      (await set("a", [{ Tag: "Tag_Profile_IM_Nick", Value: "x".repeat(501) }])).ErrorCode,
    ).toBe(40601);
    expect(
      (await set("a", [{ Tag: "Tag_Profile_IM_Location", Value: "x".repeat(17) }])).ErrorCode,
    ).toBe(40601);
    expect((await set("a", [{ Tag: "Tag_Profile_IM_Unknown", Value: "x" }])).ErrorCode).toBe(40009);
    expect((await set("a", [{ Tag: "bad tag!", Value: "x" }])).ErrorCode).toBe(40001);
    // All or nothing: the valid first item was not written.
    await set("a", [
      { Tag: "Tag_Profile_IM_Nick", Value: "ok" },
      { Tag: "Tag_Profile_IM_Gender", Value: "X" },
    ]);
    expect(ok(await get(["a"], ["Tag_Profile_IM_Nick"])).UserProfileItem[0].ProfileItem).toEqual(
      [],
    );
  });

  it("answers 40003 for an unknown From_Account, 40002 without one, 40001 without items", async () => {
    expect((await set("ghost", [{ Tag: "Tag_Profile_IM_Nick", Value: "x" }])).ErrorCode).toBe(
      40003,
    );
    expect((await fx.tim.call("profile/portrait_set", { ProfileItem: [] })).ErrorCode).toBe(40002);
    await importUsers(fx.tim, "a");
    expect((await fx.tim.call("profile/portrait_set", { From_Account: "a" })).ErrorCode).toBe(
      40001,
    );
  });

  it("reads at most 100 accounts; unknown accounts fail per item", async () => {
    await importUsers(fx.tim, "a");
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect((await get(many, ["Tag_Profile_IM_Nick"])).ErrorCode).toBe(40001);
    const r = ok(await get(["a", "ghost"], ["Tag_Profile_IM_Nick"]));
    expect(r.UserProfileItem[1]).toMatchObject({ To_Account: "ghost", ResultCode: 40003 });
    expect(r.Fail_Account).toEqual(["ghost"]);
    expect((await get([], ["Tag_Profile_IM_Nick"])).ErrorCode).toBe(40001);
    expect(
      (await fx.tim.call("profile/portrait_get", { TagList: ["Tag_Profile_IM_Nick"] })).ErrorCode,
    ).toBe(40002);
  });

  it("refuses custom tags the app did not configure when it lists them", async () => {
    await withTencent({ customProfileTags: ["Tag_Profile_Custom_Ok"] }, async (tim) => {
      await importUsers(tim, "a");
      const s = (Tag: string) =>
        tim.call("profile/portrait_set", { From_Account: "a", ProfileItem: [{ Tag, Value: "v" }] });
      ok(await s("Tag_Profile_Custom_Ok"));
      expect((await s("Tag_Profile_Custom_Other")).ErrorCode).toBe(40009);
      // Reading an undeclared field fails the whole read too.
      const read = (TagList: string[]) =>
        tim.call("profile/portrait_get", { To_Account: ["a"], TagList });
      ok(await read(["Tag_Profile_Custom_Ok"]));
      expect((await read(["Tag_Profile_Custom_Ok", "Tag_Profile_Custom_Other"])).ErrorCode).toBe(
        40009,
      );
    });
  });

  it("keeps custom values up to 500 bytes (40601 above); an empty string is kept as set", async () => {
    await importUsers(fx.tim, "a");
    const custom = (Value: string) => [{ Tag: "Tag_Profile_Custom_level", Value }];
    ok(await set("a", custom("é".repeat(250))));
    expect((await set("a", custom(`${"é".repeat(250)}x`))).ErrorCode).toBe(40601);
    // Whether "" deletes the field is unverified: it is stored and answered as "".
    ok(await set("a", custom("")));
    expect(
      ok(await get(["a"], ["Tag_Profile_Custom_level"])).UserProfileItem[0].ProfileItem,
    ).toEqual(custom(""));
  });
});
