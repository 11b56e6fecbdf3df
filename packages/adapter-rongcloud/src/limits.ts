import {
  checkInt,
  type ExtensionRules,
  type FolderRules,
  type FriendRules,
  type GroupUserRules,
  type IdRule,
  type MuteRules,
  maxUtf8Bytes,
  type PushRules,
  type SensitiveWordRules,
  type TagRules,
  type UserAttributeRules,
  type VendorLimits,
} from "@imgraph/core";

// RongCloud's documented limits (see the vendor reference §2, §5). Ids are letters and
// digits; older docs also allowed `+ = - _` for user ids, which we accept (tolerant).
export const USER_ID: IdRule = {
  maxBytes: 64,
  pattern: /^[A-Za-z0-9+=_-]+$/,
  charset: "letters, digits and + = - _",
};
export const GROUP_ID: IdRule = {
  maxBytes: 64,
  pattern: /^[A-Za-z0-9]+$/,
  charset: "letters and digits",
};
/** Group and user ids, as checkGroupUsers takes them. */
export const GROUP_USERS: GroupUserRules = { group: GROUP_ID, user: USER_ID };
export const CHATROOM_ID: IdRule = {
  maxBytes: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  charset: "letters, digits, _ and -",
};

export const NAME_MAX_CHARS = 64;
export const PORTRAIT_MAX_BYTES = 1024;
export const OBJECT_NAME_MAX_CHARS = 32;
export const CONTENT_MAX_BYTES = 128 * 1024;
export const BLOCK_USERS_PER_CALL = 20;
export const BLOCK_MAX_MINUTES = 43_200;
export const GAG_USERS_PER_CALL = 20;
export const GAG_MAX_MINUTES = 43_200;
export const GROUP_MEMBERS_PER_CALL = 1000;
export const GROUP_MEMBER_CAP = 3000;
export const PRIVATE_RECIPIENTS_PER_CALL = 1000;
export const SYSTEM_RECIPIENTS_PER_CALL = 100;
export const USER_GROUPS_PAGE_MAX = 1000;
export const CHATROOM_USERS_MAX = 500;
export const HISTORY_PAGE_MAX = 100;

// Friends (information hosting, reference §1) and the blocklist (§2).
/** Ids per /friend/delete.json and /friend/check.json call; adds and alias changes take one. */
export const FRIENDS_PER_CALL = 100;
export const FRIENDS_PAGE_MAX = 100;
export const ALIAS_MAX_CHARS = 64;
export const FRIEND_ATTRIBUTE_MAX_CHARS = 256;
/** Ids per /user/blacklist/add.json and remove.json call. */
export const BLOCKLIST_PER_CALL = 20;
export const BLOCKLIST_PAGE_MAX = 1000;
/** Users one blocklist holds at most (Chat Premium/Ultimate; other plans hold fewer). */
export const BLOCKLIST_CAP = 3000;

/**
 * Friend data. RongCloud attribute keys are `ext_` + the key, ≤32 characters; the neutral
 * key is the part after `ext_` (lowercase, digits, _: the stricter of the documented
 * alphabets). Alias and values are limited in characters (64, 256), checked in friends.ts.
 */
export const FRIEND_RULES: FriendRules = {
  user: USER_ID,
  aliasMaxBytes: maxUtf8Bytes(ALIAS_MAX_CHARS),
  attributeKey: {
    pattern: /^[a-z0-9_]{1,28}$/,
    description: "1 to 28 lowercase letters, digits or _ (RongCloud stores them as ext_<key>)",
  },
  attributeValueMaxBytes: maxUtf8Bytes(FRIEND_ATTRIBUTE_MAX_CHARS),
  attributesMax: 10,
};

/**
 * Custom user attributes: the hosted profile's userExtProfile (reference §4). Keys are
 * `ext_` + the key, ≤32 characters; the set page allows "only English letters" after the
 * prefix (the web client page letters and digits), so the neutral key is 1–28 letters. Values are ≤256 characters
 * (checked in user-attributes.ts), ≤20 pairs.
 */
