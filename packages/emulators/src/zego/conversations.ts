/**
 * Each user's conversation entries (zego.md #16 §1): created and moved up by stored
 * messages, read by QueryConversationList, changed by the conversation Actions. A peer
 * message reaches both sides, a group message every receiving member; the sender's unread
 * count never rises.
 */
import type { AppState, StoredMessage, UserConversation } from "./state.js";

/** A user's list holds the latest 1000 conversations (§1.1; §1.2 acts only on those). */
export const LATEST_CONVERSATIONS = 1000;

export type ConvKind = 0 | 2;

const keyOf = (convType: ConvKind, convId: string) => `${convType}:${convId}`;

export function findConversation(
  app: AppState,
  userId: string,
  convType: ConvKind,
  convId: string,
): UserConversation | undefined {
  return app.userConversations.get(userId)?.get(keyOf(convType, convId));
}

/** The user's entry, created unlisted (no message yet) when there is none. */
export function ensureConversation(
  app: AppState,
  userId: string,
  convType: ConvKind,
  convId: string,
): UserConversation {
  let convs = app.userConversations.get(userId);
  if (!convs) {
    convs = new Map();
    app.userConversations.set(userId, convs);
  }
  const key = keyOf(convType, convId);
  let entry = convs.get(key);
  if (!entry) {
    entry = {
      convType,
      convId,
      updateTime: 0,
      unread: 0,
      pinned: false,
      silenced: false,
      listed: false,
      clearedSeq: 0,
      marks: [],
    };
    convs.set(key, entry);
  }
  return entry;
}

function touch(entry: UserConversation, time: number, unread: boolean): void {
  entry.listed = true;
  entry.updateTime = time;
  if (unread) entry.unread++;
}

/** A stored peer message: both sides list it; the receiver's unread rises unless `quiet`. */
export function recordPeerMessage(app: AppState, msg: StoredMessage, quiet: boolean): void {
  const receiver = msg.receiver as string;
  touch(ensureConversation(app, msg.sender, 0, receiver), msg.time, false);
  touch(ensureConversation(app, receiver, 0, msg.sender), msg.time, !quiet);
}

/** A stored group message reaches `userIds` (the receiving members, maybe the sender). */
export function recordGroupMessage(
  app: AppState,
  msg: StoredMessage,
  userIds: Iterable<string>,
  quiet: boolean,
): void {
  for (const userId of userIds) {
    touch(
      ensureConversation(app, userId, 2, msg.convKey),
      msg.time,
      !quiet && userId !== msg.sender,
    );
  }
}

/**
 * An imported message lists the conversation for `userIds` without raising unread counts;
 * its old time moves UpdateTime only forward (#16 §6.10, unverified).
 */
export function recordImport(
  app: AppState,
  userIds: Iterable<string>,
  convType: ConvKind,
  convIdOf: (userId: string) => string,
  time: number,
): void {
  for (const userId of userIds) {
    const entry = ensureConversation(app, userId, convType, convIdOf(userId));
    entry.updateTime = entry.listed ? Math.max(entry.updateTime, time) : time;
    entry.listed = true;
  }
}

/**
 * The conversations QueryConversationList can return, newest first: listed entries, without
 * disbanded groups (§1.1), at most the latest 1000.
 */
export function latestConversations(app: AppState, userId: string): UserConversation[] {
  const convs = [...(app.userConversations.get(userId)?.values() ?? [])].filter(
    (c) => c.listed && (c.convType === 0 || app.groups.has(c.convId)),
  );
  convs.sort((a, b) => b.updateTime - a.updateTime);
  return convs.slice(0, LATEST_CONVERSATIONS);
}
