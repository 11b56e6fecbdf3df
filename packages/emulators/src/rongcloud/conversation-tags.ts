/**
 * A user's conversation tags on the RongCloud server (rongcloud.md "Conversations and the
 * message lifecycle" §1.7): named tags each user defines (≤20, tagId ≤10 and tagName ≤15
 * characters), each carrying ≤1000 conversations (types 1, 3, 6); tagging past 1000 drops
 * the oldest-tagged conversation. Client SDKs use them as folders of the conversation list.
 */
import type { AppState, ConversationTag } from "./state.js";

export const TAGS_PER_USER = 20;
export const TAGS_PER_CALL = 20;
export const TAG_ID_MAX_CHARS = 10;
export const TAG_NAME_MAX_CHARS = 15;
export const CONVERSATIONS_PER_TAG = 1000;
export const CONVERSATIONS_PER_CALL = 100;
/** Conversation types a tag may carry: private, group, system. */
export const TAGGABLE_TYPES = [1, 3, 6] as const;

export interface TaggedConversation {
  targetId: string;
  conversationType: number;
}

const key = (c: TaggedConversation) => `${c.conversationType}:${c.targetId}`;

/** The user's tags by id (created empty when asked to). */
export function tagsOf(app: AppState, userId: string): Map<string, ConversationTag> {
  let mine = app.conversationTags.get(userId);
  if (!mine) {
    mine = new Map();
    app.conversationTags.set(userId, mine);
  }
  return mine;
}

/** Tags the conversations; past the cap the oldest-tagged are dropped, as documented. */
export function tagConversations(tag: ConversationTag, list: TaggedConversation[]): void {
  for (const c of list) {
    // Re-tagging keeps the conversation's place (unverified whether it moves to newest).
    if (!tag.conversations.has(key(c))) tag.conversations.set(key(c), { ...c });
  }
  while (tag.conversations.size > CONVERSATIONS_PER_TAG) {
    const oldest = tag.conversations.keys().next().value;
    if (oldest === undefined) break;
    tag.conversations.delete(oldest);
  }
}

export function untagConversations(tag: ConversationTag, list: TaggedConversation[]): void {
  for (const c of list) tag.conversations.delete(key(c));
}

/** The user's tags that carry one conversation (`/conversation/attribute/get.json`). */
export function tagsOfConversation(
  app: AppState,
  userId: string,
  c: TaggedConversation,
): { tagId: string; tagName: string }[] {
  const mine = app.conversationTags.get(userId);
  if (!mine) return [];
  return [...mine]
    .filter(([, tag]) => tag.conversations.has(key(c)))
    .map(([tagId, tag]) => ({ tagId, tagName: tag.tagName }));
}

/** What the control API reports: each tag of the user with its conversations. */
export function conversationTagsView(
  app: AppState,
  userId: string,
): { tagId: string; tagName: string; conversations: TaggedConversation[] }[] {
  return [...(app.conversationTags.get(userId) ?? [])].map(([tagId, tag]) => ({
    tagId,
    tagName: tag.tagName,
    conversations: [...tag.conversations.values()],
  }));
}
