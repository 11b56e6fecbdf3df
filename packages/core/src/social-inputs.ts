import { BadUserInputError } from "./errors.js";
import type { FriendInput, FriendUpdate } from "./model/social.js";
import { checkId, checkIds, checkText, type IdRule } from "./validation.js";

// Checks of friend and blocklist inputs that every adapter makes the same way, with its
// vendor's rules, before any vendor call.

/** What a key of the vendor's must look like, and how an error message describes it. */
export interface KeyRule {
  pattern: RegExp;
  description: string;
}

/** A vendor's rules for friend data. */
export interface FriendRules {
  user: IdRule;
  /** The longest alias, in UTF-8 bytes. */
  aliasMaxBytes: number;
  /** What an attribute key must be: null when the vendor keeps no friend attributes. */
  attributeKey: KeyRule | null;
  /** The longest attribute value, in UTF-8 bytes. */
  attributeValueMaxBytes: number;
  /** At most this many attributes on one friend. */
  attributesMax: number;
}

/**
 * A list owner and the users a call names about that list (friends to delete or check,
 * users to block): the owner's id, then at least one user id, none of them the owner.
 */
export function checkOwnerAndUsers(
  userId: unknown,
  userIds: unknown,
  rule: IdRule,
  field = "userIds",
): { userId: string; userIds: string[] } {
  const owner = checkId("userId", userId, rule);
  const ids = checkIds(field, userIds, rule);
  notSelf(owner, ids, field);
  return { userId: owner, userIds: ids };
}

/** A friends call's owner and friends (`friendIds`: friends to delete or read), checked so. */
export function checkFriendIds(
  input: { userId: unknown; friendIds: unknown },
  rule: IdRule,
): { userId: string; userIds: string[] } {
  return checkOwnerAndUsers(input?.userId, input?.friendIds, rule, "friendIds");
}

/** Friends to add, import or update: ids, aliases and attributes by the vendor's rules. */
export function checkFriendList<F extends FriendInput | FriendUpdate>(
  userId: unknown,
  friends: F[],
  rules: FriendRules,
): { userId: string; friends: F[] } {
  const owner = checkId("userId", userId, rules.user);
  if (!Array.isArray(friends) || friends.length === 0) {
    throw new BadUserInputError("friends", "friends must have at least 1 item.");
  }
  checkIds(
    "friends.userId",
    friends.map((f) => f?.userId),
    rules.user,
  );
  notSelf(
    owner,
    friends.map((f) => f.userId),
    "friends.userId",
  );
  friends.forEach((friend, i) => {
    if (friend.alias !== undefined) {
      checkText(`friends[${i}].alias`, friend.alias, {
        maxBytes: rules.aliasMaxBytes,
        allowEmpty: true,
      });
    }
    if (friend.attributes !== undefined) checkAttributes(`friends[${i}].attributes`, friend, rules);
  });
  return { userId: owner, friends };
}

function checkAttributes(field: string, friend: FriendInput | FriendUpdate, rules: FriendRules) {
  const attributes = friend.attributes ?? {};
  if (Object.keys(attributes).length === 0) return;
  if (!rules.attributeKey) {
    throw new BadUserInputError(field, `${field}: this vendor keeps no friend attributes.`);
  }
  checkAttributeMap(field, attributes, {
    key: rules.attributeKey,
    valueMaxBytes: rules.attributeValueMaxBytes,
    max: rules.attributesMax,
  });
}

/** Keys and string values of an attribute map, by the vendor's rules. */
export function checkAttributeMap(
  field: string,
  attributes: Record<string, unknown>,
  rules: { key: KeyRule; valueMaxBytes: number; max: number },
): void {
  const keys = Object.keys(attributes);
  if (keys.length > rules.max) {
    throw new BadUserInputError(field, `${field} may hold at most ${rules.max} keys.`);
  }
  for (const key of keys) {
    if (!rules.key.pattern.test(key)) {
      throw new BadUserInputError(
        `${field}.${key}`,
        `${field}: key "${key}" is not allowed; keys must be ${rules.key.description}.`,
      );
    }
    checkText(`${field}.${key}`, attributes[key], {
      maxBytes: rules.valueMaxBytes,
      allowEmpty: true,
    });
  }
}

function notSelf(owner: string, ids: readonly string[], field: string): void {
  const i = ids.indexOf(owner);
  if (i >= 0) {
    throw new BadUserInputError(
      `${field}[${i}]`,
      `${field}[${i}] is the list's owner; a user cannot be on their own list.`,
    );
  }
}
