import type { RunningEmulator } from "@imgraph/emulators";
import type { AppConfig } from "../config/types.js";
import type { ModerationRules } from "../moderation/rules.js";
import { DEMO_OPERATOR, DEMO_PUSH_ATTRIBUTES } from "./clients.js";

/** The word demo mode blocks: a send holding it is refused before delivery. */
export const DEMO_BLOCKED_WORD = "scam";

/** The demo's moderation rules, on the apps whose vendor asks before delivering. */
const DEMO_MODERATION: ModerationRules = {
  blockedWords: [DEMO_BLOCKED_WORD],
  maskedWords: [],
  patterns: [],
  maxTextLength: null,
  senderRate: null,
  blockReason: `Not sent: the demo blocks the word "${DEMO_BLOCKED_WORD}".`,
  hook: null,
};

/**
 * Demo config: one app per vendor whose emulator is running, pointed at it with the
 * emulator's demo credentials. This is configuration, so it may name vendors.
 */
export function demoApps(
  emulators: Array<{ vendor: string; demo: Record<string, string>; running: RunningEmulator }>,
): AppConfig[] {
  const apps: AppConfig[] = [];
  for (const { vendor, demo, running } of emulators) {
    const origin = new URL(running.url).origin;
    switch (vendor) {
      case "rongcloud":
        apps.push({
          id: "rongcloud",
          vendor,
          options: {
            appKey: demo.appKey,
            appSecret: demo.appSecret,
            region: "cn",
            origins: [origin],
            // The emulated app has the paid log, broadcasts, hosted groups (profiles,
            // attributes, admins) and the chatroom services (attributes, keep-alive, broadcast).
            features: {
              history: true,
              broadcast: true,
              historyLog: true,
              hostedGroups: true,
              chatroomAttributes: true,
              chatroomKeepAlive: true,
              chatroomBroadcast: true,
            },
            // Messages are sent extensible, so extensions and reactions work in the demo.
            messageExtensions: true,
            // Admins' live room attribute changes are recorded as this user.
            operatorUserId: DEMO_OPERATOR,
          },
          // RongCloud's message callback service asks the gateway before delivering.
          moderation: DEMO_MODERATION,
        });
        break;
      case "tencent":
        apps.push({
          id: "tencent",
          vendor,
          options: {
            sdkAppId: Number(demo.sdkAppId),
            key: demo.key,
            adminUserId: demo.admin ?? "administrator",
            origins: [origin],
            // The emulated app has all-member push (tags, attributes, broadcasts) and two
            // custom profile fields for user attributes.
            broadcast: true,
            userAttributes: ["level", "city"],
            pushAttributes: DEMO_PUSH_ATTRIBUTES,
            // ... and the Pro features behind message extensions (and reactions), group read
            // receipts, conversation folders and marks, and the live-room switches (online
            // member list, banning, broadcast).
            messageExtensions: true,
            readReceipts: true,
            conversationGroups: true,
            groupCounters: true,
            liveRoomOnlineMembers: true,
            liveRoomBans: true,
            liveRoomBroadcast: true,
            ...(demo.callbackToken ? { callbackToken: demo.callbackToken } : {}),
          },
          // Tencent's signature binds no body: accept callbacks only from the addresses the
          // (emulated) vendor publishes through GetIPList, as a real deployment should.
          webhook: {
            allowedSources: [],
            vendorSources: true,
            vendorSourcesRefreshMinutes: 60,
            acceptUnboundBodies: false,
          },
          // Tencent asks the gateway before delivering each message (its before-send callbacks).
          moderation: DEMO_MODERATION,
        });
        break;
      case "zego":
        apps.push({
          id: "zego",
          vendor,
          options: {
            appId: Number(demo.appId),
            serverSecret: demo.serverSecret,
            origins: { zim: [origin], rtc: [origin] },
            // The emulated app is on a plan with read receipts and group attributes.
            features: { readReceipts: true, groupAttributes: true },
            // ZIM reads room attributes as a registered user: the demo's service user.
            operatorUserId: DEMO_OPERATOR,
            ...(demo.callbackSecret ? { callbackSecret: demo.callbackSecret } : {}),
          },
          // ZIM asks the gateway before delivering its clients' sends (before_send_msg).
          moderation: DEMO_MODERATION,
        });
        break;
      default:
        break;
    }
  }
  return apps;
}