export const USER_ATTRIBUTE_MAX_CHARS = 256;
/** Users per /user/profile/batch/query.json call. */
export const PROFILES_PER_READ = 100;
export const USER_ATTRIBUTE_RULES: UserAttributeRules = {
  user: USER_ID,
  key: {
    pattern: /^[A-Za-z]{1,28}$/,
    description: "1 to 28 letters (RongCloud stores them as ext_<key>)",
  },
  valueMaxBytes: maxUtf8Bytes(USER_ATTRIBUTE_MAX_CHARS),
  max: 20,
};

/** A push tag (reference §3): ≤40 bytes, no special characters (undefined by the doc). */
const TAG_PATTERN = /^[\p{Script=Han}A-Za-z0-9_-]+$/u;
const TAG_CHARSET = "letters, digits, CJK characters, _ and -";
export const PUSH_TAG: IdRule = { maxBytes: 40, pattern: TAG_PATTERN, charset: TAG_CHARSET };
/** Push tags: ≤20 a user. */
export const TAG_RULES: TagRules = {
  user: USER_ID,
  tagMaxBytes: PUSH_TAG.maxBytes,
  tag: { pattern: TAG_PATTERN, description: TAG_CHARSET },
  tagsPerCall: 20,
};
/** Users per /user/tags/get.json call (the read bounds every tag change). */
export const TAG_USERS_PER_READ = 50;
/** Users per /user/tag/batch/set.json call. */
export const TAG_USERS_PER_BATCH_SET = 1000;

/** Users per /user/token/expire.json call. */
export const TOKEN_EXPIRE_PER_CALL = 20;

/** App-wide mutes (reference §7): all-groups gags take 20 users, in minutes. */
export const MUTE_RULES: MuteRules = { user: USER_ID, maxDurationSeconds: GAG_MAX_MINUTES * 60 };
/** Users per /user/chat/fb/set.json call (one-to-one mutes). */
export const CHAT_MUTE_PER_CALL = 1000;
/** Largest page of /user/chat/fb/querylist.json. */
export const CHAT_MUTE_PAGE_MAX = 200;

/**
 * Users one membership check answers: /group/user/query.json returns the whole member list
 * in one call, so this only bounds the request (the same bound as Tencent's).
 */
export const USERS_PER_MEMBER_CHECK = 500;

/**
 * Message extensions (#16 reference §2.1): keys 1–32 characters of A-Z a-z 0-9 _ = + -,
 * values ≤4096 characters (checked in message-extensions.ts; the byte bound is that at 4
 * bytes each), 100 keys a call, 300 keys a message, no versions (the last write wins).
 */
export const EXTENSION_VALUE_MAX_CHARS = 4096;
export const EXTENSION_KEYS_PER_CALL = 100;
export const EXTENSION_KEYS_PER_MESSAGE = 300;
/** Keys one page of /message/expansion/query.json answers. */
export const EXTENSION_QUERY_PAGE = 300;
export const EXTENSION_RULES: ExtensionRules = {
  key: {
    pattern: /^[A-Za-z0-9_=+-]+$/,
    description: "letters, digits and _ = + -",
    maxChars: 32,
  },
  valueMaxBytes: maxUtf8Bytes(EXTENSION_VALUE_MAX_CHARS),
  versioned: false,
};

/**
 * Conversation folders are RongCloud's conversation tags (#16 reference §1.7): ≤20 tags a
 * user (and a set call), tagId ≤10 and tagName ≤15 characters (checked in
 * conversation-folders.ts), ≤100 conversations a
 * call and ≤1000 a tag (past that RongCloud drops the oldest-tagged silently).
 */
export const FOLDER_NAME_MAX_CHARS = 15;
export const FOLDERS_PER_USER = 20;
export const FOLDER_CONVERSATIONS_MAX = 1000;
export const TAG_ID_CHARS = 10;
export const FOLDER_RULES: FolderRules = {
  ...GROUP_USERS,
  nameMaxBytes: maxUtf8Bytes(FOLDER_NAME_MAX_CHARS),
  conversationsPerCall: 100,
};

/**
 * Live rooms are chatrooms (#17 §2): 20 users a block, gag or whitelist call, 1000 a
 * presence check; idle lifetimes 60–10080 minutes (the SDK's bound, §U7); KV keys of
 * A-Z a-z 0-9 + = - _ ≤128 characters, values ≤4096 characters, ≤100 keys a room, 20 a
 * batch write; ≤5 users on a room's whitelist.
 */
