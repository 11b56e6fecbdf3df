import { beforeEach, describe, expect, it } from "vitest";
import { useZego } from "./test-support.js";

// Blocklist Actions against zego.md #15 §10-13 (the basic flow is in user.test.ts).
const fx = useZego({}, { blocklistLimit: 2 });

beforeEach(async () => {
  await fx.zim.post("UserRegister", {
    UserInfo: ["a", "b", "c", "d"].map((UserId) => ({ UserId })),
  });
});

describe("blocklist limits and codes", () => {
  it("an unregistered FromUserId is 660500002; an unknown target is SubCode 660700015", async () => {
    expect(
      (await fx.zim.post("AddUsersToBlacklist", { FromUserId: "ghost", UserIds: ["a"] })).body.Code,
    ).toBe(660500002);
    const check = await fx.zim.post("CheckUsersIsInBlacklist", {
      FromUserId: "a",
      UserIds: ["b", "ghost"],
    });
    expect(check.body.ErrList).toEqual([{ UserId: "ghost", SubCode: 660700015 }]);
    const unknown = await fx.zim.post("AddUsersToBlacklist", {
      FromUserId: "a",
      UserIds: ["ghost"],
    });
    expect(unknown.body).toMatchObject({
      Code: 660800041,
      ErrList: [{ UserId: "ghost", SubCode: 660700015 }],
    });
  });

  it("a full blocklist refuses with 660800040; not blocked on removal is 660800044", async () => {
    // This app allows 2 blocked users (the real default is 1000).
    const res = await fx.zim.post("AddUsersToBlacklist", {
      FromUserId: "a",
      UserIds: ["b", "c", "d"],
    });
    expect(res.body).toMatchObject({ Code: 0, ErrList: [{ UserId: "d", SubCode: 660800040 }] });
    const remove = await fx.zim.post("RemoveUsersFromBlacklist", {
      FromUserId: "a",
      UserIds: ["b", "d", "a"],
    });
    expect(remove.body.ErrList).toEqual([
      { UserId: "d", SubCode: 660800044 },
      { UserId: "a", SubCode: 660800038 },
    ]);
  });

  it("QueryBlacklist clamps Limit over 100 to 100 and pages with Next", async () => {
    await fx.zim.post("AddUsersToBlacklist", { FromUserId: "a", UserIds: ["b", "c"] });
    const first = await fx.zim.get("QueryBlacklist", { FromUserId: "a", Limit: 1, Next: 0 });
    expect(first.body).toMatchObject({ TotalCount: 2, Next: 1, Blacklist: [{ UserId: "b" }] });
    const all = await fx.zim.get("QueryBlacklist", { FromUserId: "a", Limit: 500, Next: 0 });
    expect(all.body).toMatchObject({ Code: 0, Next: 0 });
    expect((all.body.Blacklist as unknown[]).length).toBe(2);
    expect((await fx.zim.get("QueryBlacklist", { FromUserId: "ghost" })).body.Code).toBe(660500002);
  });
});
