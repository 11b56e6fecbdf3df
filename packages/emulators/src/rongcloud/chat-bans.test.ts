import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

// One-to-one chat mutes (rongcloud.md §7): no duration, a paged list of user ids.

const fx = useRongCloud();
const ids = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("one-to-one chat mutes", () => {
  it("mutes with state=1, lifts with state=0, lists in pages of num from offset", async () => {
    ok(
      await fx.rc.post("/user/chat/fb/set.json", {
        userId: ["a", "b", "c"],
        state: 1,
        type: "PERSON",
      }),
    );
    ok(await fx.rc.post("/user/chat/fb/set.json", { userId: "b", state: 0, type: "PERSON" }));
    const page = ok(
      await fx.rc.post("/user/chat/fb/querylist.json", { type: "PERSON", num: 1, offset: 1 }),
    );
    expect(page).toEqual({ code: 200, total: 2, users: ["c"] });
    const all = ok(await fx.rc.post("/user/chat/fb/querylist.json", { type: "PERSON" }));
    expect(all.users).toEqual(["a", "c"]);
  });

  it("takes at most 1000 users a call and needs state and type=PERSON", async () => {
    const set = (form: Record<string, unknown>) =>
      fx.rc.post("/user/chat/fb/set.json", form as Record<string, string>);
    expect((await set({ userId: ids(1001), state: 1, type: "PERSON" })).body.code).toBe(1002);
    ok(await set({ userId: ids(1000), state: 1, type: "PERSON" }));
    expect((await set({ userId: "a", type: "PERSON" })).body.code).toBe(1002);
    expect((await set({ userId: "a", state: 2, type: "PERSON" })).body.code).toBe(1002);
    expect((await set({ userId: "a", state: 1 })).body.code).toBe(1002);
    expect((await set({ userId: "a", state: 1, type: "GROUP" })).body.code).toBe(1002);
  });

  it("lists at most 200 a page", async () => {
    ok(await fx.rc.post("/user/chat/fb/set.json", { userId: ids(300), state: 1, type: "PERSON" }));
    const q = (num: number) => fx.rc.post("/user/chat/fb/querylist.json", { type: "PERSON", num });
    expect((await q(201)).body.code).toBe(1002);
    expect(ok(await q(200))).toMatchObject({ total: 300 });
    expect(ok(await q(200)).users).toHaveLength(200);
    expect((await fx.rc.post("/user/chat/fb/querylist.json", { num: 10 })).body.code).toBe(1002);
  });
});
