import { BadUserInputError, UnsupportedByVendorError } from "./errors.js";
import type { Vendor } from "./model/app.js";
import type {
  GroupAttributes,
  GroupCounterChange,
  GroupMemberProfileUpdate,
  GroupProfileField,
  GroupProfileUpdate,
  ImportedMember,
  ImportGroupInput,
} from "./model/group-depth.js";
import type { GroupUserRules } from "./operation-inputs.js";
import { checkAttributeMap, type KeyRule } from "./social-inputs.js";
import { checkCount, checkId, checkInt, checkText, checkUrl, type IdRule } from "./validation.js";

// Checks of group-depth inputs (profile, attributes, counters, import) that every adapter
// makes the same way, with its vendor's rules, before any vendor call.

export const JOIN_POLICIES = ["OPEN", "APPROVAL", "CLOSED"] as const;
export const COUNTER_MODES = ["SET", "INCREASE", "DECREASE"] as const;

/** Every field of a group profile, in the order events and docs list them. */
export const GROUP_PROFILE_FIELDS = [
  "name",
  "avatarUrl",
  "introduction",
  "announcement",
  "joinPolicy",
  "maxMembers",
] as const satisfies readonly GroupProfileField[];
// The list names every field of the profile type: a field added there fails here until listed.
type Unlisted = Exclude<GroupProfileField, (typeof GROUP_PROFILE_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** How long a text profile field may be (bytes or characters, as the vendor counts). */
export interface TextRule {
  maxBytes?: number;
  maxChars?: number;
  /** Whether "" (clearing the field) is accepted. */
  allowEmpty?: boolean;
}

/** A vendor's group profile: which fields it keeps and their limits. */
export interface GroupProfileRules {
  group: IdRule;
  /** Fields the vendor keeps; a field absent here is UNSUPPORTED_BY_VENDOR with `missing`. */
  text: Partial<Record<Exclude<GroupProfileField, "joinPolicy" | "maxMembers">, TextRule>>;
  joinPolicy: readonly (typeof JOIN_POLICIES)[number][] | null;
  maxMembers: { min: number; max: number } | null;
  /** Why a field is missing, per field, in the vendor's words. */
  missing: (field: GroupProfileField) => string;
}

/** A profile update: at least one field, each one the vendor keeps and within its limits. */
export function checkGroupProfileUpdate(
  vendor: Vendor,
  input: GroupProfileUpdate,
  rules: GroupProfileRules,
): GroupProfileUpdate {
  const groupId = checkId("groupId", input?.groupId, rules.group);
  const out: GroupProfileUpdate = { groupId };
  const refuse = (field: GroupProfileField) => {
    throw new UnsupportedByVendorError(vendor, "updateGroupProfile", rules.missing(field));
  };
  for (const field of ["name", "avatarUrl", "introduction", "announcement"] as const) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    const rule = rules.text[field];
    if (!rule) refuse(field);
    out[field] =
      field === "avatarUrl" && value !== ""
        ? checkUrl(field, value, rule?.maxBytes ?? 1024)
        : checkText(field, value, { ...rule, allowEmpty: field !== "name" && rule?.allowEmpty });
  }
  if (input.joinPolicy !== undefined && input.joinPolicy !== null) {
    if (!rules.joinPolicy) refuse("joinPolicy");
    if (!rules.joinPolicy?.includes(input.joinPolicy)) {
      throw new BadUserInputError(
        "joinPolicy",
        `joinPolicy must be one of ${(rules.joinPolicy ?? JOIN_POLICIES).join(", ")} here.`,
      );
    }
    out.joinPolicy = input.joinPolicy;
  }
  if (input.maxMembers !== undefined && input.maxMembers !== null) {
    if (!rules.maxMembers) refuse("maxMembers");
    out.maxMembers = checkInt("maxMembers", input.maxMembers, rules.maxMembers ?? {});
  }
  if (Object.keys(out).length === 1) {
    throw new BadUserInputError("name", "Name at least one profile field to change.");
  }
  if (input.actorId !== undefined) out.actorId = input.actorId;
  return out;
}

