import type { ItemResult } from "@imgraph/core";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RongCloudAdapter } from "./adapter.js";
import { adapterFor, failure, requestCount, startTestEmulator, TEST_APP } from "./test-support.js";

// Group depth beyond the contract, over real HTTP against the emulator: classic groups (a name
// and mute-all only), hosted groups (features.hostedGroups) with their profile, attributes,
// member profiles and roles — RongCloud's caps checked before any call, its codes mapped.

const CODES = { appKey: "hostedcodes", appSecret: "hosted-codes-secret" };
const HOSTED = { features: { history: true, hostedGroups: true } };
let emu: RongCloudEmulator;
let classic: RongCloudAdapter;
let hosted: RongCloudAdapter;
let codes: RongCloudAdapter;

beforeAll(async () => {
  const features = { groupHosting: true, cloudStorage: true };
  emu = await startTestEmulator({
    apps: [
      { ...TEST_APP, features },
      { ...CODES, features, hostedGroupCodes: true, groupExtKeys: ["ext_topic"] },
    ],
  });
  classic = adapterFor(emu);
  hosted = adapterFor(emu, HOSTED);
  codes = adapterFor(emu, { ...CODES, ...HOSTED });
});
afterAll(async () => {
  for (const a of [classic, hosted, codes]) await a.close();
  await emu.close();
});
beforeEach(() => emu.reset());

/** Requests to one vendor path since `after`. */
const calls = (path: string, after: number) =>
  emu.requests({ afterSeq: after }).filter((r) => r.path === path);
const form = (path: string, after: number) =>
  calls(path, after).map((r) => Object.fromEntries(new URLSearchParams(r.body)));
const codesOf = <T>(rs: ItemResult<T>[]) => rs.map((r) => (r.ok ? r.value : r.error.code));
/** The hosted group "g" owned by "o" with these members. */
const hostedGroup = (members: string[], im = hosted) =>
  im.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: members });

