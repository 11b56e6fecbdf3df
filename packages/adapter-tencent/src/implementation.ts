import { exactImplementation, gap, reactionsOverExtensions, when } from "@imgraph/core";
import * as accounts from "./accounts.js";
import * as blocklist from "./blocklist.js";
import type { TencentContext } from "./context.js";
import * as folders from "./conversation-folders.js";
import * as marks from "./conversation-marks.js";
import * as conversations from "./conversations.js";
import * as credentials from "./credentials.js";
import * as friendGroups from "./friend-groups.js";
import * as friends from "./friends.js";
import * as groupAttributes from "./group-attributes.js";
import * as groupCounters from "./group-counters.js";
import * as groupImport from "./group-import.js";
import * as groupLists from "./group-lists.js";
import * as groupMemberProfile from "./group-member-profile.js";
import * as groupMutes from "./group-mutes.js";
import * as groupProfile from "./group-profile.js";
import * as groupRoles from "./group-roles.js";
import * as groups from "./groups.js";
import * as history from "./history.js";
import * as historyLog from "./history-log.js";
import * as liveRoomAttributes from "./live-room-attributes.js";
import * as liveRoomMembers from "./live-room-members.js";
import * as liveRoomMessages from "./live-room-messages.js";
import * as liveRoomModeration from "./live-room-moderation.js";
import * as liveRooms from "./live-rooms.js";
import * as messageDeletes from "./message-deletes.js";
import * as messageEdits from "./message-edits.js";
import * as messageExtensions from "./message-extensions.js";
import * as messageImport from "./message-import.js";
import * as messages from "./messages.js";
import * as moderation from "./moderation.js";
import * as push from "./push.js";
import * as pushAttributes from "./push-attributes.js";
import * as pushTasks from "./push-tasks.js";
import * as readReceipts from "./read-receipts.js";
import * as recall from "./recall.js";
import * as rooms from "./rooms.js";
import { SENSITIVE_WORDS_GAPS } from "./sensitive-words.js";
import * as userAttributes from "./user-attributes.js";
import * as userMutes from "./user-mutes.js";
import * as userTags from "./user-tags.js";
import * as users from "./users.js";

/** What turns operations on: the option as the support matrix words it, and its test. */
interface Condition {
  readonly text: string;
  readonly on: (ctx: TencentContext) => boolean;
}

/** The on/off app options; each has the same key in options.ts and TencentContext. */
type SwitchOption = {
  [K in keyof TencentContext]: TencentContext[K] extends boolean ? K : never;
}[keyof TencentContext];

/** An on/off app option, derived from its key. */
const switchedOn = (option: SwitchOption): Condition => ({
  text: `options.${option}: true`,
  on: (ctx) => ctx[option],
});

/** An app option that lists names the console declares: on when it lists any. */
const listing = (option: "userAttributes" | "pushAttributes", item: string): Condition => ({
  text: `options.${option}: ["<${item}>", ...]`,
  on: (ctx) => ctx[option].length > 0,
});

const both = (a: Condition, b: Condition): Condition => ({
  text: `${a.text} and ${b.text}`,
  on: (ctx) => a.on(ctx) && b.on(ctx),
});

/** `when`'s first three arguments: the condition's text, why it is off, its test. */
const gate = (condition: Condition, offReason: string) =>
  [condition.text, offReason, condition.on] as const;

/** Work groups (REST type "Private") lack member mutes and admins. */
const NOT_WORK_GROUPS: Condition = {
  text: 'options.groupType: "Public" or "ChatRoom" (the default is "Public")',
  on: (ctx) => ctx.groupType !== "Private",
};

/** Push attributes and tags need the all-member push edition the broadcast option declares. */
const ALL_MEMBER_PUSH_ON = switchedOn("broadcast");

const MUTES = gate(
  NOT_WORK_GROUPS,
  'Tencent Work groups (groupType "Private") have no member mutes: forbid_send_msg refuses them',
);

const ALL_MEMBER_PUSH = gate(
  ALL_MEMBER_PUSH_ON,
  "all-member push is off for this app (options.broadcast); it needs Tencent's Pro or Ultimate edition with the push add-on",
);

