import type {
  FolderRules,
  FriendRules,
  GroupUserRules,
  IdRule,
  PushRules,
  VendorLimits,
} from "@imgraph/core";

// Tencent's documented limits (tencent.md §1.5, §3). The UserID charset (letters, digits,
// `_`, `-`) comes only from SDK comments, the REST docs state just 32 bytes: we refuse only
// what can never work (spaces and control characters) — tolerant where unverified.
export const USER_ID: IdRule = {
  maxBytes: 32,
  pattern: /^[^\s\p{Cc}]+$/u,
  charset: "visible characters (no spaces)",
};
/**
 * Any existing group or room id (auto ids start with `@TGS#`): printable ASCII, ≤ 48 bytes.
 * Tencent's charset includes the space, so an id may hold spaces (one a client SDK made with
 * a space at an end stays reachable), but not only spaces: such an id reads as blank.
 */
export const GROUP_ID: IdRule = {
  maxBytes: 48,
  pattern: /^(?! *$)[\x20-\x7e]+$/,
  charset: "printable ASCII characters, not only spaces",
};
/** Group and user ids, as checkGroupUsers takes them. */
export const GROUP_USERS: GroupUserRules = { group: GROUP_ID, user: USER_ID };
/** Prefix Tencent reserves for the ids it generates; custom ids must not use it. */
export const AUTO_GROUP_ID_PREFIX = "@TGS#";

export const GROUP_NAME_MAX_BYTES = 30;
/** Profile string values (Nick, Image, custom tags). */
export const PROFILE_VALUE_MAX_BYTES = 500;
/**
 * MsgBody size: the SDK header says 8 KB, current docs may allow 12 KB (unverified); we
 * refuse above 12 KB and let Tencent answer 80002 for anything it finds too long.
 */
export const MSG_BODY_MAX_BYTES = 12 * 1024;
export const PUSH_TEXT_MAX_BYTES = 500;

export const USERS_PER_IMPORT = 100;
export const USERS_PER_PROFILE_READ = 100;
export const USERS_PER_DELETE = 100;
export const USERS_PER_PRESENCE = 500;
export const RECIPIENTS_PER_BATCH_SEND = 500;
export const MEMBERS_PER_CREATE = 100;
export const MEMBERS_PER_ADD = 300;
export const MEMBERS_PER_DELETE = 100;
export const MEMBERS_PER_MUTE = 500;
export const GROUPS_PER_INFO = 50;
export const GROUP_RECALLS_PER_CALL = 10;
/** group_msg_get_simple answers at most 20 messages a call. */
export const GROUP_HISTORY_PER_CALL = 20;
/** Largest page we answer for any list. */
export const PAGE_MAX = 100;

/** 4294967295 s is Tencent's "forever" for mutes (tencent.md §3.5, §3.6). */
export const FOREVER_SECONDS = 0xffff_ffff;
/** UserSig validity: 10 years at most (tencent.md §1.5). */
/** get_role_in_group: accounts per call (tencent.com/document/product/1047/34963). */
export const USERS_PER_ROLE_CHECK = 500;
export const USERSIG_MAX_SECONDS = 10 * 365 * 86_400;
export const USERSIG_DEFAULT_SECONDS = 86_400;

/**
 * Friends per sns call: friend_get_list takes at most 100 and friend_add states no number
 * (unverified); import, update, delete and check take 1000. One size for all: 100.
 */
export const FRIENDS_PER_CALL = 100;
/** Friend lists (sns group_*): at most 32 per user, names of 1-30 bytes. */
export const FRIEND_GROUPS_MAX = 32;
export const FRIEND_GROUP_NAME_MAX_BYTES = 30;
/** black_list_add, black_list_delete and black_list_check take 1000 accounts a call. */
export const BLOCKLIST_PER_CALL = 1_000;
/** Tencent's prefix of custom friend fields; neutral attribute keys are what follows it. */
export const FRIEND_ATTRIBUTE_PREFIX = "Tag_SNS_Custom_";
export const FRIEND_ATTRIBUTE_KEY = /^[A-Za-z]{1,8}$/;

