import { describe, expect, it } from "vitest";
import { zegoSession } from "./testing/emulator.js";

// Member roles and name cards over HTTP against the emulator.
const zego = zegoSession({ rateLimits: false });

async function group(members: number) {
  const [owner, ...rest] = (await zego.users(members + 1)) as [string, ...string[]];
  const groupId = zego.id("gr");
  await zego.adapter.createGroup({ id: groupId, name: "R", ownerId: owner, memberIds: rest });
  return { groupId, owner, members: rest };
}

const calls = (action: string) => zego.emulator.requests({ route: `zim:${action}` }).length;
const codes = (results: { ok: boolean; value?: unknown; error?: { code: string } }[]) =>
  results.map((r) => (r.ok ? r.value : r.error?.code));

describe("setGroupMemberRole", () => {
  it("sends Role 2 / 3 as the owner, and reads roles back from the member list", async () => {
    const { groupId, owner, members } = await group(2);
    const [a, b] = members as [string, string];
    await zego.adapter.setGroupMemberRole({ groupId, userId: a, role: "ADMIN" });
    const sent = zego.emulator.requests({ route: "zim:SetGroupMemberRole" })[0];
    expect(sent?.query).toMatchObject({ FromUserId: owner, ToUserId: a, Role: "2" });
    expect(
      codes(await zego.adapter.getGroupMemberRoles({ groupId, userIds: [b, a, owner] })),
    ).toEqual(["MEMBER", "ADMIN", "OWNER"]);
  });

  it("refuses the owner as target before any call (ZIM: no self-change, 660600030)", async () => {
    const { groupId, owner } = await group(1);
    const before = calls("SetGroupMemberRole");
    await expect(
      zego.adapter.setGroupMemberRole({ groupId, userId: owner, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "userId" });
    expect(calls("SetGroupMemberRole")).toBe(before);
  });

  it("answers NOT_FOUND for a target outside the group (660600024)", async () => {
    const { groupId } = await group(1);
    const [stranger] = (await zego.users(1)) as [string];
    await expect(
      zego.adapter.setGroupMemberRole({ groupId, userId: stranger, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "660600024" });
  });

  it("an admin acting on the owner's role is refused by ZEGO", async () => {
    const { groupId, owner, members } = await group(1);
    const [admin] = members as [string];
    await zego.adapter.setGroupMemberRole({ groupId, userId: admin, role: "ADMIN" });
    await expect(
      zego.adapter.setGroupMemberRole({ groupId, userId: owner, role: "MEMBER", actorId: admin }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000002" });
  });
});

describe("setGroupMemberProfile", () => {
  it('sets the name card as the member, clears it with ""; refuses fields before any call', async () => {
    const { groupId, members } = await group(1);
    const [m] = members as [string];
    await zego.adapter.setGroupMemberProfile({ groupId, userId: m, nameCard: "Cap 船长" });
    const body = JSON.parse(
      zego.emulator.requests({ route: "zim:SetGroupMembersNickname" })[0]?.body ?? "{}",
    );
    expect(body).toEqual({
      FromUserId: m,
      GroupId: groupId,
      UserIds: [{ UserId: m, Nickname: "Cap 船长" }],
    });
    let page = await zego.adapter.listGroupMembers({ groupId });
    expect(page.items.find((x) => x.userId === m)).toMatchObject({
      nameCard: "Cap 船长",
      fields: null,
    });
    await zego.adapter.setGroupMemberProfile({ groupId, userId: m, nameCard: "" });
    page = await zego.adapter.listGroupMembers({ groupId });
    expect(page.items.find((x) => x.userId === m)?.nameCard).toBeNull();
    const before = calls("SetGroupMembersNickname");
    await expect(
      zego.adapter.setGroupMemberProfile({ groupId, userId: m, nameCard: "x", fields: { a: "1" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /nickname/ });
    await expect(
      zego.adapter.setGroupMemberProfile({ groupId, userId: m, nameCard: "x".repeat(257) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "nameCard" });
    expect(calls("SetGroupMembersNickname")).toBe(before);
  });

  it("answers NOT_FOUND for a user outside the group", async () => {
    const { groupId } = await group(1);
    const [stranger] = (await zego.users(1)) as [string];
    await expect(
      zego.adapter.setGroupMemberProfile({ groupId, userId: stranger, nameCard: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
