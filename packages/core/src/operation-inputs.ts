import { BadUserInputError, UnsupportedByVendorError } from "./errors.js";
import type { Vendor } from "./model/app.js";
import type { HistoryConversation } from "./model/message.js";
import { checkCount, checkId, checkIds, type IdRule } from "./validation.js";

// Checks of an operation's input that every adapter makes the same way, with its vendor's
// id rules, before any vendor call.

/** A vendor's rules for group ids and user ids. */
export interface GroupUserRules {
  group: IdRule;
  user: IdRule;
}

/**
 * A group and some users (member changes, mutes, membership checks): `groupId` and
 * `userIds` (at least one) checked against the vendor's rules, at most `max` users if given.
 */
export function checkGroupUsers(
  input: { groupId: string; userIds: string[] },
  rules: GroupUserRules,
  max?: number,
): { groupId: string; userIds: string[] } {
  const groupId = checkId("groupId", input?.groupId, rules.group);
  const userIds = checkIds("userIds", input.userIds, rules.user);
  if (max !== undefined) checkCount("userIds", userIds, { min: 1, max });
  return { groupId, userIds };
}

/** The users a registration names: a non-empty list, each with a valid id (`users.id[i]`). */
export function checkUserList<U extends { id: string }>(users: U[], rule: IdRule): U[] {
  if (!Array.isArray(users) || users.length === 0) {
    throw new BadUserInputError("users", "users must have at least 1 item.");
  }
  checkIds(
    "users.id",
    users.map((u) => u?.id),
    rule,
  );
  return users;
}

/** The user acting on someone's behalf, when the input names one (`actorId`), checked. */
export function checkActor(actorId: string | undefined, rule: IdRule): string | undefined {
  return actorId === undefined ? undefined : checkIds("actorId", [actorId], rule)[0];
}

/**
 * Who a vendor that names the user making a change should name: the acting user, or for an
 * admin's call (no actor) the app's operator. Neither: the operation is a gap, for `reason`.
 */
export function actorOrOperator(
  actorId: string | undefined | null,
  operator: string | undefined,
  rule: IdRule,
  gap: { vendor: Vendor; operation: string; reason: string },
): string {
  if (actorId !== undefined && actorId !== null) return checkId("actorId", actorId, rule);
  if (operator !== undefined) return operator;
  throw new UnsupportedByVendorError(gap.vendor, gap.operation, gap.reason);
}

/** The conversation a history read names: two users, or a group, with their ids checked. */
export function checkHistoryConversation(
  conversation: HistoryConversation | undefined,
  rules: GroupUserRules,
): HistoryConversation {
  if (conversation?.type === "USER") {
    const [userId] = checkIds("conversation.userId", [conversation.userId], rules.user) as [string];
    const [peerId] = checkIds("conversation.peerId", [conversation.peerId], rules.user) as [string];
    return { type: "USER", userId, peerId };
  }
  if (conversation?.type === "GROUP") {
    return {
      type: "GROUP",
      groupId: checkId("conversation.groupId", conversation.groupId, rules.group),
    };
  }
  throw new BadUserInputError("conversation", "conversation must be a USER or GROUP conversation.");
}
