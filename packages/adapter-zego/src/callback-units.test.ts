import type { RunningEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZegoAdapter } from "./adapter.js";
import { useAppServer } from "./testing/app-server.js";
import { startZego, zegoAdapter } from "./testing/emulator.js";

// The emulator's callbacks, read by the adapter over real HTTP: group and room events carry
// a ms `timestamp`, the others seconds (docs_all 42a7e2916); each is signed as sent.
const CALLBACK_SECRET = "zego-callback-secret-for-tests";
let emulator: RunningEmulator;
let adapter: ZegoAdapter;
const app = useAppServer(() => adapter);

beforeAll(async () => {
  emulator = await startZego({
    rateLimits: false,
    app: { callbackUrl: app.url, callbackSecret: CALLBACK_SECRET },
  });
  adapter = zegoAdapter(emulator, { callbackSecret: CALLBACK_SECRET });
});
afterAll(async () => {
  await adapter?.close();
  await emulator?.close();
});

describe("ZEGO callback timestamps over the emulator", () => {
  it("verifies ms group/room and s login timestamps, and dates each event to its unit", async () => {
    // A time with a ms part, just past: both units stay inside the adapter's age window.
    const at = Math.floor(Date.now() / 1000) * 1000 - 877;
    emulator.setClock({ frozen: true, now: at });
    emulator.seed({ users: [{ userId: "o" }] });
    await adapter.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: [] });
    emulator.login({ userId: "a", roomId: "r" });
    await emulator.flushCallbacks();
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
