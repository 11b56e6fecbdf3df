/**
 * Publish endpoints (§2.3.2). Every publish answers `messageUIDs[]` (one entry per
 * recipient user / group / chatroom; broadcasts answer one `messageUID`). Unknown senders
 * and recipients are accepted (§5 row 16), senders need not be group members (row 17),
 * and mutes do not apply to Server API sends (row 18).
 */
import { invalid } from "../errors.js";
import { messageUid } from "../ids.js";
import {
  blacklisted,
  checkContent,
  checkMsgRandom,
  deliver,
  type MessageInput,
  readMessage,
  readObjectName,
} from "../message-params.js";
import { moderate } from "../moderation.js";
import type { ResolvedAppConfig } from "../options.js";
import { REF_RULE } from "../params.js";
import { perValue, type RouteContext, type RouteDef, type RouteTable } from "../route.js";

const privateLimit = perValue(6000, "minute", "toUserId");
const groupLimit = perValue(20, "second", "toGroupId");
const systemLimit = perValue(100, "second", "toUserId");
/**
 * Broadcasts and `/push.json` pushes count in one quota ("推送和广播消息合计", docs/vendors/
 * rongcloud.md "Push notifications"): 2 per hour and 3 per calendar day (the data centre's).
 */
export const BROADCAST_QUOTA = "broadcast+push";
export const broadcastLimit = (_p: unknown, app: ResolvedAppConfig) => ({
  rules: [
    { limit: 2, window: "hour" as const },
    { limit: 3, window: "day" as const, alignOffsetMs: app.tzOffsetMs },
  ],
  cost: 1,
});

/**
 * Delivers after moderation (#18; a no-op unless the app moderates Server API sends). A
 * message moderation keeps is neither stored nor routed, and the send still answers its
 * uid: RongCloud does not tell the sender by default.
 */
async function moderatedDeliver(
  ctx: RouteContext,
  msg: MessageInput,
  conversationType: 1 | 3 | 4,
  targetId: string,
  options: Parameters<typeof deliver>[4] = {},
): Promise<string> {
  const uid = messageUid();
  const content = options.content ?? msg.content;
  const base = { uid, fromUserId: msg.fromUserId, targetId, conversationType, content };
  const verdict = await moderate(ctx, { ...base, objectName: msg.objectName });
  if (!verdict.deliver) return uid;
  const { sensitiveType } = verdict;
  return deliver(ctx, msg, conversationType, targetId, {
    ...options,
    uid,
    content: verdict.content,
    ...(sensitiveType ? { sensitiveType } : {}),
  }).uid;
}

/** One-to-one and system sends: one message per recipient. */
async function toUsers(
  ctx: RouteContext,
  route: string,
  conversationType: 1 | 6,
  max: number,
  status = false,
): Promise<{ messageUIDs: { userId: string; messageUID: string }[] }> {
  const toUserIds = ctx.p.list("toUserId", { required: true, max, ...REF_RULE });
  const msg = readMessage(ctx.p);
  checkMsgRandom(ctx, route, msg);
  const messageUIDs: { userId: string; messageUID: string }[] = [];
  for (const userId of toUserIds) {
    // A blacklisted sender (with verifyBlacklist=1) is silently not delivered (§5 row 19).
    const dropped = msg.verifyBlacklist === 1 && blacklisted(ctx.app, msg.fromUserId, userId);
    const stored = !status && !dropped;
    // Moderation asks about one-to-one chat messages that would be delivered (not status ones).
    const messageUID =
      stored && conversationType === 1
        ? await moderatedDeliver(ctx, msg, 1, userId)
        : deliver(ctx, msg, conversationType, userId, { store: stored, route: stored }).uid;
    messageUIDs.push({ userId, messageUID });
  }
  return { messageUIDs };
}

