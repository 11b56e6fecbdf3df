import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud();
const members = async (groupId: string) =>
  ok(await fx.rc.post("/group/user/query.json", { groupId })).users.map(
    (u: { id: string }) => u.id,
  );
/** Creates classic group `groupId` named `groupName` with `userId` (or adds them); answered 200. */
const createGroup = async (groupId: string, groupName: string, userId: string | string[]) =>
  ok(await fx.rc.post("/group/create.json", { userId, groupId, groupName }));
const ids = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("classic groups (§2.2)", () => {
  it("create, join, quit, refresh, dismiss", async () => {
    await createGroup("g1", "One", ["a", "b"]);
    expect(await members("g1")).toEqual(["a", "b"]);
    ok(
      await fx.rc.post("/group/join.json", { userId: ["c", "a"], groupId: "g1", groupName: "Uno" }),
    );
    expect(await members("g1")).toEqual(["a", "b", "c"]);
    expect(ok(await fx.rc.post("/user/group/query.json", { userId: "c" })).groups).toEqual([
      { id: "g1", name: "Uno" },
    ]);
    ok(await fx.rc.post("/group/quit.json", { userId: ["a", "not-a-member"], groupId: "g1" }));
    expect(await members("g1")).toEqual(["b", "c"]);
    ok(await fx.rc.post("/group/refresh.json", { groupId: "g1", groupName: "Renamed" }));
    expect(ok(await fx.rc.post("/user/group/query.json", { userId: "b" })).groups).toEqual([
      { id: "g1", name: "Renamed" },
    ]);
    ok(await fx.rc.post("/group/dismiss.json", { userId: "anyone", groupId: "g1" }));
    expect(await members("g1")).toEqual([]);
    expect(ok(await fx.rc.post("/user/group/query.json", { userId: "b" })).groups).toEqual([]);
  });

  it("create on an existing id and join on an unknown id are idempotent 200s", async () => {
    await createGroup("g1", "One", "a");
    await createGroup("g1", "One", "b");
    expect(await members("g1")).toEqual(["a", "b"]);
    ok(await fx.rc.post("/group/join.json", { userId: "z", groupId: "fresh" }));
    expect(await members("fresh")).toEqual(["z"]);
  });

  it("sync replaces a user's bindings from group[<id>]=<name> keys; none removes all", async () => {
    await createGroup("old", "Old", ["a", "b"]);
    ok(
      await fx.rc.postRaw("/group/sync.json", "userId=a&group%5Bg1%5D=First&group%5Bg2%5D=Second"),
    );
    const groups = ok(await fx.rc.post("/user/group/query.json", { userId: "a" })).groups;
    expect(groups).toEqual([
      { id: "g1", name: "First" },
      { id: "g2", name: "Second" },
    ]);
    expect(await members("old")).toEqual(["b"]);
    ok(await fx.rc.post("/group/sync.json", { userId: "a" }));
    expect(ok(await fx.rc.post("/user/group/query.json", { userId: "a" })).groups).toEqual([]);
    const long = await fx.rc.postRaw(
      "/group/sync.json",
      `userId=a&group%5Bg1%5D=${"n".repeat(65)}`,
    );
    expect(long.body.code).toBe(1005);
  });

  it("validates required fields, lengths, charset and counts", async () => {
    const missing = await fx.rc.post("/group/create.json", { userId: "a", groupId: "g" });
    expect(missing.body).toMatchObject({ code: 1002 });
    expect(missing.body.errorMessage).toContain("groupName");
    expect(
      (
        await fx.rc.post("/group/create.json", {
          userId: "a",
          groupId: "g".repeat(65),
          groupName: "x",
        })
      ).body.code,
    ).toBe(1005);
    expect(
      (await fx.rc.post("/group/create.json", { userId: "a", groupId: "bad id", groupName: "x" }))
        .body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/create.json", { userId: ids(1001), groupId: "g", groupName: "x" }))
        .body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/create.json", { userId: ids(1000), groupId: "g", groupName: "x" }))
        .body.code,
    ).toBe(200);
    expect(
      (await fx.rc.post("/group/join.json", { userId: ids(1001), groupId: "g" })).body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/quit.json", { userId: ids(1001), groupId: "g" })).body.code,
    ).toBe(1002);
    expect((await fx.rc.post("/group/refresh.json", { groupId: "g" })).body.code).toBe(1002);
    expect((await fx.rc.post("/group/dismiss.json", { groupId: "g" })).body.code).toBe(1002);
  });

  it("caps members at 3000", async () => {
    for (let i = 0; i < 3; i++)
      ok(await fx.rc.post("/group/join.json", { userId: ids(1000, `b${i}-`), groupId: "big" }));
    const r = await fx.rc.post("/group/join.json", { userId: "one-more", groupId: "big" });
    expect(r.body.code).toBe(1002);
    expect(r.body.errorMessage).toMatch(/3000/);
  });
});