export const LIVE_ROOM_MODERATION_PER_CALL = 20;
export const LIVE_ROOM_CHECK_PER_CALL = 1000;
export const LIVE_ROOM_IDLE_MINUTES = { min: 60, max: 10_080 } as const;
export const LIVE_ROOM_KEY = /^[A-Za-z0-9+=_-]{1,128}$/;
export const LIVE_ROOM_VALUE_MAX_CHARS = 4096;
export const LIVE_ROOM_KEYS_MAX = 100;
export const LIVE_ROOM_KEYS_PER_WRITE = 20;
export const LIVE_ROOM_WHITELIST_MAX = 5;

/** Sensitive words (#18 §2): 32 characters each, replacements too; 50 per call, 50 kept. */
export const SENSITIVE_WORD_RULES: SensitiveWordRules = { maxLength: 32, replacementMaxLength: 32 };
export const SENSITIVE_WORDS_PER_CALL = 50;
/** The default cap; more can be bought in the console (then the vendor's 1019 says so). */
export const SENSITIVE_WORD_CAP = 50;
/** "The settings take effect after 15 minutes" (current docs; older SDK docs said 2 hours). */
export const SENSITIVE_WORD_ACTIVATION_SECONDS = 15 * 60;

/**
 * Push notifications (vendor notes "Push notifications"): titles ≤50 characters (checked in
 * push.ts); ≤20 tags a condition (the push-tag rule
 * of setUserTags); ≤100 users a `/push/user.json` call. RongCloud publishes no bound for the
 * text or the extras: 1024 bytes each is ours (unverified), the publish endpoints' push text
 * bound. No push attributes.
 */
export const PUSH_TITLE_MAX_CHARS = 50;
export const PUSH_USERS_PER_CALL = 100;
export const PUSH_RULES: PushRules = {
  titleMaxBytes: maxUtf8Bytes(PUSH_TITLE_MAX_CHARS),
  bodyMaxBytes: 1024,
  dataMaxBytes: 1024,
  tagsPerCondition: 20,
  tag: PUSH_TAG,
  attributesPerCondition: 0,
  attributeMaxBytes: 0,
  usersPerPush: PUSH_USERS_PER_CALL,
  userId: USER_ID,
};

export const RONGCLOUD_LIMITS: VendorLimits = {
  usersPerRead: 1,
  usersPerRegister: 1,
  usersPerPresence: 1,
  recipientsPerSend: PRIVATE_RECIPIENTS_PER_CALL,
  membersPerChange: GROUP_MEMBERS_PER_CALL,
  pageSize: HISTORY_PAGE_MAX,
  // Token lifetimes are one console setting for the whole app.
  credentialTtlSeconds: null,
  usersPerMemberCheck: USERS_PER_MEMBER_CHECK,
  friendsPerCall: FRIENDS_PER_CALL,
  blocklistPerCall: BLOCKLIST_PER_CALL,
  usersPerAttributeRead: PROFILES_PER_READ,
  usersPerTagCall: TAG_USERS_PER_READ,
  usersPerPush: PUSH_USERS_PER_CALL,
  // No batch existence check: /user/info.json answers one user.
  usersPerAccountCheck: 1,
  usersPerLoginInvalidation: TOKEN_EXPIRE_PER_CALL,
  // Both scopes are changed in one call per chunk: the all-groups gag takes 20.
  usersPerMuteCall: GAG_USERS_PER_CALL,
  // deleteMessages and markMessagesRead are gaps (no server endpoints): 1 is a placeholder.
  messagesPerDelete: 1,
  messagesPerReceipt: 1,
  extensionsPerWrite: EXTENSION_KEYS_PER_CALL,
  usersPerLiveRoomCheck: LIVE_ROOM_CHECK_PER_CALL,
  usersPerLiveRoomModeration: LIVE_ROOM_MODERATION_PER_CALL,
};

/**
 * A duration in seconds as RongCloud's whole minutes (rounded up), within 1 s and
 * `maxMinutes`; `whenOmitted` when the caller gave none.
 */
export function durationMinutes(
  seconds: number | undefined,
  maxMinutes: number,
  whenOmitted: number,
): number {
  if (seconds === undefined) return whenOmitted;
  return Math.ceil(checkInt("durationSeconds", seconds, { min: 1, max: maxMinutes * 60 }) / 60);
}
