import {
  BadUserInputError,
  type CallbackFields,
  callbackId,
  callbackInteger,
  callbackJson,
  callbackList,
  callbackTime,
  type ImEvent,
  isJsonObject,
  type LiveRoomLeaveReason,
  type WebhookContext,
} from "@imgraph/core";

// The "Chatroom status" callback (#17 §3): a JSON array of `{chatRoomId, userIds, status,
// type, time}`; `type` 0 create, 1 join, 2 quit, 3 destroy; `status` 0 the call of `type`,
// 1 an offline user auto-exited, 2 blocked, 3 auto-destroyed. One object is read too.

/** Why users quit, by `status`: a block is RongCloud's only removal, so it is BANNED. */
const LEAVE_REASON: Record<number, LiveRoomLeaveReason> = {
  0: "LEFT",
  1: "TIMED_OUT",
  2: "BANNED",
  3: "DESTROYED",
};

/** The events of a chatroom status body; null when the body is not one. */
export function liveRoomEvents(ctx: WebhookContext, text: string): ImEvent[] | null {
  if (!text.includes("chatRoomId")) return null;
  const value = callbackJson(text, "RongCloud");
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((e) => isJsonObject(e) && "chatRoomId" in e && "type" in e)) return null;
  return (callbackList(items, "body") as CallbackFields[]).flatMap((e) => eventsOf(ctx, e));
}

function eventsOf(ctx: WebhookContext, e: CallbackFields): ImEvent[] {
  const roomId = callbackId(e.chatRoomId, "chatRoomId");
  const at = callbackTime(e.time, "time", "ms");
  const type = callbackInteger(e.type, "type");
  const status = e.status === undefined ? 0 : callbackInteger(e.status, "status");
  const userIds = (e.userIds === undefined ? [] : callbackList(e.userIds, "userIds")).map((u) =>
    callbackId(u, "userIds"),
  );
  const base = { appId: ctx.appId, at, roomId };
  switch (type) {
    // The callback names no creator.
    case 0:
      return [{ type: "LIVE_ROOM_CREATED", ...base, ownerId: null }];
    case 1:
      return userIds.length > 0 ? [{ type: "LIVE_ROOM_MEMBER_JOINED", ...base, userIds }] : [];
    case 2:
      return userIds.length > 0
        ? [
            {
              type: "LIVE_ROOM_MEMBER_LEFT",
              ...base,
              userIds,
              reason: LEAVE_REASON[status] ?? null,
            },
          ]
        : [];
    case 3:
      return [{ type: "LIVE_ROOM_DESTROYED", ...base }];
    default:
      return [];
  }
}

/** KV sync `optType`: 1 set, 2 delete, 3 delete all. */
const KV_OPS = new Set([1, 2, 3]);

/**
 * The chatroom attribute (KV) sync callback (docs.rongcloud.io platform-chat-api/chatroom/
 * kv-attribute/sync-kv): one object per change, `chatroomId` with a lowercase r, `optType`.
 * The neutral model has no live room attribute event, so it is checked and acknowledged with
 * none; null when the body is not one (it would otherwise be refused, and RongCloud retries).
 */
export function chatroomKvSync(text: string): ImEvent[] | null {
  if (!text.includes("chatroomId") || !text.includes("optType")) return null;
  const value = callbackJson(text, "RongCloud");
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((e) => isJsonObject(e) && "chatroomId" in e && "optType" in e)) return null;
  for (const e of callbackList(items, "body") as CallbackFields[]) {
    callbackId(e.chatroomId, "chatroomId");
    if (!KV_OPS.has(callbackInteger(e.optType, "optType")))
      throw new BadUserInputError("optType", "optType must be 1, 2 or 3.");
  }
  return [];
}
