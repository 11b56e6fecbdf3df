import type { ImError } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { zegoSession } from "./testing/emulator.js";

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
});
