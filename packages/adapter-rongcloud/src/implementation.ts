import { exactImplementation, gap, when } from "@imgraph/core";
import * as accounts from "./accounts.js";
import * as blocklist from "./blocklist.js";
import type { RongCloudContext } from "./context.js";
import * as conversationFolders from "./conversation-folders.js";
import * as conversations from "./conversations.js";
import * as credentials from "./credentials.js";
import * as friends from "./friends.js";
import * as groupAttributes from "./group-attributes.js";
import * as groupMemberProfile from "./group-member-profile.js";
import * as groupModes from "./group-modes.js";
import * as groupMutes from "./group-mutes.js";
import * as groupProfile from "./group-profile.js";
import * as groupRoles from "./group-roles.js";
import * as history from "./history.js";
import * as historyLog from "./history-log.js";
import * as hostedGroups from "./hosted-groups.js";
import {
  getLiveRoomAttributes,
  removeLiveRoomAttributes,
  setLiveRoomAttributes,
} from "./live-room-attributes.js";
import {
  checkLiveRoomMembers,
  listLiveRoomMembers,
  listLiveRoomWhitelist,
  setLiveRoomWhitelist,
} from "./live-room-members.js";
import { broadcastLiveRoomMessage, sendLiveRoomMessage } from "./live-room-messages.js";
import * as liveRoomModeration from "./live-room-moderation.js";
import { createLiveRoom, destroyLiveRoom, getLiveRoom, keepLiveRoomAlive } from "./live-rooms.js";
import * as messageEdits from "./message-edits.js";
import {
  getMessageExtensions,
  reactions,
  removeMessageExtensions,
  setMessageExtensions,
} from "./message-extensions.js";
import * as messages from "./messages.js";
import * as moderation from "./moderation.js";
import * as push from "./push.js";
import * as recall from "./recall.js";
import * as rooms from "./rooms.js";
import * as sensitiveWords from "./sensitive-words.js";
import * as userAttributes from "./user-attributes.js";
import * as userMutes from "./user-mutes.js";
import * as userTags from "./user-tags.js";
import * as users from "./users.js";

const NO_FRIEND_GROUPS = gap(
  "RongCloud's friend API has no friend groups (lists), neither on the server nor in its client SDKs",
);

const HISTORY_LOG_ON = "features.historyLog: true";
const HISTORY_LOG_OFF =
  "the hourly message log is a paid RongCloud service; enable it for the app key in RongCloud's console, then set features.historyLog: true";

const EXTENSIONS_ON = "messageExtensions: true";
const EXTENSIONS_OFF =
  "messages are sent without RongCloud's expansion flag (messageExtensions: false), and only messages sent with it can carry extensions; set messageExtensions: true";
const REACTIONS_OFF =
  "RongCloud has no server reactions; imgraph keeps them in message extensions, which need messageExtensions: true (messages sent with RongCloud's expansion flag)";
const extensionsOn = (ctx: RongCloudContext) => ctx.messageExtensions;

const NO_READ_RECEIPTS =
  "RongCloud's Server API has no endpoint to send or read read receipts: its client SDKs send them as messages (RC:ReadNtf one-to-one, RC:RRReqMsg/RC:RRRspMsg or the V5 receipts in groups) and read them back through the client SDK only";

const HOSTED_ON = "features.hostedGroups: true";
const hostedOn = (ctx: RongCloudContext) => ctx.features.hostedGroups;
/** Why an operation of hosted groups is off: `what` classic groups lack. */
const classicLacks = (what: string) =>
  `RongCloud's classic groups (/group/*) have no ${what}; its hosted groups (/entrust/group/*, the information-hosting product, enabled by a ticket) have, and the adapter uses them with features.hostedGroups: true`;
const NO_COUNTERS =
  "RongCloud keeps no custom group counters: a hosted group's profile answers only its memberCount and createTime, and group attributes (groupExtProfile) are plain strings with no atomic increase";

/** A chatroom service RongCloud enables per app key in its console (else code 1009). */
const chatroomService = (option: string, what: string) =>
  [
    `features.${option}: true`,
    `${what} is a RongCloud chatroom service enabled per app key in its console; enable it, then set features.${option}: true`,
  ] as const;
