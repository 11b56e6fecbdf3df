/**
 * A message's extension keys (rongcloud.md "Conversations and the message lifecycle" §2.1–2.3):
 * key → value with the server time of the last write. No versions: the last write wins (U3).
 */
import type { StoredMessage } from "./state.js";

/** Keys: 1–32 characters of A-Z a-z 0-9 + = - _ (§2.1). */
export const KEY_CHARSET = /^[A-Za-z0-9+=_-]+$/;
export const KEY_MAX_CHARS = 32;
/** Values: at most 4096 characters (§2.1). */
export const VALUE_MAX_CHARS = 4096;
/** Pairs (set) or keys (delete) one server call takes (§2.1). */
export const KEYS_PER_CALL = 100;
/** Keys one message keeps; beyond that new keys are dropped silently (§2.2, U2). */
export const KEYS_PER_MESSAGE = 300;
/** Entries one page of `/message/expansion/query.json` answers (§2.3). */
export const QUERY_PAGE_SIZE = 300;

export type ExpansionKv = Record<string, { v: string; ts: number }>;

/** The message's extension keys, made from the publish call's `extraContent` the first time. */
export function expansionOf(msg: StoredMessage): ExpansionKv {
  if (!msg.expansionKv) {
    const kv: ExpansionKv = {};
    for (const [k, v] of Object.entries(msg.extraContent ?? {})) {
      kv[k] = { v: typeof v === "string" ? v : JSON.stringify(v), ts: msg.sentTime };
    }
    msg.expansionKv = kv;
  }
  return msg.expansionKv;
}

/**
 * Writes pairs in the order given: an existing key is overwritten, a new key is added only
 * while the message holds fewer than 300 keys (the rest are dropped, like the client docs'
 * "any excess beyond 300 is discarded").
 */
export function setPairs(msg: StoredMessage, pairs: [string, string][], now: number): void {
  const kv = expansionOf(msg);
  for (const [k, v] of pairs) {
    if (!(k in kv) && Object.keys(kv).length >= KEYS_PER_MESSAGE) continue;
    kv[k] = { v, ts: now };
  }
}

/** Removes keys; an absent key is no error (U2). */
export function deleteKeys(msg: StoredMessage, keys: string[]): void {
  const kv = expansionOf(msg);
  for (const k of keys) delete kv[k];
}

/** One page (from 1) of the keys, latest write first (the order of the doc's example). */
export function expansionPage(msg: StoredMessage, pageNo: number): ExpansionKv {
  const entries = Object.entries(expansionOf(msg)).sort((a, b) => b[1].ts - a[1].ts);
  const start = (pageNo - 1) * QUERY_PAGE_SIZE;
  return Object.fromEntries(entries.slice(start, start + QUERY_PAGE_SIZE));
}

/** What history shows as the message's `extraContent` now: key → value. */
export function currentExtraContent(msg: StoredMessage): Record<string, unknown> | undefined {
  if (!msg.expansionKv) return msg.extraContent;
  return Object.fromEntries(Object.entries(msg.expansionKv).map(([k, e]) => [k, e.v]));
}
