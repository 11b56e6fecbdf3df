import {
  checkBoolean,
  checkOptionalTime,
  checkUserConversation,
  type ListedConversation,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import { GROUP_USERS } from "./limits.js";
import { GROUP, PRIVATE } from "./message-ids.js";

// What RongCloud's server keeps of one user's conversations (docs/vendors/rongcloud.md,
// "Conversations and the message lifecycle" §1.2, §1.3, §2.5): pin, do-not-disturb and the
// user's server-side history. The list, unread counts and deletion are client SDK only
// (declared gaps in implementation.ts).

/** The conversation as RongCloud names it: 1 private (the peer), 3 group. */
function target(conversation: ListedConversation) {
  return {
    conversationType: conversation.type === "GROUP" ? GROUP : PRIVATE,
    targetId: conversation.id,
  };
}

// unpushLevel: -1 notify all, 0 not set (the group/app default applies), 1 only @-mentions,
// 2 only @-me, 4 only @all, 5 never. Like the Java SDK we send the deprecated isMuted too.
const MUTED = { isMuted: 1, unpushLevel: 5 };
const UNMUTED = { isMuted: 0, unpushLevel: 0 };

/** Ordinary messages notify only at -1 (all) and 0 (not set); 1, 2 and 4 let only mentions through. */
function isDoNotDisturb(level: unknown): boolean {
  const n = Number(level);
  return Number.isFinite(n) && n !== 0 && n !== -1;
}

export const pinConversation: Op<"pinConversation"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const pinned = checkBoolean("pinned", input.pinned);
  await post(
    ctx,
    "pinConversation",
    "/conversation/top/set.json",
    { userId, ...target(conversation), setTop: pinned ? "true" : "false" },
    options,
    true,
  );
};

export const setConversationDoNotDisturb: Op<"setConversationDoNotDisturb"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const off = checkBoolean("doNotDisturb", input.doNotDisturb);
  await post(
    ctx,
    "setConversationDoNotDisturb",
    "/conversation/notification/set.json",
    // The endpoint names the user requestId.
    { requestId: userId, ...target(conversation), ...(off ? MUTED : UNMUTED) },
    options,
    true,
  );
};

export const getConversationDoNotDisturb: Op<"getConversationDoNotDisturb"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const answer = await post<{ isMuted?: unknown }>(
    ctx,
    "getConversationDoNotDisturb",
    "/conversation/notification/get.json",
    { requestId: userId, ...target(conversation) },
    options,
    true,
  );
  // `isMuted` carries the unpushLevel (older servers: 0/1, which reads the same).
  return isDoNotDisturb(answer.isMuted);
};

/**
 * Clears the user's server-side copy (others keep theirs). Needs cloud message storage
 * (implementation.ts). Client devices keep their local copies.
 */
export const clearConversationHistory: Op<"clearConversationHistory"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const before = checkOptionalTime("before", input.before);
  // Nothing is older than the epoch; and msgTimestamp 0 could read as "everything".
  if (before && before.getTime() <= 0) return;
  await post(
    ctx,
    "clearConversationHistory",
    "/conversation/message/history/clean.json",
    {
      fromUserId: userId,
      ...target(conversation),
      ...(before ? { msgTimestamp: before.getTime() } : {}),
    },
    options,
    true,
  );
};
