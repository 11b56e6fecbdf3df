/**
 * Chatroom custom attributes (KV, #17 §2.8), a separately enabled service (`chatroomKv`):
 * ≤100 keys a room, keys of `A-Za-z0-9+=-_` ≤128 characters, values ≤4096 characters,
 * batches of ≤20. Server writes may overwrite another owner's key (§U11). The codes of the
 * client header are answered with HTTP 200: 23423 too many keys, 23427 key not found.
 */

import { invalid, missing, RcError, tooMany } from "../errors.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";
import type { Chatroom, ChatroomEntry } from "../state.js";
import { existing, swept } from "./chatroom-common.js";

const KEY = /^[A-Za-z0-9+=_-]{1,128}$/;
const VALUE_MAX_CHARS = 4096;
const KEYS_MAX = 100;
const BATCH_MAX = 20;

function checkKey(key: string): void {
  if (!KEY.test(key)) throw invalid("key", "must be 1-128 of A-Z a-z 0-9 + = - _");
}

function checkValue(key: string, value: unknown): string {
  if (typeof value !== "string") throw invalid(`value of ${key}`, "must be a string");
  if ([...value].length > VALUE_MAX_CHARS)
    throw new RcError(400, 1005, `value of ${key} is too long (max ${VALUE_MAX_CHARS} characters)`);
  return value;
}

/** The entries of an `entryInfo` JSON object (create_new, batch set), checked. */
export function readEntries(
  info: Record<string, unknown>,
  userId: string,
  now: number,
  autoDelete = false,
): Map<string, ChatroomEntry> {
  const pairs = Object.entries(info);
  if (pairs.length > KEYS_MAX) throw new RcError(200, 23423, `more than ${KEYS_MAX} keys`);
  const entries = new Map<string, ChatroomEntry>();
  for (const [key, value] of pairs) {
    checkKey(key);
    entries.set(key, { value: checkValue(key, value), userId, autoDelete, lastSetTime: now });
  }
  return entries;
}

function setAll(room: Chatroom, add: Map<string, ChatroomEntry>) {
  const after = new Set([...room.entries.keys(), ...add.keys()]);
  if (after.size > KEYS_MAX) throw new RcError(200, 23423, `a room holds at most ${KEYS_MAX} keys`);
  for (const [k, e] of add) room.entries.set(k, e);
}

/** One KV sync callback per changed key, each with the room's next version. */
function synced(
  ctx: RouteContext,
  room: Chatroom,
  changes: Array<{ key: string; value: string; optType: 1 | 2 }>,
  userId: string,
): void {
  for (const c of changes) {
    room.kvVersion = (room.kvVersion ?? 0) + 1;
    ctx.callbacks.chatroomKv(ctx.app, {
      chatroomId: room.id,
      ...c,
      userId,
      timestamp: ctx.now,
      version: room.kvVersion,
    });
  }
}

/** 100 KV pairs a second, shared by the single and batch set (§2.8). */
const pairCost = (count: (p: Params) => number) => (p: Params) => ({
  rules: [{ limit: 100, window: "second" as const }],
  cost: Math.max(1, count(p)),
});
const batchSize = (p: Params) => {
  try {
    return Object.keys(p.jsonObject("entryInfo") ?? {}).length;
  } catch {
    return 1;
  }
};

const kv = (def: RouteDef): RouteDef => swept({ feature: "chatroomKv", ...def });

export const chatroomEntryRoutes: RouteTable = {
  "/chatroom/entry/set.json": kv({
    limit: pairCost(() => 1),
    handle(ctx) {
      const { app, p, now } = ctx;
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const userId = p.required("userId", REF_RULE);
      const key = p.required("key");
      checkKey(key);
      const value = checkValue(key, p.required("value"));
      const autoDelete = p.flag("autoDelete", 0) === 1;
      setAll(room, new Map([[key, { value, userId, autoDelete, lastSetTime: now }]]));
      synced(ctx, room, [{ key, value, optType: 1 }], userId);
      return undefined;
    },
  }),

  "/chatroom/entry/batch/set.json": kv({
    limit: pairCost(batchSize),
    handle(ctx) {
      const { app, p, now } = ctx;
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const owner = p.required("entryOwnerId", REF_RULE);
      const info = p.jsonObject("entryInfo");
      if (!info) throw missing("entryInfo");
      if (Object.keys(info).length > BATCH_MAX) throw tooMany("entryInfo", BATCH_MAX);
      if (Object.keys(info).length === 0) throw missing("entryInfo");
      const autoDelete = p.flag("autoDelete", 0) === 1;
      // Force-overwrites the owner and value of existing keys (documented).
      const entries = readEntries(info, owner, now, autoDelete);
      setAll(room, entries);
      const changes = [...entries].map(([key, e]) => ({
        key,
        value: e.value,
        optType: 1 as const,
      }));
      synced(ctx, room, changes, owner);
      return undefined;
    },
  }),

  "/chatroom/entry/remove.json": kv({
    handle(ctx) {
      const { app, p } = ctx;
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const userId = p.required("userId", REF_RULE);
      const key = p.required("key");
      if (!room.entries.delete(key)) throw new RcError(200, 23427, `key not found: ${key}`);
      synced(ctx, room, [{ key, value: "", optType: 2 }], userId);
      return undefined;
    },
  }),

  // Documented only (no SDK has it, §U15): forced, no owner check.
  "/chatroom/entry/batch/remove.json": kv({
    handle(ctx) {
      const { app, p } = ctx;
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const owner = p.required("entryOwnerId", REF_RULE);
      const raw = p.value("entryKeys");
      let keys: unknown;
      try {
        keys = typeof raw === "string" ? JSON.parse(raw) : raw;
      } catch {
        keys = undefined;
      }
      if (!Array.isArray(keys) || keys.length === 0) throw missing("entryKeys");
      if (keys.length > BATCH_MAX) throw tooMany("entryKeys", BATCH_MAX);
      const gone = keys.map(String).filter((k) => room.entries.delete(k));
      synced(
        ctx,
        room,
        gone.map((key) => ({ key, value: "", optType: 2 as const })),
        owner,
      );
      return undefined;
    },
  }),

  "/chatroom/entry/query.json": kv({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const asked = p.list("keys", { max: 100 });
      const keys =
        asked.length > 0 ? asked.filter((k) => room.entries.has(k)) : [...room.entries.keys()];
      return {
        keys: keys.map((key) => {
          const e = room.entries.get(key) as ChatroomEntry;
          return {
            key,
            value: e.value,
            userId: e.userId,
            autoDelete: e.autoDelete ? "1" : "0",
            lastSetTime: String(e.lastSetTime),
          };
        }),
      };
    },
  }),
};
