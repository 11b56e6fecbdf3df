import { gap, type Implementation, when } from "@imgraph/core";
import { blockUsers, checkBlocked, listBlockedUsers, unblockUsers } from "./blocklist.js";
import type { ZegoContext } from "./context.js";
import { issueChatCredential, issueRoomCredential } from "./credentials.js";
import {
  addFriends,
  checkFriends,
  deleteAllFriends,
  deleteFriends,
  importFriends,
  listFriends,
  updateFriends,
} from "./friends.js";
import { listAppGroups, listUserGroups } from "./group-lists.js";
import { listMutedMembers, muteGroupMembers, unmuteGroupMembers } from "./group-mutes.js";
import {
  addGroupMembers,
  checkGroupMembers,
  createGroup,
  dismissGroup,
  getGroup,
  listGroupMembers,
  removeGroupMembers,
  transferGroupOwnership,
} from "./groups.js";
import { listMessages } from "./history.js";
import { sendMessage } from "./messages.js";
import { broadcastMessage } from "./push.js";
import { recallMessage } from "./recall.js";
import { kickRoomUsers, listRoomUsers, sendRoomMessage } from "./rooms.js";
import { getPresence, getUsers, registerUsers, updateUser } from "./users.js";

const NO_APP_BAN = "ZIM has no app-wide ban: its blocklist is per user (one user blocks another)";

/**
 * Every neutral operation for ZEGO: ZIM (In-app Chat) for users, groups and messages, RTC
 * (Video Call) for rooms. A gap says why ZEGO cannot do an operation; it is answered with
 * UNSUPPORTED_BY_VENDOR without a vendor call and listed in the support matrix.
 */
export const implementation = {
  // users.ts
  registerUsers,
  updateUser,
  getUsers,
  deleteUsers: gap(
    "ZIM's server API has no Action that deletes a user (no DeleteUsers is documented)",
  ),
  getPresence,

  // moderation
  banUsers: gap(NO_APP_BAN),
  unbanUsers: gap(NO_APP_BAN),

  // credentials.ts
  issueChatCredential,
  issueRoomCredential,

  // groups.ts
  createGroup,
  getGroup,
  listGroupMembers,
  checkGroupMembers,
  addGroupMembers,
  removeGroupMembers,
  transferGroupOwnership,
  dismissGroup,

  // group-mutes.ts
  muteGroupMembers,
  unmuteGroupMembers,
  listMutedMembers,

  // group-lists.ts
  listUserGroups,
  listAppGroups,

  // messages.ts
  sendMessage,
  sendSystemMessage: gap(
    "ZIM has no system conversation: every server send is a message from a named user",
  ),

  // history.ts
  listMessages,

  // recall.ts
  recallMessage,

  // push.ts
  broadcastMessage: when(
    "features.broadcast: true",
    "SendMessageToAllUsers needs a Professional or Flagship ZEGO plan: set features.broadcast once the app has one",
    (ctx: ZegoContext) => ctx.broadcast,
    broadcastMessage,
  ),

  // rooms.ts
  listRoomUsers,
  kickRoomUsers,
  sendRoomMessage,

  // friends.ts
  addFriends,
  importFriends,
  updateFriends,
  deleteFriends,
  deleteAllFriends,
  listFriends,
  getFriends: gap(
    "ZIM's server API cannot read chosen friends by id (only its client SDK's queryFriendsInfo can); page through listFriends instead",
  ),
  checkFriends,

  // blocklist.ts
  blockUsers,
  unblockUsers,
  listBlockedUsers,
  checkBlocked,
} satisfies Implementation<ZegoContext>;
