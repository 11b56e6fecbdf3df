import { countOf, perSecond, type VendorRateLimits } from "@imgraph/core";

// Tencent's published frequency limits, per API per app (shared/vendors/tencent.md §2.6,
// from the REST overview 1047/34620 and each API's page). Daily caps of push and of trial
// editions are not rates: they are left to the vendor's own refusal.

export const tencentRateLimits: VendorRateLimits = {
  // An API is its service/command, e.g. "openim/sendmsg" (the path after /v4/).
  api: (request) => request.path.replace(/^\/v4\//, ""),
  default: perSecond(200),
  apis: {
    "im_open_login_svc/multiaccount_import": perSecond(100),
    "im_open_login_svc/account_check": perSecond(100),
    "openim/batchsendmsg": [
      { limit: 200, windowSeconds: 1 },
      { limit: 12_000, windowSeconds: 60, counts: "items" },
    ],
    "all_member_push/im_push": perSecond(1),
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
