import type { GroupProfileField, ImAdapter } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { writeEvents } from "../src/realtime/write-events.js";

// Which events the gateway publishes for a profile update it made: the fields the vendor's
// callbacks report are left to them.

function adapterWith(callbacks: boolean, reported: GroupProfileField[]): ImAdapter {
  return {
    info: { id: "app1" },
    ...(callbacks ? { parseWebhook: () => ({}) } : {}),
    reportsByCallback: () => false,
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
