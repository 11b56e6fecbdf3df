import { exactImplementation, gap, type Handler, type OperationName, when } from "@imgraph/core";
import * as accounts from "./accounts.js";
import * as blocklist from "./blocklist.js";
import type { ZegoContext } from "./context.js";
import * as conversationMarks from "./conversation-marks.js";
import * as conversations from "./conversations.js";
import * as credentials from "./credentials.js";
import * as friends from "./friends.js";
import * as groupAttributes from "./group-attributes.js";
import * as groupImport from "./group-import.js";
import * as groupLists from "./group-lists.js";
import * as groupMemberProfile from "./group-member-profile.js";
import * as groupMutes from "./group-mutes.js";
import * as groupProfile from "./group-profile.js";
import * as groupRoles from "./group-roles.js";
import * as groups from "./groups.js";
import * as history from "./history.js";
import * as liveRoomAttributes from "./live-room-attributes.js";
import * as liveRoomMembers from "./live-room-members.js";
import * as liveRoomMessages from "./live-room-messages.js";
import * as liveRoomModeration from "./live-room-moderation.js";
import * as liveRooms from "./live-rooms.js";
import * as messageEdits from "./message-edits.js";
import * as messageImport from "./message-import.js";
import * as messages from "./messages.js";
import * as push from "./push.js";
import * as readReceipts from "./read-receipts.js";
import * as recall from "./recall.js";
import * as rooms from "./rooms.js";
import * as users from "./users.js";

const NO_APP_BAN = "ZIM has no app-wide ban: its blocklist is per user (one user blocks another)";
const NO_FRIEND_GROUPS =
  "ZIM has no friend groups: neither its server API nor its client SDK groups a user's friends";
const NO_USER_ATTRIBUTES =
  "ZIM keeps one free string per user (Extra), which imgraph exposes as User.extra; it has no key/value attribute store";
const NO_USER_TAGS = "ZIM's server API has no user tags (no tag Action, no tag field on users)";
const NO_PUSH_ATTRIBUTES =
  "ZIM keeps no push attributes: its server API stores no key/value segments on users and its only push to many users (SendMessageToAllUsers) reaches every user";
const NO_USER_MUTE =
  "ZIM mutes users only within a group (MuteGroupMembers); it has no app-wide user mute";
const NO_EXTENSIONS =
  "ZIM keeps no key/value message extensions: a message has one ExtendedData string (1 KB) that the server can only replace whole, through EditC2cMsgBody / EditGroupMsgBody (24 h edit window, text, multi-item and custom messages only, shown to clients as an edit), so no keys or versions can be kept";
const NO_REACTIONS =
  "ZIM's message reactions are a client-SDK feature of the Enterprise plan: its server API has no reaction Action and no reaction callback, and no key/value extensions to keep them in";
const NO_RECEIPT_READS =
  "ZIM's server API sets read receipts (C2cReadReceipt / GroupReadReceipt, markMessagesRead) but reads none back: who read a message and the read/unread counts exist only in the client SDK";
const NO_FOLDERS =
  "ZIM has no named conversation folders (no server Action, and none in its client SDK): it groups conversations by marks, integers a user sets on a conversation (SetConvMark, setConversationMarks), and its client SDK lists the conversations that carry given marks (ZIMConversationFilterOption.marks)";
const NO_GROUP_COUNTERS =
  "ZIM keeps no custom group counters: group data are strings (GroupAttributes, ModifyGroupAttribute) with no atomic increase, and its only counts are its own (QueryGroupMemberList.TotalCount, QueryGroupInfo.GroupDataSeq)";
const NO_GROUP_ATTRIBUTES_ON_FREE =
  "Group attributes (ModifyGroupAttribute) are not on ZEGO's Free plan: set features.groupAttributes once the app has a Pro or Enterprise plan";

/** A group attribute operation, on only where the app's plan has them. */
function gatedAttributes<N extends OperationName>(run: Handler<ZegoContext, N>) {
  return when(
    "features.groupAttributes: true",
    NO_GROUP_ATTRIBUTES_ON_FREE,
    (ctx: ZegoContext) => ctx.groupAttributes,
    run,
  );
}

const NO_ROOM_BAN =
  "ZIM rooms have no ban: no server Action bans or blocks a user from a room and no callback can refuse an entry, so a kicked user (kickLiveRoomMembers) may enter again at once";
const NO_ROOM_MUTE =
  "ZIM rooms have no member mute: no server Action mutes a user in a room; an app can only refuse chosen users' client sends from its before_send_msg callback";
const NO_ROOM_WHITELIST =
  "ZIM keeps no room whitelist: nothing exempts users or message types from a room's limits (only a message's Priority, which sendLiveRoomMessage sets, decides what is kept under load)";

const NO_SENSITIVE_WORD_API =
  "ZIM's server API has no sensitive-word Action: custom word lists (block, replace or let through) belong to ZIM's paid content moderation and are set up by ZEGOCLOUD Technical Support; an app filters words itself through the before_send_msg callback (client sends only)";

