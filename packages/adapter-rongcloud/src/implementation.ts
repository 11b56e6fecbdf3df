import { gap, type Implementation, when } from "@imgraph/core";
import { blockUsers, checkBlocked, listBlockedUsers, unblockUsers } from "./blocklist.js";
import type { RongCloudContext } from "./context.js";
import { issueChatCredential } from "./credentials.js";
import {
  addFriends,
  checkFriends,
  deleteAllFriends,
  deleteFriends,
  listFriends,
  updateFriends,
} from "./friends.js";
import { listUserGroups } from "./group-lists.js";
import { listMutedMembers, muteGroupMembers, unmuteGroupMembers } from "./group-mutes.js";
import {
  addGroupMembers,
  checkGroupMembers,
  createGroup,
  dismissGroup,
  getGroup,
  listGroupMembers,
  removeGroupMembers,
} from "./groups.js";
import { listMessages } from "./history.js";
import { sendMessage, sendSystemMessage } from "./messages.js";
import { banUsers, unbanUsers } from "./moderation.js";
import { broadcastMessage } from "./push.js";
import { recallMessage } from "./recall.js";
import { listRoomUsers, sendRoomMessage } from "./rooms.js";
import { getPresence, getUsers, registerUsers, updateUser } from "./users.js";

/**
 * Every neutral operation for RongCloud: the function that does it, a declared gap with
 * RongCloud's reason, or an operation an app option turns on. The support matrix is
 * generated from this map.
 */
export const implementation = {
  // users.ts
  registerUsers,
  updateUser,
  getUsers,
  deleteUsers: gap(
    "RongCloud has no server API to delete a user; its deactivation is asynchronous and reversible, so it is not offered as a delete",
  ),
  getPresence,
  // moderation.ts
  banUsers,
  unbanUsers,
  // credentials.ts
  issueChatCredential,
  issueRoomCredential: gap(
    "RongCloud chatrooms are entered with the user's IM token (issueChatCredential); RTC room tokens belong to RongCloud's separate RTC product",
  ),
  // groups.ts
  createGroup,
  getGroup,
  listGroupMembers,
  checkGroupMembers,
  addGroupMembers,
  removeGroupMembers,
  transferGroupOwnership: gap(
    "RongCloud's classic groups have no owner; owners exist only in its separately sold group-hosting product (/entrust/group/*)",
  ),
  dismissGroup,
  // group-mutes.ts
  muteGroupMembers,
  unmuteGroupMembers,
  listMutedMembers,
  // group-lists.ts
  listUserGroups,
  listAppGroups: gap(
    "RongCloud's classic groups have no app-wide list; its server API lists only the groups of one user",
  ),
  // messages.ts
  sendMessage,
  sendSystemMessage,
  // history.ts
  listMessages: when(
    "features.history: true (the default)",
    "cloud message storage is off for this app (features.history: false); RongCloud keeps no history to read without it",
    (ctx: RongCloudContext) => ctx.features.history,
    listMessages,
  ),
  // recall.ts
  recallMessage: when(
    "features.history: true (the default)",
    "a RongCloud recall needs the message's server time, which is read from cloud message storage; it is off for this app (features.history: false)",
    (ctx: RongCloudContext) => ctx.features.history,
    recallMessage,
  ),
  // push.ts
  broadcastMessage: when(
    "features.broadcast: true",
    "broadcast to all users is off for this app (features.broadcast); RongCloud enables it per app key in its console, at most 2 an hour",
    (ctx: RongCloudContext) => ctx.features.broadcast,
    broadcastMessage,
  ),
  // rooms.ts
  listRoomUsers,
  kickRoomUsers: gap(
    "rooms here are RongCloud chatrooms, whose server API has no plain kick (only timed blocks that also keep the user out); RTC rooms belong to RongCloud's separate RTC product",
  ),
  sendRoomMessage,
  // friends.ts (one-way adds and deletes are refused there: RongCloud friendships are mutual)
  addFriends,
  importFriends: gap(
    "RongCloud's /friend/add.json has no field for the original time (the add time is the server's); use addFriends, which records the time of the call",
  ),
  updateFriends,
  deleteFriends,
  deleteAllFriends,
  listFriends,
  getFriends: gap(
    "RongCloud has no server API that fetches chosen friends; page through the user's friends (listFriends) instead, or use checkFriends for the relation alone",
  ),
  checkFriends,
  // blocklist.ts
  blockUsers,
  unblockUsers,
  listBlockedUsers,
  checkBlocked,
} satisfies Implementation<RongCloudContext>;
