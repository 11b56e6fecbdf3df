import { describe, expect, it } from "vitest";
import { type Form, ok, rcClient } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

// Hosted group members over real HTTP (#17 §1.3): roles 1 member, 2 admin, 3 owner; member
// profiles (nickname required, extra ≤128); admins (≤10, members only, never the owner).

const STRICT = { appKey: "strict", appSecret: "strict-secret" };
const fx = useRongCloud({
  apps: [
    { ...APP, features: { groupHosting: true } },
    { ...STRICT, features: { groupHosting: true }, hostedGroupCodes: true },
  ],
});

const post = (path: string, form: Form) => fx.rc.post(path, { groupId: "g", ...form });
async function roles() {
  const { members } = ok(await post("/entrust/group/member/query.json", { order: 0 }));
  return Object.fromEntries(
    members.map((m: { userId: string; role: number }) => [m.userId, m.role]),
  );
}

describe("hosted group member profiles", () => {
  it("sets a name card and extra; the member lists show them", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o", userIds: "a,b" }));
    ok(await post("/entrust/group/member/set.json", { userId: "a", nickname: "Cap", extra: "x" }));
    // Without extra the stored one stays; "" clears it.
    ok(await post("/entrust/group/member/set.json", { userId: "a", nickname: "Captain" }));
    const [a] = ok(
      await post("/entrust/group/member/specific/query.json", { userIds: "a" }),
    ).members;
    expect(a).toMatchObject({ userId: "a", nickname: "Captain", extra: "x", role: 1 });
    ok(await post("/entrust/group/member/set.json", { userId: "a", nickname: "C", extra: "" }));
    const listed = ok(await post("/entrust/group/member/query.json", {})).members;
    expect(listed.find((m: { userId: string }) => m.userId === "a")).toMatchObject({
      nickname: "C",
      extra: "",
      time: expect.any(Number),
    });
  });

  it("requires a nickname ≤64 and an extra ≤128; answers 25418 for a non-member", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o", userIds: "a" }));
    const set = (form: Form) => post("/entrust/group/member/set.json", { userId: "a", ...form });
    expect((await set({})).body.code).toBe(1002);
    expect((await set({ nickname: "" })).body.code).toBe(1002);
    expect((await set({ nickname: "n".repeat(65) })).body.code).toBe(1005);
    expect((await set({ nickname: "n", extra: "e".repeat(129) })).body.code).toBe(1005);
    ok(await set({ nickname: "群".repeat(64), extra: "e".repeat(128) }));
    expect(await set({ userId: "zz", nickname: "n" })).toMatchObject({
      status: 200,
      body: { code: 25418 },
    });
    expect(
      (
        await fx.rc.post("/entrust/group/member/set.json", {
          groupId: "no",
          userId: "a",
          nickname: "n",
        })
      ).body.code,
    ).toBe(25410);
  });
});

describe("hosted group admins", () => {
  it("adds and removes admins; non-members are answered, not added", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o", userIds: "a,b" }));
    const added = ok(await post("/entrust/group/manager/add.json", { userIds: ["a", "zz"] }));
    expect(added.userIds).toEqual(["zz"]);
    expect(await roles()).toEqual({ o: 3, a: 2, b: 1 });
    const onlyAdmins = ok(await post("/entrust/group/member/query.json", { type: 2 }));
    expect(onlyAdmins).toMatchObject({ totalCount: 1, members: [{ userId: "a", role: 2 }] });
    ok(await post("/entrust/group/manager/remove.json", { userIds: "a" }));
    expect(await roles()).toEqual({ o: 3, a: 1, b: 1 });
    // A transfer makes an admin the owner and the old owner a member.
    ok(await post("/entrust/group/manager/add.json", { userIds: "b" }));
    ok(await post("/entrust/group/transfer/owner.json", { newOwner: "b" }));
    expect(await roles()).toEqual({ o: 1, a: 1, b: 3 });
  });

  it("refuses the owner, an 11th admin (with managerCount) and removing a non-admin", async () => {
    const members = Array.from({ length: 11 }, (_, i) => `m${i}`);
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o", userIds: members }));
    expect((await post("/entrust/group/manager/add.json", { userIds: "o" })).body.code).toBe(1002);
    ok(await post("/entrust/group/manager/add.json", { userIds: members.slice(0, 10) }));
    expect(await post("/entrust/group/manager/add.json", { userIds: "m10" })).toMatchObject({
      body: { code: 1002, managerCount: 10 },
    });
    expect((await post("/entrust/group/manager/remove.json", { userIds: "m10" })).body.code).toBe(
      1002,
    );
    expect((await post("/entrust/group/manager/remove.json", { userIds: "zz" })).body.code).toBe(
      25418,
    );
  });

  it("with hostedGroupCodes answers 25425, 25419, 25420 and 25417", async () => {
    const strict = rcClient({ url: fx.emu.url, ...STRICT });
    const s = (path: string, form: Form) => strict.post(path, { groupId: "s", ...form });
    const members = Array.from({ length: 11 }, (_, i) => `m${i}`);
    ok(await s("/entrust/group/create.json", { name: "S", owner: "o", userIds: members }));
    expect((await s("/entrust/group/manager/add.json", { userIds: "o" })).body.code).toBe(25425);
    ok(await s("/entrust/group/manager/add.json", { userIds: members.slice(0, 10) }));
    expect(await s("/entrust/group/manager/add.json", { userIds: "m10" })).toMatchObject({
      status: 200,
      body: { code: 25419, managerCount: 10 },
    });
    expect((await s("/entrust/group/manager/remove.json", { userIds: "m10" })).body.code).toBe(
      25420,
    );
    expect((await s("/entrust/group/quit.json", { userIds: "o" })).body.code).toBe(25417);
  });
});

describe("hosted member lists", () => {
  it("orders by join time, newest first by default; joined groups filter by role", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o" }));
    fx.emu.setClock({ advanceMs: 1000 });
    ok(await post("/entrust/group/join.json", { userIds: "a" }));
    fx.emu.setClock({ advanceMs: 1000 });
    ok(await post("/entrust/group/join.json", { userIds: "b" }));
    const ids = (r: { members: { userId: string }[] }) => r.members.map((m) => m.userId);
    expect(ids(ok(await post("/entrust/group/member/query.json", {})))).toEqual(["b", "a", "o"]);
    expect(ids(ok(await post("/entrust/group/member/query.json", { order: 0 })))).toEqual([
      "o",
      "a",
      "b",
    ]);
    expect((await post("/entrust/group/member/query.json", { type: 4 })).body.code).toBe(1002);
    ok(await post("/entrust/group/create.json", { groupId: "h", name: "H", owner: "a" }));
    const owned = ok(
      await fx.rc.post("/entrust/joined/group/query.json", { userId: "a", role: 3 }),
    );
    expect(owned.groups).toEqual([expect.objectContaining({ groupId: "h", role: 3 })]);
  });
});
