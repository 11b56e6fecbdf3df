import { describe, expect, it } from "vitest";
import { type Form, ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({
  apps: [
    { ...APP, features: { groupHosting: true } },
    { appKey: "plain", appSecret: "s" },
  ],
});
/** Creates a hosted group, named "H" and owned by "o" unless the form says otherwise. */
const create = (form: Form) =>
  fx.rc.post("/entrust/group/create.json", { name: "H", owner: "o", ...form });
const roles = async (groupId: string) =>
  Object.fromEntries(
    ok(await fx.rc.post("/entrust/group/member/query.json", { groupId })).members.map(
      (m: { userId: string; role: number }) => [m.userId, m.role],
    ),
  );

describe("hosted groups (/entrust/group/*)", () => {
  it("create with owner and members; profile query", async () => {
    ok(
      await create({
        groupId: "h1",
        name: "Hosted",
        userIds: "a,b",
        groupProfile: JSON.stringify({ introduction: "hi" }),
      }),
    );
    // Roles: 1 member, 2 admin, 3 owner (#17 §1.3).
    expect(await roles("h1")).toEqual({ o: 3, a: 1, b: 1 });
    const profile = ok(
      await fx.rc.post("/entrust/group/profile/query.json", { groupIds: "h1,missing" }),
    );
    // The JSON parts come back as text (#17 §1.2).
    expect(profile.profiles).toEqual([
      expect.objectContaining({
        groupId: "h1",
        groupName: "Hosted",
        owner: "o",
        memberCount: 3,
        groupProfile: JSON.stringify({ introduction: "hi", name: "Hosted" }),
        groupExtProfile: "{}",
        permissions: "{}",
      }),
    ]);
    expect((await create({ groupId: "h1", name: "Again" })).body.code).toBe(1002);
  });

  it("transfers ownership (optionally quitting), joins, quits, kicks, dismisses", async () => {
    ok(await create({ groupId: "h1", userIds: ["a", "b"] }));
    ok(await fx.rc.post("/entrust/group/transfer/owner.json", { groupId: "h1", newOwner: "a" }));
    expect(await roles("h1")).toEqual({ o: 1, a: 3, b: 1 });
    expect(
      ok(await fx.rc.post("/entrust/group/profile/query.json", { groupIds: "h1" })).profiles[0]
        .owner,
    ).toBe("a");
    ok(
      await fx.rc.post("/entrust/group/transfer/owner.json", {
        groupId: "h1",
        newOwner: "b",
        isQuit: 1,
      }),
    );
    expect(await roles("h1")).toEqual({ o: 1, b: 3 });
    // the owner cannot leave without transferring first
    expect(
      (await fx.rc.post("/entrust/group/quit.json", { groupId: "h1", userIds: "b" })).body.code,
    ).toBe(1002);
    ok(await fx.rc.post("/entrust/group/join.json", { groupId: "h1", userIds: "c,d" }));
    ok(await fx.rc.post("/entrust/group/quit.json", { groupId: "h1", userIds: "c" }));
    ok(await fx.rc.post("/entrust/group/member/kick.json", { groupId: "h1", userIds: "d" }));
    expect(await roles("h1")).toEqual({ o: 1, b: 3 });
    const joined = ok(await fx.rc.post("/entrust/joined/group/query.json", { userId: "b" }));
    expect(joined.groups).toEqual([expect.objectContaining({ groupId: "h1", role: 3 })]);
    ok(await fx.rc.post("/entrust/group/dismiss.json", { groupId: "h1" }));
    // An unknown hosted group: 25410 in the body of an HTTP 200 (#17 §U1).
    expect(await fx.rc.post("/entrust/group/member/query.json", { groupId: "h1" })).toMatchObject({
      status: 200,
      body: { code: 25410 },
    });
  });

  it("pages members with pageToken and queries specific members", async () => {
    const userIds = Array.from({ length: 29 }, (_, i) => `m${i}`);
    ok(await create({ groupId: "h2", userIds: userIds.join(",") }));
    const p1 = ok(
      await fx.rc.post("/entrust/group/member/query.json", { groupId: "h2", size: 20, order: 0 }),
    );
    expect(p1.totalCount).toBe(30);
    expect(p1.members).toHaveLength(20);
    const p2 = ok(
      await fx.rc.post("/entrust/group/member/query.json", {
        groupId: "h2",
        size: 20,
        order: 0,
        pageToken: p1.pageToken,
      }),
    );
    expect(p2.members).toHaveLength(10);
    expect(p2.pageToken).toBe("");
    const specific = ok(
      await fx.rc.post("/entrust/group/member/specific/query.json", {
        groupId: "h2",
        userIds: "o,m3,zz",
      }),
    );
    expect(specific.members.map((m: { userId: string }) => m.userId)).toEqual(["o", "m3"]);
    expect(
      (await fx.rc.post("/entrust/group/member/query.json", { groupId: "h2", size: 101 })).body
        .code,
    ).toBe(1002);
  });

  it("validates limits: userIds ≤30 at create, ≤100 at join, name ≤64", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`).join(",");
    const x = { groupId: "x", name: "X" };
    // more than 30 members, a name over 64, no owner
    const refused: [Form, number][] = [
      [{ ...x, userIds: ids(31) }, 1002],
      [{ ...x, name: "n".repeat(65) }, 1005],
      [{ ...x, owner: undefined }, 1002],
    ];
    for (const [form, code] of refused) expect((await create(form)).body.code).toBe(code);
    ok(await create(x));
    expect(
      (await fx.rc.post("/entrust/group/join.json", { groupId: "x", userIds: ids(101) })).body.code,
    ).toBe(1002);
    ok(
      await fx.rc.post("/entrust/group/profile/update.json", {
        groupId: "x",
        name: "Y",
        permissions: JSON.stringify({ joinPerm: 1 }),
      }),
    );
    expect(
      ok(await fx.rc.post("/entrust/group/profile/query.json", { groupIds: "x" })).profiles[0],
    ).toMatchObject({
      groupName: "Y",
      permissions: JSON.stringify({ joinPerm: 1 }),
    });
  });

  it("answers 430 / 1009 when group hosting is off", async () => {
    const { rcClient } = await import("../testing/rongcloud-client.js");
    const plain = rcClient({ url: fx.emu.url, appKey: "plain", appSecret: "s" });
    const r = await plain.post("/entrust/group/create.json", {
      groupId: "x",
      name: "X",
      owner: "o",
    });
    expect(r).toMatchObject({ status: 430, body: { code: 1009 } });
  });
});