const NO_HISTORY_LOG =
  "ZIM has no downloadable message log: history is read per conversation with QueryPeerMsg / QueryGroupMsg (listMessages)";

/**
 * Every neutral operation for ZEGO: ZIM (In-app Chat) for users, groups, messages and live
 * rooms (ZIM rooms), RTC (Video Call) for rooms; the handlers each area module exports, then the gaps. A gap says
 * why ZEGO cannot do an operation; it is answered with UNSUPPORTED_BY_VENDOR without a
 * vendor call and listed in the support matrix.
 */
export const implementation = exactImplementation<ZegoContext>()({
  ...users,
  ...credentials,
  ...groups,
  ...groupMutes,
  ...groupLists,
  ...groupProfile,
  ...groupMemberProfile,
  ...groupRoles,
  ...groupImport,
  ...messages,
  ...history,
  ...recall,
  ...rooms,
  ...friends,
  ...blocklist,
  ...accounts,
  ...conversations,
  ...conversationMarks,
  ...messageEdits,
  ...messageImport,
  ...liveRooms,
  ...liveRoomMembers,
  ...liveRoomModeration,
  ...liveRoomMessages,
  setLiveRoomAttributes: liveRoomAttributes.setLiveRoomAttributes,
  removeLiveRoomAttributes: liveRoomAttributes.removeLiveRoomAttributes,
  getLiveRoomAttributes: when(
    "operatorUserId set",
    "ZIM's QueryRoomAttribute names a registered FromUserId and reading live room attributes names no actor: set operatorUserId to a registered ZIM user (e.g. a service account)",
    (ctx: ZegoContext) => ctx.operatorUserId !== undefined,
    liveRoomAttributes.getLiveRoomAttributes,
  ),
  banLiveRoomMembers: gap(NO_ROOM_BAN),
  unbanLiveRoomMembers: gap(NO_ROOM_BAN),
  listLiveRoomBans: gap(NO_ROOM_BAN),
  muteLiveRoomMembers: gap(NO_ROOM_MUTE),
  unmuteLiveRoomMembers: gap(NO_ROOM_MUTE),
  listLiveRoomMutes: gap(NO_ROOM_MUTE),
  muteLiveRoom: gap(
    "ZIM rooms have no mute-all: no server Action (nor client SDK call) mutes a whole room; an app can only refuse client sends from its before_send_msg callback",
  ),
  broadcastLiveRoomMessage: gap(
    "ZIM cannot send into every room: SendMessageToAllUsers reaches every online user outside any room (broadcastMessage), and no server Action lists an app's rooms to send into each",
  ),
  keepLiveRoomAlive: gap(
    "ZIM has no keep-alive for rooms: an emptied room is destroyed once the DestroyDelayTime given at creation (createLiveRoom idleLifetimeSeconds, at most 3 hours) has passed, and no Action changes it later",
  ),
  setLiveRoomWhitelist: gap(NO_ROOM_WHITELIST),
  listLiveRoomWhitelist: gap(NO_ROOM_WHITELIST),

  deleteUsers: gap(
    "ZIM's server API has no Action that deletes a user (no DeleteUsers is documented)",
  ),
  banUsers: gap(NO_APP_BAN),
  unbanUsers: gap(NO_APP_BAN),
  sendSystemMessage: gap(
    "ZIM has no system conversation: every server send is a message from a named user",
  ),
  broadcastMessage: when(
    "features.broadcast: true",
    "SendMessageToAllUsers needs a Professional or Flagship ZEGO plan: set features.broadcast once the app has one",
    (ctx: ZegoContext) => ctx.broadcast,
    push.broadcastMessage,
  ),
  getFriends: gap(
    "ZIM's server API cannot read chosen friends by id (only its client SDK's queryFriendsInfo can); page through listFriends instead",
  ),
  createFriendGroups: gap(NO_FRIEND_GROUPS),
  deleteFriendGroups: gap(NO_FRIEND_GROUPS),
  listFriendGroups: gap(NO_FRIEND_GROUPS),
  addToFriendGroup: gap(NO_FRIEND_GROUPS),
  removeFromFriendGroup: gap(NO_FRIEND_GROUPS),
  getUserAttributes: gap(NO_USER_ATTRIBUTES),
  setUserAttributes: gap(NO_USER_ATTRIBUTES),
  removeUserAttributes: gap(NO_USER_ATTRIBUTES),
  getUserTags: gap(NO_USER_TAGS),
  addUserTags: gap(NO_USER_TAGS),
  removeUserTags: gap(NO_USER_TAGS),
  setUserTags: gap(NO_USER_TAGS),
  invalidateLogins: gap(
    "ZIM's server API has no Action that revokes a login, and its Token04 tokens are self-contained (checked only for signature and expiry): issue short-lived tokens instead",
  ),
  muteUsers: gap(NO_USER_MUTE),
  unmuteUsers: gap(NO_USER_MUTE),
  getUserMutes: gap(NO_USER_MUTE),
  countUnread: gap(
    "ZIM's server API returns no unread counts (QueryConversationList carries none); only the client SDK keeps them (queryConversationTotalUnreadMessageCount)",
  ),
  setUnreadCount: gap(
    "ZIM's server API can only clear a conversation's unread count (ClearConversationUnread, used by markConversationRead), not set it; the client SDK keeps the counts",
  ),
  getConversationDoNotDisturb: gap(
    "ZIM's SilenceConvNotification has no read-back Action and QueryConversationList carries no mute flag; only the client SDK reads a conversation's notification status",
  ),
  getHistoryLog: gap(NO_HISTORY_LOG),
  deleteHistoryLog: gap(NO_HISTORY_LOG),
  deleteMessages: gap(
    "ZIM's server API deletes no single messages: ClearPeerMessage clears a user's whole copy of a conversation (clearConversationHistory) and RevokePeerMessage recalls a message for both sides (recallMessage)",
  ),
  deleteGroupMessagesBySender: gap(
    "ZIM's server API cannot delete a member's messages: ClearMemberGroupMessage clears one user's own view of the whole group history, and RevokeGroupMessage recalls one message at a time by its MsgSeq (recallMessage)",
  ),
  getMessageExtensions: gap(NO_EXTENSIONS),
  setMessageExtensions: gap(NO_EXTENSIONS),
  removeMessageExtensions: gap(NO_EXTENSIONS),
  addReaction: gap(NO_REACTIONS),
  removeReaction: gap(NO_REACTIONS),
  listReactions: gap(NO_REACTIONS),
  markMessagesRead: when(
    "features.readReceipts: true",
    "ZIM's read receipts need a Pro or Enterprise plan: set features.readReceipts once the app has one (sends then ask for receipts with HasReceipt)",
    (ctx: ZegoContext) => ctx.readReceipts,
    readReceipts.markMessagesRead,
  ),
  getReadReceipts: gap(NO_RECEIPT_READS),
  listMessageReaders: gap(NO_RECEIPT_READS),
  listConversationGroups: gap(NO_FOLDERS),
  createConversationGroup: gap(NO_FOLDERS),
  renameConversationGroup: gap(NO_FOLDERS),
  deleteConversationGroup: gap(NO_FOLDERS),
  addToConversationGroup: gap(NO_FOLDERS),
  removeFromConversationGroup: gap(NO_FOLDERS),
  listMutedMembers: gap(
    "ZIM's server API reads no member's mute: FetchForbidGroupList lists the app's muted groups (with a bit for 'some member is muted'), not who is muted or until when; only the client SDK lists a group's muted members (queryGroupMemberMutedList)",
  ),
  getGroupAttributes: gatedAttributes(groupAttributes.getGroupAttributes),
  setGroupAttributes: gatedAttributes(groupAttributes.setGroupAttributes),
  removeGroupAttributes: gatedAttributes(groupAttributes.removeGroupAttributes),
  clearGroupAttributes: gatedAttributes(groupAttributes.clearGroupAttributes),
  getGroupCounters: gap(NO_GROUP_COUNTERS),
  changeGroupCounters: gap(NO_GROUP_COUNTERS),
  addSensitiveWords: gap(NO_SENSITIVE_WORD_API),
  removeSensitiveWords: gap(NO_SENSITIVE_WORD_API),
  listSensitiveWords: gap(NO_SENSITIVE_WORD_API),
  listConversationMarks: gap(
    "ZIM's server API sets conversation marks (SetConvMark, setConversationMarks) but reads none back: QueryConversationList carries no marks; only the client SDK's conversation list does (and filters by mark)",
  ),
  pushToAll: when(
    "features.broadcast: true",
    "ZIM pushes to all users through SendMessageToAllUsers, which needs a Professional or Flagship ZEGO plan: set features.broadcast once the app has one",
    (ctx: ZegoContext) => ctx.broadcast,
    push.pushToAll,
  ),
  pushToTags: gap(
    "ZIM's server API has no user tags and its only push to many users (SendMessageToAllUsers) reaches every user: it cannot push to a tag segment",
  ),
  pushToAttributes: gap(NO_PUSH_ATTRIBUTES),
  pushToUsers: gap(
    "ZIM's server API has no push-only Action for chosen users: it pushes only as part of a message (OfflinePush), which stays in their history; send a message with pushText (sendMessage) instead",
  ),
  setPushAttributes: gap(NO_PUSH_ATTRIBUTES),
  getPushAttributes: gap(NO_PUSH_ATTRIBUTES),
  getPushTask: gap(
    "ZIM reports nothing of a push: SendMessageToAllUsers answers no task or message id, and no server Action or callback gives a push's delivery",
  ),
});
