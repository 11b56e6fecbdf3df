import { countOf, perSecond, type RateLimit, type VendorRateLimits } from "@imgraph/core";

// RongCloud's published limits per app key and endpoint (shared/vendors/rongcloud.md §1.7).
// Message limits count messages: a publish to N users, groups or rooms counts N.

const messagesPerSecond = (limit: number): RateLimit[] => [
  { limit: 100, windowSeconds: 1 },
  { limit, windowSeconds: 1, counts: "items" },
];

/** The field that lists a call's targets (users, groups, rooms), per endpoint. */
const TARGETS: Record<string, string> = {
  "/message/private/publish.json": "toUserId",
  "/statusmessage/private/publish.json": "toUserId",
  "/message/private/publish_template.json": "toUserId",
  "/message/group/publish.json": "toGroupId",
  "/statusmessage/group/publish.json": "toGroupId",
  "/message/system/publish.json": "toUserId",
  "/message/chatroom/publish.json": "toChatroomId",
  "/user/reactivate.json": "userId",
  "/push/user.json": "userIds",
};

/**
 * Pushes by `/push.json` and broadcasts count together ("推送和广播消息合计"): 2 an hour and 3
 * a calendar day (vendor notes "Push notifications"); one quota, so one API here.
 */
const BROADCAST_QUOTA = "/message/broadcast.json+/push.json";
const SHARES_BROADCAST_QUOTA = new Set(["/message/broadcast.json", "/push.json"]);

export const rongcloudRateLimits: VendorRateLimits = {
  // An API is its endpoint path, e.g. "/message/group/publish.json".
  api: (request) => (SHARES_BROADCAST_QUOTA.has(request.path) ? BROADCAST_QUOTA : request.path),
  default: perSecond(100),
  apis: {
    "/user/getToken.json": perSecond(200),
    "/message/private/publish.json": [
      { limit: 100, windowSeconds: 1 },
      { limit: 6000, windowSeconds: 60, counts: "items" },
    ],
    "/statusmessage/private/publish.json": [
      { limit: 100, windowSeconds: 1 },
      { limit: 6000, windowSeconds: 60, counts: "items" },
    ],
    "/message/group/publish.json": messagesPerSecond(20),
    "/statusmessage/group/publish.json": messagesPerSecond(20),
    "/message/system/publish.json": messagesPerSecond(100),
    "/message/chatroom/publish.json": messagesPerSecond(100),
    "/message/chatroom/broadcast.json": perSecond(1),
    // The hour is paced (its alignment is not published); the day is a calendar day, taken
    // as Beijing's (unverified: docs/vendors/rongcloud.md "Push notifications").
    [BROADCAST_QUOTA]: [
      { limit: 2, windowSeconds: 3600 },
      { limit: 3, windowSeconds: 86_400, window: "fixed", utcOffsetHours: 8 },
    ],
    "/message/broadcast/recall.json": [{ limit: 2, windowSeconds: 3600 }],
    "/user/reactivate.json": messagesPerSecond(100),
    // 100 users a second, a push to N users counting N.
    "/push/user.json": messagesPerSecond(100),
  },
  items: (api, request) => {
    const field = TARGETS[api];
    return field ? countOf(request, field) : 1;
  },
};
