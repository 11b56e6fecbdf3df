// Push tags beyond the shared contract, over HTTP against the Tencent emulator.
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter({ broadcast: true });

const users = (count: number) => env.seedUsers(count, "t");
const calls = (command: string) =>
  env.emulator.requests({ route: `v4/all_member_push/${command}` }).length;
const tags = (n: number, prefix = "tag") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("user tags", () => {
  it("splits users at 100 a call and tags at 10 a call", async () => {
    const ids = users(150);
    const before = calls("im_add_tag");
    const added = await env.adapter.addUserTags({ userIds: ids, tags: tags(25) });
    // 2 user chunks × 3 tag slices.
    expect(calls("im_add_tag") - before).toBe(6);
    expect(added.every((r) => r.ok)).toBe(true);
    const reads = calls("im_get_tag");
    const read = await env.adapter.getUserTags(ids);
    expect(calls("im_get_tag") - reads).toBe(2);
    expect(read.map((r) => r.key)).toEqual(ids);
    expect(read.every((r) => r.ok && r.value.length === 25)).toBe(true);
  });

  it("unknown users are NOT_FOUND items (70107) and do not stop the others", async () => {
    const [u] = users(1) as [string];
    const ghost = uid("ghost");
    const added = await env.adapter.addUserTags({ userIds: [ghost, u], tags: ["gold"] });
    expect(added[0]).toMatchObject({ key: ghost, ok: false, error: { code: "NOT_FOUND" } });
    expect(added[1]).toMatchObject({ key: u, ok: true });
    const read = await env.adapter.getUserTags([u, ghost]);
    expect(read.map((r) => r.ok)).toEqual([true, false]);
    const set = await env.adapter.setUserTags({ userIds: [ghost, u], tags: ["new"] });
    expect(set.map((r) => r.ok)).toEqual([false, true]);
  });

  it("a user over 100 tags is VENDOR_REJECTED with Tencent's code; over 100 in one call is refused first", async () => {
    const [u] = users(1) as [string];
    expect((await env.adapter.setUserTags({ userIds: [u], tags: tags(100) }))[0]?.ok).toBe(true);
    const [over] = await env.adapter.addUserTags({ userIds: [u], tags: ["one-more"] });
    expect(over).toMatchObject({
      ok: false,
      error: { code: "VENDOR_REJECTED", vendorCode: "90033" },
    });
    const before = calls("im_add_tag");
    await expect(env.adapter.addUserTags({ userIds: [u], tags: tags(101) })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "tags",
    });
    expect(calls("im_add_tag")).toBe(before);
    // setUserTags with none only clears: no add call.
    await env.adapter.setUserTags({ userIds: [u], tags: [] });
    expect(calls("im_add_tag")).toBe(before);
    expect((await env.adapter.getUserTags([u]))[0]).toMatchObject({ ok: true, value: [] });
  });

  it("without options.broadcast the tag operations are refused without a call", async () => {
    const plain = adapterFor([env.emulator.url]);
    try {
      const before = calls("im_get_tag");
      await expect(plain.getUserTags(["someone"])).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
      expect(calls("im_get_tag")).toBe(before);
    } finally {
      await plain.close();
    }
  });
});