async function toGroups(ctx: RouteContext, route: string, status: boolean) {
  const { p } = ctx;
  const toGroupIds = p.list("toGroupId", { required: true, max: 3, ...REF_RULE });
  const targeted = status ? [] : p.list("toUserId", { max: 1000, ...REF_RULE });
  if (targeted.length > 0 && toGroupIds.length > 1) {
    throw invalid("toGroupId", "must be a single group for a targeted message (toUserId)");
  }
  const msg = readMessage(p);
  if (!status && p.flag("isMentioned", 0) === 1) requireMention(msg);
  checkMsgRandom(ctx, route, msg);
  const messageUIDs: { groupId: string; messageUID: string }[] = [];
  for (const groupId of toGroupIds) {
    const options = {
      store: !status,
      route: !status,
      // Targeted sends are not stored in cloud history by default (§2.3.2).
      ...(targeted.length > 0 ? { toUserIds: targeted, persisted: false } : {}),
    };
    const messageUID = status
      ? deliver(ctx, msg, 3, groupId, options).uid
      : await moderatedDeliver(ctx, msg, 3, groupId, options);
    messageUIDs.push({ groupId, messageUID });
  }
  return { messageUIDs };
}

function requireMention(msg: MessageInput): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(msg.content);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || !("mentionedInfo" in parsed)) {
    throw invalid("content", "must include mentionedInfo when isMentioned=1");
  }
}

/** Placeholders like `{c}`: a values key may be given with or without braces. */
function render(template: string, values: Record<string, unknown>): string {
  let out = template;
  for (const [k, v] of Object.entries(values)) {
    const placeholder = k.startsWith("{") && k.endsWith("}") ? k : `{${k}}`;
    out = out.split(placeholder).join(String(v));
  }
  return out;
}

/** JSON template endpoints (§2.3.2): one rendered message per recipient. */
function template(ctx: RouteContext, route: string, conversationType: 1 | 6, max: number) {
  const { p } = ctx;
  const toUserIds = p.list("toUserId", { required: true, max, ...REF_RULE });
  const fromUserId = p.required("fromUserId", REF_RULE);
  const objectName = readObjectName(p);
  const content = p.required("content");
  const values = p.value("values");
  if (!Array.isArray(values))
    throw invalid("values", "must be an array with one object per toUserId");
  if (values.length !== toUserIds.length)
    throw invalid("values", "must have one entry per toUserId");
  for (const field of ["pushContent", "pushData"]) {
    const arr = p.value(field);
    if (arr === undefined || arr === null) continue;
    if (!Array.isArray(arr) || arr.length !== toUserIds.length)
      throw invalid(field, "must have one entry per toUserId");
  }
  for (const f of ["isIncludeSender", "contentAvailable"]) p.flag(f, 0);
  p.bool("disablePush", false);
  p.jsonObject("pushExt");
  const input: MessageInput = {
    fromUserId,
    objectName,
    content,
    isPersisted: p.flag("isPersisted", 1),
    verifyBlacklist: p.flag("verifyBlacklist", 0),
    expansion: p.bool("expansion", false),
    busChannel: "",
  };
  const rendered = toUserIds.map((_, i) => {
    const v: unknown = values[i];
    if (typeof v !== "object" || v === null || Array.isArray(v))
      throw invalid(`values[${i}]`, "must be an object");
    const text = render(content, v as Record<string, unknown>);
    checkContent(objectName, text, `content (rendered for ${toUserIds[i]})`);
    return text;
  });
  checkMsgRandom(ctx, route, input);
  return {
    messageUIDs: toUserIds.map((userId, i) => {
      const dropped = input.verifyBlacklist === 1 && blacklisted(ctx.app, fromUserId, userId);
      const m = deliver(ctx, input, conversationType, userId, {
        content: rendered[i] ?? content,
        store: !dropped,
        route: !dropped,
      });
      return { userId, messageUID: m.uid };
    }),
  };
}

