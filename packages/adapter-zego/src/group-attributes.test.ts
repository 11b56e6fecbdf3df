import { describe, expect, it } from "vitest";
import { zegoAdapter, zegoSession } from "./testing/emulator.js";

// Group attributes over HTTP against the emulator (features.groupAttributes on).
const zego = zegoSession({ rateLimits: false });
const free = zegoSession({ rateLimits: false, app: { plan: "free" } });

async function group(session = zego) {
  const [owner] = (await session.users(1)) as [string];
  const groupId = session.id("ga");
  await session.adapter.createGroup({ id: groupId, name: "A", ownerId: owner, memberIds: [] });
  return { groupId, owner };
}

const calls = (action: string) => zego.emulator.requests({ route: `zim:${action}` }).length;

describe("group attributes", () => {
  it("keeps ZEGO's 10 keys per group: the 11th is refused before the call (660600019)", async () => {
    const { groupId } = await group();
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"]));
    await zego.adapter.setGroupAttributes({ groupId, attributes: ten });
    const before = calls("ModifyGroupAttribute");
    await expect(
      zego.adapter.setGroupAttributes({ groupId, attributes: { k0: "w", k10: "v" } }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660600019" });
    expect(calls("ModifyGroupAttribute")).toBe(before);
    // Replacing keys the group has is fine at 10.
    await zego.adapter.setGroupAttributes({ groupId, attributes: { k0: "w" } });
    expect(await zego.adapter.getGroupAttributes({ groupId, keys: ["k0", "nope"] })).toEqual({
      k0: "w",
    });
  });

  it("checks keys (≤ 16 bytes, a portable charset) and values (≤ 1024 bytes) first", async () => {
    const { groupId } = await group();
    await expect(
      zego.adapter.setGroupAttributes({ groupId, attributes: { ["k".repeat(17)]: "v" } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: `attributes.${"k".repeat(17)}` });
    await expect(
      zego.adapter.setGroupAttributes({ groupId, attributes: { k: "v".repeat(1025) } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "attributes.k" });
    await zego.adapter.setGroupAttributes({ groupId, attributes: { k: "v".repeat(1024) } });
  });

  it("removes keys the group lacks without error; clear reads, then deletes in one call", async () => {
    const { groupId, owner } = await group();
    await zego.adapter.setGroupAttributes({ groupId, attributes: { a: "1", b: "2" } });
    await zego.adapter.removeGroupAttributes({ groupId, keys: ["a", "gone"] });
    expect(await zego.adapter.getGroupAttributes({ groupId })).toEqual({ b: "2" });
    const before = calls("ModifyGroupAttribute");
    await zego.adapter.clearGroupAttributes({ groupId, actorId: owner });
    expect(calls("ModifyGroupAttribute")).toBe(before + 1);
    // Nothing to clear: no write at all.
    await zego.adapter.clearGroupAttributes({ groupId });
    expect(calls("ModifyGroupAttribute")).toBe(before + 1);
    expect(await zego.adapter.getGroupAttributes({ groupId })).toEqual({});
  });

  it("answers NOT_FOUND for a group that does not exist", async () => {
    await expect(
      zego.adapter.getGroupAttributes({ groupId: zego.id("none") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("on a Free-plan app with the option set wrongly, ZEGO's 660000028 comes back", async () => {
    const { groupId } = await group(free);
    await expect(
      free.adapter.setGroupAttributes({ groupId, attributes: { a: "1" } }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "660000028" });
    const off = zegoAdapter(free.emulator, { features: { groupAttributes: false } });
    try {
      await expect(
        off.setGroupAttributes({ groupId, attributes: { a: "1" } }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    } finally {
      await off.close();
    }
  });
});
