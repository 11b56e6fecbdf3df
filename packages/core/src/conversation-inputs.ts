import { BadUserInputError } from "./errors.js";
import type { UserConversationInput } from "./model/conversation.js";
import type { Conversation } from "./model/message.js";
import type { GroupUserRules } from "./operation-inputs.js";
import { checkId, checkInt } from "./validation.js";

// Checks of conversation inputs that every adapter makes the same way, with its vendor's id
// rules, before any vendor call.

/** The conversation kinds a user's list holds (rooms and system channels are not listed). */
export type ListedConversation = Conversation & { type: "USER" | "GROUP" };

/**
 * One user's view of one conversation: the user, and a USER conversation (the peer, not the
 * user themself) or a GROUP conversation, with ids checked by the vendor's rules.
 */
export function checkUserConversation(
  input: UserConversationInput,
  rules: GroupUserRules,
): { userId: string; conversation: ListedConversation } {
  const userId = checkId("userId", input?.userId, rules.user);
  const conversation = input.conversation;
  if (conversation?.type === "USER") {
    const peer = checkId("conversation.id", conversation.id, rules.user);
    if (peer === userId) {
      throw new BadUserInputError(
        "conversation.id",
        "conversation.id must be another user: a user has no conversation with themself.",
      );
    }
    return { userId, conversation: { type: "USER", id: peer } };
  }
  if (conversation?.type === "GROUP") {
    return {
      userId,
      conversation: { type: "GROUP", id: checkId("conversation.id", conversation.id, rules.group) },
    };
  }
  throw new BadUserInputError(
    "conversation.type",
    "conversation.type must be USER or GROUP: only those are kept in a user's conversation list.",
  );
}

/** A time the input may carry (`upTo`, `before`), checked to be a real date when present. */
export function checkOptionalTime(field: string, value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BadUserInputError(field, `${field} must be a valid date-time.`);
  }
  return value;
}

/** An unread count to set: a whole number from 0 up to the vendor's maximum. */
export function checkUnreadCount(value: unknown, max = 2 ** 31 - 1): number {
  return checkInt("count", value, { min: 0, max });
}

/** The hour a message-log call names, as its start (UTC hour boundary); never in the future. */
export function checkLogHour(value: unknown, now = Date.now()): Date {
  const time = checkOptionalTime("hour", value);
  if (time === undefined) throw new BadUserInputError("hour", "hour is required.");
  const start = new Date(Math.floor(time.getTime() / 3_600_000) * 3_600_000);
  if (start.getTime() > now) {
    throw new BadUserInputError("hour", "hour must not be in the future.");
  }
  return start;
}
