import { describe, expect, it } from "vitest";
import { zegoSession } from "./testing/emulator.js";

// Group lists over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("group lists", () => {
  it("pages the groups of a user", async () => {
    const [owner] = (await zego.users(1)) as [string];
    const ids = [zego.id("g"), zego.id("g"), zego.id("g")];
    for (const groupId of ids) {
      await zego.adapter.createGroup({ id: groupId, name: groupId, ownerId: owner, memberIds: [] });
    }
    const first = await zego.adapter.listUserGroups({ userId: owner, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await zego.adapter.listUserGroups({
      userId: owner,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((g) => g.id).sort()).toEqual([...ids].sort());
    expect(second.nextCursor).toBeNull();
  });
});
