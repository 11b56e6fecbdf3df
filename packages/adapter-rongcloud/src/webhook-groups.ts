import {
  BadUserInputError,
  type CallbackEvents,
  type CallbackFields,
  callbackId,
  callbackInteger,
  callbackJson,
  callbackList,
  callbackTime,
  type GroupProfileField,
  type GroupRole,
  type ImEvent,
  isJsonObject,
  type WebhookContext,
} from "@imgraph/core";
import { jsonPart } from "./hosted-group-reads.js";

// The hosted-group callbacks (vendor reference #17 §3): "Sync Group Profile Updates" and
// "Synchronize Group Operation Status". Classic groups have none. The body is
// `{profiles: [...]}` by the doc's tables; the operation page's example is a bare array, and
// a single object is read too (§U13).

/**
 * What the hosted-group callbacks report of imgraph's writes: role changes (eventType 6, 7)
 * and attribute changes (groupExtProfile). Profile changes are reported for some fields only
 * (HOSTED_PROFILE_FIELDS), so GROUP_PROFILE_UPDATED is not claimed as a whole.
 */
export const HOSTED_GROUP_CALLBACK_EVENTS: CallbackEvents = {
  GROUP_MEMBER_ROLE_CHANGED: ["GROUP"],
  GROUP_ATTRIBUTES_CHANGED: ["GROUP"],
};

/** eventType 6 admin added, 7 admin removed, 8 owner transferred: each user's new role. */
const ROLE_OF_EVENT: Record<number, GroupRole> = { 6: "ADMIN", 7: "MEMBER", 8: "OWNER" };

/** The neutral profile field of each groupProfile key. */
const PROFILE_FIELD: Record<string, GroupProfileField> = {
  name: "name",
  portraitUrl: "avatarUrl",
  introduction: "introduction",
  announcement: "announcement",
};

/**
 * The profile fields the profile callback reports: the group name, the `groupProfile` keys
 * above and the join policy (`permissions.joinPerm`). The member cap it does not report.
 */
export const HOSTED_PROFILE_FIELDS: readonly GroupProfileField[] = [
  ...new Set<GroupProfileField>(["name", ...Object.values(PROFILE_FIELD), "joinPolicy"]),
];

/** The entries of a hosted-group callback; null when the body is not one. */
function entriesOf(text: string): CallbackFields[] | null {
  if (!text.includes("groupId")) return null;
  const value = callbackJson(text, "RongCloud");
  const list = isJsonObject(value) && "profiles" in value ? value.profiles : value;
  const items = Array.isArray(list) ? list : [list];
  if (!items.every((e) => isJsonObject(e) && "groupId" in e)) return null;
  return callbackList(items, "profiles") as CallbackFields[];
}

/** The events of a hosted-group callback body; null when it is not one. */
export function groupEvents(ctx: WebhookContext, text: string): ImEvent[] | null {
  const entries = entriesOf(text);
  if (!entries) return null;
  return entries.flatMap((e) =>
    "eventType" in e ? operationEvents(ctx, e) : profileEvents(ctx, e),
  );
}

function operationEvents(ctx: WebhookContext, e: CallbackFields): ImEvent[] {
  const groupId = callbackId(e.groupId, "groupId");
  const at = callbackTime(e.time, "time", "ms");
  const eventType = callbackInteger(e.eventType, "eventType");
  const userIds = (e.userIds === undefined ? [] : callbackList(e.userIds, "userIds")).map((u) =>
    callbackId(u, "userIds"),
  );
  const base = { appId: ctx.appId, at, groupId };
  const role = ROLE_OF_EVENT[eventType];
  if (role) {
    return userIds.map((userId) => ({ type: "GROUP_MEMBER_ROLE_CHANGED", ...base, userId, role }));
  }
  switch (eventType) {
    // Which of the users is the owner the callback does not say.
    case 1:
      return [{ type: "GROUP_CREATED", ...base, ownerId: null, userIds }];
    case 2:
      return [{ type: "GROUP_MEMBER_JOINED", ...base, userIds }];
    case 3:
    case 4:
      return [{ type: "GROUP_MEMBER_LEFT", ...base, userIds }];
    case 5:
      return [{ type: "GROUP_DISMISSED", ...base }];
    default:
      return [];
  }
}

/**
 * The profile fields and attribute keys the change carried: the group name, the keys of
 * `groupProfile` and `permissions.joinPerm` (profile), the keys of `groupExtProfile`
 * (attributes, `ext_` dropped).
 */
function profileEvents(ctx: WebhookContext, e: CallbackFields): ImEvent[] {
  const groupId = callbackId(e.groupId, "groupId");
  const at = callbackTime(e.time, "time", "ms");
  const part = (field: string) => {
    const v = e[field];
    if (v === undefined || v === null || v === "") return null;
    if (!isJsonObject(v) && typeof v !== "string")
      throw new BadUserInputError(field, `${field} must be a JSON object.`);
    return jsonPart(v);
  };
  const fields = new Set<string>();
  // groupName (the doc's table); an older Chinese copy of the page spells it groupname.
  if (typeof (e.groupName ?? e.groupname) === "string") fields.add("name");
  for (const key of Object.keys(part("groupProfile") ?? {})) {
    const field = PROFILE_FIELD[key];
    if (field) fields.add(field);
  }
  if ("joinPerm" in (part("permissions") ?? {})) fields.add("joinPolicy");
  const events: ImEvent[] = [];
  if (fields.size > 0)
    events.push({
      type: "GROUP_PROFILE_UPDATED",
      appId: ctx.appId,
      at,
      groupId,
      fields: [...fields],
    });
  const ext = part("groupExtProfile");
  if (ext) {
    const keys = Object.keys(ext).map((k) => (k.startsWith("ext_") ? k.slice(4) : k));
    events.push({ type: "GROUP_ATTRIBUTES_CHANGED", appId: ctx.appId, at, groupId, keys });
  }
  return events;
}
