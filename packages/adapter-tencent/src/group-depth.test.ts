// #17 group depth beyond the shared contract, over HTTP against the Tencent emulator.
import { describe, expect, it } from "vitest";
import {
  adapterFor,
  emulatorWithAdapter,
  SDK_APP_ID,
  startEmulator,
  uid,
} from "./testing/emulator.js";

const env = emulatorWithAdapter({ groupCounters: true, groupMemberFields: ["rank", "team"] });

const sent = (route: string, mark: number) => env.sentBodies(route, mark);
const routes = (mark: number) =>
  env.emulator.requests({ afterSeq: mark }).map((r) => r.routeKey.replace(/^v4\//, ""));

async function group(members = 1) {
  const [owner, ...rest] = env.seedUsers(members + 1, "gd") as [string, ...string[]];
  const groupId = uid("gd");
  await env.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: rest });
  return { groupId, owner, members: rest };
}

const fails = env.fails;

describe("group profile and mute-all", () => {
  it("sends Tencent's fields and reads every one back through getGroup", async () => {
    const { groupId } = await group();
    const mark = env.requestCount();
    await env.adapter.updateGroupProfile({
      groupId,
      avatarUrl: "https://example.com/a.png",
      introduction: "intro",
      announcement: "notice",
      joinPolicy: "CLOSED",
      maxMembers: 300,
    });
    await env.adapter.muteGroup({ groupId, muted: true });
    expect(sent("group_open_http_svc/modify_group_base_info", mark)).toEqual([
      {
        GroupId: groupId,
        FaceUrl: "https://example.com/a.png",
        Introduction: "intro",
        Notification: "notice",
        ApplyJoinOption: "DisableApply",
        MaxMemberNum: 300,
      },
      { GroupId: groupId, MuteAllMember: "On" },
    ]);
    expect(await env.adapter.getGroup(groupId)).toMatchObject({
      avatarUrl: "https://example.com/a.png",
      introduction: "intro",
      announcement: "notice",
      joinPolicy: "CLOSED",
      maxMembers: 300,
      allMuted: true,
    });
    await env.adapter.updateGroupProfile({ groupId, joinPolicy: "OPEN", introduction: "" });
    expect(await env.adapter.getGroup(groupId)).toMatchObject({
      joinPolicy: "OPEN",
      introduction: "",
    });
  });

  it("lists of groups carry the profile too", async () => {
    const { groupId, owner } = await group();
    await env.adapter.updateGroupProfile({ groupId, announcement: "hi", joinPolicy: "APPROVAL" });
    const page = await env.adapter.listUserGroups({ userId: owner });
    expect(page.items.find((g) => g.id === groupId)).toMatchObject({
      announcement: "hi",
      joinPolicy: "APPROVAL",
      allMuted: false,
    });
  });

  it("refuses Tencent's REST limits before any call; a cap below the member count is Tencent's 10004", async () => {
    const { groupId } = await group(2);
    const bad = { code: "BAD_USER_INPUT" };
    await fails(() => env.adapter.updateGroupProfile({ groupId, name: "n".repeat(31) }), bad, true);
    await fails(
      () => env.adapter.updateGroupProfile({ groupId, avatarUrl: `https://x/${"a".repeat(95)}` }),
      bad,
      true,
    );
    await fails(
      () => env.adapter.updateGroupProfile({ groupId, introduction: "i".repeat(241) }),
      bad,
      true,
    );
    await fails(
      () => env.adapter.updateGroupProfile({ groupId, announcement: "a".repeat(301) }),
      bad,
      true,
    );
    await fails(() => env.adapter.updateGroupProfile({ groupId, maxMembers: 6001 }), bad, true);
    await fails(() => env.adapter.updateGroupProfile({ groupId, maxMembers: 2 }), {
      code: "VENDOR_REJECTED",
      vendorCode: "10004",
    });
    await fails(() => env.adapter.muteGroup({ groupId: "nope", muted: true }), {
      code: "NOT_FOUND",
    });
  });
});

