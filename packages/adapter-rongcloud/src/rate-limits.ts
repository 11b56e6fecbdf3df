import { countOf, perSecond, type RateLimit, type VendorRateLimits } from "@imgraph/core";

// RongCloud's published limits per app key and endpoint (shared/vendors/rongcloud.md §1.7).
// Message limits count messages: a publish to N users, groups or rooms counts N.

const messagesPerSecond = (limit: number): RateLimit[] => [
  { limit: 100, windowSeconds: 1 },
  { limit, windowSeconds: 1, counts: "items" },
];

/** The form field that lists a publish's targets, per endpoint. */
const TARGETS: Record<string, string> = {
  "/message/private/publish.json": "toUserId",
  "/statusmessage/private/publish.json": "toUserId",
  "/message/private/publish_template.json": "toUserId",
  "/message/group/publish.json": "toGroupId",
  "/statusmessage/group/publish.json": "toGroupId",
  "/message/system/publish.json": "toUserId",
  "/message/chatroom/publish.json": "toChatroomId",
  "/user/reactivate.json": "userId",
};

export const rongcloudRateLimits: VendorRateLimits = {
  // An API is its endpoint path, e.g. "/message/group/publish.json".
  api: (request) => request.path,
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
    "/message/broadcast.json": [{ limit: 2, windowSeconds: 3600 }],
    "/message/broadcast/recall.json": [{ limit: 2, windowSeconds: 3600 }],
    "/user/reactivate.json": messagesPerSecond(100),
  },
  items: (api, request) => {
    const field = TARGETS[api];
    return field ? countOf(request, field) : 1;
  },
};