describe("classic groups (features.hostedGroups off)", () => {
  it("rename with /group/refresh.json; every other profile field is refused before any call", async () => {
    await classic.createGroup({ id: "c", name: "C", ownerId: "o", memberIds: ["a"] });
    await classic.updateGroupProfile({ groupId: "c", name: "Renamed" });
    expect(await classic.getGroup("c")).toEqual({
      id: "c",
      name: "Renamed",
      ownerId: null,
      memberCount: 2,
      createdAt: null,
      avatarUrl: null,
      introduction: null,
      announcement: null,
      joinPolicy: null,
      maxMembers: null,
      allMuted: false,
    });
    const before = requestCount(emu);
    for (const update of [
      { introduction: "x" },
      { joinPolicy: "OPEN" as const },
      { name: "N", avatarUrl: "https://x/a.png" },
    ]) {
      const error = await failure(classic.updateGroupProfile({ groupId: "c", ...update }));
      expect(error).toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        message: expect.stringContaining("features.hostedGroups"),
      });
    }
    expect(
      await failure(classic.updateGroupProfile({ groupId: "c", maxMembers: 5 })),
    ).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("member cap"),
    });
    expect(requestCount(emu)).toBe(before);
    // A group without members is no group: refresh.json is not called for it.
    expect(await failure(classic.updateGroupProfile({ groupId: "none", name: "N" }))).toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    expect(calls("/group/refresh.json", before)).toHaveLength(0);
  });

  it("mutes and unmutes the whole group; getGroup reads it from /group/ban/query.json", async () => {
    await classic.createGroup({ id: "c", name: "C", ownerId: "o", memberIds: [] });
    const before = requestCount(emu);
    await classic.muteGroup({ groupId: "c", muted: true });
    expect((await classic.getGroup("c"))?.allMuted).toBe(true);
    await classic.muteGroup({ groupId: "c", muted: false });
    expect((await classic.getGroup("c"))?.allMuted).toBe(false);
    expect(form("/group/ban/add.json", before)).toEqual([{ groupId: "c" }]);
    expect(form("/group/ban/rollback.json", before)).toEqual([{ groupId: "c" }]);
  });

  it("declares the hosted-only operations off, with the option that turns them on", () => {
    const off = classic.operations.filter((o) => o.condition === "features.hostedGroups: true");
    expect(off.map((o) => o.name).sort()).toEqual(
      [
        "clearGroupAttributes",
        "getGroupAttributes",
        "getGroupMemberRoles",
        "listAppGroups",
        "removeGroupAttributes",
        "setGroupAttributes",
        "setGroupMemberProfile",
        "setGroupMemberRole",
        "transferGroupOwnership",
      ].sort(),
    );
    expect(off.every((o) => !o.supported && o.reason?.includes("classic groups"))).toBe(true);
    expect(hosted.operations.filter((o) => !o.supported).map((o) => o.name)).not.toContain(
      "setGroupMemberRole",
    );
    // Classic groups call nothing back; hosted groups report roles and attributes.
    expect(classic.reportsByCallback("GROUP_MEMBER_ROLE_CHANGED", "GROUP")).toBe(false);
    expect(hosted.reportsByCallback("GROUP_MEMBER_ROLE_CHANGED", "GROUP")).toBe(true);
    expect(hosted.reportsByCallback("GROUP_ATTRIBUTES_CHANGED", "GROUP")).toBe(true);
    expect(hosted.reportsByCallback("GROUP_PROFILE_UPDATED", "GROUP")).toBe(false);
  });

  it("declares counters and import gaps: nothing is called", async () => {
    const before = requestCount(emu);
    const error = await failure(
      classic.importGroup({
        id: "i",
        name: "I",
        ownerId: "o",
        createdAt: new Date(0),
        members: [],
      }),
    );
    expect(error).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("original times"),
    });
    expect(await failure(hosted.getGroupCounters({ groupId: "g" }))).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("memberCount"),
    });
    expect(requestCount(emu)).toBe(before);
  });
});