describe("group attributes", () => {
  it("a 17th key is Tencent's 10047; a long value or key is refused before any call", async () => {
    const { groupId } = await group();
    const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, "v"]));
    await env.adapter.setGroupAttributes({ groupId, attributes: sixteen });
    await fails(() => env.adapter.setGroupAttributes({ groupId, attributes: { k16: "v" } }), {
      code: "VENDOR_REJECTED",
      vendorCode: "10047",
    });
    await fails(
      () => env.adapter.setGroupAttributes({ groupId, attributes: { k0: "v".repeat(4001) } }),
      { code: "BAD_USER_INPUT", field: "attributes.k0" },
      true,
    );
    await fails(
      () => env.adapter.setGroupAttributes({ groupId, attributes: { ["k".repeat(33)]: "v" } }),
      { code: "BAD_USER_INPUT" },
      true,
    );
    expect(Object.keys(await env.adapter.getGroupAttributes({ groupId }))).toHaveLength(16);
  });

  it("removing keys of which one is missing removes the present ones (10050, read, delete again)", async () => {
    const { groupId } = await group();
    await env.adapter.setGroupAttributes({ groupId, attributes: { a: "1", b: "2" } });
    const mark = env.requestCount();
    await env.adapter.removeGroupAttributes({ groupId, keys: ["a", "gone"] });
    expect(routes(mark)).toEqual([
      "group_open_http_svc/delete_group_attr",
      "group_open_attr_http_svc/get_group_attr",
      "group_open_http_svc/delete_group_attr",
    ]);
    expect(await env.adapter.getGroupAttributes({ groupId })).toEqual({ b: "2" });
    // Nothing left to remove: one refused delete and a read, no error.
    await env.adapter.removeGroupAttributes({ groupId, keys: ["gone"] });
    expect(await env.adapter.getGroupAttributes({ groupId })).toEqual({ b: "2" });
  });

  it("an unknown group is NOT_FOUND", async () => {
    await fails(() => env.adapter.getGroupAttributes({ groupId: "nope" }), { code: "NOT_FOUND" });
  });
});