/** Friend data (relationship model): alias ≤ 96 bytes, custom field values ≤ 500 bytes. */
export const FRIEND_RULES: FriendRules = {
  user: USER_ID,
  aliasMaxBytes: 96,
  attributeKey: {
    pattern: FRIEND_ATTRIBUTE_KEY,
    description:
      "1-8 letters: the keyword of a custom friend field declared in Tencent's console (Tencent's tag Tag_SNS_Custom_<key>, without its prefix)",
  },
  attributeValueMaxBytes: 500,
  // How many custom friend fields an app may declare is unverified; Tencent refuses any
  // field its console does not declare (30001) whatever the number.
  attributesMax: 20,
};

/** Custom profile fields: the console adds this prefix to the keyword an app declares. */
export const USER_ATTRIBUTE_PREFIX = "Tag_Profile_Custom_";
/**
 * Profile keys hold letters, digits and underscores (intl doc 1047/33520); how long the
 * keyword may be is unverified (the console refuses what it will not keep, Tencent answers
 * 40009 for a field it does not have).
 */
export const USER_ATTRIBUTE_KEY = /^[A-Za-z0-9_]+$/;

/** account_check takes 100 CheckItem a call; kick and the global mute calls one account. */
export const USERS_PER_ACCOUNT_CHECK = 100;
/** all_member_push im_*_tag: 100 accounts a call, 10 tags per account per call, tag ≤ 50 bytes. */
export const USERS_PER_TAG_CALL = 100;
export const TAGS_PER_CALL = 10;
export const TAG_MAX_BYTES = 50;

/** get_c2c_unread_msg_num: at most 10 peers a call (docs/vendors/tencent.md §2.1). */
export const UNREAD_PEERS_PER_CALL = 10;
/**
 * Members per get_group_member_info page when looking for one member's MsgFlag: older docs
 * allow 6000 (unverified today); 1000 keeps each answer small.
 */
export const MEMBER_FLAGS_PER_PAGE = 1_000;
/** Vendor pages one conversation-list page may read to fill its limit. */
export const CONVERSATION_PAGES_PER_CALL = 5;

/** delete_c2c_msg_ramble: 30 MsgKeys a call (cn doc 101439). */
export const MESSAGES_PER_DELETE = 30;
/**
 * c2c_msg_read_receipt and group_msg_receipt state no per-call cap (their fields are
 * SDK-only, unverified): 30, what the openim family's one-sided delete takes.
 */
export const MESSAGES_PER_RECEIPT = 30;
/** Message extensions: 20 a request, keys ≤ 100 bytes, values ≤ 1000 bytes (§5.1). */
export const EXTENSIONS_PER_WRITE = 20;
export const EXTENSION_KEY_MAX_BYTES = 100;
export const EXTENSION_VALUE_MAX_BYTES = 1_000;
/** get_group_msg_receipt_detail: 100 members a page. */
export const READERS_PER_PAGE = 100;
/** import_group_msg: 7 messages a call (§6.2). */
export const GROUP_IMPORTS_PER_CALL = 7;

/**
 * Conversation groups (recentcontact/*_contact_group): names ≤ 32 bytes (51011), 100
 * conversations a call (51006's advice, mark_contact's table), 20 groups a user (51010).
 */
export const FOLDER_RULES: FolderRules = {
  ...GROUP_USERS,
  nameMaxBytes: 32,
  conversationsPerCall: 100,
};
/** get_contact_group pages read at most (1000 conversations at 100 a page, with room). */
export const CONTACT_GROUP_PAGES_MAX = 50;
/**
 * Neutral marks 1..32 are Tencent's standard mark bits 33..64, the half its docs leave to the
 * app (mark_contact numbers bits from 1: bits 1..32 are Tencent's, bit 1 the star, 2 unread,
 * 3 fold, 4 hide; docs/vendors/tencent.md §1.4).
 */
