import { describe, expect, it } from "vitest";
import { zegoSession } from "./testing/emulator.js";

// Group mutes over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("group mutes", () => {
  it("mutes until unmuted by default; lists no muted members (no server read-back)", async () => {
    const [owner, a, b] = (await zego.users(3)) as [string, string, string];
    const groupId = zego.id("g");
    await zego.adapter.createGroup({ id: groupId, name: "M", ownerId: owner, memberIds: [a, b] });
    const muted = await zego.adapter.muteGroupMembers({ groupId, userIds: [a] });
    expect(muted.every((r) => r.ok)).toBe(true);
    const sent = zego.emulator.requests({ route: "zim:MuteGroupMembers" }).at(-1);
    expect(sent?.query).toMatchObject({ FromUserId: owner, Duration: "-1", "UserIds[]": a });
    // FetchForbidGroupList names muted groups, not members (#17 §G8.3): a declared gap.
    await expect(zego.adapter.listMutedMembers(groupId)).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
    });
    expect(zego.emulator.requests({ route: "zim:FetchForbidGroupList" })).toEqual([]);
    await expect(
      zego.adapter.muteGroupMembers({ groupId, userIds: [a], durationSeconds: 2_592_001 }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "durationSeconds" });
  });
});
