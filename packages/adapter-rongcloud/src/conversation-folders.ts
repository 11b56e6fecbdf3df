import {
  BadUserInputError,
  type CallOptions,
  checkConversationFolder,
  checkId,
  checkText,
  NotFoundError,
  VendorRejectedError,
} from "@imgraph/core";
import type { Op, RongCloudContext } from "./context.js";
import {
  type ConversationTag,
  deleteTag,
  newTagId,
  readTagConversations,
  readTags,
  tagConversations,
  writeTags,
} from "./conversation-tag-calls.js";
import {
  FOLDER_CONVERSATIONS_MAX,
  FOLDER_NAME_MAX_CHARS,
  FOLDER_RULES,
  FOLDERS_PER_USER,
  USER_ID,
} from "./limits.js";

// Conversation folders are RongCloud's conversation tags (#16 reference §1.7). The neutral
// key is the folder's name, RongCloud's the tagId: every call reads the user's tags first to
// find the tag by name. So a folder that does not exist is NOT_FOUND before any write
// (RongCloud's own answer to an unknown tag is undocumented), and a rename keeps the tagId
// and with it the folder's conversations.

/** The folder's name also within RongCloud's 15 characters (core checks the bytes). */
function checkFolder<E extends "entries" | "none">(
  input: Parameters<typeof checkConversationFolder>[0],
  entries: E,
) {
  const checked = checkConversationFolder(input, FOLDER_RULES, entries);
  checkText("name", checked.name, { maxChars: FOLDER_NAME_MAX_CHARS });
  return checked;
}

function checkNewName(value: unknown): string {
  const name = checkText("newName", value, { maxChars: FOLDER_NAME_MAX_CHARS });
  if (name.trim() !== name)
    throw new BadUserInputError("newName", "newName must not start or end with white space.");
  return name;
}

/** The user's tags, and the one named `name` (the first, should a client have made two). */
async function findTag(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  name: string,
  options: CallOptions | undefined,
): Promise<{ tags: ConversationTag[]; tag: ConversationTag }> {
  const tags = await readTags(ctx, operation, userId, options);
  const tag = tags.find((t) => t.tagName === name);
  if (!tag) {
    throw new NotFoundError(`${userId} has no conversation folder named "${name}".`, {
      vendor: "rongcloud",
    });
  }
  return { tags, tag };
}

export const listConversationGroups: Op<"listConversationGroups"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const tags = await readTags(ctx, "listConversationGroups", userId, options);
  // At most 20 tags: one read each.
  return Promise.all(
    tags.map(async (t) => ({
      name: t.tagName,
      conversations: await readTagConversations(
        ctx,
        "listConversationGroups",
        userId,
        t.tagId,
        options,
      ),
    })),
  );
};

export const createConversationGroup: Op<"createConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name, conversations } = checkFolder(input, "entries");
  const op = "createConversationGroup";
  const tags = await readTags(ctx, op, userId, options);
  if (tags.some((t) => t.tagName === name))
    throw new BadUserInputError("name", `${userId} already has a conversation folder "${name}".`);
  if (tags.length >= FOLDERS_PER_USER) {
    // RongCloud's code for its cap is undocumented; 1002 is its parameter refusal.
    throw new VendorRejectedError(
      "rongcloud",
      "1002",
      `RongCloud keeps at most ${FOLDERS_PER_USER} conversation tags (folders) per user; ${userId} has ${tags.length}.`,
    );
  }
  const tagId = newTagId(name, new Set(tags.map((t) => t.tagId)));
  await writeTags(ctx, op, userId, [{ tagId, tagName: name }], options);
  await tagConversations(ctx, op, { userId, tagId, conversations }, options);
};

export const renameConversationGroup: Op<"renameConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name } = checkFolder(input, "none");
  const newName = checkNewName(input.newName);
  const op = "renameConversationGroup";
  const { tags, tag } = await findTag(ctx, op, userId, name, options);
  if (newName === name) return;
  if (tags.some((t) => t.tagName === newName))
    throw new BadUserInputError(
      "newName",
      `${userId} already has a conversation folder "${newName}".`,
    );
  // set.json on an existing tagId renames it (unverified: the reference's U15).
  await writeTags(ctx, op, userId, [{ tagId: tag.tagId, tagName: newName }], options);
};

export const deleteConversationGroup: Op<"deleteConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name } = checkFolder(input, "none");
  const op = "deleteConversationGroup";
  const { tag } = await findTag(ctx, op, userId, name, options);
  await deleteTag(ctx, op, userId, tag.tagId, options);
};

export const addToConversationGroup: Op<"addToConversationGroup"> = async (ctx, input, options) => {
  const { userId, name, conversations } = checkFolder(input, "entries");
  const op = "addToConversationGroup";
  const { tag } = await findTag(ctx, op, userId, name, options);
  // Past 1000 RongCloud silently untags the oldest conversations: refuse instead.
  const held = await readTagConversations(ctx, op, userId, tag.tagId, options);
  const keys = new Set(held.map((c) => `${c.type}:${c.id}`));
  for (const c of conversations) keys.add(`${c.type}:${c.id}`);
  if (keys.size > FOLDER_CONVERSATIONS_MAX) {
    throw new VendorRejectedError(
      "rongcloud",
      "1000-per-tag",
      `A RongCloud conversation tag holds at most ${FOLDER_CONVERSATIONS_MAX} conversations (past that it drops the oldest); "${name}" would hold ${keys.size}.`,
    );
  }
  await tagConversations(ctx, op, { userId, tagId: tag.tagId, conversations }, options);
};

export const removeFromConversationGroup: Op<"removeFromConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name, conversations } = checkFolder(input, "entries");
  const op = "removeFromConversationGroup";
  const { tag } = await findTag(ctx, op, userId, name, options);
  await tagConversations(
    ctx,
    op,
    { userId, tagId: tag.tagId, conversations, remove: true },
    options,
  );
};
