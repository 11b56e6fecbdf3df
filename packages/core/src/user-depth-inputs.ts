import { BadUserInputError } from "./errors.js";
import type {
  MuteScope,
  MuteUsersInput,
  RemoveUserAttributesInput,
  SetUserAttributesInput,
  UnmuteUsersInput,
  UserTagsInput,
} from "./model/user.js";
import { checkAttributeMap, type KeyRule } from "./social-inputs.js";
import { checkCount, checkId, checkIds, checkInt, checkText, type IdRule } from "./validation.js";
import { MUTE_SCOPES } from "./values.js";

// Checks of user attribute, tag and mute inputs that every adapter makes the same way,
// with its vendor's rules, before any vendor call.

/** A vendor's rules for users' custom attributes. */
export interface UserAttributeRules {
  user: IdRule;
  key: KeyRule;
  /** The longest value, in UTF-8 bytes. */
  valueMaxBytes: number;
  /** At most this many keys in one set call. */
  max: number;
}

export function checkSetUserAttributes(
  input: SetUserAttributesInput,
  rules: UserAttributeRules,
): SetUserAttributesInput {
  const userId = checkId("userId", input?.userId, rules.user);
  const attributes = input.attributes;
  if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) {
    throw new BadUserInputError("attributes", "attributes must be an object of strings.");
  }
  if (Object.keys(attributes).length === 0) {
    throw new BadUserInputError("attributes", "attributes must have at least 1 key.");
  }
  checkAttributeMap("attributes", attributes, rules);
  return { userId, attributes };
}

export function checkRemoveUserAttributes(
  input: RemoveUserAttributesInput,
  rules: UserAttributeRules,
): RemoveUserAttributesInput {
  const userId = checkId("userId", input?.userId, rules.user);
  if (!Array.isArray(input.keys)) throw new BadUserInputError("keys", "keys must be a list.");
  checkCount("keys", input.keys, { min: 1 });
  input.keys.forEach((key, i) => {
    if (typeof key !== "string" || !rules.key.pattern.test(key)) {
      throw new BadUserInputError(
        `keys[${i}]`,
        `keys[${i}] is not an attribute key; keys must be ${rules.key.description}.`,
      );
    }
  });
  return { userId, keys: [...new Set(input.keys)] };
}

/** A vendor's rules for push tags. */
export interface TagRules {
  user: IdRule;
  /** The longest tag, in UTF-8 bytes. */
  tagMaxBytes: number;
  /** Characters a tag may hold, where the vendor restricts them. */
  tag?: KeyRule;
  /** At most this many tags in one call's list. */
  tagsPerCall: number;
}

/**
 * Users and the tags to give, take or set: at least one user; at least one tag unless
 * `allowNoTags` (setting no tags clears them). Repeated tags count once.
 */
export function checkUserTags(
  input: UserTagsInput,
  rules: TagRules,
  allowNoTags = false,
): UserTagsInput {
  const userIds = checkIds("userIds", input?.userIds, rules.user);
  if (!Array.isArray(input.tags)) throw new BadUserInputError("tags", "tags must be a list.");
  checkCount("tags", input.tags, { min: allowNoTags ? 0 : 1, max: rules.tagsPerCall });
  input.tags.forEach((tag, i) => {
    checkText(`tags[${i}]`, tag, { maxBytes: rules.tagMaxBytes });
    if (rules.tag && !rules.tag.pattern.test(tag)) {
      throw new BadUserInputError(
        `tags[${i}]`,
        `tags[${i}] may only contain ${rules.tag.description}.`,
      );
    }
  });
  return { userIds, tags: [...new Set(input.tags)] };
}

/** A vendor's rules for app-wide mutes. */
export interface MuteRules {
  user: IdRule;
  /** The longest finite mute, seconds. */
  maxDurationSeconds: number;
}

function checkScopes(scopes: unknown): MuteScope[] {
  if (!Array.isArray(scopes)) throw new BadUserInputError("scopes", "scopes must be a list.");
  checkCount("scopes", scopes, { min: 1 });
  scopes.forEach((scope, i) => {
    if (!(MUTE_SCOPES as readonly unknown[]).includes(scope)) {
      throw new BadUserInputError(
        `scopes[${i}]`,
        `scopes[${i}] must be one of ${MUTE_SCOPES.join(", ")}.`,
      );
    }
  });
  return [...new Set(scopes as MuteScope[])];
}

export function checkMuteUsers(input: MuteUsersInput, rules: MuteRules): MuteUsersInput {
  const userIds = checkIds("userIds", input?.userIds, rules.user);
  const scopes = checkScopes(input.scopes);
  if (input.durationSeconds === undefined) return { userIds, scopes };
  const durationSeconds = checkInt("durationSeconds", input.durationSeconds, {
    min: 1,
    max: rules.maxDurationSeconds,
  });
  return { userIds, scopes, durationSeconds };
}

export function checkUnmuteUsers(input: UnmuteUsersInput, rule: IdRule): UnmuteUsersInput {
  return { userIds: checkIds("userIds", input?.userIds, rule), scopes: checkScopes(input.scopes) };
}
