/** One-to-one message storage shared by sendmsg, batchsendmsg, history and recall. */
import { getOrCreate } from "../framework/index.js";
import { C2C, c2cStored, clearedUpTo } from "./contacts.js";
import type { Json } from "./fields.js";
import { type AppState, type C2CMessage, inCopyOf, pairKey } from "./state.js";

export interface NewC2C {
  from: string;
  to: string;
  seq: number;
  random: number;
  time: number;
  body: Json[];
  cloudCustomData?: string | undefined;
  syncOtherMachine?: number | undefined;
  supportExtension?: boolean | undefined;
  /** importmsg SyncFromOldSystem 2: history, never unread. */
  importedHistory?: boolean | undefined;
}

/** MsgKey in the documented sample format `{MsgSeq}_{MsgRandom}_{MsgTime}` (opaque to callers). */
export function msgKey(seq: number, random: number, time: number): string {
  return `${seq}_${random}_${time}`;
}

export function storeC2C(app: AppState, m: NewC2C): C2CMessage {
  const msg: C2CMessage = {
    from: m.from,
    to: m.to,
    seq: m.seq,
    random: m.random,
    time: m.time,
    key: msgKey(m.seq, m.random, m.time),
    body: m.body,
    recalled: false,
    order: ++app.messageOrder,
  };
  if (m.cloudCustomData !== undefined) msg.cloudCustomData = m.cloudCustomData;
  if (m.syncOtherMachine === 2) msg.hiddenFor = m.from;
  if (m.supportExtension) msg.supportExtension = true;
  if (m.importedHistory) msg.importedHistory = true;
  const key = pairKey(m.from, m.to);
  const list = getOrCreate(app.conversations, key, () => []);
  list.push(msg);
  for (const user of [m.from, m.to]) conversationsOf(app, user).add(list);
  c2cStored(app, msg);
  return msg;
}

// Which conversations each user is in, so unread counts need not scan every conversation
// of the app (sendmsg answers one per send). Kept beside the state, not in it: it is
// derived, and a reset state object simply starts a fresh index.
const byUser = new WeakMap<AppState, Map<string, Set<C2CMessage[]>>>();

function conversationsOf(app: AppState, userId: string): Set<C2CMessage[]> {
  const index = getOrCreate(byUser, app, () => indexConversations(app));
  return getOrCreate(index, userId, () => new Set());
}

/** Each user's conversations, built from the stored messages. */
function indexConversations(app: AppState): Map<string, Set<C2CMessage[]>> {
  const index = new Map<string, Set<C2CMessage[]>>();
  for (const list of app.conversations.values()) {
    for (const m of list) {
      for (const user of [m.from, m.to]) getOrCreate(index, user, () => new Set()).add(list);
    }
  }
  return index;
}

/** Unread one-to-one messages of `userId` (all peers): after their read mark, not recalled. */
export function unreadCount(app: AppState, userId: string): number {
  const acc = app.accounts.get(userId);
  if (!acc) return -1;
  let n = 0;
  for (const list of conversationsOf(app, userId)) {
    for (const m of list) {
      if (m.to !== userId || m.from === userId || m.recalled) continue;
      if (!inCopyOf(m, userId) || m.importedHistory) continue;
      if (m.order <= clearedUpTo(acc, C2C, m.from)) continue;
      if (m.time > (acc.readUpTo.get(m.from) ?? 0)) n++;
    }
  }
  return n;
}

/** A random uint32 (server-chosen MsgSeq when the caller gives none). */
export function randomUint32(): number {
  return Math.floor(Math.random() * 4_294_967_296);
}
