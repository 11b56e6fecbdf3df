/**
 * Friends of the information-hosting product (rongcloud.md §1): add, delete, clean,
 * profile/set, get, check. Server adds are mutual, so each friendship is two entries.
 * Friend-specific failures use the hosting service's codes (§1.10, 25xxx) with HTTP 200,
 * as the reference recommends; which codes the server really sends is unverified.
 */
import { getOrCreate } from "../../framework/index.js";
import { invalid, RcError, tooLong, tooMany } from "../errors.js";
import { requireUsers } from "../known-users.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";
import type { AppState, FriendEntry } from "../state.js";

const FEATURE = { feature: "friendHosting" } as const;
/** Ids per delete / check call (§1.2, §1.6). */
const IDS_PER_CALL = 100;
const EXT_KEYS_MAX = 10;
const EXT_KEY = /^ext_[A-Za-z0-9_]+$/;

/** A hosting-service error: answered HTTP 200 with the code in the body (§1.10). */
const hosting = (code: number, message: string) => new RcError(200, code, message);

function listOf(app: AppState, userId: string): Map<string, FriendEntry> {
  return getOrCreate(app.friends, userId, () => new Map());
}

/** `targetIds` comma-joined (every SDK) or repeated; the doc's example spells it `targetId`. */
function targetIds(p: Params): string[] {
  const rule = { comma: true, ...REF_RULE };
  const ids = [...p.list("targetIds", rule), ...p.list("targetId", rule)];
  if (ids.length === 0) throw new RcError(400, 1002, "targetIds is required");
  if (ids.length > IDS_PER_CALL) throw tooMany("targetIds", IDS_PER_CALL);
  return ids;
}

/** Delete and check count each id toward the 100/s limit (§1). */
const perTarget = (p: Params) => ({
  rules: [{ limit: 100, window: "second" as const }],
  cost: Math.max(
    1,
    [...p.values("targetIds"), ...p.values("targetId")].flatMap((v) => v.split(",")).length,
  ),
});

/** Removes a mutual friendship; true when there was one. */
function unfriend(app: AppState, a: string, b: string): boolean {
  const had = app.friends.get(a)?.delete(b) ?? false;
  app.friends.get(b)?.delete(a);
  return had;
}

function removed({ app, now, callbacks }: RouteContext, userId: string, toUserId: string) {
  callbacks.friendChange(app, { eventType: 4, userId, toUserId, time: now });
}

function readExt(p: Params): Record<string, string> | undefined {
  const ext = p.jsonObject("friendExtProfile");
  if (!ext) return undefined;
  const entries = Object.entries(ext);
  // 25470 "friend custom attribute exceeds limit" (client code; server code unverified).
  if (entries.length > EXT_KEYS_MAX)
    throw hosting(25470, `friendExtProfile: at most ${EXT_KEYS_MAX} keys`);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!EXT_KEY.test(k))
      throw invalid("friendExtProfile", `key ${k} must be ext_ + letters, digits or _`);
    if ([...k].length > 32) throw tooLong(`friendExtProfile key ${k}`, 32, "characters");
    if (typeof v !== "string") throw invalid(`friendExtProfile.${k}`, "must be a string");
    if ([...v].length > 256) throw tooLong(`friendExtProfile.${k}`, 256, "characters");
    out[k] = v;
  }
  return out;
}

const add: RouteDef = {
  ...FEATURE,
  handle(ctx) {
    const { app, p, now } = ctx;
    const userId = p.required("userId", REF_RULE);
    const targetId = p.required("targetId", REF_RULE);
    const optType = p.oneOf("optType", [1, 2] as const, 1);
    p.optional("extra", { maxChars: 128 });
    requireUsers(app, [userId, targetId]);
    if (userId === targetId) throw hosting(25473, "cannot add yourself as a friend");
    if (app.friends.get(userId)?.has(targetId)) throw hosting(25460, "already friends");
    // Friend requests are not emulated: every target is taken to require approval, so only
    // optType=2 (add without consent) makes a friendship.
    if (optType === 1) throw hosting(25461, "the target user's approval is needed");
    const cap = app.config.friendLimit;
    if (listOf(app, userId).size >= cap) throw hosting(25467, `friend count over limit (${cap})`);
    if (listOf(app, targetId).size >= cap)
      throw hosting(25468, `target's friend count over limit (${cap})`);
    const entry = { remarkName: "", ext: {}, time: now };
    listOf(app, userId).set(targetId, entry);
    listOf(app, targetId).set(userId, { ...entry, ext: {} });
    ctx.callbacks.friendChange(app, { eventType: 5, userId, toUserId: targetId, time: now });
    return undefined;
  },
};

export const friendRoutes: RouteTable = {
  "/friend/add.json": add,

  "/friend/delete.json": {
    ...FEATURE,
    limit: perTarget,
    handle(ctx) {
      const userId = ctx.p.required("userId", REF_RULE);
      // A non-friend is skipped: the answer for it is undocumented (idempotent 200 here).
      for (const target of targetIds(ctx.p)) {
        if (unfriend(ctx.app, userId, target)) removed(ctx, userId, target);
      }
      return undefined;
    },
  },

  "/friend/clean.json": {
    ...FEATURE,
    handle(ctx) {
      const userId = ctx.p.required("userId", REF_RULE);
      for (const target of [...(ctx.app.friends.get(userId)?.keys() ?? [])]) {
        unfriend(ctx.app, userId, target);
        removed(ctx, userId, target);
      }
      return undefined;
    },
  },

  "/friend/profile/set.json": {
    ...FEATURE,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const targetId = p.required("targetId", REF_RULE);
      const remarkName = p.optional("remarkName", { maxChars: 64 });
      const ext = readExt(p);
      const entry = app.friends.get(userId)?.get(targetId);
      if (!entry) throw hosting(25472, "friend does not exist");
      // An omitted remarkName clears the alias (doc: "Leave empty to clear existing alias").
      entry.remarkName = remarkName ?? "";
      // A given friendExtProfile replaces the map (merge vs replace unverified).
      if (ext) entry.ext = ext;
      return undefined;
    },
  },

  "/friend/get.json": {
    ...FEATURE,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const size = p.int("size", { min: 1, max: 100 }) ?? 50;
      const order = p.oneOf("order", [0, 1] as const, 0);
      const token = p.optional("pageToken");
      // Opaque to clients; an offset here. Unparsable: 1002 (25432 on the client; unverified).
      if (token !== undefined && !/^\d+$/.test(token))
        throw invalid("pageToken", "is not a valid page token");
      const offset = token === undefined ? 0 : Number(token);
      const all = [...(app.friends.get(userId) ?? [])].sort((a, b) =>
        order === 0 ? a[1].time - b[1].time : b[1].time - a[1].time,
      );
      const end = offset + size;
      return {
        pageToken: end < all.length ? String(end) : "",
        totalCount: all.length,
        friendList: all.slice(offset, end).map(([id, f]) => ({
          userId: id,
          name: String(app.profiles.get(id)?.userProfile.name ?? app.users.get(id)?.name ?? ""),
          remarkName: f.remarkName,
          // JSON text, not an object (§1.5).
          friendExtProfile: JSON.stringify(f.ext),
          time: f.time,
        })),
      };
    },
  },

  "/friend/check.json": {
    ...FEATURE,
    limit: perTarget,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const mine = app.friends.get(userId);
      // Only 1 (no friendship) and 4 (mutual) are documented; server adds are mutual.
      return {
        results: targetIds(p).map((id) => ({ userId: id, result: mine?.has(id) ? 4 : 1 })),
      };
    },
  },
};
