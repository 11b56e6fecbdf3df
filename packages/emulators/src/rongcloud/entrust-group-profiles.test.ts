import { describe, expect, it } from "vitest";
import { type Form, ok, rcClient } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

// Hosted group profiles over real HTTP (#17 §1.2, §1.4): update and query, the limits of
// each part, the merge of a part, the import of a classic group and the app-wide list.

const STRICT = { appKey: "strict", appSecret: "strict-secret" };
const fx = useRongCloud({
  apps: [
    { ...APP, features: { groupHosting: true } },
    {
      ...STRICT,
      features: { groupHosting: true },
      hostedGroupCodes: true,
      groupExtKeys: ["ext_topic"],
      groupExtMax: 2,
    },
  ],
});

const create = (form: Form = {}) =>
  fx.rc.post("/entrust/group/create.json", { groupId: "g", name: "G", owner: "o", ...form });
const update = (form: Form) =>
  fx.rc.post("/entrust/group/profile/update.json", { groupId: "g", ...form });
const json = (v: unknown) => JSON.stringify(v);
async function profile(groupId = "g") {
  const [p] = ok(
    await fx.rc.post("/entrust/group/profile/query.json", { groupIds: groupId }),
  ).profiles;
  return {
    ...p,
    groupProfile: JSON.parse(p.groupProfile),
    groupExtProfile: JSON.parse(p.groupExtProfile),
    permissions: JSON.parse(p.permissions),
  };
}

describe("hosted group profile update and query", () => {
  it("merges each part key by key; an empty value deletes a key", async () => {
    ok(await create({ userIds: "a" }));
    ok(await update({ groupProfile: json({ portraitUrl: "https://x/p.png", introduction: "i" }) }));
    ok(await update({ groupProfile: json({ announcement: "a", introduction: "" }) }));
    ok(await update({ groupExtProfile: json({ ext_topic: "cats", ext_level: "3" }) }));
    ok(await update({ groupExtProfile: json({ ext_level: "" }) }));
    ok(await update({ permissions: json({ joinPerm: 2 }) }));
    expect(await profile()).toMatchObject({
      groupId: "g",
      groupName: "G",
      owner: "o",
      memberCount: 2,
      createTime: expect.any(Number),
      groupProfile: { name: "G", portraitUrl: "https://x/p.png", announcement: "a" },
      groupExtProfile: { ext_topic: "cats" },
      permissions: { joinPerm: 2 },
    });
    expect((await profile()).groupProfile).not.toHaveProperty("introduction");
  });

  it("renames by groupProfile.name (doc, Go) or a top-level name (Java), which wins", async () => {
    ok(await create());
    ok(await update({ groupProfile: json({ name: "ByProfile" }) }));
    expect((await profile()).groupName).toBe("ByProfile");
    ok(await update({ name: "TopLevel", groupProfile: json({ name: "Ignored" }) }));
    expect((await profile()).groupName).toBe("TopLevel");
    expect((await update({ groupProfile: json({ name: "" }) })).body.code).toBe(1002);
  });

  it("refuses values over their limits: 1005 for lengths, 1002 for the rest", async () => {
    ok(await create());
    const refused: [Form, number][] = [
      [{ groupProfile: json({ name: "n".repeat(65) }) }, 1005],
      [{ groupProfile: json({ introduction: "i".repeat(513) }) }, 1005],
      [{ groupProfile: json({ announcement: "a".repeat(1025) }) }, 1005],
      [{ groupProfile: json({ portraitUrl: `https://x/${"p".repeat(120)}` }) }, 1005],
      [{ groupProfile: json({ introduction: 5 }) }, 1002],
      [{ groupProfile: "not json" }, 1002],
      [{ permissions: json({ joinPerm: 4 }) }, 1002],
      [{ permissions: json({ removePerm: 3 }) }, 1002],
      [{ permissions: json({ invitePerm: 2 }) }, 1002],
      [{ permissions: json({ nobody: 1 }) }, 1002],
      [{ groupExtProfile: json({ topic: "x" }) }, 1002],
      [{ groupExtProfile: json({ [`ext_${"k".repeat(29)}`]: "x" }) }, 1005],
      [{ groupExtProfile: json({ ext_topic: "v".repeat(257) }) }, 1005],
    ];
    for (const [form, code] of refused)
      expect((await update(form)).body.code, json(form)).toBe(code);
    // Characters, not bytes: 512 CJK characters fit.
    ok(await update({ groupProfile: json({ introduction: "群".repeat(512) }) }));
  });

  it("keeps at most 10 ext pairs by default, counted after the merge", async () => {
    ok(await create());
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`ext_k${i}`, "v"]));
    ok(await update({ groupExtProfile: json(ten) }));
    expect((await update({ groupExtProfile: json({ ext_more: "v" }) })).body.code).toBe(1002);
    // Replacing a key and deleting one to make room both fit.
    ok(await update({ groupExtProfile: json({ ext_k0: "w", ext_k1: "" }) }));
    ok(await update({ groupExtProfile: json({ ext_more: "v" }) }));
  });

  it("answers unknown groups with 25410 and more than 50 ids with 1002", async () => {
    expect(await update({ name: "X" })).toMatchObject({ status: 200, body: { code: 25410 } });
    const ids = Array.from({ length: 51 }, (_, i) => `g${i}`).join(",");
    expect(
      (await fx.rc.post("/entrust/group/profile/query.json", { groupIds: ids })).body.code,
    ).toBe(1002);
    // The doc's example repeats groupId: read too; unknown ids are left out.
    ok(await create());
    const found = ok(
      await fx.rc.post("/entrust/group/profile/query.json", { groupId: ["g", "nope"] }),
    );
    expect(found.profiles.map((p: { groupId: string }) => p.groupId)).toEqual(["g"]);
  });

  it("with hostedGroupCodes: registered ext keys (25415), pair cap, 25422, 25409", async () => {
    const strict = rcClient({ url: fx.emu.url, ...STRICT });
    ok(await strict.post("/entrust/group/create.json", { groupId: "s", name: "S", owner: "o" }));
    const upd = (form: Form) =>
      strict.post("/entrust/group/profile/update.json", { groupId: "s", ...form });
    expect((await upd({ groupExtProfile: json({ ext_other: "x" }) })).body.code).toBe(25415);
    ok(await upd({ groupExtProfile: json({ ext_topic: "x" }) }));
    expect((await upd({ groupProfile: json({ name: "" }) })).body.code).toBe(25423);
    const ids = Array.from({ length: 51 }, (_, i) => `g${i}`).join(",");
    expect(
      (await strict.post("/entrust/group/profile/query.json", { groupIds: ids })).body.code,
    ).toBe(25422);
    expect(
      (await strict.post("/entrust/group/create.json", { groupId: "s", name: "S", owner: "o" }))
        .body.code,
    ).toBe(25409);
  });
});