/** Push attributes need all-member push and the app's attribute names (options.pushAttributes). */
const PUSH_ATTRIBUTES = gate(
  both(ALL_MEMBER_PUSH_ON, listing("pushAttributes", "name")),
  "push attributes are off for this app: they need all-member push (options.broadcast) and the app's push attribute names (set in Tencent's console or with timpush/set_attr_name) listed in options.pushAttributes",
);

/** User attributes live in custom profile fields the console declares (options.userAttributes). */
const USER_ATTRIBUTES = gate(
  listing("userAttributes", "keyword"),
  "user attributes are Tencent's custom profile fields: declare them in the console and list their keywords in options.userAttributes",
);

/** Extensions need Tencent's Pro edition and a console switch, and messages sent with support. */
const EXTENSIONS = gate(
  switchedOn("messageExtensions"),
  "message extensions are off for this app (options.messageExtensions): they need Tencent's Pro edition or higher and the console's message extension switch, and work on messages sent with them on",
);

/** Reactions are kept in extensions: Tencent's REST API has none of its own. */
const REACTIONS = gate(
  switchedOn("messageExtensions"),
  "Tencent's REST API has no reactions (client SDKs keep their own); imgraph keeps them in message extensions, which are off for this app (options.messageExtensions)",
);

/** Group read receipts need Tencent's Pro edition and a console switch. */
const RECEIPTS = gate(
  switchedOn("readReceipts"),
  "read receipts are off for this app (options.readReceipts): group receipts need Tencent's Pro edition or higher and the console's group read receipt switch, and work on messages sent with them on",
);

/** Conversation groups and marks need Tencent's Pro edition or higher. */
const CONVERSATION_GROUPS = gate(
  switchedOn("conversationGroups"),
  "conversation groups and marks are off for this app (options.conversationGroups): Tencent keeps them (recentcontact contact groups, mark_contact) for the Pro edition or higher",
);

/** modify_group_member_info refuses a Role in Work groups. */
const ADMINS = gate(
  NOT_WORK_GROUPS,
  'Tencent Work groups (groupType "Private") have no admins: modify_group_member_info refuses a Role there',
);

/** Group counters need Tencent's Pro edition or higher. */
const COUNTERS = gate(
  switchedOn("groupCounters"),
  "group counters are off for this app (options.groupCounters): Tencent keeps them (get_group_counter, update_group_counter) for the Pro edition or higher, else 10059",
);

/** Live rooms' online member list needs Tencent's Pro edition and a console switch. */
const LIVE_ROOM_MEMBERS = gate(
  switchedOn("liveRoomOnlineMembers"),
  'the live room online member list is off for this app (options.liveRoomOnlineMembers): check_members needs Tencent\'s Pro edition or higher and the console switch "List of online audio-video group members"',
);

/** Banning from live rooms needs Tencent's Pro edition and a console switch. */
const LIVE_ROOM_BANS = gate(
  switchedOn("liveRoomBans"),
  'live room banning is off for this app (options.liveRoomBans): ban_group_member needs Tencent\'s Pro edition or higher and the console switch "Audio-video group member banning"',
);

/** Broadcasting into every live room needs Tencent's Pro edition and a console switch. */
const LIVE_ROOM_BROADCAST = gate(
  switchedOn("liveRoomBroadcast"),
  'live room broadcast is off for this app (options.liveRoomBroadcast): send_broadcast_msg needs Tencent\'s Pro edition or higher and the console switch "Broadcast messaging of audio-video group"',
);

/** Tencent keeps every group, live ones too, until it is destroyed (#17 §3.7). */
const NEVER_IDLE =
  "Tencent never destroys an idle live group (AVChatRoom): it lives until destroyed, so there is nothing to keep alive";

// Unversioned: Tencent does not check the admin's Seq, so reactions are last-write-wins.
const reactions = reactionsOverExtensions(messageExtensions, false);

/**
 * Every neutral operation for Tencent Cloud Chat: the handlers each area module exports,
 * then why Tencent cannot do an operation (a declared gap), or the app option it depends
 * on. The support matrix is generated from this map.
 */