/** Broadcast-style sends: recorded (for broadcast recall and debugging), not stored or routed. */
function broadcast(
  ctx: RouteContext,
  kind: "all" | "online" | "chatrooms",
): { messageUID: string } {
  const { p, app, now } = ctx;
  const fromUserId = p.required("fromUserId", REF_RULE);
  const objectName = readObjectName(p);
  const content = p.required("content");
  checkContent(objectName, content);
  if (kind === "all") {
    const os = p.optional("os");
    if (os !== undefined && os !== "iOS" && os !== "Android")
      throw invalid("os", "must be iOS or Android");
  }
  const recipients =
    kind === "online"
      ? [...app.sessions.keys()]
      : kind === "chatrooms"
        ? [...app.chatrooms.keys()]
        : [];
  const uid = messageUid();
  app.broadcasts.set(uid, {
    uid,
    sentTime: now,
    fromUserId,
    objectName,
    content,
    recalled: false,
    kind,
    recipients,
  });
  return { messageUID: uid };
}

const route = (
  path: string,
  def: Omit<RouteDef, "handle">,
  handle: (ctx: RouteContext) => Record<string, unknown> | Promise<Record<string, unknown>>,
) => ({
  [path]: { ...def, handle } satisfies RouteDef,
});

export const messageRoutes: RouteTable = {
  ...route("/message/private/publish.json", { limit: privateLimit }, (ctx) =>
    toUsers(ctx, "/message/private/publish.json", 1, 1000),
  ),
  ...route("/statusmessage/private/publish.json", { limit: privateLimit }, (ctx) =>
    toUsers(ctx, "/statusmessage/private/publish.json", 1, 1000, true),
  ),
  ...route("/message/group/publish.json", { limit: groupLimit }, (ctx) =>
    toGroups(ctx, "/message/group/publish.json", false),
  ),
  ...route("/statusmessage/group/publish.json", { limit: groupLimit }, (ctx) =>
    toGroups(ctx, "/statusmessage/group/publish.json", true),
  ),
  ...route("/message/system/publish.json", { limit: systemLimit }, (ctx) =>
    toUsers(ctx, "/message/system/publish.json", 6, 100),
  ),
  ...route("/message/private/publish_template.json", { json: true, limit: privateLimit }, (ctx) =>
    template(ctx, "/message/private/publish_template.json", 1, 1000),
  ),
  // The system template's rate limit is undocumented; the system publish limit is assumed.
  ...route("/message/system/publish_template.json", { json: true, limit: systemLimit }, (ctx) =>
    template(ctx, "/message/system/publish_template.json", 6, 100),
  ),
  ...route(
    "/message/broadcast.json",
    { feature: "broadcast", rateKey: BROADCAST_QUOTA, limit: broadcastLimit },
    (ctx) => broadcast(ctx, "all"),
  ),
  ...route("/message/online/broadcast.json", {}, (ctx) => broadcast(ctx, "online")),
  ...route(
    "/message/chatroom/publish.json",
    { limit: perValue(100, "second", "toChatroomId") },
    async (ctx) => {
      // "Recommended ≤10" chatrooms is advice, not a documented hard limit.
      const ids = ctx.p.list("toChatroomId", { required: true, ...REF_RULE });
      const msg = readMessage(ctx.p);
      checkMsgRandom(ctx, "/message/chatroom/publish.json", msg);
      const messageUIDs: { chatroomId: string; messageUID: string }[] = [];
      for (const chatroomId of ids) {
        const room = ctx.app.chatrooms.get(chatroomId);
        if (room) room.lastActivity = ctx.now;
        messageUIDs.push({
          chatroomId,
          messageUID: await moderatedDeliver(ctx, msg, 4, chatroomId),
        });
      }
      return { messageUIDs };
    },
  ),
  ...route(
    "/message/chatroom/broadcast.json",
    {
      feature: "chatroomBroadcast",
      limit: () => ({ rules: [{ limit: 1, window: "second" }], cost: 1 }),
    },
    (ctx) => {
      ctx.p.flag("isIncludeSender", 0);
      return broadcast(ctx, "chatrooms");
    },
  ),
};
