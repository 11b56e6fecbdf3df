import { countOf, perSecond, type RateLimit, type VendorRateLimits } from "@imgraph/core";

// Tencent's published frequency limits, per API per app (shared/vendors/tencent.md §2.6,
// from the REST overview 1047/34620 and each API's page; push: docs/vendors/tencent.md "Push
// notifications"). Daily caps of trial editions are left to the vendor's own refusal.

/**
 * All-member / tag / attribute push (timpush/push, 1047/60561; im_push, 1047/37166): one a
 * second and 100 a day — the standard and advanced editions' count (the free edition has 10;
 * a config's rate limit overrides set another). The day runs from Beijing midnight (90047's
 * retry time), so the day's budget may all go at once.
 */
const ALL_MEMBER_PUSH: RateLimit[] = [
  { limit: 1, windowSeconds: 1 },
  { limit: 100, windowSeconds: 86_400, window: "fixed", utcOffsetHours: 8 },
];

export const tencentRateLimits: VendorRateLimits = {
  // An API is its service/command, e.g. "openim/sendmsg" (the path after /v4/).
  api: (request) => request.path.replace(/^\/v4\//, ""),
  default: perSecond(200),
  apis: {
    "im_open_login_svc/multiaccount_import": perSecond(100),
    "im_open_login_svc/account_check": perSecond(100),
    // The hourly message log (cn 269/1650, intl 1047/34885).
    "open_msg_svc/get_history": perSecond(10),
    "openim/batchsendmsg": [
      { limit: 200, windowSeconds: 1 },
      { limit: 12_000, windowSeconds: 60, counts: "items" },
    ],
    "all_member_push/im_push": ALL_MEMBER_PUSH,
    "timpush/push": ALL_MEMBER_PUSH,
    // timpush/batch: 30 calls/s (intl 1047/67553; the cn page: 10 free, 30 standard, 40 advanced).
    "timpush/batch": perSecond(30),
    "timpush/all_member_push_statistics": perSecond(1),
    "timpush/set_attr": perSecond(100),
    "timpush/get_attr": perSecond(100),
    "timpush/remove_attr": perSecond(100),
    "timpush/set_attr_name": perSecond(100),
    "timpush/get_attr_name": perSecond(100),
    "all_member_push/im_set_attr_name": perSecond(100),
    "all_member_push/im_get_attr_name": perSecond(100),
    "all_member_push/im_get_attr": perSecond(100),
    "all_member_push/im_set_attr": perSecond(100),
    "all_member_push/im_remove_attr": perSecond(100),
    "all_member_push/im_get_tag": perSecond(100),
    "all_member_push/im_add_tag": perSecond(100),
    "all_member_push/im_remove_tag": perSecond(100),
    "all_member_push/im_remove_all_tags": perSecond(100),
  },
  // batchsendmsg counts each recipient against its per-minute message limit.
  items: (_api, request) => countOf(request, "To_Account"),
};
