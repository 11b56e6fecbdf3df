import { describe, expect, it } from "vitest";
import { APP_ID, zegoSession } from "./testing/emulator.js";

// Group import over HTTP against the emulator: original times, join order, admins.
const zego = zegoSession({ rateLimits: false });

interface StateGroup {
  groupId: string;
  members: { userId: string; role: number; joinTime: number }[];
}
const stored = (groupId: string) =>
  (zego.emulator.state(String(APP_ID)) as { groups: StateGroup[] }).groups.find(
    (g) => g.groupId === groupId,
  );

describe("importGroup", () => {
  it("keeps the creation and join times (ms) and invites in join order", async () => {
    const [owner, early, late, admin] = (await zego.users(4)) as [string, string, string, string];
    const groupId = zego.id("gi");
    const createdAt = new Date(Date.now() - 86_400_000);
    const at = (h: number) => new Date(createdAt.getTime() + h * 3_600_000 + 7);
    const group = await zego.adapter.importGroup({
      id: groupId,
      name: "Moved",
      ownerId: owner,
      createdAt,
      members: [
        { userId: late, joinedAt: at(3) },
        { userId: admin, role: "ADMIN", joinedAt: at(2) },
        { userId: early },
      ],
    });
    expect(group).toEqual({
      id: groupId,
      name: "Moved",
      ownerId: owner,
      memberCount: 4,
      createdAt,
    });
    const create = JSON.parse(
      zego.emulator.requests({ route: "zim:CreateGroup" })[0]?.body ?? "{}",
    );
    expect(create).toMatchObject({
      GroupId: groupId,
      GroupOwner: owner,
      CreateGroupTime: createdAt.getTime(),
    });
    expect(create).not.toHaveProperty("UserId");
    expect(stored(groupId)?.members.map((m) => [m.userId, m.role, m.joinTime])).toEqual([
      [owner, 1, createdAt.getTime()],
      [early, 3, createdAt.getTime()],
      [admin, 2, at(2).getTime()],
      [late, 3, at(3).getTime()],
    ]);
    expect((await zego.adapter.getGroup(groupId))?.createdAt).toEqual(createdAt);
  });

  it("invites 100 members per call, one call at a time", async () => {
    const [owner, ...members] = await zego.users(151);
    const groupId = zego.id("gi");
    const before = zego.emulator.requests({ route: "zim:InviteUsersIntoGroup" }).length;
    const group = await zego.adapter.importGroup({
      id: groupId,
      name: "Big",
      ownerId: owner as string,
      createdAt: new Date(Date.now() - 60_000),
      members: members.map((userId) => ({ userId })),
    });
    expect(group.memberCount).toBe(151);
    const invites = zego.emulator.requests({ route: "zim:InviteUsersIntoGroup" });
    expect(invites.length - before).toBe(2);
  });

  it("counts only the members ZEGO added; refuses ids ZEGO reserves and future times", async () => {
    const [owner, member] = (await zego.users(2)) as [string, string];
    const ghost = zego.id("ghost");
    const group = await zego.adapter.importGroup({
      id: zego.id("gi"),
      name: "Part",
      ownerId: owner,
      createdAt: new Date(Date.now() - 60_000),
      members: [{ userId: member }, { userId: ghost }],
    });
    expect(group.memberCount).toBe(2);
    await expect(
      zego.adapter.importGroup({
        id: "#made",
        name: "x",
        ownerId: owner,
        createdAt: new Date(Date.now() - 60_000),
        members: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    await expect(
      zego.adapter.importGroup({
        id: zego.id("gi"),
        name: "x",
        ownerId: owner,
        createdAt: new Date(Date.now() - 60_000),
        members: [{ userId: member, joinedAt: new Date(Date.now() + 60_000) }],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "members[0].joinedAt" });
  });
});
