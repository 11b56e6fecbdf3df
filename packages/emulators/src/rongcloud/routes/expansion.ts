/**
 * Message extensions (rongcloud.md "Conversations and the message lifecycle" §2.1–2.3):
 * `/message/expansion/set.json`, `/message/expansion/delete.json`, `/message/expansion/query.json`.
 * Only one-to-one and group messages sent with `expansion=true`. The business errors are
 * undocumented (U2): 1002 for an unknown or non-extensible message and a bad key, 1005 for a
 * key or value too long; keys beyond 300 on a message are dropped silently.
 */
import { invalid, RcError, tooLong, tooMany } from "../errors.js";
import {
  deleteKeys,
  expansionPage,
  KEY_CHARSET,
  KEY_MAX_CHARS,
  KEYS_PER_CALL,
  setPairs,
  VALUE_MAX_CHARS,
} from "../expansion-state.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteDef, RouteTable } from "../route.js";
import type { AppState, StoredMessage } from "../state.js";

/** 100/s per endpoint, of which at most 20/s may target group messages (§2.2). */
function writeLimit(p: Params) {
  const group = String(p.value("conversationType") ?? "") === "3";
  return {
    rules: [
      { limit: 100, window: "second" as const },
      ...(group ? [{ limit: 20, window: "second" as const }] : []),
    ],
    cost: 1,
  };
}

function checkKey(field: string, key: string): void {
  if ([...key].length > KEY_MAX_CHARS)
    throw tooLong(`${field} ${key}`, KEY_MAX_CHARS, "characters");
  if (!KEY_CHARSET.test(key))
    throw invalid(field, `key ${key} may contain only letters, digits and + = - _`);
}

interface WriteTarget {
  msgUID: string;
  userId: string;
  conversationType: 1 | 3;
  targetId: string;
}

/** The fields every write names (read before the keys, like the doc's table order). */
function readTarget(p: Params): WriteTarget {
  const target = {
    msgUID: p.required("msgUID", REF_RULE),
    userId: p.required("userId", REF_RULE),
    conversationType: p.oneOf("conversationType", [1, 3] as const),
    targetId: p.required("targetId", REF_RULE),
  };
  p.flag("isSyncSender", 0);
  return target;
}

/** The message a write names, checked against its conversation and its expansion flag. */
function writableMessage(app: AppState, t: WriteTarget): StoredMessage {
  const msg = app.messages.get(t.msgUID);
  if (!msg) throw new RcError(400, 1002, `msgUID does not exist: ${t.msgUID}`);
  if (msg.conversationType !== t.conversationType)
    throw invalid("conversationType", "does not match the message");
  // One-to-one: the operator and target are the message's two users, either way round.
  const inConversation =
    t.conversationType === 3
      ? msg.targetId === t.targetId
      : (msg.fromUserId === t.userId && msg.targetId === t.targetId) ||
        (msg.targetId === t.userId && msg.fromUserId === t.targetId);
  if (!inConversation) throw invalid("targetId", "does not match the message's conversation");
  // Targeted group messages cannot carry extensions (shared reference §2.3.2).
  if (!msg.expansion || msg.toUserIds)
    throw new RcError(400, 1002, `message was not sent with expansion enabled: ${t.msgUID}`);
  return msg;
}

function readPairs(p: Params): [string, string][] {
  const kv = p.jsonObject("extraKeyVal");
  if (kv === undefined) throw new RcError(400, 1002, "extraKeyVal is required");
  const pairs = Object.entries(kv);
  if (pairs.length === 0) throw invalid("extraKeyVal", "must hold at least one key");
  if (pairs.length > KEYS_PER_CALL) throw tooMany("extraKeyVal", KEYS_PER_CALL);
  return pairs.map(([k, v]) => {
    checkKey("extraKeyVal", k);
    // Values are strings; numbers and booleans are taken as their text (tolerant).
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      throw invalid("extraKeyVal", `value of ${k} must be a string`);
    const value = String(v);
    if ([...value].length > VALUE_MAX_CHARS)
      throw tooLong(`extraKeyVal value of ${k}`, VALUE_MAX_CHARS, "characters");
    return [k, value];
  });
}

function readKeys(p: Params): string[] {
  const raw = p.required("extraKey");
  let keys: unknown;
  try {
    keys = JSON.parse(raw);
  } catch {
    keys = undefined;
  }
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== "string"))
    throw invalid("extraKey", "must be a JSON array of key strings");
  if (keys.length === 0) throw invalid("extraKey", "must hold at least one key");
  if (keys.length > KEYS_PER_CALL) throw tooMany("extraKey", KEYS_PER_CALL);
  for (const k of keys as string[]) checkKey("extraKey", k);
  return keys as string[];
}

export const expansionRoutes: RouteTable = {
  "/message/expansion/set.json": {
    limit: writeLimit,
    handle({ app, p, now }) {
      const target = readTarget(p);
      const pairs = readPairs(p);
      setPairs(writableMessage(app, target), pairs, now);
      return undefined;
    },
  },
  "/message/expansion/delete.json": {
    limit: writeLimit,
    handle({ app, p }) {
      const target = readTarget(p);
      const keys = readKeys(p);
      deleteKeys(writableMessage(app, target), keys);
      return undefined;
    },
  },
  "/message/expansion/query.json": {
    handle({ app, p }) {
      const msgUID = p.required("msgUID", REF_RULE);
      const pageNo = p.int("pageNo", { min: 1 }) ?? 1;
      const msg = app.messages.get(msgUID);
      // Unknown or non-extensible: an empty map (U2 tolerant choice).
      if (!msg || !msg.expansion) return { extraContent: {} };
      return { extraContent: expansionPage(msg, pageNo) };
    },
  },
} satisfies Record<string, RouteDef>;
