import {
  type FriendRules,
  type GroupAttributeRules,
  type GroupUserRules,
  type IdRule,
  maxUtf8Bytes,
  type PushRules,
  type VendorLimits,
} from "@imgraph/core";

// ZEGO's documented limits (zego.md §1.9, §2, §4).

const ID_CHARS = String.raw`A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~`;
const ID_CHARSET = "letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~";

export const USER_ID: IdRule = {
  maxBytes: 32,
  pattern: new RegExp(`^[${ID_CHARS}]+$`),
  charset: ID_CHARSET,
};
export const GROUP_ID: IdRule = USER_ID;
/** Group and user ids, as checkGroupUsers takes them. */
export const GROUP_USERS: GroupUserRules = { group: GROUP_ID, user: USER_ID };
// Some room pages also allow ',' (unverified): accepted, the server has the last word.
export const ROOM_ID: IdRule = {
  maxBytes: 32,
  pattern: new RegExp(`^[${ID_CHARS},]+$`),
  charset: `${ID_CHARSET} ,`,
};

export const USER_NAME_MAX_BYTES = 256;
export const AVATAR_MAX_BYTES = 500;
export const EXTRA_DEFAULT_MAX_BYTES = 2048;
/**
 * How long after a send ZIM lets a message be edited: 24 h by default, longer only where
 * ZEGO support set it so (code 661000001 past it; docs/vendors/zego.md §2.1).
 */
export const EDIT_WINDOW_MS = 24 * 3_600_000;
export const GROUP_NAME_MAX_CHARS = 50;
export const MESSAGE_DEFAULT_MAX_BYTES = 2048;
/** The most an app can configure for message bodies and user extras. */
export const CONFIGURABLE_MAX_BYTES = 32 * 1024;
export const MEDIA_URL_MAX_BYTES = 500;
export const FILE_NAME_MAX_CHARS = 150;
export const CUSTOM_TYPE_MAX_CHARS = 64;
export const PUSH_TEXT_MAX_BYTES = 1024;

export const USERS_PER_REGISTER = 100;
export const USERS_PER_READ = 100;
export const USERS_PER_PRESENCE = 100;
export const RECIPIENTS_PER_SEND = 100;
export const MEMBERS_PER_CREATE = 100;
export const MEMBERS_PER_INVITE = 100;
export const MEMBERS_PER_KICK = 50;
export const MEMBERS_PER_MUTE = 20;
export const MUTE_MAX_SECONDS = 2_592_000;
export const GROUP_MEMBERS_PAGE_MAX = 1000;
export const USER_GROUPS_PAGE_MAX = 100;
export const APP_GROUPS_PAGE_MAX = 10_000;
export const HISTORY_PAGE_MAX = 100;
/** QueryConversationList: Limit (0, 500] (#16 §1.1). */
export const CONVERSATIONS_PAGE_MAX = 500;
export const ROOM_USERS_PAGE_MAX = 200;
export const ROOM_KICK_PER_CALL = 5;
export const ROOM_REASON_MAX_BYTES = 256;
export const ROOM_MESSAGE_MAX_BYTES = 1024;

/** Friend and blocklist Actions take 20 ids per call by default (#15: friends up to 50 via support). */
export const FRIENDS_PER_CALL = 20;
export const BLOCKLIST_PER_CALL = 20;
export const FRIENDS_PAGE_MAX = 100;
export const BLOCKLIST_PAGE_MAX = 100;
/** FriendAlias: at most 256 characters (the pages say characters, not bytes). */
export const FRIEND_ALIAS_MAX_CHARS = 256;
/** Friend attributes: all keys + values of one friend, at most 1024 bytes. */
export const FRIEND_ATTRIBUTES_MAX_BYTES = 1024;

/**
 * ZIM's friend rules. Attribute keys are ZIM's own fixed keys k0..k4, used as they are
 * (ZIM needs no prefix, so the neutral key is the vendor key).
 */
