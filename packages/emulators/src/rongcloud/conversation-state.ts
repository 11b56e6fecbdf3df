/**
 * One user's view of one conversation on the RongCloud server (rongcloud.md "Conversations
 * and the message lifecycle" §1–§2.5): the settings the server keeps (pin, do-not-disturb)
 * and the user's copy of the cloud history, which `clean.json` shrinks for that user only.
 * The conversation list and unread counts live in the client SDKs, so they are not here.
 */
import type { AppState, ConversationSettings, StoredMessage } from "./state.js";

/** A conversation as the server API names it: type (1 private, 3 group, 4 chatroom, 6 system) and target. */
export interface ConversationRef {
  conversationType: number;
  targetId: string;
}

const key = (c: ConversationRef) => `${c.conversationType}:${c.targetId}`;

function isGroupMember(app: AppState, groupId: string, userId: string): boolean {
  return (
    (app.groups.get(groupId)?.members.has(userId) ?? false) ||
    (app.hostedGroups.get(groupId)?.members.has(userId) ?? false)
  );
}

/** Whether `m` is a message of `userId`'s conversation `c` (sent or received by the user). */
export function inUserConversation(
  app: AppState,
  m: StoredMessage,
  userId: string,
  c: ConversationRef,
): boolean {
  if (m.conversationType !== c.conversationType) return false;
  switch (c.conversationType) {
    case 1:
      return (
        (m.fromUserId === userId && m.targetId === c.targetId) ||
        (m.fromUserId === c.targetId && m.targetId === userId)
      );
    case 3:
      if (m.targetId !== c.targetId) return false;
      if (m.fromUserId === userId) return true;
      // A targeted group message reaches only the users it names.
      return m.toUserIds ? m.toUserIds.includes(userId) : isGroupMember(app, c.targetId, userId);
    case 6:
      return m.fromUserId === c.targetId && m.targetId === userId;
    default:
      return m.targetId === c.targetId;
  }
}

/** Whether the user cleared this message from their server-side history. */
export function isCleared(app: AppState, userId: string, uid: string): boolean {
  return app.clearedHistory.get(userId)?.has(uid) ?? false;
}

/** Marks messages cleared from one user's server-side history (others keep theirs). */
export function clearForUser(app: AppState, userId: string, uids: string[]): void {
  let cleared = app.clearedHistory.get(userId);
  if (!cleared) {
    cleared = new Set();
    app.clearedHistory.set(userId, cleared);
  }
  for (const uid of uids) cleared.add(uid);
}

/**
 * The user's copy of the conversation's cloud history: stored messages of the conversation,
 * minus those recalled with isDelete=1 and those the user cleared.
 */
export function userHistory(app: AppState, userId: string, c: ConversationRef): StoredMessage[] {
  return [...app.messages.values()].filter(
    (m) =>
      m.persisted &&
      !m.recalled?.isDelete &&
      inUserConversation(app, m, userId, c) &&
      !isCleared(app, userId, m.uid),
  );
}

/** The stored settings of the user's conversation, created empty when asked to. */
export function settingsOf(
  app: AppState,
  userId: string,
  c: ConversationRef,
  create: true,
): ConversationSettings;
export function settingsOf(
  app: AppState,
  userId: string,
  c: ConversationRef,
  create?: false,
): ConversationSettings | undefined;
export function settingsOf(
  app: AppState,
  userId: string,
  c: ConversationRef,
  create = false,
): ConversationSettings | undefined {
  let mine = app.conversations.get(userId);
  if (!mine) {
    if (!create) return undefined;
    mine = new Map();
    app.conversations.set(userId, mine);
  }
  let settings = mine.get(key(c));
  if (!settings && create) {
    settings = {};
    mine.set(key(c), settings);
  }
  return settings;
}

/** What the control API reports about one user's conversation; null for what RongCloud does not keep. */
export interface ConversationStateView {
  /** RongCloud keeps no unread counts on the server (client SDKs count them). */
  unreadCount: null;
  pinned: boolean;
  /** Any level that keeps ordinary messages from notifying (1, 2, 4, 5). */
  doNotDisturb: boolean;
  unpushLevel: number;
  /** Messages in the user's copy of the cloud history. */
  messageCount: number;
}

/** Levels under which an ordinary message notifies: -1 (all) and 0 (not set). */
export function isDoNotDisturb(unpushLevel: number): boolean {
  return unpushLevel !== -1 && unpushLevel !== 0;
}

/**
 * The user's view of the conversation: null when the user never had a message in it and
 * has no setting for it (no conversation exists for them).
 */
export function conversationState(
  app: AppState,
  userId: string,
  c: ConversationRef,
): ConversationStateView | null {
  const settings = settingsOf(app, userId, c);
  const exists =
    settings !== undefined ||
    [...app.messages.values()].some((m) => inUserConversation(app, m, userId, c));
  if (!exists) return null;
  const unpushLevel = settings?.unpushLevel ?? 0;
  return {
    unreadCount: null,
    pinned: settings?.top?.top ?? false,
    doNotDisturb: isDoNotDisturb(unpushLevel),
    unpushLevel,
    messageCount: userHistory(app, userId, c).length,
  };
}
