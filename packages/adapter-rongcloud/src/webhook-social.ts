import {
  BadUserInputError,
  type CallbackFields,
  callbackId,
  callbackInteger,
  callbackTime,
  type ImEvent,
  isJsonObject,
  parseJsonObject,
  type WebhookContext,
} from "@imgraph/core";

// The information-hosting callbacks (vendor reference §1.9, §4): friend relation changes and
// hosted profile changes. RongCloud sends every kind to the app's one callback address, so
// these are told apart from the others by their fields. There is no blocklist callback.

/** Friend relation changes by eventType: 2 accepted and 5 server-added make a friendship. */
const ADDED = new Set([2, 5]);
const REMOVED = 4;

export function isFriendChange(body: CallbackFields): boolean {
  return "eventType" in body && "toUserId" in body;
}

/**
 * A hosted profile change: `userId` with a `type` or profile fields, and none of the fields
 * of the other callbacks (online status says `userid`, routing `msgUID`, deactivation
 * `operateId`).
 */
export function isProfileChange(body: CallbackFields): boolean {
  return (
    typeof body.userId === "string" &&
    !("operateId" in body) &&
    !("msgUID" in body) &&
    ("type" in body || "userProfile" in body || "userExtProfile" in body)
  );
}

/** A friendship is mutual: one event for each side. Requests (1) and refusals (3) make none. */
export function friendChangeEvents(ctx: WebhookContext, body: CallbackFields): ImEvent[] {
  const eventType = callbackInteger(body.eventType, "eventType");
  const userId = callbackId(body.userId, "userId");
  const friendId = callbackId(body.toUserId, "toUserId");
  const at = callbackTime(body.time, "time", "ms");
  const type = ADDED.has(eventType)
    ? "FRIEND_ADDED"
    : eventType === REMOVED
      ? "FRIEND_REMOVED"
      : null;
  if (!type) return [];
  return [
    { type, appId: ctx.appId, at, userId, friendId },
    { type, appId: ctx.appId, at, userId: friendId, friendId: userId },
  ];
}

/**
 * The fields named are the vendor's keys that came with the change (basic profile keys and
 * `ext_` attribute keys); a cleared profile (type 0) names none. The doc's example sends the
 * profiles as objects and leaves `type` out (read as 1, modified); its table says JSON text.
 */
export function profileChangeEvents(ctx: WebhookContext, body: CallbackFields): ImEvent[] {
  const userId = callbackId(body.userId, "userId");
  const at = callbackTime(body.time, "time", "ms");
  const type = body.type === undefined ? 1 : callbackInteger(body.type, "type");
  if (type !== 0 && type !== 1) throw new BadUserInputError("type", "type must be 0 or 1.");
  const fields =
    type === 0
      ? []
      : [
          ...keysOf(body.userProfile, "userProfile"),
          ...keysOf(body.userExtProfile, "userExtProfile"),
        ];
  return [{ type: "PROFILE_UPDATED", appId: ctx.appId, at, userId, fields }];
}

function keysOf(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === "") return [];
  const map = isJsonObject(value)
    ? value
    : parseJsonObject(typeof value === "string" ? value : undefined);
  if (!map) throw new BadUserInputError(field, `${field} must be a JSON object.`);
  return Object.keys(map);
}

/** The friend or profile events of a JSON callback body; null when it is neither. */
export function socialEvents(ctx: WebhookContext, text: string): ImEvent[] | null {
  const body = parseJsonObject(text);
  if (!body) return null;
  if (isFriendChange(body)) return friendChangeEvents(ctx, body);
  if (isProfileChange(body)) return profileChangeEvents(ctx, body);
  return null;
}