describe("member mutes (gag)", () => {
  it("mutes per group with minutes, lists with Beijing times, expires by the clock, rolls back", async () => {
    fx.emu.setClock({ now: Date.UTC(2024, 5, 1, 0, 0, 0), frozen: true });
    ok(
      await fx.rc.post("/group/user/gag/add.json", {
        userId: ["a", "b"],
        groupId: "g1",
        minute: 10,
      }),
    );
    ok(await fx.rc.post("/group/user/gag/add.json", { userId: "c", groupId: "g1", minute: 0 }));
    const list = ok(await fx.rc.post("/group/user/gag/list.json", { groupId: "g1" })).users;
    expect(list).toEqual([
      { userId: "a", time: "2024-06-01 08:10:00", startTime: "2024-06-01 08:00:00" },
      { userId: "b", time: "2024-06-01 08:10:00", startTime: "2024-06-01 08:00:00" },
      { userId: "c", time: "9999-12-31 23:59:59", startTime: "2024-06-01 08:00:00" },
    ]);
    fx.emu.setClock({ advanceMs: 10 * 60_000 });
    expect(
      ok(await fx.rc.post("/group/user/gag/list.json", { groupId: "g1" })).users.map(
        (u: { userId: string }) => u.userId,
      ),
    ).toEqual(["c"]);
    ok(await fx.rc.post("/group/user/gag/rollback.json", { userId: "c", groupId: "g1" }));
    expect(ok(await fx.rc.post("/group/user/gag/list.json", { groupId: "g1" })).users).toEqual([]);
  });

  it("mutes survive quit and dismiss", async () => {
    await createGroup("g1", "G", ["a"]);
    ok(await fx.rc.post("/group/user/gag/add.json", { userId: "a", groupId: "g1", minute: 5 }));
    ok(await fx.rc.post("/group/dismiss.json", { userId: "a", groupId: "g1" }));
    expect(ok(await fx.rc.post("/group/user/gag/list.json", { groupId: "g1" })).users).toHaveLength(
      1,
    );
  });

  it("without groupId mutes in all groups (at most 100 users)", async () => {
    for (let i = 0; i < 5; i++)
      ok(await fx.rc.post("/group/user/gag/add.json", { userId: ids(20, `x${i}-`), minute: 1 }));
    expect(ok(await fx.rc.post("/group/user/gag/list.json", {})).users).toHaveLength(100);
    const r = await fx.rc.post("/group/user/gag/add.json", { userId: "one-more", minute: 1 });
    expect(r.body.code).toBe(1002);
    ok(await fx.rc.post("/group/user/gag/rollback.json", { userId: "x0-0" }));
    expect(ok(await fx.rc.post("/group/user/gag/list.json", {})).users).toHaveLength(99);
    expect(ok(await fx.rc.post("/group/user/gag/list.json", { groupId: "g1" })).users).toHaveLength(
      0,
    );
  });

  it("validates minute (0–43200) and counts (≤20)", async () => {
    expect(
      (await fx.rc.post("/group/user/gag/add.json", { userId: "a", groupId: "g", minute: 43201 }))
        .body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/user/gag/add.json", { userId: "a", groupId: "g" })).body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/user/gag/add.json", { userId: ids(21), groupId: "g", minute: 1 }))
        .body.code,
    ).toBe(1002);
    expect(
      (await fx.rc.post("/group/user/gag/rollback.json", { userId: ids(21), groupId: "g" })).body
        .code,
    ).toBe(1002);
  });
});

describe("whole-group mute (ban) and exceptions", () => {
  it("adds, queries, rolls back; survives dismiss", async () => {
    ok(await fx.rc.post("/group/ban/add.json", { groupId: ["g1", "g2"] }));
    expect(ok(await fx.rc.post("/group/ban/query.json", {})).groupinfo).toEqual([
      { groupId: "g1", stat: 1 },
      { groupId: "g2", stat: 1 },
    ]);
    ok(await fx.rc.post("/group/dismiss.json", { userId: "a", groupId: "g1" }));
    ok(await fx.rc.post("/group/ban/rollback.json", { groupId: "g2" }));
    expect(
      ok(await fx.rc.post("/group/ban/query.json", { groupId: ["g1", "g2"] })).groupinfo,
    ).toEqual([
      { groupId: "g1", stat: 1 },
      { groupId: "g2", stat: 0 },
    ]);
    expect((await fx.rc.post("/group/ban/add.json", { groupId: ids(21, "g") })).body.code).toBe(
      1002,
    );
    expect((await fx.rc.post("/group/ban/add.json", {})).body.code).toBe(1003);
  });

  it("mute exception list", async () => {
    ok(
      await fx.rc.post("/group/user/ban/whitelist/add.json", { userId: ["a", "b"], groupId: "g1" }),
    );
    ok(await fx.rc.post("/group/user/ban/whitelist/rollback.json", { userId: "a", groupId: "g1" }));
    expect(
      ok(await fx.rc.post("/group/user/ban/whitelist/query.json", { groupId: "g1" })).userIds,
    ).toEqual(["b"]);
    expect(
      (await fx.rc.post("/group/user/ban/whitelist/add.json", { userId: "a" })).body.code,
    ).toBe(1002);
  });
});

describe("whole-group mute list paged (#17 §1.1)", () => {
  it("pages the muted groups by page and size (≤200); page/size win over groupId", async () => {
    ok(await fx.rc.post("/group/ban/add.json", { groupId: ["g1", "g2", "g3"] }));
    const page = (form: Record<string, string | number | string[]>) =>
      fx.rc.post("/group/ban/query.json", form);
    expect(ok(await page({ page: 2, size: 2 })).groupinfo).toEqual([{ groupId: "g3", stat: 1 }]);
    expect(ok(await page({ size: 1, groupId: ["x"] })).groupinfo).toEqual([
      { groupId: "g1", stat: 1 },
    ]);
    expect((await page({ size: 201 })).body.code).toBe(1002);
  });
});
