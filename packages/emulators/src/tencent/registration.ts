/** How the CLI (and demo mode) starts the Tencent emulator, with its demo credentials. */
import { startDemo } from "../demo-start.js";
import type { EmulatorRegistration } from "../registry-types.js";
import { startTencentEmulator } from "./emulator.js";

/**
 * DEMO ONLY: the public demo key that ships in Tencent's SDK test files (tencent.md §1.7).
 * Never use it for a real app.
 */
export const TENCENT_DEMO = {
  sdkAppId: 1400000000,
  key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
  admin: "administrator",
  /** The console's "callback auth token" of the demo app. */
  callbackToken: "demo-tencent-callback-token-not-for-production",
} as const;

export const tencentRegistration: EmulatorRegistration = {
  vendor: "tencent",
  title: "Tencent Cloud Chat REST API",
  demo: {
    sdkAppId: String(TENCENT_DEMO.sdkAppId),
    key: TENCENT_DEMO.key,
    admin: TENCENT_DEMO.admin,
    callbackToken: TENCENT_DEMO.callbackToken,
  },
  start: startDemo(startTencentEmulator, {
    sdkAppId: TENCENT_DEMO.sdkAppId,
    key: TENCENT_DEMO.key,
    admins: [TENCENT_DEMO.admin],
    callbackToken: TENCENT_DEMO.callbackToken,
    // The console switch for the before-send callbacks is on: the gateway moderates.
    beforeSendCallbacks: true,
  }),
};