export const FRIEND_RULES: FriendRules = {
  user: USER_ID,
  // The character count is checked beside (friend-input.ts).
  aliasMaxBytes: maxUtf8Bytes(FRIEND_ALIAS_MAX_CHARS),
  attributeKey: {
    pattern: /^k[0-4]$/,
    description: "one of k0, k1, k2, k3, k4 (ZIM's fixed friend attribute keys, no prefix)",
  },
  // One key is 2 bytes; the total over all keys + values is checked beside.
  attributeValueMaxBytes: FRIEND_ATTRIBUTES_MAX_BYTES - 2,
  attributesMax: 5,
};

/** Token04 lifetime: ZIM refuses tokens with < 30 s left and lifetimes over 24 days. */
export const TOKEN_MIN_SECONDS = 60;
export const TOKEN_MAX_SECONDS = 24 * 86_400;
export const TOKEN_DEFAULT_SECONDS = 86_400;

/**
 * Users one membership check answers: one QueryGroupMemberList page of up to 1000 members
 * answers them all (this only bounds the request).
 */
export const USERS_PER_MEMBER_CHECK = 500;

/** QueryUserInfos takes 100 ids per call, each up to 64 bytes (#15 §16: not 32). */
export const USERS_PER_ACCOUNT_CHECK = 100;
export const ACCOUNT_CHECK_ID: IdRule = { ...USER_ID, maxBytes: 64 };

// Group depth (#17 §G).
/** The most members a ZEGO group reaches on any plan (Enterprise with add-ons). */
export const GROUP_MEMBER_LIMIT_MAX = 6000;
/** UpdateGroupData: avatar ≤ 500, notice ≤ 300 characters (#17 §G1). */
export const GROUP_AVATAR_MAX = 500;
export const GROUP_NOTICE_MAX_CHARS = 300;
/** Group attributes: 10 per group, key ≤ 16 bytes, value ≤ 1024 bytes (#17 §G2). */
export const GROUP_ATTRIBUTES_MAX = 10;
export const GROUP_ATTRIBUTE_KEY_MAX_BYTES = 16;
export const GROUP_ATTRIBUTE_VALUE_MAX_BYTES = 1024;
/** SetGroupMembersNickname: Nickname ≤ 256 (#17 §G5). */
export const NAME_CARD_MAX_BYTES = 256;

/** SetConvMark: a mark is an integer 1..30, so a conversation holds at most 30 (#16 §1.6). */
export const CONVERSATION_MARKS = { min: 1, max: 30 } as const;

/** C2cReadReceipt / GroupReadReceipt: 10 ConvMsgSeq per call (660400102; #16 §2.4). */
export const MESSAGES_PER_RECEIPT = 10;
// Live rooms = ZIM rooms (#17 §L), not the RTC rooms above.
/** ZIM room ids: ≤ 32 bytes on every room page (QueryRoomMembers' "128" is a slip, §L). */
export const LIVE_ROOM_ID: IdRule = ROOM_ID;
/** CreateRoom RoomName ≤ 64 bytes, DestroyDelayTime ≤ 10 800 s (§L1). */
export const LIVE_ROOM_NAME_MAX_BYTES = 64;
export const LIVE_ROOM_DESTROY_DELAY_MAX = 10_800;
/** QueryRoomUserList Limit ≤ 500 (§L3). */
export const LIVE_ROOM_MEMBERS_PAGE_MAX = 500;
/** QueryRoomMembers: 10 ids per call (§L4). */
export const USERS_PER_LIVE_ROOM_CHECK = 10;
/** KickoutRoomUser: 50 ids per call, CustomReason ≤ 32 bytes (§L5). */
export const USERS_PER_LIVE_ROOM_KICK = 50;
export const LIVE_ROOM_KICK_REASON_MAX_BYTES = 32;
/** Room attributes: 16 per room (the strictest server figure, §U11), key ≤ 16 B, value ≤ 1024 B. */
export const LIVE_ROOM_ATTRIBUTES_MAX = 16;
export const LIVE_ROOM_ATTRIBUTE_KEY_MAX_BYTES = 16;
export const LIVE_ROOM_ATTRIBUTE_VALUE_MAX_BYTES = 1024;

