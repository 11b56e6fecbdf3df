// Test support: an emulator whose callbacks go to a local app server that reads them with
// the adapter (app-server.ts), for the test files that follow a callback end to end. The
// emulator and the adapter are made before the file's tests and closed after them.
import type { RunningEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll } from "vitest";
import type { ZegoAdapter } from "../adapter.js";
import { type AppServer, useAppServer } from "./app-server.js";
import { startZego, type ZegoTestOptions, zegoAdapter } from "./emulator.js";

export const CALLBACK_SECRET = "zego-callback-secret-for-tests";

export interface CallbackLoop {
  readonly emulator: RunningEmulator;
  readonly adapter: ZegoAdapter;
  readonly app: AppServer;
}

/** `app`: more of the emulated app's settings (before_send_msg timing, the login policy). */
export function useCallbackLoop(app: ZegoTestOptions["app"] = {}): CallbackLoop {
  const loop = {} as { emulator: RunningEmulator; adapter: ZegoAdapter; app: AppServer };
  loop.app = useAppServer(() => loop.adapter);
  beforeAll(async () => {
    loop.emulator = await startZego({
      rateLimits: false,
      app: { ...app, callbackUrl: loop.app.url, callbackSecret: CALLBACK_SECRET },
    });
    loop.adapter = zegoAdapter(loop.emulator, { callbackSecret: CALLBACK_SECRET });
  });
  afterAll(async () => {
    await loop.adapter?.close();
    await loop.emulator?.close();
  });
  return loop;
}
