/** How the CLI (and demo mode) starts the RongCloud emulator, with its demo credentials. */
import { startDemo } from "../demo-start.js";
import type { EmulatorRegistration } from "../registry-types.js";
import { startRongCloudEmulator } from "./index.js";

/** DEMO ONLY: public credentials for local development. Never use them for a real app. */
export const RONGCLOUD_DEMO = {
  appKey: "demorongcloud",
  appSecret: "demo-secret-not-for-production",
} as const;

/** The demo app: every separately sold service on, so the demo can exercise all of them. */
const DEMO_APP = {
  ...RONGCLOUD_DEMO,
  features: {
    broadcast: true,
    chatroomBroadcast: true,
    chatroomKv: true,
    chatroomKeepAlive: true,
    profileHosting: true,
    groupHosting: true,
    allowList: true,
    cloudStorage: true,
    historyLog: true,
  },
};

export const rongcloudRegistration: EmulatorRegistration = {
  vendor: "rongcloud",
  title: "RongCloud IM Server API",
  demo: { appKey: RONGCLOUD_DEMO.appKey, appSecret: RONGCLOUD_DEMO.appSecret },
  // RongCloud signs callbacks with the app secret. The message callback service asks the
  // same URL before delivering, Server API sends included (the console switch is on).
  start: (options) =>
    startDemo(startRongCloudEmulator, {
      ...DEMO_APP,
      moderateServerMessages: true,
      ...(options.callbackUrl ? { callbackUrls: { preSend: options.callbackUrl } } : {}),
    })(options),
};
