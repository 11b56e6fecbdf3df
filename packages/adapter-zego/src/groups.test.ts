import type { ImError } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { requestCount, zegoSession } from "./testing/emulator.js";

// Groups over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("groups", () => {
  it("creates a group with a ZEGO-made '#' id and more than 100 members", async () => {
    const [owner, ...members] = await zego.users(106);
    const group = await zego.adapter.createGroup({
      name: "Big",
      ownerId: owner as string,
      memberIds: members,
    });
    expect(group.id.startsWith("#")).toBe(true);
    expect(group.memberCount).toBe(106);
    const got = await zego.adapter.getGroup(group.id);
    expect(got).toMatchObject({ id: group.id, name: "Big", ownerId: owner, memberCount: 106 });
    expect(got?.createdAt).toBeInstanceOf(Date);
    const page = await zego.adapter.listGroupMembers({ groupId: group.id, limit: 100 });
    expect(page.items).toHaveLength(100);
    const rest = await zego.adapter.listGroupMembers({
      groupId: group.id,
      limit: 100,
      cursor: page.nextCursor,
    });
    expect(rest.items).toHaveLength(6);
    expect(rest.nextCursor).toBeNull();
    await expect(
      zego.adapter.listGroupMembers({ groupId: group.id, limit: 10, cursor: page.nextCursor }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });

  it("refuses ids ZEGO reserves and reports non-members on removal per item", async () => {
    const [owner, member, stranger] = (await zego.users(3)) as [string, string, string];
    await expect(
      zego.adapter.createGroup({ id: "#mine", name: "x", ownerId: owner, memberIds: [] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [member] });
    const removed = await zego.adapter.removeGroupMembers({ groupId, userIds: [member, stranger] });
    expect(removed[0]?.ok).toBe(true);
    expect((removed[1] as { error: ImError }).error.code).toBe("NOT_FOUND");
  });

  it("refuses to remove the owner (ZIM would pass the group on), removing the others", async () => {
    const [owner, a, b] = (await zego.users(3)) as [string, string, string];
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [a, b] });
    // Acting as the owner (found on the member list, as before), and as a named actor.
    for (const [users, actorId] of [
      [[a, owner], undefined],
      [[owner, b], owner],
    ] as const) {
      const mark = requestCount(zego.emulator);
      const removed = await zego.adapter.removeGroupMembers({
        groupId,
        userIds: [...users],
        ...(actorId ? { actorId } : {}),
      });
      expect(removed.map((r) => r.key)).toEqual(users);
      const refused = removed.find((r) => r.key === owner) as { ok: false; error: ImError };
      expect(refused).toMatchObject({ ok: false, error: { code: "VENDOR_REJECTED" } });
      expect(removed.find((r) => r.key !== owner)).toMatchObject({ ok: true });
      const kicks = zego.emulator.requests({ route: "zim:KickoutGroupUser", afterSeq: mark });
      expect(kicks.map((k) => JSON.parse(k.body).UserId)).toEqual([
        users.filter((u) => u !== owner),
      ]);
      // One member read: the owner's, which also gives the actor when none is named.
      expect(
        zego.emulator.requests({ route: "zim:QueryGroupMemberList", afterSeq: mark }),
      ).toHaveLength(1);
    }
    expect(await zego.adapter.getGroup(groupId)).toMatchObject({ ownerId: owner, memberCount: 1 });
  });

  it("keeps the cursor's page size within ZEGO's bounds and never above the limit asked", async () => {
    const [owner, ...members] = (await zego.users(4)) as [string, ...string[]];
    const group = await zego.adapter.createGroup({ name: "P", ownerId: owner, memberIds: members });
    const page = await zego.adapter.listGroupMembers({ groupId: group.id, limit: 1 });
    const given = JSON.parse(Buffer.from(page.nextCursor as string, "base64url").toString());
    expect(given).toMatchObject({ l: 1, $k: "gm" });
    const forged = (change: Record<string, number>) =>
      Buffer.from(JSON.stringify({ ...given, ...change })).toString("base64url");
    const changes: Record<string, number>[] = [{ l: -1 }, { l: 0 }, { l: 1001 }, { n: -1 }];
    for (const change of changes) {
      const mark = requestCount(zego.emulator);
      await expect(
        zego.adapter.listGroupMembers({ groupId: group.id, limit: 1, cursor: forged(change) }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
      expect(requestCount(zego.emulator)).toBe(mark);
    }
    // A page size above the limit asked would answer more than asked.
    await expect(
      zego.adapter.listGroupMembers({ groupId: group.id, limit: 1, cursor: forged({ l: 3 }) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
    const next = await zego.adapter.listGroupMembers({
      groupId: group.id,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(next.items).toHaveLength(1);
  });
});
