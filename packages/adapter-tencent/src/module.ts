import type { VendorModule } from "@imgraph/core";
import { TencentAdapter } from "./adapter.js";
import { implementation } from "./implementation.js";
import { configSchema, TENCENT_SECRETS, type TencentConfig } from "./options.js";
import { tencentRateLimits } from "./rate-limits.js";
import { TENCENT_PROFILE_FIELDS } from "./webhook-groups.js";
import { TENCENT_CALLBACK_EVENTS } from "./webhook-lifecycle.js";

/**
 * Tencent Cloud Chat as the gateway sees it: its config schema, its secrets, its adapter,
 * and its implementation map (the support matrix is generated from it).
 */
export const tencentModule: VendorModule<TencentConfig> = {
  vendor: "tencent",
  configSchema,
  secrets: TENCENT_SECRETS,
  create: (options) => new TencentAdapter(options),
  implementation,
  rateLimits: tencentRateLimits,
  callbackEvents: TENCENT_CALLBACK_EVENTS,
  callbackProfileFields: TENCENT_PROFILE_FIELDS,
  // C2C.CallbackBeforeSendMsg and Group.CallbackBeforeSendMsg (intl 1047/34364, 34374):
  // 2 s, not adjustable; a late or failed answer is "as if no callback" (1047/34354).
  preSend: {
    conversations: ["USER", "GROUP", "ROOM"],
    timeoutMs: 2_000,
    onNoAnswer: "deliver",
    covers:
      "client SDK sends and REST sendmsg / send_group_msg, live groups (AVChatRoom) included, once the console switches are on; not batchsendmsg, nor sends with ForbidBeforeSendMsgCallback",
  },
};
