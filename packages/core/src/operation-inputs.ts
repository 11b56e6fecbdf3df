import { BadUserInputError } from "./errors.js";
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
