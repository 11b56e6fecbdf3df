import type { GroupProfileField, ImAdapter } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { writeEvents } from "../src/realtime/write-events.js";

// Which events the gateway publishes for writes it made: what the vendor's callbacks report
// (when the app receives them) is left to them.

/** An adapter whose vendor calls back for live rooms' events and for `reported` fields. */
function adapterWith(callbacks: boolean, reported: GroupProfileField[]): ImAdapter {
  return {
    info: { id: "app1" },
    ...(callbacks ? { parseWebhook: () => ({}) } : {}),
    reportsByCallback: (type: string, kind: string) =>
      kind === "ROOM" && type.startsWith("LIVE_ROOM_"),
    profileFieldsByCallback: () => reported,
  } as unknown as ImAdapter;
}

const update = { groupId: "g1", name: "N", joinPolicy: "APPROVAL" as const };
const at = new Date(0);

describe("events of a profile update", () => {
  it("names every changed field when the app receives no callbacks", () => {
    const events = writeEvents(
      adapterWith(false, ["name"]),
      "updateGroupProfile",
      update,
      undefined,
      at,
    );
    expect(events).toEqual([
      {
        type: "GROUP_PROFILE_UPDATED",
        appId: "app1",
        at,
        groupId: "g1",
        fields: ["name", "joinPolicy"],
      },
    ]);
  });

  it("leaves the fields the vendor calls back for to its callback", () => {
    const events = writeEvents(
      adapterWith(true, ["name"]),
      "updateGroupProfile",
      update,
      undefined,
      at,
    );
    expect(events).toMatchObject([{ type: "GROUP_PROFILE_UPDATED", fields: ["joinPolicy"] }]);
  });

  it("publishes nothing when the callback reports every changed field", () => {
    const adapter = adapterWith(true, ["name", "joinPolicy", "avatarUrl"]);
    expect(writeEvents(adapter, "updateGroupProfile", update, undefined, at)).toEqual([]);
  });

  it("keeps other events whole", () => {
    const events = writeEvents(
      adapterWith(true, ["name"]),
      "muteGroup",
      { groupId: "g1", muted: true },
      undefined,
      at,
    );
    expect(events).toEqual([
      { type: "GROUP_MUTED", appId: "app1", at, groupId: "g1", muted: true },
    ]);
  });
});

describe("events of live room writes", () => {
  const kick = { roomId: "r1", userIds: ["a", "b"] };
  const kicked = [
    { key: "a", ok: true, value: true },
    { key: "b", ok: false, error: {} },
  ];

  it("are the gateway's when the app receives no callbacks", () => {
    const adapter = adapterWith(false, []);
    expect(
      writeEvents(adapter, "createLiveRoom", { roomId: "r1", ownerId: "o" }, undefined, at),
    ).toEqual([{ type: "LIVE_ROOM_CREATED", appId: "app1", at, roomId: "r1", ownerId: "o" }]);
    expect(writeEvents(adapter, "destroyLiveRoom", { roomId: "r1" }, undefined, at)).toMatchObject([
      { type: "LIVE_ROOM_DESTROYED", roomId: "r1" },
    ]);
    // Only the users the kick applied to.
    expect(writeEvents(adapter, "kickLiveRoomMembers", kick, kicked as never, at)).toMatchObject([
      { type: "LIVE_ROOM_MEMBER_LEFT", roomId: "r1", userIds: ["a"], reason: "KICKED" },
    ]);
  });

  it("are left to the vendor's room callbacks when the app receives them", () => {
    const adapter = adapterWith(true, []);
    expect(writeEvents(adapter, "createLiveRoom", { roomId: "r1" }, undefined, at)).toEqual([]);
    expect(writeEvents(adapter, "kickLiveRoomMembers", kick, kicked as never, at)).toEqual([]);
  });
});
