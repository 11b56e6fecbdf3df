import { expect } from "vitest";
import type { ImAdapter } from "../adapter.js";
import type { CallbackEvents } from "../vendor-module.js";

// Assertions on what an adapter says its vendor's callbacks report.

/** Written out, not read from LIVE_ROOM_CALLBACK_EVENTS: the test must not follow the code. */
const LIVE_ROOM_EVENTS = [
  "LIVE_ROOM_CREATED",
  "LIVE_ROOM_DESTROYED",
  "LIVE_ROOM_MEMBER_JOINED",
  "LIVE_ROOM_MEMBER_LEFT",
] as const;

/**
 * For a vendor whose callbacks report every live room change: its module claims the four
 * events for rooms, and its adapter, reading callbacks, says they come that way (so the
 * gateway publishes no second event for its own writes).
 */
export function expectLiveRoomCallbacks(
  callbackEvents: CallbackEvents,
  adapter: Pick<ImAdapter, "reportsByCallback">,
): void {
  for (const type of LIVE_ROOM_EVENTS) {
    expect(callbackEvents[type]).toEqual(["ROOM"]);
    expect(adapter.reportsByCallback?.(type, "ROOM")).toBe(true);
  }
}
