/** How the CLI (and demo mode) starts the ZEGO emulator, with its demo credentials. */
import { startDemo } from "../demo-start.js";
import type { EmulatorRegistration } from "../registry-types.js";
import { startZegoEmulator } from "./emulator.js";

/** DEMO ONLY: public credentials for local development. Never use them for a real app. */
export const ZEGO_DEMO = {
  appId: 1234567890,
  serverSecret: "demozegoserversecretnotforprod00",
  /** The project's CallbackSecret of the demo app. */
  callbackSecret: "demo-zego-callback-secret-not-for-production",
} as const;

export const zegoRegistration: EmulatorRegistration = {
  vendor: "zego",
  title: "ZEGOCLOUD ZIM + RTC room server API",
  demo: {
    appId: String(ZEGO_DEMO.appId),
    serverSecret: ZEGO_DEMO.serverSecret,
    callbackSecret: ZEGO_DEMO.callbackSecret,
  },
  start: startDemo(startZegoEmulator, ZEGO_DEMO),
};
