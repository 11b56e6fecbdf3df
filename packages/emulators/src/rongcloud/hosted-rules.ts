/**
 * What every hosted-group endpoint checks the same way (#17 §1.2–1.5): the group and the
 * member looked up with their codes, the limits of the profile, permission and ext-profile
 * JSON parts, how a given part merges into the stored one, and token paging.
 */
import { invalid, RcError, tooLong, tooMany } from "./errors.js";
import { type Params, REF_RULE } from "./params.js";
import type { AppState, HostedGroup, HostedMember } from "./state.js";

/**
 * A rule violation: the information-hosting code (HTTP 200, body code) when the app answers
 * them (`hostedGroupCodes`), else 1002 (§U1).
 */
export function hostedRule(
  app: AppState,
  code: number,
  message: string,
  fields: Record<string, unknown> = {},
): RcError {
  return app.config.hostedGroupCodes
    ? new RcError(200, code, message, fields)
    : new RcError(400, 1002, message, fields);
}

/** The hosted group `groupId` names: 25410 when there is none (25429 for a classic one). */
export function groupOf(app: AppState, p: Params): HostedGroup {
  const groupId = p.required("groupId", REF_RULE);
  const g = app.hostedGroups.get(groupId);
  if (g) return g;
  if (app.groups.has(groupId) && app.config.hostedGroupCodes)
    throw new RcError(200, 25429, `group ${groupId} is not hosted: import it first`);
  throw new RcError(200, 25410, `group does not exist: ${groupId}`);
}

/** A member of the group: 25418 when the user is not in it. */
export function memberOf(g: HostedGroup, userId: string): HostedMember {
  const m = g.members.get(userId);
  if (!m) throw new RcError(200, 25418, `user ${userId} is not in group ${g.groupId}`);
  return m;
}

/** `userIds`: repeated keys (the doc's examples) or one comma-joined value (the SDKs). */
export function userIdsOf(p: Params, max: number, required = true): string[] {
  return p.list("userIds", { required, max, comma: true, ...REF_RULE });
}

/** `size` items from `pageToken` (an offset here; "" when there is no next page). */
export function pageOf<T>(items: T[], p: Params, maxSize: number) {
  const size = p.int("size", { min: 1, max: maxSize }) ?? 50;
  const token = p.optional("pageToken");
  if (token !== undefined && !/^\d+$/.test(token))
    throw invalid("pageToken", "is not a valid page token");
  const offset = token === undefined ? 0 : Number(token);
  const page = items.slice(offset, offset + size);
  return { page, pageToken: offset + size < items.length ? String(offset + size) : "" };
}

/** `groupProfile` fields and their limits in characters (§1.2). */
const PROFILE_CHARS: Record<string, number> = {
  name: 64,
  introduction: 512,
  announcement: 1024,
  portraitUrl: 128,
};

/** `permissions` fields and their largest value (§1.2; profilePerm/memProfilePerm: §U5). */
const PERMISSION_MAX: Record<string, number> = {
  joinPerm: 3,
  removePerm: 2,
  memInvitePerm: 2,
  invitePerm: 1,
  profilePerm: 2,
  memProfilePerm: 2,
};

/** A `groupProfile` part: its known fields are strings within their limits (1005 beyond). */
export function checkGroupProfile(part: Record<string, unknown>): void {
  for (const [key, max] of Object.entries(PROFILE_CHARS)) {
    const v = part[key];
    if (v === undefined) continue;
    if (typeof v !== "string") throw invalid(`groupProfile.${key}`, "must be a string");
    if ([...v].length > max) throw tooLong(`groupProfile.${key}`, max, "characters");
  }
}

/** A `permissions` part: each known field a whole number from 0 to its largest value. */
export function checkPermissions(part: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(part)) {
    const max = PERMISSION_MAX[key];
    if (max === undefined) throw invalid(`permissions.${key}`, "is not a permission");
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > max)
      throw invalid(`permissions.${key}`, `must be 0 to ${max}`);
    out[key] = n;
  }
  return out;
}

const EXT_KEY = /^ext_[A-Za-z0-9_]+$/;

/**
 * A `groupExtProfile` part: keys `ext_…` ≤32 characters (registered in the console when the
 * app lists them: 25415), string values ≤256 characters; merged into `stored`, at most
 * `groupExtMax` pairs.
 */
export function checkExtProfile(
  app: AppState,
  part: Record<string, unknown>,
  stored: Record<string, unknown>,
): void {
  for (const [key, v] of Object.entries(part)) {
    if (!EXT_KEY.test(key)) throw invalid(`groupExtProfile.${key}`, "must be ext_ + letters");
    if (key.length > 32) throw tooLong(`groupExtProfile key ${key}`, 32, "characters");
    const known = app.config.groupExtKeys;
    if (known && !known.has(key))
      throw hostedRule(app, 25415, `ext key ${key} does not exist (create it in the console)`);
    if (typeof v !== "string") throw invalid(`groupExtProfile.${key}`, "must be a string");
    if ([...v].length > 256) throw tooLong(`groupExtProfile.${key}`, 256, "characters");
  }
  const max = app.config.groupExtMax;
  if (Object.keys(mergePart(stored, part)).length > max) throw tooMany("groupExtProfile", max);
}

/**
 * A given part merged into the stored one, key by key; a key given as "" is deleted. Merge
 * versus replace is unverified (§U2): this is the emulator's choice.
 */
export function mergePart(
  stored: Record<string, unknown>,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...stored };
  for (const [key, v] of Object.entries(given)) {
    if (v === "") delete out[key];
    else out[key] = v;
  }
  return out;
}
