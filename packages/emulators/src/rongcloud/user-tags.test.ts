import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

// Push tags (rongcloud.md §3): JSON set and batch set, form read.

const fx = useRongCloud();
const tagsOf = async (...userIds: string[]) =>
  ok(await fx.rc.post("/user/tags/get.json", { userIds })).result;

describe("user tags", () => {
  it("set replaces a user's tags, [] clears, get answers every user asked", async () => {
    ok(await fx.rc.postJson("/user/tag/set.json", { userId: "a", tags: ["bj", "male", "北京"] }));
    ok(await fx.rc.postJson("/user/tag/set.json", { userId: "a", tags: ["sh", "sh"] }));
    expect(await tagsOf("a", "never")).toEqual({ a: ["sh"], never: [] });
    ok(await fx.rc.postJson("/user/tag/set.json", { userId: "a", tags: [] }));
    expect(await tagsOf("a")).toEqual({ a: [] });
  });

  it("batch set gives every listed user exactly these tags", async () => {
    ok(await fx.rc.postJson("/user/tag/set.json", { userId: "a", tags: ["old"] }));
    ok(await fx.rc.postJson("/user/tag/batch/set.json", { userIds: ["a", "b"], tags: ["x", "y"] }));
    expect(await tagsOf("a", "b")).toEqual({ a: ["x", "y"], b: ["x", "y"] });
  });

  it("refuses more than 20 tags, tags over 40 bytes or with special characters, and a missing tags", async () => {
    const set = (tags: unknown) => fx.rc.postJson("/user/tag/set.json", { userId: "a", tags });
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect((await set(many)).body.code).toBe(1002);
    expect((await set(["x".repeat(41)])).body.code).toBe(1005);
    // 14 CJK characters are 42 bytes.
    expect((await set(["中".repeat(14)])).body.code).toBe(1005);
    expect((await set(["a b"])).body.code).toBe(1002);
    expect((await set(["a!"])).body.code).toBe(1002);
    expect((await set("bj")).body.code).toBe(1002);
    expect((await fx.rc.postJson("/user/tag/set.json", { userId: "a" })).body.code).toBe(1002);
    ok(await set(["x".repeat(40), "a_b-c"]));
  });

  it("caps batch set at 1000 users and get at 50", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
    const batch = await fx.rc.postJson("/user/tag/batch/set.json", {
      userIds: ids(1001),
      tags: ["x"],
    });
    expect(batch.body.code).toBe(1002);
    ok(await fx.rc.postJson("/user/tag/batch/set.json", { userIds: ids(1000), tags: ["x"] }));
    expect((await fx.rc.post("/user/tags/get.json", { userIds: ids(51) })).body.code).toBe(1002);
    expect(Object.keys(await tagsOf(...ids(50)))).toHaveLength(50);
  });
});

describe("user tags rate limit", () => {
  const limited = useRongCloud({ rateLimits: true });
  it("batch set allows 10 requests a second (1008 beyond)", async () => {
    // A frozen clock keeps the 11 requests in one window, however slow the machine.
    limited.emu.setClock({ now: Date.UTC(2024, 0, 1, 1, 0, 0), frozen: true });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await limited.rc.postJson("/user/tag/batch/set.json", { userIds: ["a"], tags: ["x"] }))
          .body.code,
      );
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes[10]).toBe(1008);
  });
});
