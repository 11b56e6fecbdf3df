import {
  emulatorRegistry,
  RONGCLOUD_DEMO,
  type RunningEmulator,
  startRongCloudEmulator,
  startTencentEmulator,
  startZegoEmulator,
  TENCENT_DEMO,
  ZEGO_DEMO,
} from "@imgraph/emulators";

export interface DemoEmulator {
  vendor: string;
  demo: Record<string, string>;
  running: RunningEmulator;
}

/** DEMO ONLY: what the demo apps sign callbacks with. Public; never use for a real app. */
export const DEMO_CALLBACK_SECRETS = {
  tencentCallbackToken: "demo-tencent-callback-token-not-for-production",
  zegoCallbackSecret: "demo-zego-callback-secret-not-for-production",
} as const;

/**
 * Starts every emulator of the registry on loopback. The three we know send their
 * callbacks to `${callbackBase}/webhooks/<vendor>` (the demo app ids are the vendor
 * names), signed with the demo callback secrets; any other starts as registered.
 */
export async function startDemoEmulators(callbackBase: string): Promise<DemoEmulator[]> {
  const host = "127.0.0.1";
  const callbackUrl = (vendor: string) => `${callbackBase}/webhooks/${vendor}`;
  return Promise.all(
    emulatorRegistry.map(async (r): Promise<DemoEmulator> => {
      switch (r.vendor) {
        case "rongcloud":
          return {
            vendor: r.vendor,
            demo: r.demo,
            running: await startRongCloudEmulator({
              host,
              port: 0,
              apps: [
                {
                  ...RONGCLOUD_DEMO,
                  callbackUrl: callbackUrl(r.vendor),
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
        case "tencent":
          return {
            vendor: r.vendor,
            demo: { ...r.demo, callbackToken: DEMO_CALLBACK_SECRETS.tencentCallbackToken },
            running: await startTencentEmulator({
              host,
              port: 0,
              apps: [
                {
                  sdkAppId: TENCENT_DEMO.sdkAppId,
                  key: TENCENT_DEMO.key,
                  admins: [TENCENT_DEMO.admin],
                  callbackUrl: callbackUrl(r.vendor),
                  callbackToken: DEMO_CALLBACK_SECRETS.tencentCallbackToken,
                },
              ],
            }),
          };
        case "zego":
          return {
            vendor: r.vendor,
            demo: { ...r.demo, callbackSecret: DEMO_CALLBACK_SECRETS.zegoCallbackSecret },
            running: await startZegoEmulator({
              host,
              port: 0,
              apps: [
                {
                  appId: ZEGO_DEMO.appId,
                  serverSecret: ZEGO_DEMO.serverSecret,
                  callbackUrl: callbackUrl(r.vendor),
                  callbackSecret: DEMO_CALLBACK_SECRETS.zegoCallbackSecret,
                },
              ],
            }),
          };
        default:
          return { vendor: r.vendor, demo: r.demo, running: await r.start({ host, port: 0 }) };
      }
    }),
  );
}
