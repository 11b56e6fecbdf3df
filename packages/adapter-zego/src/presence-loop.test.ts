import type { ImEvent } from "@imgraph/core";
import { beforeAll, describe, expect, it } from "vitest";
import { useCallbackLoop } from "./testing/callback-loop.js";

// user_action from the emulator under ZIM's multi-device policy, read by the adapter over real
// HTTP: each device's connection is named by its own session_id, which the gateway folds into
// the user's presence.
const loop = useCallbackLoop({ loginPolicy: "multi" });
beforeAll(() => {
  loop.emulator.seed({ users: [{ userId: "dana" }] });
});

async function presence(): Promise<string[]> {
  await loop.emulator.flushCallbacks();
  expect(loop.app.refused).toEqual([]);
  return loop.app.events.flatMap((e: ImEvent) =>
    e.type === "PRESENCE_CHANGED" ? [`${e.status} ${e.connection}`] : [],
  );
}

describe("ZIM presence with several devices over the emulator", () => {
  it("names each device's login and logout by its own session_id", async () => {
    const phone = loop.emulator.login({ userId: "dana", os: "ANDROID" }) as { sessionId: string };
    const desk = loop.emulator.login({ userId: "dana", os: "PC" }) as { sessionId: string };
    expect(phone.sessionId).not.toBe(desk.sessionId);
    loop.emulator.logout({ userId: "dana", sessionId: desk.sessionId });
    loop.emulator.logout({ userId: "dana" });
    expect(await presence()).toEqual([
      `ONLINE ${phone.sessionId}`,
      `ONLINE ${desk.sessionId}`,
      `OFFLINE ${desk.sessionId}`,
      `OFFLINE ${phone.sessionId}`,
    ]);
  });
});