const ATTRIBUTES = chatroomService("chatroomAttributes", "chatroom custom attributes (KV)");
const attributesOn = (ctx: RongCloudContext) => ctx.features.chatroomAttributes;

/** RongCloud's broadcast service: broadcasts, and pushes to everyone or by tag (/push.json). */
const BROADCAST_ON = "features.broadcast: true";
const broadcastOn = (ctx: RongCloudContext) => ctx.features.broadcast;
const PUSH_OFF =
  "pushes to all users and by tag use RongCloud's broadcast service (/push.json), which is off for this app (features.broadcast); RongCloud enables it per app key in its console, at most 2 an hour and 3 a day together with broadcasts";
const NO_PUSH_ATTRIBUTES =
  "RongCloud keeps no push attributes: its pushes target all users, push tags (setUserTags) or listed users";

const NO_MARKS =
  "RongCloud has no conversation marks: its server API keeps only pin, do-not-disturb and named conversation tags per conversation (tags are the folders of createConversationGroup); flags a client gives meaning to are kept by its client SDKs or the app";

/**
 * Every neutral operation for RongCloud: the handlers each area module exports, then a
 * declared gap with RongCloud's reason, or an operation an app option turns on. The
 * support matrix is generated from this map.
 */
export const implementation = exactImplementation<RongCloudContext>()({
  ...users,
  ...moderation,
  ...sensitiveWords,
  ...credentials,
  // Classic groups, or hosted ones with features.hostedGroups (group-modes.ts).
  ...groupModes,
  ...groupMutes,
  // A classic group's name, or a hosted group's profile; mute-all for both.
  ...groupProfile,
  ...messages,
  ...rooms,
  // friends.ts refuses one-way adds and deletes: RongCloud friendships are mutual.
  ...friends,
  ...blocklist,
  // user-attributes.ts needs RongCloud's profile-hosting product (else code 1009).
  ...userAttributes,
  ...userTags,
  ...accounts,
  // user-mutes.ts refuses a duration for DIRECT: RongCloud's one-to-one mute has none.
  ...userMutes,
  // Pin and do-not-disturb; clearConversationHistory is conditional below.
  ...conversations,
  // message-edits.ts refuses system and room messages and an actorId other than the sender.
  ...messageEdits,
  // Folders are RongCloud's conversation tags, found by name (a read before every write).
  ...conversationFolders,

  // Live rooms are chatrooms (#17 §2); they keep no name or owner.
  createLiveRoom,
  destroyLiveRoom,
  getLiveRoom,
  listLiveRoomMembers,
  checkLiveRoomMembers,
  setLiveRoomWhitelist,
  listLiveRoomWhitelist,
  // Bans are timed blocks, mutes gags, in whole minutes (live-room-moderation.ts).
  ...liveRoomModeration,
  // NORMAL priority only: RongCloud's priorities are app-wide per message type.
  sendLiveRoomMessage,
  kickLiveRoomMembers: gap(
    "RongCloud chatrooms have no plain kick: /chatroom/user/block/add.json removes a user only by keeping them out for 1 to 43200 minutes; use banLiveRoomMembers (and unbanLiveRoomMembers to let them back)",
  ),
  broadcastLiveRoomMessage: when(
    ...chatroomService("chatroomBroadcast", "broadcast into every chatroom"),
    (ctx: RongCloudContext) => ctx.features.chatroomBroadcast,
    broadcastLiveRoomMessage,
  ),
  getLiveRoomAttributes: when(...ATTRIBUTES, attributesOn, getLiveRoomAttributes),
  setLiveRoomAttributes: when(...ATTRIBUTES, attributesOn, setLiveRoomAttributes),
  removeLiveRoomAttributes: when(...ATTRIBUTES, attributesOn, removeLiveRoomAttributes),
  keepLiveRoomAlive: when(
    ...chatroomService("chatroomKeepAlive", "keeping chatrooms alive (5 rooms by default)"),
    (ctx: RongCloudContext) => ctx.features.chatroomKeepAlive,
    keepLiveRoomAlive,
  ),

  deleteUsers: gap(
    "RongCloud deletes a production user only by deactivation (/user/deactivate.json), which imgraph does not offer as a delete: it is asynchronous (each user's result comes later by callback), keeps the user's group memberships, and the id can be reactivated (/user/delusers.json deletes development-environment users only)",
  ),
  issueRoomCredential: gap(
    "RongCloud chatrooms are entered with the user's IM token (issueChatCredential); RTC room tokens belong to RongCloud's separate RTC product",
  ),
  transferGroupOwnership: when(
    HOSTED_ON,
    classicLacks("owner"),
    hostedOn,
    hostedGroups.transferGroupOwnership,
  ),
  listAppGroups: when(
    HOSTED_ON,
    classicLacks("app-wide list (its server API lists only the groups of one user)"),
    hostedOn,
    hostedGroups.listAppGroups,
  ),
  getGroupAttributes: when(
    HOSTED_ON,
    classicLacks("custom attributes (groupExtProfile)"),
    hostedOn,
    groupAttributes.getGroupAttributes,
  ),
  setGroupAttributes: when(
    HOSTED_ON,
    classicLacks("custom attributes (groupExtProfile)"),
    hostedOn,
    groupAttributes.setGroupAttributes,
  ),
  // No per-key delete on RongCloud: the map is written whole (group-attributes.ts).
  removeGroupAttributes: when(
    HOSTED_ON,
    classicLacks("custom attributes (groupExtProfile)"),
    hostedOn,
    groupAttributes.removeGroupAttributes,
  ),
  clearGroupAttributes: when(
    HOSTED_ON,
    classicLacks("custom attributes (groupExtProfile)"),
    hostedOn,
    groupAttributes.clearGroupAttributes,
  ),
  setGroupMemberProfile: when(
    HOSTED_ON,
    classicLacks("member profiles (name card and extra)"),
    hostedOn,
    groupMemberProfile.setGroupMemberProfile,
  ),
  setGroupMemberRole: when(
    HOSTED_ON,
    classicLacks("roles (owner, admins)"),
    hostedOn,
    groupRoles.setGroupMemberRole,
  ),
  getGroupMemberRoles: when(
    HOSTED_ON,
    classicLacks("roles (owner, admins)"),
    hostedOn,
    groupRoles.getGroupMemberRoles,
  ),
  getGroupCounters: gap(NO_COUNTERS),
  changeGroupCounters: gap(NO_COUNTERS),
  importGroup: gap(
    "RongCloud keeps no original times: its import (/entrust/group/import.json) only turns an existing classic group into a hosted one (owner and profile, no members, roles or times), and /group/create.json and join.json stamp the server's time; create the group with createGroup and addGroupMembers instead",
  ),
  listMessages: when(
    "features.history: true (the default)",
    "cloud message storage is off for this app (features.history: false); RongCloud keeps no history to read without it",
    (ctx: RongCloudContext) => ctx.features.history,
    history.listMessages,
  ),
  recallMessage: when(
    "features.history: true (the default)",
    "a RongCloud recall needs the message's server time, which is read from cloud message storage; it is off for this app (features.history: false)",
    (ctx: RongCloudContext) => ctx.features.history,
    recall.recallMessage,
  ),
  broadcastMessage: when(
    BROADCAST_ON,
    "broadcast to all users is off for this app (features.broadcast); RongCloud enables it per app key in its console, at most 2 an hour with pushes",
    broadcastOn,
    push.broadcastMessage,
  ),
  kickRoomUsers: gap(
    "rooms here are RongCloud chatrooms, whose server API has no plain kick (only timed blocks that also keep the user out); RTC rooms belong to RongCloud's separate RTC product",
  ),
  importFriends: gap(
    "RongCloud's /friend/add.json has no field for the original time (the add time is the server's); use addFriends, which records the time of the call",
  ),
  getFriends: gap(
    "RongCloud has no server API that fetches chosen friends; page through the user's friends (listFriends) instead, or use checkFriends for the relation alone",
  ),
  createFriendGroups: NO_FRIEND_GROUPS,
  deleteFriendGroups: NO_FRIEND_GROUPS,
  listFriendGroups: NO_FRIEND_GROUPS,
  addToFriendGroup: NO_FRIEND_GROUPS,
  removeFromFriendGroup: NO_FRIEND_GROUPS,

  listConversations: gap(
    "RongCloud has no server API that reads a user's conversation list: the server keeps one (up to 1000 conversations) for its client SDKs only",
  ),
  countUnread: gap(
    "RongCloud's server keeps no unread counts: its client SDKs count unread messages on the device",
  ),
  markConversationRead: gap(
    "RongCloud has no server API to mark a conversation read: read state is kept by its client SDKs, which send read receipts as messages",
  ),
  setUnreadCount: gap(
    "RongCloud's server keeps no unread counts to set: they live in its client SDKs' local databases",
  ),
  deleteConversation: gap(
    "RongCloud has no server API to remove a conversation from a user's list (the list is kept by its client SDKs); clearConversationHistory clears the user's server-side history instead",
  ),
  clearConversationHistory: when(
    "features.history: true (the default)",
    "cloud message storage is off for this app (features.history: false); RongCloud's clean API clears a user's server-side history, which exists only with it",
    (ctx: RongCloudContext) => ctx.features.history,
    conversations.clearConversationHistory,
  ),
  getHistoryLog: when(
    HISTORY_LOG_ON,
    HISTORY_LOG_OFF,
    (ctx: RongCloudContext) => ctx.features.historyLog,
    historyLog.getHistoryLog,
  ),
  deleteHistoryLog: when(
    HISTORY_LOG_ON,
    HISTORY_LOG_OFF,
    (ctx: RongCloudContext) => ctx.features.historyLog,
    historyLog.deleteHistoryLog,
  ),

  deleteMessages: gap(
    "RongCloud has no server API to delete chosen one-to-one messages from one user's history (its client SDKs do, deleteRemoteMessages); recallMessage removes a message for everyone, and clearConversationHistory clears a user's server-side copy before a time",
  ),
  deleteGroupMessagesBySender: gap(
    "RongCloud has no server API to delete a member's group messages: each message can only be recalled for everyone, one at a time by its id (recallMessage)",
  ),
  getMessageExtensions: when(EXTENSIONS_ON, EXTENSIONS_OFF, extensionsOn, getMessageExtensions),
  setMessageExtensions: when(EXTENSIONS_ON, EXTENSIONS_OFF, extensionsOn, setMessageExtensions),
  removeMessageExtensions: when(
    EXTENSIONS_ON,
    EXTENSIONS_OFF,
    extensionsOn,
    removeMessageExtensions,
  ),
  // Kept in extensions, unversioned: the last write wins (message-extensions.ts).
  addReaction: when(EXTENSIONS_ON, REACTIONS_OFF, extensionsOn, reactions.addReaction),
  removeReaction: when(EXTENSIONS_ON, REACTIONS_OFF, extensionsOn, reactions.removeReaction),
  listReactions: when(EXTENSIONS_ON, REACTIONS_OFF, extensionsOn, reactions.listReactions),
  markMessagesRead: gap(NO_READ_RECEIPTS),
  getReadReceipts: gap(NO_READ_RECEIPTS),
  listMessageReaders: gap(NO_READ_RECEIPTS),
  setConversationMarks: gap(NO_MARKS),
  listConversationMarks: gap(NO_MARKS),
  importMessages: gap(
    "RongCloud has no import API: its publish endpoints stamp every message with the server's time and take no original time, so imported messages would appear as sent now",
  ),
  pushToAll: when(BROADCAST_ON, PUSH_OFF, broadcastOn, push.pushToAll),
  pushToTags: when(BROADCAST_ON, PUSH_OFF, broadcastOn, push.pushToTags),
  // /push/user.json needs no service; it answers no task id.
  pushToUsers: push.pushToUsers,
  pushToAttributes: gap(NO_PUSH_ATTRIBUTES),
  setPushAttributes: gap(NO_PUSH_ATTRIBUTES),
  getPushAttributes: gap(NO_PUSH_ATTRIBUTES),
  getPushTask: gap(
    "RongCloud has no server API for one push's state or figures: /push.json answers only the push's id and /push/user.json not even that; its paid push log service hands out log files to download, not a task's status",
  ),
});
