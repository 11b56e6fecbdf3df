import { expect } from "vitest";
import type { GroupProfileField } from "../model/group-depth.js";
import type { ContractKit } from "./kit.js";

/**
 * A group described and moved: profile, custom attributes, member profiles and roles,
 * mute-all, counters and import — the same behaviour on every vendor that has them.
 */
export function groupDepthCases({ adapter, id, users, check, refuses, noVendorCall }: ContractKit) {
  async function group(memberCount: number) {
    const [owner, ...members] = (await users(memberCount + 1, "gd")) as [string, ...string[]];
    const groupId = id("gd");
    await adapter().createGroup({ id: groupId, name: "Depth", ownerId: owner, memberIds: members });
    return { groupId, owner, members };
  }

  check("groups.profile", ["updateGroupProfile"], async () => {
    const { groupId, owner } = await group(1);
    const changes: Array<[GroupProfileField, string | number]> = [
      ["name", "Renamed"],
      ["avatarUrl", "https://example.com/g.png"],
      ["introduction", "What we talk about"],
      ["announcement", "Meeting at noon"],
      ["joinPolicy", "APPROVAL"],
      ["maxMembers", 200],
    ];
    const kept: GroupProfileField[] = [];
    for (const [field, value] of changes) {
      const update = { groupId, actorId: owner, [field]: value };
      try {
        await adapter().updateGroupProfile(update);
        kept.push(field);
      } catch (error) {
        // A field the vendor does not keep is refused with its reason, before any call.
        expect(error).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
        await noVendorCall(() => adapter().updateGroupProfile(update), "UNSUPPORTED_BY_VENDOR");
      }
    }
    expect(kept).toContain("name");
    const got = await adapter().getGroup(groupId);
    for (const [field, value] of changes) {
      if (kept.includes(field)) expect(got?.[field], field).toBe(value);
    }
    await refuses(() => adapter().updateGroupProfile({ groupId }), "name");
    await refuses(() => adapter().updateGroupProfile({ groupId, name: "" }), "name");
    await refuses(() => adapter().updateGroupProfile({ groupId: "", name: "x" }), "groupId");
    if (kept.includes("avatarUrl")) {
      await refuses(
        () => adapter().updateGroupProfile({ groupId, avatarUrl: "not a url" }),
        "avatarUrl",
      );
    }
  });

  check(
    "groups.attributes",
    ["setGroupAttributes", "getGroupAttributes", "removeGroupAttributes", "clearGroupAttributes"],
    async () => {
      const { groupId, owner } = await group(1);
      expect(await adapter().getGroupAttributes({ groupId })).toEqual({});
      await adapter().setGroupAttributes({
        groupId,
        attributes: { topic: "cats", level: "3" },
        actorId: owner,
      });
      await adapter().setGroupAttributes({ groupId, attributes: { level: "4" }, actorId: owner });
      expect(await adapter().getGroupAttributes({ groupId })).toEqual({
        topic: "cats",
        level: "4",
      });
      expect(await adapter().getGroupAttributes({ groupId, keys: ["level"] })).toEqual({
        level: "4",
      });
      await adapter().removeGroupAttributes({ groupId, keys: ["topic"], actorId: owner });
      expect(await adapter().getGroupAttributes({ groupId })).toEqual({ level: "4" });
      await adapter().setGroupAttributes({ groupId, attributes: { a: "1" }, actorId: owner });
      await adapter().clearGroupAttributes({ groupId, actorId: owner });
      expect(await adapter().getGroupAttributes({ groupId })).toEqual({});
      await refuses(() => adapter().setGroupAttributes({ groupId, attributes: {} }), "attributes");
      await refuses(
        () => adapter().setGroupAttributes({ groupId, attributes: { "bad key!": "x" } }),
        /^attributes\./,
      );
      await refuses(() => adapter().removeGroupAttributes({ groupId, keys: [] }), "keys");
    },
  );

  check("groups.member-profile", ["setGroupMemberProfile"], async () => {
    const { groupId, members } = await group(2);
    const [member] = members as [string];
    await adapter().setGroupMemberProfile({ groupId, userId: member, nameCard: "Captain" });
    const page = await adapter().listGroupMembers({ groupId });
    expect(page.items.find((m) => m.userId === member)?.nameCard).toBe("Captain");
    await refuses(
      () => adapter().setGroupMemberProfile({ groupId, userId: "", nameCard: "x" }),
      "userId",
    );
    await refuses(() => adapter().setGroupMemberProfile({ groupId, userId: member }), "nameCard");
  });

  check("groups.member-role", ["setGroupMemberRole", "getGroupMemberRoles"], async () => {
    const { groupId, owner, members } = await group(2);
    const [first, second] = members as [string, string];
    const [stranger] = (await users(1, "gs")) as [string];
    await adapter().setGroupMemberRole({ groupId, userId: first, role: "ADMIN", actorId: owner });
    const roles = await adapter().getGroupMemberRoles({
      groupId,
      userIds: [owner, first, second, stranger],
    });
    expect(roles.map((r) => (r.ok ? r.value : r.error.code))).toEqual([
      "OWNER",
      "ADMIN",
      "MEMBER",
      "NOT_FOUND",
    ]);
    await adapter().setGroupMemberRole({ groupId, userId: first, role: "MEMBER", actorId: owner });
    const again = await adapter().getGroupMemberRoles({ groupId, userIds: [first] });
    expect(again.map((r) => (r.ok ? r.value : r.error.code))).toEqual(["MEMBER"]);
    await refuses(
      () => adapter().setGroupMemberRole({ groupId, userId: first, role: "OWNER" as "ADMIN" }),
      "role",
    );
    await refuses(() => adapter().getGroupMemberRoles({ groupId, userIds: [] }), "userIds");
  });

  check("groups.mute-all", ["muteGroup"], async () => {
    const { groupId, owner } = await group(1);
    await adapter().muteGroup({ groupId, muted: true, actorId: owner });
    expect((await adapter().getGroup(groupId))?.allMuted).toBe(true);
    await adapter().muteGroup({ groupId, muted: false, actorId: owner });
    expect((await adapter().getGroup(groupId))?.allMuted).toBe(false);
    await refuses(() => adapter().muteGroup({ groupId: "", muted: true }), "groupId");
  });

  check("groups.counters", ["changeGroupCounters", "getGroupCounters"], async () => {
    const { groupId } = await group(1);
    const set = await adapter().changeGroupCounters({
      groupId,
      changes: [
        { key: "likes", mode: "SET", value: 5 },
        { key: "views", mode: "INCREASE", value: 2 },
      ],
    });
    expect(set).toEqual(
      expect.arrayContaining([
        { key: "likes", value: 5 },
        { key: "views", value: 2 },
      ]),
    );
    await adapter().changeGroupCounters({
      groupId,
      changes: [{ key: "likes", mode: "DECREASE", value: 1 }],
    });
    const all = await adapter().getGroupCounters({ groupId });
    expect(all.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "likes", value: 4 },
      { key: "views", value: 2 },
    ]);
    await refuses(() => adapter().changeGroupCounters({ groupId, changes: [] }), "changes");
    await refuses(
      () =>
        adapter().changeGroupCounters({
          groupId,
          changes: [{ key: "likes", mode: "DOUBLE" as "SET", value: 1 }],
        }),
      "changes[0].mode",
    );
  });

  check("groups.import", ["importGroup", "listGroupMembers"], async () => {
    const [owner, admin, member] = (await users(3, "gi")) as [string, string, string];
    const groupId = id("gi");
    const createdAt = new Date(Math.floor((Date.now() - 86_400_000) / 1000) * 1000);
    const joinedAt = new Date(createdAt.getTime() + 3_600_000);
    const imported = await adapter().importGroup({
      id: groupId,
      name: "Moved",
      ownerId: owner,
      createdAt,
      members: [
        { userId: admin, role: "ADMIN", joinedAt },
        { userId: member, joinedAt },
      ],
    });
    expect(imported).toMatchObject({ id: groupId, name: "Moved", ownerId: owner });
    expect((await adapter().getGroup(groupId))?.createdAt?.getTime()).toBe(createdAt.getTime());
    const page = await adapter().listGroupMembers({ groupId });
    const byId = new Map(page.items.map((m) => [m.userId, m]));
    expect(byId.get(owner)?.role).toBe("OWNER");
    expect(byId.get(admin)?.role).toBe("ADMIN");
    expect(byId.get(member)?.role).toBe("MEMBER");
    // Join times where the vendor's member list reads them back (ZEGO keeps but never shows them).
    if (page.items.some((m) => m.joinedAt !== null)) {
      expect(byId.get(member)?.joinedAt?.getTime()).toBe(joinedAt.getTime());
    }
    await refuses(
      () =>
        adapter().importGroup({
          id: id("gi"),
          name: "Future",
          ownerId: owner,
          createdAt: new Date(Date.now() + 3_600_000),
          members: [],
        }),
      "createdAt",
    );
    await refuses(
      () =>
        adapter().importGroup({
          id: id("gi"),
          name: "Twice",
          ownerId: owner,
          createdAt,
          members: [{ userId: owner }],
        }),
      "members[0].userId",
    );
  });
}
