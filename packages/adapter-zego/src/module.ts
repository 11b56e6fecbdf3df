import type { VendorModule } from "@imgraph/core";
import { ZegoAdapter } from "./adapter.js";
import { implementation } from "./implementation.js";
import { configSchema, ZEGO_SECRETS, type ZegoConfig } from "./options.js";
import { zegoRateLimits } from "./rate-limits.js";
import { ZEGO_CALLBACK_EVENTS } from "./webhook-live-rooms.js";

/**
 * What the gateway knows about ZEGO: its config schema, its secrets, how to build the
 * adapter, and its implementation map (the support matrix is generated from it).
 */
export const zegoModule: VendorModule<ZegoConfig> = {
  vendor: "zego",
  configSchema,
  secrets: ZEGO_SECRETS,
  create: (options) => new ZegoAdapter(options),
  implementation,
  rateLimits: zegoRateLimits,
  // ZIM calls back for no edit, delete, read or reaction (docs/vendors/zego.md §4.1), nor
  // for group profile, role or attribute changes (#17 §E2): the gateway publishes those.
  // Its room callbacks report live rooms created, destroyed, entered and left (#17 §E1).
  callbackEvents: ZEGO_CALLBACK_EVENTS,
  // before_send_msg (docs/vendors/zego.md #18): 2.5 s per attempt (the zh page; the en page
  // says a retry after 3 s), and "not sent" when the app's server fails, unless ZEGO
  // support switches the default.
  preSend: {
    conversations: ["USER", "GROUP", "ROOM"],
    timeoutMs: 2_500,
    onNoAnswer: "drop",
    covers:
      "client-SDK sends (and client edits) of text, image, file, audio, video, multi-item, combined and custom messages in one-to-one chats, groups and rooms; never server-API sends (so no send made through imgraph), command or barrage messages",
  },
};
