import { describe, expect, it } from "vitest";
import { useCallbackLoop } from "./testing/callback-loop.js";

// The emulator's callbacks, read by the adapter over real HTTP: group and room events carry
// a ms `timestamp`, the others seconds (docs_all 42a7e2916); each is signed as sent.
const loop = useCallbackLoop();
const { app } = loop;

describe("ZEGO callback timestamps over the emulator", () => {
  it("verifies ms group/room and s login timestamps, and dates each event to its unit", async () => {
    // A time with a ms part, just past: both units stay inside the adapter's age window.
    const at = Math.floor(Date.now() / 1000) * 1000 - 877;
    loop.emulator.setClock({ frozen: true, now: at });
    loop.emulator.seed({ users: [{ userId: "o" }] });
    await loop.adapter.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: [] });
    loop.emulator.login({ userId: "a", roomId: "r" });
    await loop.emulator.flushCallbacks();
    expect(app.refused).toEqual([]);
    // Deliveries run concurrently: compare by type, not by order.
    expect(Object.fromEntries(app.events.map((e) => [e.type, e.at.getTime()]))).toEqual({
      GROUP_CREATED: at,
      PRESENCE_CHANGED: at - 123, // user_action: seconds
      LIVE_ROOM_CREATED: at,
      LIVE_ROOM_MEMBER_JOINED: at,
    });
  });
});
