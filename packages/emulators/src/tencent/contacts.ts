/**
 * Each user's conversations (recent contacts) and their unread counts, kept up to date by
 * the sends (docs/vendors/tencent.md, "Conversations and the message lifecycle"): a send
 * puts the conversation at the top of both sides' lists (a group send: every member's),
 * and raises the unread count of everyone but the sender.
 */
import type { Account, AppState, C2CMessage, Group, GroupMessage, RecentContact } from "./state.js";
import { inCopyOf, pairKey } from "./state.js";

export const C2C = 1;
export const GROUP = 2;
export type ContactType = typeof C2C | typeof GROUP;

/** The key of one conversation in Account.contacts and Account.cleared. */
export function contactKey(type: ContactType, peer: string): string {
  return `${type}:${peer}`;
}

/** The user's entry for a conversation, created when missing; `msgTime` moves forward only. */
export function touchContact(
  app: AppState,
  acc: Account,
  type: ContactType,
  peer: string,
  msgTime: number,
): RecentContact {
  const key = contactKey(type, peer);
  let entry = acc.contacts.get(key);
  if (!entry) {
    entry = { type, peer, msgTime: 0, top: false, order: 0 };
    acc.contacts.set(key, entry);
  }
  entry.msgTime = Math.max(entry.msgTime, msgTime);
  entry.order = ++app.contactOrder;
  return entry;
}

/**
 * A stored one-to-one message: both sides' lists (not the sender's when the message is not
 * synced to them, SyncOtherMachine 2 — unverified, inferred from "not synced").
 */
export function c2cStored(app: AppState, msg: C2CMessage): void {
  for (const user of [msg.from, msg.to]) {
    if (msg.hiddenFor === user) continue;
    const acc = app.accounts.get(user);
    const peer = user === msg.from ? msg.to : msg.from;
    if (acc) touchContact(app, acc, C2C, peer, msg.time);
  }
}

/** A stored group message: every member's list, and every member but the sender's unread. */
export function groupStored(app: AppState, g: Group, msg: GroupMessage): void {
  // Live groups keep no history and no conversation; online-only messages are not stored.
  if (msg.onlineOnly) return;
  for (const member of g.members.values()) {
    const acc = app.accounts.get(member.account);
    if (acc) touchContact(app, acc, GROUP, g.id, msg.time);
    if (member.account !== msg.from) member.unread++;
  }
}

/** Where the user's copy of a conversation's history starts (after a ClearRamble delete). */
export function clearedUpTo(acc: Account, type: ContactType, peer: string): number {
  return acc.cleared.get(contactKey(type, peer)) ?? 0;
}

/** One-to-one messages `acc` has not read from `peer`: after the read mark, not recalled. */
export function c2cUnread(app: AppState, acc: Account, peer: string): number {
  const readUpTo = acc.readUpTo.get(peer) ?? 0;
  const cleared = clearedUpTo(acc, C2C, peer);
  let n = 0;
  for (const m of app.conversations.get(pairKey(acc.userId, peer)) ?? []) {
    if (m.to !== acc.userId || m.from !== peer || m.recalled) continue;
    if (!inCopyOf(m, acc.userId) || m.importedHistory) continue;
    if (m.time > readUpTo && m.order > cleared) n++;
  }
  return n;
}

/** Messages in the user's copy of a conversation's history (within retention, not recalled). */
export function messageCount(
  app: AppState,
  acc: Account,
  entry: { type: ContactType; peer: string },
  now: number,
): number {
  const oldest = now - app.config.retentionSeconds;
  const cleared = clearedUpTo(acc, entry.type, entry.peer);
  if (entry.type === C2C) {
    return (app.conversations.get(pairKey(acc.userId, entry.peer)) ?? []).filter(
      (m) => inCopyOf(m, acc.userId) && !m.recalled && m.order > cleared && m.time >= oldest,
    ).length;
  }
  const g = app.groups.get(entry.peer);
  if (!g) return 0;
  return g.messages.filter(
    (m) => m.seq > cleared && !m.onlineOnly && !m.recalled && !m.deleted && m.time >= oldest,
  ).length;
}

/** Group messages that count for unread and set_unread_msg_num's cap (stored, in history). */
export function storedMessages(g: Group): number {
  return g.messages.filter((m) => !m.onlineOnly).length;
}

/**
 * Removes the conversation from the user's list; with `clearHistory`, the user's copy of its
 * history goes too (and so do its unread messages).
 */
export function deleteContact(
  app: AppState,
  acc: Account,
  type: ContactType,
  peer: string,
  clearHistory: boolean,
): void {
  acc.contacts.delete(contactKey(type, peer));
  if (!clearHistory) return;
  if (type === C2C) {
    acc.cleared.set(contactKey(type, peer), app.messageOrder);
    return;
  }
  const g = app.groups.get(peer);
  if (!g) return;
  acc.cleared.set(contactKey(type, peer), g.nextSeq - 1);
  const member = g.members.get(acc.userId);
  if (member) member.unread = 0;
}