describe("import of a classic group (#17 §1.4)", () => {
  it("makes a bound classic group hosted: owner, members, profile; no past times", async () => {
    ok(
      await fx.rc.post("/group/create.json", {
        userId: ["o", "a", "b"],
        groupId: "c",
        groupName: "C",
      }),
    );
    const before = Date.now();
    ok(
      await fx.rc.post("/entrust/group/import.json", {
        groupId: "c",
        name: "Imported",
        owner: "o",
        groupProfile: json({ introduction: "moved" }),
      }),
    );
    const p = await profile("c");
    expect(p).toMatchObject({ groupName: "Imported", owner: "o", memberCount: 3 });
    expect(p.groupProfile).toMatchObject({ introduction: "moved" });
    // The creation time is the import's: nothing of the group's past is kept.
    expect(p.createTime).toBeGreaterThanOrEqual(before - 1000);
    const members = ok(
      await fx.rc.post("/entrust/group/member/query.json", { groupId: "c", order: 0 }),
    ).members;
    expect(members.map((m: { userId: string; role: number }) => [m.userId, m.role])).toEqual([
      ["o", 3],
      ["a", 1],
      ["b", 1],
    ]);
    expect(
      (await fx.rc.post("/entrust/group/import.json", { groupId: "c", name: "I", owner: "o" })).body
        .code,
    ).toBe(1002);
    expect(
      await fx.rc.post("/entrust/group/import.json", { groupId: "none", name: "I", owner: "o" }),
    ).toMatchObject({ body: { code: 25410 } });
  });
});

describe("app-wide list of hosted groups", () => {
  it("pages by pageToken, newest first by default, oldest first with order 0", async () => {
    for (const id of ["l1", "l2", "l3"]) {
      ok(await create({ groupId: id, groupProfile: json({ portraitUrl: `https://x/${id}` }) }));
      fx.emu.setClock({ advanceMs: 1000 });
    }
    const first = ok(await fx.rc.post("/entrust/group/query.json", { size: 2 }));
    expect(first.groups.map((g: { groupId: string }) => g.groupId)).toEqual(["l3", "l2"]);
    expect(first.groups[0]).toMatchObject({
      creator: "o",
      owner: "o",
      portraitUrl: "https://x/l3",
    });
    const next = ok(
      await fx.rc.post("/entrust/group/query.json", { size: 2, pageToken: first.pageToken }),
    );
    expect(next).toMatchObject({ groups: [{ groupId: "l1" }], pageToken: "" });
    const asc = ok(await fx.rc.post("/entrust/group/query.json", { order: 0 }));
    expect(asc.groups.map((g: { groupId: string }) => g.groupId)).toEqual(["l1", "l2", "l3"]);
    expect((await fx.rc.post("/entrust/group/query.json", { size: 1001 })).body.code).toBe(1002);
  });
});
