import type { VendorModule } from "@imgraph/core";
import { RongCloudAdapter } from "./adapter.js";
import { implementation } from "./implementation.js";
import { configSchema, type RongCloudConfig } from "./options.js";
import { rongcloudRateLimits } from "./rate-limits.js";
import { HOSTED_PROFILE_FIELDS } from "./webhook-groups.js";
import { RONGCLOUD_CALLBACK_EVENTS } from "./webhook-read.js";

/** RongCloud for the gateway: how a config file describes an app, its secrets, the adapter. */
export const rongcloudModule: VendorModule<RongCloudConfig> = {
  vendor: "rongcloud",
  configSchema,
  // The app secret signs calls and verifies callbacks: nothing else is secret.
  secrets: { required: ["appSecret"], optional: [] },
  create: (options) => new RongCloudAdapter(options),
  implementation,
  rateLimits: rongcloudRateLimits,
  callbackEvents: RONGCLOUD_CALLBACK_EVENTS,
  // Hosted groups only (features.hostedGroups); classic groups have no callbacks.
  callbackProfileFields: HOSTED_PROFILE_FIELDS,
  // The message callback service (消息回调服务, vendor reference #18 §1): one request, 3 s,
  // then RongCloud delivers the message as sent.
  preSend: {
    conversations: ["USER", "GROUP", "ROOM"],
    timeoutMs: 3000,
    onNoAnswer: "deliver",
    covers:
      "client SDK sends in one-to-one chats, groups and chatrooms (the service and its routing rules enabled in RongCloud's console); Server API sends only with the console switch that filters Server API messages; not system, status or broadcast messages",
  },
};
