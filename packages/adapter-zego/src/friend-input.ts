import {
  BadUserInputError,
  checkFriendList,
  checkText,
  type FriendInput,
  type FriendUpdate,
  utf8Bytes,
} from "@imgraph/core";
import { FRIEND_ALIAS_MAX_CHARS, FRIEND_ATTRIBUTES_MAX_BYTES, FRIEND_RULES } from "./limits.js";

// Friend inputs by ZIM's rules, checked before any call: core's checks plus what its
// FriendRules cannot say (the alias counts characters; attributes have a total).

/** How ZIM writes friend attributes. */
export type ZimAttributes = Array<{ Key: string; Value: string }>;

export function checkFriendsInput<F extends FriendInput | FriendUpdate>(
  userId: unknown,
  friends: F[],
  times: "import" | "none",
): { userId: string; friends: F[] } {
  const checked = checkFriendList(userId, friends, FRIEND_RULES);
  checked.friends.forEach((friend, i) => {
    if (friend.alias !== undefined) {
      checkText(`friends[${i}].alias`, friend.alias, {
        maxChars: FRIEND_ALIAS_MAX_CHARS,
        allowEmpty: true,
      });
    }
    const attributes = Object.entries(friend.attributes ?? {});
    const total = attributes.reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);
    if (total > FRIEND_ATTRIBUTES_MAX_BYTES) {
      throw new BadUserInputError(
        `friends[${i}].attributes`,
        `friends[${i}].attributes: keys and values must be at most ${FRIEND_ATTRIBUTES_MAX_BYTES} bytes in all.`,
      );
    }
    checkTime(`friends[${i}].addedAt`, (friend as FriendInput).addedAt, times);
  });
  return checked;
}

/** FriendTime: a past time, import only (ZIM refuses future times with 660800046). */
function checkTime(field: string, value: unknown, times: "import" | "none"): void {
  if (value === undefined || value === null) return;
  if (times === "none") {
    throw new BadUserInputError(field, `${field}: only importFriends takes the friendship's time.`);
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime()) || value.getTime() <= 0) {
    throw new BadUserInputError(field, `${field} must be a valid time.`);
  }
  if (value.getTime() > Date.now()) {
    throw new BadUserInputError(field, `${field} must not be in the future.`);
  }
}

export function zimAttributes(attributes: Record<string, string> | undefined): ZimAttributes {
  return Object.entries(attributes ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

/** The first entry per friend id, as runBatched keeps one answer per key. */
export function firstById<F extends { userId: string }>(friends: F[]): Map<string, F> {
  const byId = new Map<string, F>();
  for (const f of friends) if (!byId.has(f.userId)) byId.set(f.userId, f);
  return byId;
}
