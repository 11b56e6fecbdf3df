/**
 * Conversation tags (rongcloud.md "Conversations and the message lifecycle" §1.7), all 100/s:
 * a user's tag definitions (`/user/conversation/tag/{set,del}.json`, JSON; `get.json`, GET)
 * and the conversations a tag carries (`/tag/conversation/{set,del}.json`, JSON; `get.json`,
 * GET). The business codes are undocumented: a missing or malformed field, a count over a
 * limit and a tag that does not exist answer 1002, a value too long 1005 (tolerant choices).
 */
import {
  CONVERSATIONS_PER_CALL,
  TAG_ID_MAX_CHARS,
  TAG_NAME_MAX_CHARS,
  TAGGABLE_TYPES,
  TAGS_PER_CALL,
  TAGS_PER_USER,
  type TaggedConversation,
  tagConversations,
  tagsOf,
  untagConversations,
} from "../conversation-tags.js";
import { invalid, missing, RcError, tooMany } from "../errors.js";
import { checkString, type Params, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import type { AppState, ConversationTag } from "../state.js";

/** A required JSON array of `max` or fewer entries. */
function array(p: Params, name: string, max: number): unknown[] {
  const raw = p.value(name);
  if (raw === undefined || raw === null) throw missing(name);
  if (!Array.isArray(raw)) throw invalid(name, "must be an array");
  if (raw.length === 0) throw missing(name);
  if (raw.length > max) throw tooMany(name, max);
  return raw;
}

function text(field: string, value: unknown, maxChars: number): string {
  if (value === undefined || value === null || value === "") throw missing(field);
  if (typeof value !== "string") throw invalid(field, "must be a string");
  checkString(field, value, { maxChars });
  return value;
}

function readTags(p: Params): { tagId: string; tagName: string }[] {
  const seen = new Set<string>();
  return array(p, "tags", TAGS_PER_CALL).map((item, i) => {
    if (typeof item !== "object" || item === null) throw invalid(`tags[${i}]`, "must be an object");
    const t = item as Record<string, unknown>;
    const tagId = text("tagId", t.tagId, TAG_ID_MAX_CHARS);
    const tagName = text("tagName", t.tagName, TAG_NAME_MAX_CHARS);
    if (seen.has(tagId)) throw invalid("tags", `names tagId ${tagId} twice`);
    seen.add(tagId);
    return { tagId, tagName };
  });
}

function readConversations(p: Params): TaggedConversation[] {
  return array(p, "conversations", CONVERSATIONS_PER_CALL).map((item, i) => {
    if (typeof item !== "object" || item === null)
      throw invalid(`conversations[${i}]`, "must be an object");
    const c = item as Record<string, unknown>;
    const targetId = text("targetId", c.targetId, 64);
    checkString("targetId", targetId, REF_RULE);
    const type = Number(c.conversationType);
    if (c.conversationType === undefined || c.conversationType === null) {
      throw missing("conversationType");
    }
    if (!(TAGGABLE_TYPES as readonly number[]).includes(type))
      throw invalid("conversationType", `must be one of ${TAGGABLE_TYPES.join(", ")}`);
    return { targetId, conversationType: type };
  });
}

/** The tag a conversation call names; it must exist ("you must make sure the tag exists"). */
function existingTag(app: AppState, p: Params): { tagId: string; tag: ConversationTag } {
  const userId = p.required("userId", REF_RULE);
  const tagId = p.required("tagId", { maxChars: TAG_ID_MAX_CHARS });
  const tag = app.conversationTags.get(userId)?.get(tagId);
  if (!tag) throw new RcError(400, 1002, `tag ${tagId} does not exist for user ${userId}`);
  return { tagId, tag };
}

export const conversationTagRoutes: RouteTable = {
  "/user/conversation/tag/set.json": {
    json: true,
    handle({ app, p, now }) {
      const userId = p.required("userId", REF_RULE);
      const tags = readTags(p);
      const mine = tagsOf(app, userId);
      // Creates the new tags and renames existing ones; over the cap nothing changes.
      const added = tags.filter((t) => !mine.has(t.tagId)).length;
      if (mine.size + added > TAGS_PER_USER)
        throw new RcError(400, 1002, `tag count over limit (max ${TAGS_PER_USER} per user)`);
      for (const { tagId, tagName } of tags) {
        const existing = mine.get(tagId);
        if (existing) existing.tagName = tagName;
        else mine.set(tagId, { tagName, createTime: now, conversations: new Map() });
      }
      return undefined;
    },
  },

  "/user/conversation/tag/del.json": {
    json: true,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const tagIds = array(p, "tagIds", TAGS_PER_CALL).map((id) => text("tagIds", id, 64));
      // Deleting a tag drops its conversations with it; unknown ids are no error.
      const mine = app.conversationTags.get(userId);
      for (const id of tagIds) mine?.delete(id);
      return undefined;
    },
  },

  "/user/conversation/tag/get.json": {
    get: true,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const tags = [...(app.conversationTags.get(userId) ?? [])].map(([tagId, t]) => ({
        tagId,
        tagName: t.tagName,
        createTime: t.createTime,
      }));
      return { data: { userId, tags } };
    },
  },

  "/tag/conversation/set.json": {
    json: true,
    handle({ app, p }) {
      const { tag } = existingTag(app, p);
      tagConversations(tag, readConversations(p));
      return undefined;
    },
  },

  "/tag/conversation/del.json": {
    json: true,
    handle({ app, p }) {
      const { tag } = existingTag(app, p);
      untagConversations(tag, readConversations(p));
      return undefined;
    },
  },

  "/tag/conversation/get.json": {
    get: true,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const tagId = p.required("tagId", { maxChars: TAG_ID_MAX_CHARS });
      // A tag that does not exist reads as empty (unverified: it may be an error).
      const tag = app.conversationTags.get(userId)?.get(tagId);
      return { data: { tagId, conversations: [...(tag?.conversations.values() ?? [])] } };
    },
  },
};
