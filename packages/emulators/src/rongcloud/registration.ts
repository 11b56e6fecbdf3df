/** How the CLI (and demo mode) starts the RongCloud emulator, with its demo credentials. */
import type { EmulatorRegistration } from "../registry-types.js";
import { startRongCloudEmulator } from "./index.js";

/** DEMO ONLY: public credentials for local development. Never use them for a real app. */
export const RONGCLOUD_DEMO = {
  appKey: "demorongcloud",
  appSecret: "demo-secret-not-for-production",
} as const;

export const rongcloudRegistration: EmulatorRegistration = {
  vendor: "rongcloud",
  title: "RongCloud IM Server API",
  demo: { appKey: RONGCLOUD_DEMO.appKey, appSecret: RONGCLOUD_DEMO.appSecret },
  start: ({ port, host, callbackUrl }) =>
    startRongCloudEmulator({
      ...(port !== undefined ? { port } : {}),
      ...(host !== undefined ? { host } : {}),
      apps: [
        {
          ...RONGCLOUD_DEMO,
          // RongCloud signs callbacks with the app secret.
          ...(callbackUrl !== undefined ? { callbackUrl } : {}),
          // Every separately sold service on, so the demo can exercise all of them.
          features: {
            broadcast: true,
            chatroomBroadcast: true,
            profileHosting: true,
            groupHosting: true,
            allowList: true,
            cloudStorage: true,
          },
        },
      ],
    }),
};
