import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const call = (command: string, body: Body = {}) => fx.tim.call(`timpush/${command}`, body);

describe("push attributes (timpush *_attr_name, *_attr)", () => {
  it("names the app's attributes in slots 0-9", async () => {
    ok(await call("set_attr_name", { AttrNames: { "0": "city", "1": "tier" } }));
    expect(ok(await call("get_attr_name")).AttrNames).toEqual({ "0": "city", "1": "tier" });
    expect((await call("set_attr_name", { AttrNames: { "10": "x" } })).ErrorCode).toBe(90001);
    const long = { AttrNames: { "2": "x".repeat(51) } };
    expect((await call("set_attr_name", long)).ErrorCode).toBe(90001);
  });

  it("sets (keeping other values), reads and removes users' values", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await call("set_attr_name", { AttrNames: { "0": "city", "1": "tier" } }));
    ok(
      await call("set_attr", {
        UserAttrs: [
          { To_Account: "a", Attrs: { city: "sz" } },
          { To_Account: "b", Attrs: { tier: "gold" } },
        ],
      }),
    );
    ok(await call("set_attr", { UserAttrs: [{ To_Account: "a", Attrs: { tier: "silver" } }] }));
    expect(ok(await call("get_attr", { To_Account: ["a", "b"] })).UserAttrs).toEqual([
      { To_Account: "a", Attrs: { city: "sz", tier: "silver" } },
      { To_Account: "b", Attrs: { tier: "gold" } },
    ]);
    ok(await call("remove_attr", { UserAttrs: [{ To_Account: "a", Attrs: ["city"] }] }));
    expect(ok(await call("get_attr", { To_Account: ["a"] })).UserAttrs).toEqual([
      { To_Account: "a", Attrs: { tier: "silver" } },
    ]);
  });

  it("refuses attributes the app has not named and long values (90033); 70107 per unknown account", async () => {
    await importUsers(fx.tim, "a");
    ok(await call("set_attr_name", { AttrNames: { "0": "city" } }));
    const set = (Attrs: Body, To_Account = "a") =>
      call("set_attr", { UserAttrs: [{ To_Account, Attrs }] });
    expect((await set({ age: "1" })).ErrorCode).toBe(90033);
    expect((await set({ city: "x".repeat(51) })).ErrorCode).toBe(90033);
    expect(ok(await set({ city: "sz" }, "ghost")).ErrorList).toEqual([
      { To_Account: "ghost", ErrorCode: 70107, ErrorInfo: "account not found" },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect((await call("get_attr", { To_Account: many })).ErrorCode).toBe(90018);
  });
});