// Push notifications (zego.md "Push notifications"): SendMessageToAllUsers only. ZIM's
// pages give OfflinePush no sizes: the bounds below are imgraph's (unverified).
/** The notification body is both the message text and OfflinePush.Content. */
export const PUSH_BODY_MAX_BYTES = PUSH_TEXT_MAX_BYTES;
export const PUSH_TITLE_MAX_BYTES = 256;
/** The data travels as OfflinePush.Payload and as ExtendedData (≤ 1 KB, documented). */
export const PUSH_DATA_MAX_BYTES = 1024;

/**
 * ZEGO's push rules for core's checks. ZIM pushes by no tag or attribute and to no listed
 * users (those operations are gaps): the segment fields only keep the rules complete.
 */
export const PUSH_RULES: PushRules = {
  titleMaxBytes: PUSH_TITLE_MAX_BYTES,
  bodyMaxBytes: PUSH_BODY_MAX_BYTES,
  dataMaxBytes: PUSH_DATA_MAX_BYTES,
  tagsPerCondition: 1,
  tag: USER_ID,
  attributesPerCondition: 0,
  attributeMaxBytes: 0,
  usersPerPush: 1,
  userId: USER_ID,
};

export const ZEGO_LIMITS: VendorLimits = {
  usersPerRead: USERS_PER_READ,
  usersPerRegister: USERS_PER_REGISTER,
  usersPerPresence: USERS_PER_PRESENCE,
  recipientsPerSend: RECIPIENTS_PER_SEND,
  // Kick takes 50 per call, invite 100: the smaller bounds both.
  membersPerChange: MEMBERS_PER_KICK,
  pageSize: HISTORY_PAGE_MAX,
  credentialTtlSeconds: { min: TOKEN_MIN_SECONDS, max: TOKEN_MAX_SECONDS },
  usersPerMemberCheck: USERS_PER_MEMBER_CHECK,
  friendsPerCall: FRIENDS_PER_CALL,
  blocklistPerCall: BLOCKLIST_PER_CALL,
  usersPerAccountCheck: USERS_PER_ACCOUNT_CHECK,
  // Meaningless for ZIM: user attributes, tags, push to listed users, login invalidation
  // and app-wide mutes are gaps (#15 §14, §15, §17, §18; "Push notifications"); 1 keeps the
  // limits complete.
  usersPerAttributeRead: 1,
  usersPerTagCall: 1,
  usersPerPush: 1,
  usersPerLoginInvalidation: 1,
  usersPerMuteCall: 1,
  messagesPerReceipt: MESSAGES_PER_RECEIPT,
  // Meaningless for ZIM: deleting single messages and message extensions are gaps (#16
  // §2.9, §2.10); 1 keeps the limits complete.
  messagesPerDelete: 1,
  extensionsPerWrite: 1,
  usersPerLiveRoomCheck: USERS_PER_LIVE_ROOM_CHECK,
  // Kick is ZIM's only room moderation call (ban and mute are gaps, #17 §L10).
  usersPerLiveRoomModeration: USERS_PER_LIVE_ROOM_KICK,
};

/**
 * Rules of custom attributes (groups' and rooms'): ZEGO states no key charset, only a byte
 * cap, so keys keep to a set every vendor holds (letters, digits, _ . : -).
 */
export function attributeRules(
  keyMaxBytes: number,
  valueMaxBytes: number,
  max: number,
): GroupAttributeRules {
  return {
    key: {
      pattern: new RegExp(`^[A-Za-z0-9_.:-]{1,${keyMaxBytes}}$`),
      description: `1 to ${keyMaxBytes} letters, digits, _ . : or -`,
    },
    valueMaxBytes,
    max,
  };
}
