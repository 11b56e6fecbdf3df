import { BadUserInputError } from "./errors.js";
import type { UserConversationInput } from "./model/conversation.js";
import type { Conversation } from "./model/message.js";
import type { GroupUserRules } from "./operation-inputs.js";
import { checkCount, checkId, checkInt, checkText } from "./validation.js";

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
  // No vendor kept messages before then; their formats cannot even name such an hour.
  if (start.getTime() < 0) {
    throw new BadUserInputError("hour", "hour must be after 1970-01-01T00:00:00Z.");
  }
  return start;
}

/** A vendor's rules for conversation folders and marks. */
export interface FolderRules extends GroupUserRules {
  /** Longest folder name, UTF-8 bytes. */
  nameMaxBytes: number;
  /** Conversations one folder call may name. */
  conversationsPerCall: number;
}

/** A folder call: the user, the folder's name, and (for entries) its conversations. */
export function checkConversationFolder(
  input: { userId: string; name: string; conversations?: Conversation[] },
  rules: FolderRules,
  entries: "entries" | "none",
): { userId: string; name: string; conversations: ListedConversation[] } {
  const userId = checkId("userId", input?.userId, rules.user);
  const name = checkText("name", input.name, { maxBytes: rules.nameMaxBytes });
  if (name.trim() !== name) {
    throw new BadUserInputError("name", "name must not start or end with white space.");
  }
  if (entries === "none") return { userId, name, conversations: [] };
  const list = input.conversations;
  if (!Array.isArray(list))
    throw new BadUserInputError("conversations", "conversations must be a list.");
  checkCount("conversations", list, { max: rules.conversationsPerCall });
  const seen = new Set<string>();
  const conversations = list.map((conversation, i) => {
    const checked = withField(`conversations[${i}]`, () =>
      checkUserConversation({ userId, conversation }, rules),
    ).conversation;
    const key = `${checked.type}:${checked.id}`;
    if (seen.has(key)) {
      throw new BadUserInputError(`conversations[${i}]`, `conversations names ${key} twice.`);
    }
    seen.add(key);
    return checked;
  });
  return { userId, name, conversations };
}

/**
 * The marks to add and remove: whole numbers in the vendor's range, at least one in all,
 * none twice and none in both lists.
 */
export function checkMarks(
  add: unknown,
  remove: unknown,
  range: { min: number; max: number },
): { add: number[]; remove: number[] } {
  const list = (field: string, value: unknown): number[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new BadUserInputError(field, `${field} must be a list.`);
    const marks = value.map((mark, i) => checkInt(`${field}[${i}]`, mark, range));
    if (new Set(marks).size !== marks.length) {
      throw new BadUserInputError(field, `${field} names a mark twice.`);
    }
    return marks;
  };
  const added = list("add", add);
  const removed = list("remove", remove);
  if (added.length + removed.length === 0) {
    throw new BadUserInputError("add", "add or remove must name at least one mark.");
  }
  const both = added.find((mark) => removed.includes(mark));
  if (both !== undefined) {
    throw new BadUserInputError("remove", `mark ${both} is both added and removed.`);
  }
  return { add: added, remove: removed };
}

/** Runs a check, renaming the field it blames to sit under `prefix` (conversations[2].id). */
function withField<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof BadUserInputError && err.field?.startsWith("conversation")) {
      const rest = err.field.slice("conversation".length);
      throw new BadUserInputError(
        `${prefix}${rest}`,
        err.message.replaceAll("conversation.", `${prefix}.`),
      );
    }
    throw err;
  }
}