/** A vendor's rules for custom group attributes (or member fields). */
export interface GroupAttributeRules {
  key: KeyRule;
  valueMaxBytes: number;
  /** At most this many keys in one write. */
  max: number;
}

/** Attributes to set: an object of string values, 1 to `max` keys the vendor accepts. */
export function checkGroupAttributes(
  field: string,
  attributes: unknown,
  rules: GroupAttributeRules,
): GroupAttributes {
  if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) {
    throw new BadUserInputError(field, `${field} must be an object of strings.`);
  }
  const map = attributes as Record<string, unknown>;
  if (Object.keys(map).length === 0) {
    throw new BadUserInputError(field, `${field} must have at least 1 key.`);
  }
  checkAttributeMap(field, map, rules);
  return map as GroupAttributes;
}

/** Keys to remove or read: 1 or more, each a key the vendor accepts; duplicates dropped. */
export function checkAttributeKeys(field: string, keys: unknown, key: KeyRule): string[] {
  if (!Array.isArray(keys)) throw new BadUserInputError(field, `${field} must be a list.`);
  checkCount(field, keys, { min: 1 });
  keys.forEach((k, i) => {
    if (typeof k !== "string" || !key.pattern.test(k)) {
      throw new BadUserInputError(
        `${field}[${i}]`,
        `${field}[${i}] is not an attribute key; keys must be ${key.description}.`,
      );
    }
  });
  return [...new Set(keys as string[])];
}

/** Counter changes: 1 to `max`, one per key, a known mode and a whole value in range. */
export function checkCounterChanges(
  changes: unknown,
  rules: { key: KeyRule; max: number; value: { min: number; max: number } },
): GroupCounterChange[] {
  if (!Array.isArray(changes)) throw new BadUserInputError("changes", "changes must be a list.");
  checkCount("changes", changes, { min: 1, max: rules.max });
  const seen = new Set<string>();
  return changes.map((change: GroupCounterChange, i) => {
    const at = `changes[${i}]`;
    if (typeof change?.key !== "string" || !rules.key.pattern.test(change.key)) {
      throw new BadUserInputError(`${at}.key`, `${at}.key must be ${rules.key.description}.`);
    }
    if (seen.has(change.key)) {
      throw new BadUserInputError(`${at}.key`, `${at}.key repeats "${change.key}".`);
    }
    seen.add(change.key);
    if (!(COUNTER_MODES as readonly string[]).includes(change.mode)) {
      throw new BadUserInputError(`${at}.mode`, `${at}.mode must be SET, INCREASE or DECREASE.`);
    }
    const min = change.mode === "SET" ? rules.value.min : 0;
    const value = checkInt(`${at}.value`, change.value, { min, max: rules.value.max });
    return { key: change.key, mode: change.mode, value };
  });
}

/** What import needs of a vendor: its ids, name limit and members per group. */
export interface ImportGroupRules extends GroupUserRules {
  nameMaxBytes: number;
  maxMembers: number;
}

/**
 * A group to import: ids by the vendor's rules, a creation time in the past, members
 * distinct (the owner not among them), each joined between the creation and now.
 */
