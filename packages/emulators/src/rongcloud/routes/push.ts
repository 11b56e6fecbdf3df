/**
 * Push notifications (docs/vendors/rongcloud.md "Push notifications"), JSON bodies:
 * `/push.json` pushes to every user, to tag holders or to listed users with the broadcast
 * service and in the broadcasts' quota; `/push/user.json` pushes to ≤100 listed users. The
 * emulator has no devices: a push reaches the users its audience names, and is recorded
 * with them (the control API's `pushes`).
 */
import { invalid, missing, tooMany } from "../errors.js";
import { pushId } from "../ids.js";
import { checkString, type Params, REF_RULE, type StringRule } from "../params.js";
import { perValue, type RouteTable } from "../route.js";
import { type AppState, recordPush } from "../state.js";
import { BROADCAST_QUOTA, broadcastLimit } from "./messages.js";
import { TAG_RULE } from "./user-tags.js";

/** Documented values; HarmonyOS is the 2026 docs' third platform. Letter case is not checked. */
const PLATFORMS = new Set(["ios", "android", "harmonyos"]);
const TITLE_RULE: StringRule = { maxChars: 50 };
const TAGS_MAX = 20;
const AUDIENCE_USERS_MAX = 1000;
const PUSH_USERS_MAX = 100;

type Json = Record<string, unknown>;

function object(value: unknown, field: string, required: true): Json;
function object(value: unknown, field: string, required?: false): Json | undefined;
function object(value: unknown, field: string, required = false): Json | undefined {
  if (value === undefined || value === null) {
    if (required) throw missing(field);
    return undefined;
  }
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(field, "must be an object");
  return value as Json;
}

function text(value: unknown, field: string, rule: StringRule = {}): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw invalid(field, "must be a string");
  checkString(field, value, rule);
  return value;
}

/** A list of strings (absent = []), at most `max`, each within `rule`. */
function strings(value: unknown, field: string, max: number, rule: StringRule): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, "must be an array");
  if (value.length > max) throw tooMany(field, max);
  for (const v of value) {
    if (typeof v !== "string" || v === "") throw invalid(field, "must hold non-empty strings");
    checkString(field, v, rule);
  }
  return [...new Set(value as string[])];
}

function readPlatforms(p: Params): string[] {
  const raw = p.value("platform");
  if (raw === undefined || raw === null) throw missing("platform");
  const platforms = strings(raw, "platform", PLATFORMS.size, {});
  if (platforms.length === 0) throw missing("platform");
  const unknown = platforms.find((v) => !PLATFORMS.has(v.toLowerCase()));
  if (unknown !== undefined) throw invalid("platform", `has an unknown platform "${unknown}"`);
  return platforms;
}

/** `title` (≤50 characters) and the per-platform objects of a notification. */
function checkNotification(n: Json): string | null {
  for (const platform of ["ios", "android", "harmonyOS"]) {
    const o = object(n[platform], `notification.${platform}`);
    if (o) text(o.title, `notification.${platform}.title`, TITLE_RULE);
  }
  const ios = n.ios as Json | undefined;
  return (
    text(n.title, "notification.title", TITLE_RULE) ??
    text(ios?.title, "notification.ios.title") ??
    null
  );
}

/** Registered users, less the deactivated ones. */
function everyone(app: AppState): string[] {
  return [...app.users.keys()].filter((u) => !app.deactivated.has(u));
}

/**
 * Whom an audience names: everyone (`is_to_all`), else the listed `userid` (they win over
 * tags), else the holders of all `tag` and any `tag_or` (both may be given: both apply).
 * `packageName` narrows nothing here (the emulator knows no devices).
 */
function resolveAudience(app: AppState, audience: Json): string[] {
  const toAll = audience.is_to_all;
  if (toAll !== undefined && typeof toAll !== "boolean" && toAll !== "true" && toAll !== "false")
    throw invalid("audience.is_to_all", "must be a boolean");
  const all = strings(audience.tag, "audience.tag", TAGS_MAX, TAG_RULE);
  const any = strings(audience.tag_or, "audience.tag_or", TAGS_MAX, TAG_RULE);
  const users = strings(audience.userid, "audience.userid", AUDIENCE_USERS_MAX, REF_RULE);
  const packageName = text(audience.packageName, "audience.packageName");
  if (toAll === true || toAll === "true") return everyone(app);
  if (users.length > 0) return users;
  if (all.length === 0 && any.length === 0) {
    if (packageName !== undefined) return everyone(app);
    // Unverified: what the server answers to an audience with no condition.
    throw invalid("audience", "names no condition (is_to_all, tag, tag_or, userid, packageName)");
  }
  const holders: string[] = [];
  for (const [userId, tags] of app.tags) {
    if (
      all.every((t) => tags.includes(t)) &&
      (any.length === 0 || any.some((t) => tags.includes(t)))
    )
      holders.push(userId);
  }
  return holders;
}

/** `/push.json` with a `message`: the system message sent to the audience as well. */
function readMessage(
  p: Params,
): { fromUserId: string; objectName: string; content: string } | undefined {
  const message = object(p.value("message"), "message");
  if (!message) return undefined;
  const fromUserId = text(p.value("fromuserid"), "fromuserid", { maxBytes: 64 });
  if (fromUserId === undefined) throw missing("fromuserid");
  const objectName = text(message.objectName, "message.objectName", { maxChars: 32 });
  if (objectName === undefined) throw missing("message.objectName");
  const content = text(message.content, "message.content", { maxBytes: 128 * 1024 });
  if (content === undefined) throw missing("message.content");
  return { fromUserId, objectName, content };
}

export const pushRoutes: RouteTable = {
  "/push.json": {
    json: true,
    // The broadcast service ("全量用户通知服务"), counted with broadcasts.
    feature: "broadcast",
    rateKey: BROADCAST_QUOTA,
    limit: broadcastLimit,
    handle({ app, p, now }) {
      readPlatforms(p);
      const audience = object(p.value("audience"), "audience", true);
      const notification = object(p.value("notification"), "notification", true);
      const alert = text(notification.alert, "notification.alert");
      if (alert === undefined) throw missing("notification.alert");
      const title = checkNotification(notification);
      const message = readMessage(p);
      const recipients = resolveAudience(app, audience);
      const id = pushId();
      recordPush(app, {
        id,
        path: "/push.json",
        at: now,
        title,
        alert,
        notification: structuredClone(notification),
        ...(message ? { message } : {}),
        recipients,
      });
      return { id };
    },
  },
  "/push/user.json": {
    json: true,
    // 100 messages a second, a push to N users counting N.
    limit: perValue(100, "second", "userIds"),
    handle({ app, p, now }) {
      const raw = p.value("userIds");
      if (raw === undefined || raw === null) throw missing("userIds");
      const userIds = strings(raw, "userIds", PUSH_USERS_MAX, REF_RULE);
      if (userIds.length === 0) throw missing("userIds");
      const notification = object(p.value("notification"), "notification", true);
      const alert = text(notification.pushContent, "notification.pushContent");
      if (alert === undefined) throw missing("notification.pushContent");
      const title = checkNotification(notification);
      recordPush(app, {
        id: null,
        path: "/push/user.json",
        at: now,
        title,
        alert,
        notification: structuredClone(notification),
        recipients: userIds,
      });
      // The SDK samples answer `{"code":200}` alone.
      return undefined;
    },
  },
};