export const implementation = exactImplementation<TencentContext>()({
  ...users,
  ...moderation,
  ...credentials,
  ...groups,
  ...groupLists,
  ...messages,
  ...history,
  ...historyLog,
  ...recall,
  ...rooms,
  ...friends,
  ...blocklist,
  ...userMutes,
  ...accounts,
  ...friendGroups,
  ...conversations,
  ...messageEdits,
  ...messageDeletes,
  ...messageImport,
  updateGroupProfile: groupProfile.updateGroupProfile,
  muteGroup: groupProfile.muteGroup,
  getGroupAttributes: groupAttributes.getGroupAttributes,
  setGroupAttributes: groupAttributes.setGroupAttributes,
  removeGroupAttributes: groupAttributes.removeGroupAttributes,
  clearGroupAttributes: groupAttributes.clearGroupAttributes,
  ...groupMemberProfile,
  ...groupImport,
  getGroupMemberRoles: groupRoles.getGroupMemberRoles,

  muteGroupMembers: when(...MUTES, groupMutes.muteGroupMembers),
  unmuteGroupMembers: when(...MUTES, groupMutes.unmuteGroupMembers),
  listMutedMembers: when(...MUTES, groupMutes.listMutedMembers),
  sendSystemMessage: gap(
    "Tencent's only server-sent system notification (send_group_system_notification) is scoped to a group; a one-to-one system message would be an ordinary message (use sendMessage)",
  ),
  broadcastMessage: when(...ALL_MEMBER_PUSH, push.broadcastMessage),
  getUserAttributes: when(...USER_ATTRIBUTES, userAttributes.getUserAttributes),
  setUserAttributes: when(...USER_ATTRIBUTES, userAttributes.setUserAttributes),
  removeUserAttributes: when(...USER_ATTRIBUTES, userAttributes.removeUserAttributes),
  getUserTags: when(...ALL_MEMBER_PUSH, userTags.getUserTags),
  addUserTags: when(...ALL_MEMBER_PUSH, userTags.addUserTags),
  removeUserTags: when(...ALL_MEMBER_PUSH, userTags.removeUserTags),
  setUserTags: when(...ALL_MEMBER_PUSH, userTags.setUserTags),
  clearConversationHistory: gap(
    "Tencent's REST API cannot clear one user's copy of a conversation's history and keep the conversation: recentcontact/delete with ClearRamble does both (deleteConversation with clearHistory), and only client SDKs clear history alone",
  ),
  // docs/vendors/tencent.md "Pre-send callbacks and sensitive words (#18)".
  ...SENSITIVE_WORDS_GAPS,
  deleteHistoryLog: gap(
    "Tencent deletes its message log files itself 7 days after the hour (open_msg_svc/get_history); it has no call to delete one",
  ),
  getMessageExtensions: when(...EXTENSIONS, messageExtensions.getMessageExtensions),
  setMessageExtensions: when(...EXTENSIONS, messageExtensions.setMessageExtensions),
  removeMessageExtensions: when(...EXTENSIONS, messageExtensions.removeMessageExtensions),
  addReaction: when(...REACTIONS, reactions.addReaction),
  removeReaction: when(...REACTIONS, reactions.removeReaction),
  listReactions: when(...REACTIONS, reactions.listReactions),
  markMessagesRead: when(...RECEIPTS, readReceipts.markMessagesRead),
  getReadReceipts: when(...RECEIPTS, readReceipts.getReadReceipts),
  listMessageReaders: when(...RECEIPTS, readReceipts.listMessageReaders),
  listConversationGroups: when(...CONVERSATION_GROUPS, folders.listConversationGroups),
  createConversationGroup: when(...CONVERSATION_GROUPS, folders.createConversationGroup),
  renameConversationGroup: when(...CONVERSATION_GROUPS, folders.renameConversationGroup),
  deleteConversationGroup: when(...CONVERSATION_GROUPS, folders.deleteConversationGroup),
  addToConversationGroup: when(...CONVERSATION_GROUPS, folders.addToConversationGroup),
  removeFromConversationGroup: when(...CONVERSATION_GROUPS, folders.removeFromConversationGroup),
  setConversationMarks: when(...CONVERSATION_GROUPS, marks.setConversationMarks),
  listConversationMarks: when(...CONVERSATION_GROUPS, marks.listConversationMarks),
  setGroupMemberRole: when(...ADMINS, groupRoles.setGroupMemberRole),
  getGroupCounters: when(...COUNTERS, groupCounters.getGroupCounters),
  changeGroupCounters: when(...COUNTERS, groupCounters.changeGroupCounters),
  kickRoomUsers: gap(
    "Tencent's IM REST API cannot remove members from a live room (AVChatRoom answers 10004) except by banning them for a while (ban_group_member), and its kick logs a user out of the whole app; removing a user from the TRTC room (RemoveUserByStrRoomId) is a Tencent Cloud API call signed with SecretId/SecretKey, which imgraph does not hold",
  ),

  createLiveRoom: liveRooms.createLiveRoom,
  destroyLiveRoom: liveRooms.destroyLiveRoom,
  getLiveRoom: liveRooms.getLiveRoom,
  listLiveRoomMembers: liveRoomMembers.listLiveRoomMembers,
  checkLiveRoomMembers: when(...LIVE_ROOM_MEMBERS, liveRoomMembers.checkLiveRoomMembers),
  kickLiveRoomMembers: gap(
    "Tencent's REST API cannot remove a member from a live room (AVChatRoom) without banning it: delete_group_member answers 10004 there; ban for a short while instead (banLiveRoomMembers)",
  ),
  banLiveRoomMembers: when(...LIVE_ROOM_BANS, liveRoomModeration.banLiveRoomMembers),
  unbanLiveRoomMembers: when(...LIVE_ROOM_BANS, liveRoomModeration.unbanLiveRoomMembers),
  listLiveRoomBans: when(...LIVE_ROOM_BANS, liveRoomModeration.listLiveRoomBans),
  muteLiveRoomMembers: liveRoomModeration.muteLiveRoomMembers,
  unmuteLiveRoomMembers: liveRoomModeration.unmuteLiveRoomMembers,
  listLiveRoomMutes: liveRoomModeration.listLiveRoomMutes,
  muteLiveRoom: liveRoomModeration.muteLiveRoom,
  sendLiveRoomMessage: liveRoomMessages.sendLiveRoomMessage,
  broadcastLiveRoomMessage: when(...LIVE_ROOM_BROADCAST, liveRoomMessages.broadcastLiveRoomMessage),
  getLiveRoomAttributes: liveRoomAttributes.getLiveRoomAttributes,
  setLiveRoomAttributes: liveRoomAttributes.setLiveRoomAttributes,
  removeLiveRoomAttributes: liveRoomAttributes.removeLiveRoomAttributes,
  keepLiveRoomAlive: gap(NEVER_IDLE),
  setLiveRoomWhitelist: gap(
    "Tencent has no REST call to exempt users from a live group's limits: its member marks (modify_user_info, e.g. Mark 500 to stay online up to 3 days) keep a member in the online list, not their sends; only a per-message MsgPriority (sendLiveRoomMessage priority) decides what is kept under load",
  ),
  listLiveRoomWhitelist: gap(
    "Tencent has no live room whitelist to read: no REST call exempts users from a live group's limits (member marks listed by get_members Mark keep members online, not their sends)",
  ),
  pushToAll: when(...ALL_MEMBER_PUSH, push.pushToAll),
  pushToTags: when(...ALL_MEMBER_PUSH, push.pushToTags),
  pushToAttributes: when(...PUSH_ATTRIBUTES, push.pushToAttributes),
  pushToUsers: when(...ALL_MEMBER_PUSH, push.pushToUsers),
  setPushAttributes: when(...PUSH_ATTRIBUTES, pushAttributes.setPushAttributes),
  getPushAttributes: when(...PUSH_ATTRIBUTES, pushAttributes.getPushAttributes),
  getPushTask: when(...ALL_MEMBER_PUSH, pushTasks.getPushTask),
});