export function checkImportGroup(
  input: ImportGroupInput,
  rules: ImportGroupRules,
  now = Date.now(),
): ImportGroupInput {
  const id = checkId("id", input?.id, rules.group);
  const name = checkText("name", input.name, { maxBytes: rules.nameMaxBytes });
  const ownerId = checkId("ownerId", input.ownerId, rules.user);
  const createdAt = pastTime("createdAt", input.createdAt, now);
  if (!Array.isArray(input.members)) {
    throw new BadUserInputError("members", "members must be a list.");
  }
  checkCount("members", input.members, { min: 0, max: rules.maxMembers });
  const seen = new Set<string>([ownerId]);
  const members = input.members.map((m: ImportedMember, i): ImportedMember => {
    const at = `members[${i}]`;
    const userId = checkId(`${at}.userId`, m?.userId, rules.user);
    if (seen.has(userId)) {
      throw new BadUserInputError(
        `${at}.userId`,
        `${at}.userId repeats ${userId} (or is the owner).`,
      );
    }
    seen.add(userId);
    if (m.role !== undefined && m.role !== "ADMIN" && m.role !== "MEMBER") {
      throw new BadUserInputError(`${at}.role`, `${at}.role must be ADMIN or MEMBER.`);
    }
    const out: ImportedMember = { userId, ...(m.role ? { role: m.role } : {}) };
    if (m.joinedAt !== undefined) {
      const joinedAt = pastTime(`${at}.joinedAt`, m.joinedAt, now);
      if (joinedAt.getTime() < createdAt.getTime()) {
        throw new BadUserInputError(
          `${at}.joinedAt`,
          `${at}.joinedAt is before the group's createdAt.`,
        );
      }
      out.joinedAt = joinedAt;
    }
    return out;
  });
  return { id, name, ownerId, createdAt, members };
}

function pastTime(field: string, value: unknown, now: number): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BadUserInputError(field, `${field} must be a valid date-time.`);
  }
  if (value.getTime() > now) throw new BadUserInputError(field, `${field} is in the future.`);
  return value;
}

/** A vendor's member profile: the name card and custom member fields it keeps (null: none). */
export interface MemberProfileRules extends GroupUserRules {
  nameCard: TextRule | null;
  fields: GroupAttributeRules | null;
  /** Why a part is missing, in the vendor's words. */
  missing: (part: "nameCard" | "fields") => string;
}

/** A member profile update: the member, and a name card or fields (or both) the vendor keeps. */
export function checkGroupMemberProfile(
  vendor: Vendor,
  input: GroupMemberProfileUpdate,
  rules: MemberProfileRules,
): GroupMemberProfileUpdate {
  const groupId = checkId("groupId", input?.groupId, rules.group);
  const userId = checkId("userId", input.userId, rules.user);
  const out: GroupMemberProfileUpdate = { groupId, userId };
  const refuse = (part: "nameCard" | "fields") => {
    throw new UnsupportedByVendorError(vendor, "setGroupMemberProfile", rules.missing(part));
  };
  if (input.nameCard !== undefined && input.nameCard !== null) {
    if (!rules.nameCard) refuse("nameCard");
    out.nameCard = checkText("nameCard", input.nameCard, rules.nameCard ?? {});
  }
  if (input.fields !== undefined && input.fields !== null) {
    if (!rules.fields) refuse("fields");
    out.fields = checkGroupAttributes("fields", input.fields, rules.fields as GroupAttributeRules);
  }
  if (out.nameCard === undefined && out.fields === undefined) {
    throw new BadUserInputError("nameCard", "Give a nameCard or fields to change.");
  }
  return out;
}

/** A role to give: ADMIN or MEMBER (the owner changes only by a transfer). */
export function checkMemberRole(role: unknown): "ADMIN" | "MEMBER" {
  if (role !== "ADMIN" && role !== "MEMBER") {
    throw new BadUserInputError(
      "role",
      "role must be ADMIN or MEMBER (ownership moves with transferGroupOwnership).",
    );
  }
  return role;
}

/** An attribute read: the group, and the keys asked (undefined: every key). */
export function checkAttributesRead(
  input: { groupId: string; keys?: string[] },
  group: IdRule,
  key: KeyRule,
): { groupId: string; keys: string[] | undefined } {
  const groupId = checkId("groupId", input?.groupId, group);
  const keys = input.keys === undefined ? undefined : checkAttributeKeys("keys", input.keys, key);
  return { groupId, keys };
}

/** The asked keys of a full attribute map (vendors that only read every key at once). */
export function pickAttributes(
  all: GroupAttributes,
  keys: readonly string[] | undefined,
): GroupAttributes {
  if (!keys) return all;
  return Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k] as string]));
}