export const MARK_RANGE = { min: 1, max: 32 } as const;
export const FIRST_APP_MARK_BIT = 33;

/**
 * Live rooms (AVChatRoom, #17 §3): check_members states no cap (unverified: 500, as the
 * emulator takes); ban_group_member and unban_group_member take 20 accounts a call and
 * forbid_send_msg 500 — one number for every moderation call: 20.
 */
export const USERS_PER_LIVE_ROOM_CHECK = 500;
export const USERS_PER_LIVE_ROOM_MODERATION = 20;
/** ban_group_member Description ≤ 1000 bytes. */
export const LIVE_ROOM_BAN_REASON_MAX_BYTES = 1_000;
/** get_group_ban_member: Limit ≤ 100; pages read at most for one list. */
export const LIVE_ROOM_BANS_PER_PAGE = 100;
export const LIVE_ROOM_BAN_PAGES_MAX = 100;

/**
 * Push (docs/vendors/tencent.md "Push notifications"): timpush/batch takes 1-500 accounts;
 * a Condition names at most 10 tags of ≤ 50 bytes (90032, 90020); an app names at most 10
 * push attributes, names and values ≤ 50 bytes; Ext "best kept under 1K". Title and Desc
 * state no size (unverified): 500 bytes like a message's push text, the whole push request
 * staying under Tencent's 10 KB (90056).
 */
export const USERS_PER_PUSH = 500;
export const PUSH_ATTRIBUTES_MAX = 10;
export const PUSH_ATTRIBUTE_NAME_MAX_BYTES = 50;
export const PUSH_RULES: PushRules = {
  titleMaxBytes: PUSH_TEXT_MAX_BYTES,
  bodyMaxBytes: PUSH_TEXT_MAX_BYTES,
  dataMaxBytes: 1_024,
  tagsPerCondition: TAGS_PER_CALL,
  tag: { maxBytes: TAG_MAX_BYTES },
  attributesPerCondition: PUSH_ATTRIBUTES_MAX,
  attributeMaxBytes: PUSH_ATTRIBUTE_NAME_MAX_BYTES,
  usersPerPush: USERS_PER_PUSH,
  userId: USER_ID,
};

export const TENCENT_LIMITS: VendorLimits = {
  usersPerRead: USERS_PER_PROFILE_READ,
  usersPerRegister: USERS_PER_IMPORT,
  usersPerPresence: USERS_PER_PRESENCE,
  recipientsPerSend: RECIPIENTS_PER_BATCH_SEND,
  // add takes 300, delete 100: the smaller fits both.
  membersPerChange: MEMBERS_PER_DELETE,
  pageSize: PAGE_MAX,
  credentialTtlSeconds: { min: 1, max: USERSIG_MAX_SECONDS },
  usersPerMemberCheck: USERS_PER_ROLE_CHECK,
  friendsPerCall: FRIENDS_PER_CALL,
  blocklistPerCall: BLOCKLIST_PER_CALL,
  // Attributes are profile custom fields: portrait_get reads 100 accounts a call.
  usersPerAttributeRead: USERS_PER_PROFILE_READ,
  usersPerTagCall: USERS_PER_TAG_CALL,
  usersPerPush: USERS_PER_PUSH,
  usersPerAccountCheck: USERS_PER_ACCOUNT_CHECK,
  usersPerLoginInvalidation: 1,
  usersPerMuteCall: 1,
  messagesPerDelete: MESSAGES_PER_DELETE,
  messagesPerReceipt: MESSAGES_PER_RECEIPT,
  extensionsPerWrite: EXTENSIONS_PER_WRITE,
  usersPerLiveRoomCheck: USERS_PER_LIVE_ROOM_CHECK,
  usersPerLiveRoomModeration: USERS_PER_LIVE_ROOM_MODERATION,
};
