import { beforeEach, describe, expect, it } from "vitest";
import { blocklistOf } from "./test-blocklist.js";
import { registerUsers, useZego } from "./test-support.js";

// Blocklist Actions against zego.md #15 §10-13 (the basic flow is in user.test.ts).
const fx = useZego({}, { blocklistLimit: 2 });

beforeEach(() => registerUsers(fx.zim, "a", "b", "c", "d"));

describe("blocklist limits and codes", () => {
  it("an unregistered FromUserId is 660500002; an unknown target is SubCode 660700015", async () => {
    expect((await blocklistOf(fx.zim, "ghost").add(["a"])).body.Code).toBe(660500002);
    const a = blocklistOf(fx.zim, "a");
    const check = await a.check(["b", "ghost"]);
    expect(check.body.ErrList).toEqual([{ UserId: "ghost", SubCode: 660700015 }]);
    const unknown = await a.add(["ghost"]);
    expect(unknown.body).toMatchObject({
      Code: 660800041,
      ErrList: [{ UserId: "ghost", SubCode: 660700015 }],
    });
  });

  it("a full blocklist refuses with 660800040; not blocked on removal is 660800044", async () => {
    // This app allows 2 blocked users (the real default is 1000).
    const a = blocklistOf(fx.zim, "a");
    const res = await a.add(["b", "c", "d"]);
    expect(res.body).toMatchObject({ Code: 0, ErrList: [{ UserId: "d", SubCode: 660800040 }] });
    const remove = await a.remove(["b", "d", "a"]);
    expect(remove.body.ErrList).toEqual([
      { UserId: "d", SubCode: 660800044 },
      { UserId: "a", SubCode: 660800038 },
    ]);
  });

  it("QueryBlacklist clamps Limit over 100 to 100 and pages with Next", async () => {
    const a = blocklistOf(fx.zim, "a");
    await a.add(["b", "c"]);
    const first = await a.query({ Limit: 1, Next: 0 });
    expect(first.body).toMatchObject({ TotalCount: 2, Next: 1, Blacklist: [{ UserId: "b" }] });
    const all = await a.query({ Limit: 500, Next: 0 });
    expect(all.body).toMatchObject({ Code: 0, Next: 0 });
    expect((all.body.Blacklist as unknown[]).length).toBe(2);
    expect((await blocklistOf(fx.zim, "ghost").query()).body.Code).toBe(660500002);
  });
});
