import {
  type GroupAttributeRules,
  type GroupProfileField,
  type GroupProfileRules,
  type MemberProfileRules,
  maxUtf8Bytes,
} from "@imgraph/core";
import { GROUP_ID, GROUP_USERS, NAME_MAX_CHARS } from "./limits.js";

// RongCloud's group-depth limits (vendor reference #17 §1): classic groups keep a name only;
// hosted groups (features.hostedGroups) keep a profile, ext attributes and member profiles.

const HOSTED_ONLY =
  "RongCloud keeps it only for hosted groups (/entrust/group/*, its information-hosting product, enabled by a ticket); set features.hostedGroups: true to use them";

const NO_MEMBER_CAP =
  "RongCloud has no API field for a group's member cap: classic groups hold 3000 members, and a hosted group's cap is a plan and console setting";

/** Classic groups: only the name (/group/refresh.json, ≤64 characters). */
export const CLASSIC_PROFILE_RULES: GroupProfileRules = {
  group: GROUP_ID,
  text: { name: { maxChars: NAME_MAX_CHARS } },
  joinPolicy: null,
  maxMembers: null,
  missing: (field: GroupProfileField) =>
    field === "maxMembers"
      ? NO_MEMBER_CAP
      : `a classic group keeps only a name, not ${field}; ${HOSTED_ONLY}`,
};

/** Characters of the hosted profile's fields (groupProfile, §1.2). */
export const PORTRAIT_URL_MAX_CHARS = 128;
export const INTRODUCTION_MAX_CHARS = 512;
export const ANNOUNCEMENT_MAX_CHARS = 1024;

/** Hosted groups: groupProfile name, portraitUrl, introduction, announcement; joinPerm. */
export const HOSTED_PROFILE_RULES: GroupProfileRules = {
  group: GROUP_ID,
  text: {
    name: { maxChars: NAME_MAX_CHARS },
    // A URL is ASCII, so 128 bytes are its 128 characters.
    avatarUrl: {
      maxBytes: PORTRAIT_URL_MAX_CHARS,
      maxChars: PORTRAIT_URL_MAX_CHARS,
      allowEmpty: true,
    },
    introduction: { maxChars: INTRODUCTION_MAX_CHARS, allowEmpty: true },
    announcement: { maxChars: ANNOUNCEMENT_MAX_CHARS, allowEmpty: true },
  },
  joinPolicy: ["OPEN", "APPROVAL", "CLOSED"],
  maxMembers: null,
  missing: () => NO_MEMBER_CAP,
};

/**
 * Group attributes are the hosted groupExtProfile: keys `ext_` + the key, ≤32 characters
 * (so the neutral key is 1–28 letters, digits or _), values ≤256 characters (checked in
 * group-attributes.ts), ≤10 pairs by default.
 */
export const GROUP_ATTRIBUTE_MAX_CHARS = 256;
export const GROUP_ATTRIBUTES_MAX = 10;
export const GROUP_ATTRIBUTE_RULES: GroupAttributeRules = {
  key: {
    pattern: /^[A-Za-z0-9_]{1,28}$/,
    description: "1 to 28 letters, digits or _ (RongCloud stores them as ext_<key>)",
  },
  valueMaxBytes: maxUtf8Bytes(GROUP_ATTRIBUTE_MAX_CHARS),
  max: GROUP_ATTRIBUTES_MAX,
};

/**
 * Member profiles (/entrust/group/member/set.json): `nickname` ≤64 characters is the name
 * card; custom fields travel as JSON in the one `extra` string, ≤128 characters in all.
 */
export const MEMBER_EXTRA_MAX_CHARS = 128;
export const HOSTED_MEMBER_PROFILE_RULES: MemberProfileRules = {
  ...GROUP_USERS,
  nameCard: { maxChars: NAME_MAX_CHARS },
  fields: {
    key: { pattern: /^[A-Za-z0-9_]{1,32}$/, description: "1 to 32 letters, digits or _" },
    valueMaxBytes: MEMBER_EXTRA_MAX_CHARS,
    max: 10,
  },
  missing: () => HOSTED_ONLY,
};

/** Hosted-group calls: members a create takes, a join takes, a member page, ids a read takes. */
export const HOSTED_CREATE_MEMBERS = 30;
export const HOSTED_JOIN_MEMBERS = 100;
export const HOSTED_MEMBER_PAGE_MAX = 100;
export const HOSTED_MEMBERS_PER_READ = 100;
export const HOSTED_GROUPS_PAGE_MAX = 1000;
/** Admins a hosted group may have. */
export const HOSTED_ADMINS_MAX = 10;
/** Groups per /group/ban/add.json, rollback and query call. */
export const GROUP_BANS_PER_CALL = 20;
