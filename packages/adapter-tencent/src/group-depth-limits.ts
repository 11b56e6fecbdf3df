import type {
  GroupAttributeRules,
  GroupProfileField,
  GroupProfileRules,
  ImportGroupRules,
  KeyRule,
} from "@imgraph/core";
import { GROUP_ID, GROUP_NAME_MAX_BYTES, GROUP_USERS } from "./limits.js";
import type { TencentGroupType } from "./options.js";

// Tencent's group-depth limits (docs/vendors/tencent.md "Group depth and live rooms (#17)").

/**
 * modify_group_base_info: Name ≤ 30, FaceUrl ≤ 100, Introduction ≤ 240, Notification ≤ 300
 * bytes; ApplyJoinOption FreeAccess / NeedPermission / DisableApply; MaxMemberNum up to the
 * type's cap (6000 is import's documented ceiling outside Community).
 */
export const GROUP_PROFILE_RULES: GroupProfileRules = {
  group: GROUP_ID,
  text: {
    name: { maxBytes: GROUP_NAME_MAX_BYTES },
    avatarUrl: { maxBytes: 100, allowEmpty: true },
    introduction: { maxBytes: 240, allowEmpty: true },
    announcement: { maxBytes: 300, allowEmpty: true },
  },
  joinPolicy: ["OPEN", "APPROVAL", "CLOSED"],
  maxMembers: { min: 1, max: 6_000 },
  missing: (field: GroupProfileField) => `Tencent keeps no group ${field}`,
};

/** Neutral join policies as ApplyJoinOption values, and back. */
export const APPLY_JOIN_OPTION = {
  OPEN: "FreeAccess",
  APPROVAL: "NeedPermission",
  CLOSED: "DisableApply",
} as const;

/**
 * Group attributes: keys ≤ 32 bytes (10045), values ≤ 4000 bytes (10046), ≤ 16 keys a group
 * (10047). The key charset is not documented: printable ASCII without spaces (a key of other
 * characters may work on Tencent; refusing it is the safe side).
 */
export const GROUP_ATTRIBUTE_RULES: GroupAttributeRules = {
  key: {
    pattern: /^[\x21-\x7e]{1,32}$/,
    description: "1-32 printable ASCII characters without spaces",
  },
  valueMaxBytes: 4_000,
  max: 16,
};

/**
 * A neutral counter's values: GraphQL's Int (32-bit signed), which GroupCounter.value is;
 * Tencent keeps int64.
 */
export const COUNTER_VALUE = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

/**
 * Group counters: ≤ 20 keys a request (10063), keys ≤ 128 bytes; values set and amounts
 * within the neutral range (COUNTER_VALUE).
 */
export const GROUP_COUNTER_RULES: {
  key: KeyRule;
  max: number;
  value: { min: number; max: number };
} = {
  key: {
    pattern: /^[\x21-\x7e]{1,128}$/,
    description: "1-128 printable ASCII characters without spaces",
  },
  max: 20,
  value: COUNTER_VALUE,
};

/** modify_group_member_info NameCard ≤ 50 bytes; "" clears it. */
export const NAME_CARD_MAX_BYTES = 50;

/**
 * Custom member fields (AppMemberDefinedData): at most 5 declared a group type, keys of 1-16
 * letters, digits and underscores (use limits, cn 34381). Their value limit is cut from the
 * page read: 512 bytes, the group-level fields' documented limit, is the outer bound here.
 */
export const GROUP_MEMBER_FIELD_KEY = /^[A-Za-z0-9_]{1,16}$/;
export const GROUP_MEMBER_FIELDS_MAX = 5;
export const GROUP_MEMBER_FIELD_VALUE_MAX_BYTES = 512;

/** import_group_member: 300 members a call. */
export const MEMBERS_PER_IMPORT = 300;

/** Default member caps by type (Work 200, Public 2000, Meeting 6000): import checks them. */
const TYPE_MEMBER_CAP: Record<TencentGroupType, number> = {
  Private: 200,
  Public: 2_000,
  ChatRoom: 6_000,
};

export function importRules(type: TencentGroupType): ImportGroupRules {
  // The owner is a member too.
  return {
    ...GROUP_USERS,
    nameMaxBytes: GROUP_NAME_MAX_BYTES,
    maxMembers: TYPE_MEMBER_CAP[type] - 1,
  };
}
