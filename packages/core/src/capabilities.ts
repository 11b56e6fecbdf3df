/**
 * Operations that not every vendor can do. An adapter declares the ones it supports;
 * calling any other fails fast with UNSUPPORTED_BY_VENDOR before a vendor call.
 * Operations outside this list (register, profiles, groups basics, send to users and
 * groups, history, credentials) are required of every adapter.
 */
export const CAPABILITIES = [
  "USER_DELETE",
  "USER_PRESENCE",
  "USER_BAN",
  "USER_EXTRA",
  "USER_ATTRIBUTES",
  "USER_TAGS",
  "USER_MUTE",
  "ACCOUNT_CHECK",
  "LOGIN_INVALIDATE",
  "FRIENDS",
  "FRIEND_IMPORT",
  "FRIEND_CHOSEN",
  "FRIEND_GROUPS",
  "BLOCKLIST",
  "BLOCKLIST_CHECK",
  "GROUP_OWNER",
  "GROUP_TRANSFER_OWNERSHIP",
  "GROUP_MUTE",
  "GROUPS_OF_USER",
  "GROUPS_OF_APP",
  "GROUP_PROFILE",
  "GROUP_ATTRIBUTES",
  "GROUP_MEMBER_PROFILE",
  "GROUP_MEMBER_ROLE",
  "GROUP_MEMBER_ROLES",
  "GROUP_MUTE_ALL",
  "GROUP_COUNTERS",
  "GROUP_IMPORT",
  "CONVERSATION_LIST",
  "CONVERSATION_UNREAD_TOTAL",
  "CONVERSATION_READ",
  "CONVERSATION_UNREAD_SET",
  "CONVERSATION_DELETE",
  "CONVERSATION_PIN",
  "CONVERSATION_DND",
  "CONVERSATION_DND_READ",
  "CONVERSATION_CLEAR",
  "CONVERSATION_GROUPS",
  "CONVERSATION_MARKS",
  "CONVERSATION_MARKS_READ",
  "MESSAGE_SYSTEM",
  "MESSAGE_BROADCAST",
  "MESSAGE_RECALL",
  "MESSAGE_HISTORY",
  "MESSAGE_EDIT",
  "MESSAGE_DELETE",
  "MESSAGE_DELETE_BY_SENDER",
  "MESSAGE_EXTENSIONS",
  "MESSAGE_REACTIONS",
  "READ_RECEIPTS",
  "READ_RECEIPT_DETAILS",
  "MESSAGE_IMPORT",
  "HISTORY_LOG",
  "CONTENT_IMAGE",
  "CONTENT_FILE",
  "CONTENT_CUSTOM",
  "ROOM_CREDENTIAL",
  "ROOM_USERS",
  "ROOM_KICK",
  "ROOM_MESSAGE",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