describe("hosted groups: creation, profile, lists", () => {
  it("creates with 30 members, the rest joining 100 a call; groups are the hosted kind", async () => {
    const members = Array.from({ length: 150 }, (_, i) => `m${i}`);
    const before = requestCount(emu);
    expect(await hostedGroup(members)).toMatchObject({ id: "g", ownerId: "o", memberCount: 151 });
    expect(form("/entrust/group/create.json", before)[0]?.userIds?.split(",")).toHaveLength(30);
    expect(
      form("/entrust/group/join.json", before).map((f) => f.userIds?.split(",").length),
    ).toEqual([100, 20]);
    expect(calls("/group/create.json", before)).toHaveLength(0);
    expect(await classic.getGroup("g")).toBeNull();
  });

  it("maps the profile to groupProfile and joinPolicy to joinPerm, and reads it back", async () => {
    await hostedGroup(["a"]);
    const before = requestCount(emu);
    await hosted.updateGroupProfile({
      groupId: "g",
      name: "N",
      avatarUrl: "https://x/a.png",
      introduction: "intro",
      joinPolicy: "CLOSED",
    });
    const [sent] = form("/entrust/group/profile/update.json", before);
    expect(JSON.parse(sent?.groupProfile ?? "")).toEqual({
      name: "N",
      portraitUrl: "https://x/a.png",
      introduction: "intro",
    });
    expect(JSON.parse(sent?.permissions ?? "")).toEqual({ joinPerm: 3 });
    for (const [policy, perm] of [
      ["OPEN", 1],
      ["APPROVAL", 2],
    ] as const) {
      await hosted.updateGroupProfile({ groupId: "g", joinPolicy: policy });
      expect((await hosted.getGroup("g"))?.joinPolicy).toBe(policy);
      expect(
        JSON.parse(form("/entrust/group/profile/update.json", before).at(-1)?.permissions ?? ""),
      ).toEqual({
        joinPerm: perm,
      });
    }
    // "" clears a text field (RongCloud drops the key).
    await hosted.updateGroupProfile({ groupId: "g", introduction: "" });
    expect(await hosted.getGroup("g")).toMatchObject({
      name: "N",
      ownerId: "o",
      memberCount: 2,
      createdAt: expect.any(Date),
      avatarUrl: "https://x/a.png",
      introduction: null,
      announcement: null,
      maxMembers: null,
      allMuted: false,
    });
  });

  it("checks RongCloud's lengths in characters before any call", async () => {
    await hostedGroup([]);
    const before = requestCount(emu);
    const tooLong = [
      { avatarUrl: `https://x/${"a".repeat(120)}` },
      { introduction: "i".repeat(513) },
      { announcement: "a".repeat(1025) },
      { name: "n".repeat(65) },
    ];
    for (const update of tooLong) {
      expect(await failure(hosted.updateGroupProfile({ groupId: "g", ...update }))).toMatchObject({
        code: "BAD_USER_INPUT",
      });
    }
    expect(requestCount(emu)).toBe(before);
    await hosted.updateGroupProfile({ groupId: "g", introduction: "群".repeat(512) });
  });

  it("answers an unknown hosted group NOT_FOUND (25410) and null from getGroup", async () => {
    expect(await hosted.getGroup("nope")).toBeNull();
    expect(await failure(hosted.updateGroupProfile({ groupId: "nope", name: "x" }))).toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "25410",
    });
    expect(await failure(hosted.listGroupMembers({ groupId: "nope" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists a user's groups with the owner where the user owns it, and the app's groups", async () => {
    await hostedGroup(["a"]);
    await hosted.createGroup({ id: "h", name: "H", ownerId: "a", memberIds: [] });
    await hosted.updateGroupProfile({ groupId: "h", avatarUrl: "https://x/h.png" });
    const mine = await hosted.listUserGroups({ userId: "a" });
    expect(mine.items.map((g) => [g.id, g.ownerId]).sort()).toEqual([
      ["g", null],
      ["h", "a"],
    ]);
    const all = await hosted.listAppGroups({ limit: 1 });
    expect(all.items).toEqual([expect.objectContaining({ id: "g", ownerId: "o" })]);
    const next = await hosted.listAppGroups({ limit: 1, cursor: all.nextCursor });
    expect(next.items).toEqual([
      expect.objectContaining({ id: "h", ownerId: "a", avatarUrl: "https://x/h.png" }),
    ]);
  });
});

describe("hosted groups: attributes (groupExtProfile)", () => {
  it('writes the whole map; a removal that survives (merging server) is written again as ""', async () => {
    await hostedGroup([]);
    await hosted.setGroupAttributes({ groupId: "g", attributes: { topic: "cats", level: "3" } });
    const before = requestCount(emu);
    await hosted.setGroupAttributes({ groupId: "g", attributes: { level: "4" } });
    expect(
      JSON.parse(form("/entrust/group/profile/update.json", before)[0]?.groupExtProfile ?? ""),
    ).toEqual({
      ext_topic: "cats",
      ext_level: "4",
    });
    const removing = requestCount(emu);
    await hosted.removeGroupAttributes({ groupId: "g", keys: ["topic", "absent"] });
    // The emulator merges: the whole-map write leaves topic, so it is written again as "".
    const writes = form("/entrust/group/profile/update.json", removing).map((f) =>
      JSON.parse(f.groupExtProfile ?? ""),
    );
    expect(writes).toEqual([{ ext_level: "4" }, { ext_topic: "" }]);
    expect(await hosted.getGroupAttributes({ groupId: "g" })).toEqual({ level: "4" });
    // Nothing to remove: no write.
    const idle = requestCount(emu);
    await hosted.removeGroupAttributes({ groupId: "g", keys: ["topic"] });
    expect(calls("/entrust/group/profile/update.json", idle)).toHaveLength(0);
  });

  it('refuses an 11th attribute (RongCloud keeps 10 pairs) and "" values before writing', async () => {
    await hostedGroup([]);
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"]));
    await hosted.setGroupAttributes({ groupId: "g", attributes: ten });
    const before = requestCount(emu);
    expect(
      await failure(hosted.setGroupAttributes({ groupId: "g", attributes: { more: "v" } })),
    ).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "1002",
    });
    expect(
      await failure(hosted.setGroupAttributes({ groupId: "g", attributes: { k0: "" } })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(
      await failure(
        hosted.setGroupAttributes({ groupId: "g", attributes: { k0: "v".repeat(257) } }),
      ),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(calls("/entrust/group/profile/update.json", before)).toHaveLength(0);
    // Replacing a key keeps the count.
    await hosted.setGroupAttributes({ groupId: "g", attributes: { k0: "w" } });
  });

  it("passes RongCloud's unregistered-key code through (25415 → VENDOR_REJECTED)", async () => {
    await hostedGroup([], codes);
    await codes.setGroupAttributes({ groupId: "g", attributes: { topic: "x" } });
    expect(
      await failure(codes.setGroupAttributes({ groupId: "g", attributes: { other: "x" } })),
    ).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "25415",
      message: expect.stringContaining("console"),
    });
    expect(await codes.getGroupAttributes({ groupId: "g", keys: ["topic", "other"] })).toEqual({
      topic: "x",
    });
  });
});

describe("hosted groups: member profiles", () => {
  it("keeps fields as JSON in extra, merged; the member list shows name cards and fields", async () => {
    await hostedGroup(["a", "b"]);
    await hosted.setGroupMemberProfile({
      groupId: "g",
      userId: "a",
      nameCard: "Cap",
      fields: { team: "red" },
    });
    const before = requestCount(emu);
    // Fields alone: the stored nickname is sent again (RongCloud requires it).
    await hosted.setGroupMemberProfile({ groupId: "g", userId: "a", fields: { seat: "1" } });
    expect(form("/entrust/group/member/set.json", before)).toEqual([
      {
        groupId: "g",
        userId: "a",
        nickname: "Cap",
        extra: JSON.stringify({ team: "red", seat: "1" }),
      },
    ]);
    const page = await hosted.listGroupMembers({ groupId: "g" });
    expect(page.items.find((m) => m.userId === "a")).toMatchObject({
      role: "MEMBER",
      nameCard: "Cap",
      fields: { team: "red", seat: "1" },
      joinedAt: expect.any(Date),
    });
    expect(page.items.find((m) => m.userId === "b")).toMatchObject({
      nameCard: null,
      fields: null,
    });
  });

  it("refuses what RongCloud cannot keep: a cleared name card, fields without one, 128+ characters", async () => {
    await hostedGroup(["a"]);
    const before = requestCount(emu);
    expect(
      await failure(hosted.setGroupMemberProfile({ groupId: "g", userId: "a", nameCard: "" })),
    ).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("nickname"),
    });
    expect(requestCount(emu)).toBe(before);
    expect(
      await failure(
        hosted.setGroupMemberProfile({ groupId: "g", userId: "a", fields: { k: "v" } }),
      ),
    ).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
    });
    const long = { k: "v".repeat(125) };
    expect(
      await failure(
        hosted.setGroupMemberProfile({ groupId: "g", userId: "a", nameCard: "A", fields: long }),
      ),
    ).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1005" });
    expect(calls("/entrust/group/member/set.json", before)).toHaveLength(0);
    expect(
      await failure(hosted.setGroupMemberProfile({ groupId: "g", userId: "zz", nameCard: "Z" })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("hosted groups: roles", () => {
  it("makes and unmakes admins; the same role again calls nothing", async () => {
    await hostedGroup(["a", "b"]);
    const before = requestCount(emu);
    await hosted.setGroupMemberRole({ groupId: "g", userId: "a", role: "ADMIN" });
    await hosted.setGroupMemberRole({ groupId: "g", userId: "a", role: "ADMIN" });
    await hosted.setGroupMemberRole({ groupId: "g", userId: "b", role: "MEMBER" });
    expect(form("/entrust/group/manager/add.json", before)).toEqual([
      { groupId: "g", userIds: "a" },
    ]);
    expect(calls("/entrust/group/manager/remove.json", before)).toHaveLength(0);
    expect(
      codesOf(await hosted.getGroupMemberRoles({ groupId: "g", userIds: ["a", "o", "b", "zz"] })),
    ).toEqual(["ADMIN", "OWNER", "MEMBER", "NOT_FOUND"]);
    await hosted.setGroupMemberRole({ groupId: "g", userId: "a", role: "MEMBER" });
    expect(form("/entrust/group/manager/remove.json", before)).toEqual([
      { groupId: "g", userIds: "a" },
    ]);
  });

  it("refuses the owner, a non-member and an 11th admin before the write", async () => {
    const members = Array.from({ length: 11 }, (_, i) => `m${i}`);
    await hostedGroup(members);
    for (const m of members.slice(0, 10))
      await hosted.setGroupMemberRole({ groupId: "g", userId: m, role: "ADMIN" });
    const before = requestCount(emu);
    expect(
      await failure(hosted.setGroupMemberRole({ groupId: "g", userId: "m10", role: "ADMIN" })),
    ).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "1002",
    });
    expect(
      await failure(hosted.setGroupMemberRole({ groupId: "g", userId: "o", role: "ADMIN" })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "userId",
    });
    expect(
      await failure(hosted.setGroupMemberRole({ groupId: "g", userId: "zz", role: "ADMIN" })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(calls("/entrust/group/manager/add.json", before)).toHaveLength(0);
  });

  it("maps the hosting codes: 25404/25405 FORBIDDEN, 25418 NOT_FOUND, 25419 VENDOR_REJECTED", async () => {
    await hostedGroup(["a"]);
    for (const [code, expected] of [
      [25405, "FORBIDDEN"],
      [25404, "FORBIDDEN"],
      [25418, "NOT_FOUND"],
      [25419, "VENDOR_REJECTED"],
    ] as const) {
      emu.addFault({
        route: "/entrust/group/manager/add.json",
        kind: "vendor-error",
        code,
        status: 200,
        times: 1,
      });
      expect(
        await failure(hosted.setGroupMemberRole({ groupId: "g", userId: "a", role: "ADMIN" })),
      ).toMatchObject({
        code: expected,
      });
    }
  });

  it("refuses to transfer ownership to a non-member, as Tencent and ZEGO do", async () => {
    await hostedGroup(["a"]);
    await hosted.registerUsers([{ id: "b" }]);
    const before = requestCount(emu);
    for (const newOwnerId of ["b", "never-registered"]) {
      expect(
        await failure(hosted.transferGroupOwnership({ groupId: "g", newOwnerId })),
      ).toMatchObject({ code: "VENDOR_REJECTED", vendor: "rongcloud" });
    }
    expect(calls("/entrust/group/transfer/owner.json", before)).toHaveLength(0);
    expect(calls("/entrust/group/member/specific/query.json", before)).toHaveLength(2);
    expect((await hosted.getGroup("g"))?.ownerId).toBe("o");
  });

  it("transfers ownership: the old owner stays as a member", async () => {
    await hostedGroup(["a"]);
    await hosted.transferGroupOwnership({ groupId: "g", newOwnerId: "a" });
    expect((await hosted.getGroup("g"))?.ownerId).toBe("a");
    expect(
      codesOf(await hosted.getGroupMemberRoles({ groupId: "g", userIds: ["a", "o"] })),
    ).toEqual(["OWNER", "MEMBER"]);
  });
});
