import { BadUserInputError } from "./errors.js";
import type {
  PushBase,
  PushNotification,
  PushToAttributesInput,
  PushToTagsInput,
  PushToUsersInput,
  SetPushAttributesInput,
} from "./model/push.js";
import { checkCount, checkId, checkIds, checkText, type IdRule } from "./validation.js";

// Checks of push inputs that every adapter makes the same way, with its vendor's rules,
// before any vendor call.

/** A vendor's rules for a push. */
export interface PushRules {
  /** The longest title and body, bytes (UTF-8). */
  titleMaxBytes: number;
  bodyMaxBytes: number;
  /** The largest data payload, bytes. */
  dataMaxBytes: number;
  /** Tags one condition may name (allOf or anyOf). */
  tagsPerCondition: number;
  /** A tag's rule (the vendor's push-tag rule). */
  tag: IdRule;
  /** Attributes one condition may name; 0 where the vendor pushes by no attribute. */
  attributesPerCondition: number;
  /** The longest attribute key and value, bytes. */
  attributeMaxBytes: number;
  /** Recipients of one push to listed users. */
  usersPerPush: number;
  /** The vendor's user id rule. */
  userId: IdRule;
}

/** What the caller's idempotency key may hold (it becomes part of a storage key). */
export const IDEMPOTENCY_KEY: IdRule = {
  maxBytes: 64,
  pattern: /^[A-Za-z0-9_\-:.]+$/,
  charset: "letters, digits and _ - : .",
};

/** The notification and the optional sender and key, checked; answers the notification. */
export function checkPushBase(input: PushBase, rules: PushRules): PushNotification {
  const n = input?.notification as PushNotification | undefined;
  if (!n || typeof n !== "object") {
    throw new BadUserInputError("notification", "notification is required.");
  }
  if (n.body === undefined || n.body === null || String(n.body).trim() === "") {
    throw new BadUserInputError("notification.body", "notification.body must not be empty.");
  }
  checkText("notification.body", n.body, { maxBytes: rules.bodyMaxBytes });
  if (n.title !== undefined && n.title !== null) {
    checkText("notification.title", n.title, { maxBytes: rules.titleMaxBytes });
  }
  if (n.data !== undefined && n.data !== null) {
    checkText("notification.data", n.data, { maxBytes: rules.dataMaxBytes });
  }
  if (input.from !== undefined && input.from !== null) {
    checkId("from", input.from, rules.userId);
  }
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== null) {
    checkId("idempotencyKey", input.idempotencyKey, IDEMPOTENCY_KEY);
  }
  return {
    body: n.body,
    ...(n.title ? { title: n.title } : {}),
    ...(n.data ? { data: n.data } : {}),
  };
}

/** Exactly one of allOf / anyOf, each a list of the vendor's tags. */
export function checkPushTags(
  input: PushToTagsInput,
  rules: PushRules,
): { match: "all" | "any"; tags: string[] } {
  const given = (["allOf", "anyOf"] as const).filter((k) => input?.[k] != null);
  if (given.length !== 1) {
    throw new BadUserInputError("allOf", "Give exactly one of allOf and anyOf.");
  }
  const field = given[0] as "allOf" | "anyOf";
  const tags = checkIds(field, input[field], rules.tag, { max: rules.tagsPerCondition });
  if (new Set(tags).size !== tags.length) {
    throw new BadUserInputError(field, `${field} lists a tag twice.`);
  }
  return { match: field === "allOf" ? "all" : "any", tags };
}

/** At least one attribute, each key and value within the vendor's sizes. */
export function checkPushAttributes(
  input: PushToAttributesInput,
  rules: PushRules,
  field = "attributes",
): [string, string][] {
  const attributes = input?.attributes;
  if (!attributes || typeof attributes !== "object" || Array.isArray(attributes)) {
    throw new BadUserInputError(field, `${field} must be an object of key → value.`);
  }
  const entries = Object.entries(attributes);
  checkCount(field, entries, { max: rules.attributesPerCondition });
  for (const [key, value] of entries) {
    checkText(`${field}.${key}`, key, { maxBytes: rules.attributeMaxBytes });
    checkText(`${field}.${key}`, value, { maxBytes: rules.attributeMaxBytes });
  }
  return entries;
}

/** Users' push attributes to set: 1 to the vendor's batch, each with 1+ attribute. */
export function checkSetPushAttributes(
  input: SetPushAttributesInput,
  rules: PushRules & { usersPerCall: number },
): SetPushAttributesInput["users"] {
  const users = input?.users;
  if (!Array.isArray(users)) throw new BadUserInputError("users", "users must be a list.");
  checkCount("users", users, { max: rules.usersPerCall });
  users.forEach((u, i) => {
    checkId(`users[${i}].userId`, u?.userId, rules.userId);
    checkPushAttributes(
      { attributes: u?.attributes } as PushToAttributesInput,
      rules,
      `users[${i}].attributes`,
    );
  });
  return users;
}

/** 1 to the vendor's cap of users, no repeats. */
export function checkPushUsers(input: PushToUsersInput, rules: PushRules): string[] {
  const ids = checkIds("userIds", input?.userIds, rules.userId, { max: rules.usersPerPush });
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new BadUserInputError(`userIds[${i}]`, `"${id}" is listed twice.`);
    seen.add(id);
  });
  return ids;
}

/** A task id as a caller hands it back: a non-empty string of bounded size. */
export function checkPushTaskId(input: { taskId: string }): string {
  return checkText("taskId", input?.taskId, { maxBytes: 256 });
}