describe("member profiles and roles", () => {
  it("writes the name card and declared fields; listGroupMembers reads them", async () => {
    const { groupId, members } = await group(2);
    const [m] = members as [string];
    const mark = env.requestCount();
    await env.adapter.setGroupMemberProfile({
      groupId,
      userId: m,
      nameCard: "Cap",
      fields: { rank: "1", team: "red" },
    });
    expect(sent("group_open_http_svc/modify_group_member_info", mark)).toEqual([
      {
        GroupId: groupId,
        Member_Account: m,
        NameCard: "Cap",
        AppMemberDefinedData: [
          { Key: "rank", Value: "1" },
          { Key: "team", Value: "red" },
        ],
      },
    ]);
    await env.adapter.setGroupMemberProfile({ groupId, userId: m, fields: { team: "" } });
    const page = await env.adapter.listGroupMembers({ groupId });
    expect(page.items.find((x) => x.userId === m)).toMatchObject({
      nameCard: "Cap",
      fields: { rank: "1" },
    });
    expect(page.items.find((x) => x.userId !== m)).toMatchObject({ nameCard: null, fields: {} });
  });

  it("refuses undeclared fields and long name cards before any call; without the option, fields are unsupported", async () => {
    const { groupId, members } = await group();
    const [m] = members as [string];
    await fails(
      () => env.adapter.setGroupMemberProfile({ groupId, userId: m, fields: { level: "1" } }),
      { code: "BAD_USER_INPUT", field: "fields.level" },
      true,
    );
    await fails(
      () => env.adapter.setGroupMemberProfile({ groupId, userId: m, nameCard: "n".repeat(51) }),
      { code: "BAD_USER_INPUT", field: "nameCard" },
      true,
    );
    const plain = adapterFor([env.emulator.url]);
    try {
      await expect(
        plain.setGroupMemberProfile({ groupId, userId: m, fields: { rank: "1" } }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      await plain.setGroupMemberProfile({ groupId, userId: m, nameCard: "ok" });
      const page = await plain.listGroupMembers({ groupId });
      // Without declared fields the member list says nothing of them.
      expect(page.items.find((x) => x.userId === m)).not.toHaveProperty("fields");
    } finally {
      await plain.close();
    }
  });

  it("the owner's role is Tencent's to refuse (10004); Work groups have no admins (option)", async () => {
    const { groupId, owner } = await group();
    await fails(() => env.adapter.setGroupMemberRole({ groupId, userId: owner, role: "ADMIN" }), {
      code: "VENDOR_REJECTED",
      vendorCode: "10004",
    });
    const work = adapterFor([env.emulator.url], { groupType: "Private" });
    try {
      await expect(
        work.setGroupMemberRole({ groupId, userId: owner, role: "ADMIN" }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    } finally {
      await work.close();
    }
  });
});

describe("group counters", () => {
  it("sends one update per mode (Set, Increase, Decrease) and answers in the order asked", async () => {
    const { groupId } = await group();
    const mark = env.requestCount();
    const out = await env.adapter.changeGroupCounters({
      groupId,
      changes: [
        { key: "down", mode: "DECREASE", value: 2 },
        { key: "up", mode: "INCREASE", value: 3 },
        { key: "set", mode: "SET", value: -4 },
      ],
    });
    expect(out).toEqual([
      { key: "down", value: -2 },
      { key: "up", value: 3 },
      { key: "set", value: -4 },
    ]);
    expect(sent("group_open_http_svc/update_group_counter", mark).map((b) => b.Mode)).toEqual([
      "Set",
      "Increase",
      "Decrease",
    ]);
    expect(await env.adapter.getGroupCounters({ groupId, keys: ["up", "none"] })).toEqual([
      { key: "up", value: 3 },
    ]);
  });

  it("is unsupported without options.groupCounters; below the Pro edition Tencent answers 10059", async () => {
    const { groupId } = await group();
    const plain = adapterFor([env.emulator.url]);
    try {
      await expect(plain.getGroupCounters({ groupId })).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
    } finally {
      await plain.close();
    }
    const standard = await startEmulator({ edition: "standard" });
    const adapter = adapterFor([standard.url], { groupCounters: true });
    try {
      standard.seed({ app: SDK_APP_ID, groups: [{ groupId: "std", name: "s" }] });
      await expect(adapter.getGroupCounters({ groupId: "std" })).rejects.toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "10059",
      });
    } finally {
      await adapter.close();
      await standard.close();
    }
  });

  it("refuses a value outside GraphQL's Int (32 bits) before any call", async () => {
    const { groupId } = await group();
    for (const change of [
      { key: "k", mode: "SET", value: 2 ** 31 },
      { key: "k", mode: "SET", value: -(2 ** 31) - 1 },
      { key: "k", mode: "INCREASE", value: 2 ** 31 },
      { key: "k", mode: "DECREASE", value: 2 ** 31 },
    ] as const) {
      await fails(
        () => env.adapter.changeGroupCounters({ groupId, changes: [change] }),
        { code: "BAD_USER_INPUT", field: "changes[0].value" },
        true,
      );
    }
    const edges = await env.adapter.changeGroupCounters({
      groupId,
      changes: [
        { key: "top", mode: "SET", value: 2 ** 31 - 1 },
        { key: "bottom", mode: "SET", value: -(2 ** 31) },
      ],
    });
    expect(edges.map((c) => c.value)).toEqual([2 ** 31 - 1, -(2 ** 31)]);
  });

  it("sets back and refuses a change that would leave the 32-bit range; reads never leave it", async () => {
    const { groupId } = await group();
    await env.adapter.changeGroupCounters({
      groupId,
      changes: [
        { key: "top", mode: "SET", value: 2 ** 31 - 1 },
        { key: "other", mode: "SET", value: 1 },
      ],
    });
    const mark = env.requestCount();
    await fails(
      () =>
        env.adapter.changeGroupCounters({
          groupId,
          changes: [
            { key: "other", mode: "INCREASE", value: 5 },
            { key: "top", mode: "INCREASE", value: 1 },
          ],
        }),
      { code: "BAD_USER_INPUT", field: "changes[1].value" },
    );
    // The Increase, then the Decrease that sets both of its counters back.
    expect(
      sent("group_open_http_svc/update_group_counter", mark).map((b) => [b.Mode, b.GroupCounter]),
    ).toEqual([
      [
        "Increase",
        [
          { Key: "other", Value: 5 },
          { Key: "top", Value: 1 },
        ],
      ],
      [
        "Decrease",
        [
          { Key: "other", Value: 5 },
          { Key: "top", Value: 1 },
        ],
      ],
    ]);
    expect(await env.adapter.getGroupCounters({ groupId })).toEqual([
      { key: "top", value: 2 ** 31 - 1 },
      { key: "other", value: 1 },
    ]);
    // A counter left past the range (here the setting back fails; a client SDK can do it
    // too) reads as the nearest bound instead of failing the read.
    env.emulator.addFault({
      route: "v4/group_open_http_svc/update_group_counter",
      kind: "vendor-error",
      code: 10002,
      after: 1,
      times: 1,
    });
    try {
      await expect(
        env.adapter.changeGroupCounters({
          groupId,
          changes: [{ key: "top", mode: "INCREASE", value: 10 }],
        }),
      ).rejects.toMatchObject({ code: expect.not.stringMatching("BAD_USER_INPUT") });
    } finally {
      env.emulator.clearFaults();
    }
    expect(await env.adapter.getGroupCounters({ groupId, keys: ["top"] })).toEqual([
      { key: "top", value: 2 ** 31 - 1 },
    ]);
  });

  it("refuses more than 20 changes before any call", async () => {
    const { groupId } = await group();
    const changes = Array.from({ length: 21 }, (_, i) => ({
      key: `k${i}`,
      mode: "SET" as const,
      value: 1,
    }));
    await fails(
      () => env.adapter.changeGroupCounters({ groupId, changes }),
      { code: "BAD_USER_INPUT", field: "changes" },
      true,
    );
  });
});

describe("importGroup", () => {
  const day = 86_400_000;
  const past = () => new Date(Math.floor((Date.now() - day) / 1000) * 1000);

  it("imports the group, then its members in that order, a member's JoinTime a second after the creation when not given", async () => {
    const [owner, a, b] = env.seedUsers(3, "gi") as [string, string, string];
    const id = uid("gi");
    const createdAt = past();
    const mark = env.requestCount();
    const g = await env.adapter.importGroup({
      id,
      name: "Moved",
      ownerId: owner,
      createdAt,
      members: [{ userId: a, role: "ADMIN" }, { userId: b }],
    });
    expect(g).toEqual({ id, name: "Moved", ownerId: owner, memberCount: 3, createdAt });
    expect(routes(mark)).toEqual([
      "group_open_http_svc/import_group",
      "group_open_http_svc/import_group_member",
    ]);
    const s = createdAt.getTime() / 1000;
    expect(sent("group_open_http_svc/import_group", mark)).toEqual([
      { Type: "Public", GroupId: id, Name: "Moved", Owner_Account: owner, CreateTime: s },
    ]);
    // Tencent takes a JoinTime strictly after the creation only.
    expect(sent("group_open_http_svc/import_group_member", mark)[0]?.MemberList).toEqual([
      { Member_Account: a, Role: "Admin", JoinTime: s + 1 },
      { Member_Account: b, JoinTime: s + 1 },
    ]);
    const page = await env.adapter.listGroupMembers({ groupId: id });
    expect(page.items.map((m) => [m.userId, m.role, m.joinedAt?.getTime()])).toEqual([
      [owner, "OWNER", createdAt.getTime()],
      [a, "ADMIN", createdAt.getTime() + 1000],
      [b, "MEMBER", createdAt.getTime() + 1000],
    ]);
  });

  it("a member Tencent does not import fails the call after the group exists (Result 0)", async () => {
    const [owner] = env.seedUsers(1, "gi") as [string];
    const id = uid("gi");
    await fails(
      () =>
        env.adapter.importGroup({
          id,
          name: "x",
          ownerId: owner,
          createdAt: past(),
          members: [{ userId: "never-imported" }],
        }),
      { code: "VENDOR_REJECTED", vendorCode: "Result 0" },
    );
    expect(await env.adapter.getGroup(id)).toMatchObject({ id, ownerId: owner });
    await fails(
      () =>
        env.adapter.importGroup({ id, name: "x", ownerId: owner, createdAt: past(), members: [] }),
      { code: "VENDOR_REJECTED", vendorCode: "10021" },
    );
  });

  it("refuses a creation before 1970 before any call (Tencent keeps Unix seconds)", async () => {
    const [owner] = env.seedUsers(1, "gi") as [string];
    await fails(
      () =>
        env.adapter.importGroup({
          id: uid("gi"),
          name: "x",
          ownerId: owner,
          createdAt: new Date(-86_400_000),
          members: [],
        }),
      { code: "BAD_USER_INPUT", field: "createdAt" },
      true,
    );
  });

  it("refuses Tencent's reserved id prefix, and admins for Work groups, before any call", async () => {
    const [owner, a] = env.seedUsers(2, "gi") as [string, string];
    await fails(
      () =>
        env.adapter.importGroup({
          id: "@TGS#mine",
          name: "x",
          ownerId: owner,
          createdAt: past(),
          members: [],
        }),
      { code: "BAD_USER_INPUT", field: "id" },
      true,
    );
    const work = adapterFor([env.emulator.url], { groupType: "Private" });
    try {
      const mark = env.requestCount();
      await expect(
        work.importGroup({
          id: uid("gi"),
          name: "x",
          ownerId: owner,
          createdAt: past(),
          members: [{ userId: a, role: "ADMIN" }],
        }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      expect(env.requestCount()).toBe(mark);
    } finally {
      await work.close();
    }
  });
});
