import { gap, type Implementation, when } from "@imgraph/core";
import { blockUsers, checkBlocked, listBlockedUsers, unblockUsers } from "./blocklist.js";
import type { TencentContext } from "./context.js";
import { issueChatCredential, issueRoomCredential } from "./credentials.js";
import {
  addFriends,
  checkFriends,
  deleteAllFriends,
  deleteFriends,
  getFriends,
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
import { banUsers, unbanUsers } from "./moderation.js";
import { broadcastMessage } from "./push.js";
import { recallMessage } from "./recall.js";
import { listRoomUsers, sendRoomMessage } from "./rooms.js";
import { deleteUsers, getPresence, getUsers, registerUsers, updateUser } from "./users.js";

/** Work groups (REST type "Private") refuse forbid_send_msg: no member mutes there. */
const MUTES = [
  'options.groupType: "Public" or "ChatRoom" (the default is "Public")',
  'Tencent Work groups (groupType "Private") have no member mutes: forbid_send_msg refuses them',
  (ctx: TencentContext) => ctx.groupType !== "Private",
] as const;

/**
 * Every neutral operation for Tencent Cloud Chat: where it is implemented, or why Tencent
 * cannot do it (a declared gap), or the app option it depends on. The support matrix is
 * generated from this map.
 */
export const implementation = {
  // users.ts
  registerUsers,
  updateUser,
  getUsers,
  deleteUsers,
  getPresence,
  // moderation.ts
  banUsers,
  unbanUsers,
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
  muteGroupMembers: when(...MUTES, muteGroupMembers),
  unmuteGroupMembers: when(...MUTES, unmuteGroupMembers),
  listMutedMembers: when(...MUTES, listMutedMembers),
  // group-lists.ts
  listUserGroups,
  listAppGroups,
  // messages.ts
  sendMessage,
  sendSystemMessage: gap(
    "Tencent's only server-sent system notification (send_group_system_notification) is scoped to a group; a one-to-one system message would be an ordinary message (use sendMessage)",
  ),
  // history.ts
  listMessages,
  // recall.ts
  recallMessage,
  // push.ts
  broadcastMessage: when(
    "options.broadcast: true",
    "all-member push is off for this app (options.broadcast); it needs Tencent's Pro or Ultimate edition with the push add-on",
    (ctx: TencentContext) => ctx.broadcast,
    broadcastMessage,
  ),
  // rooms.ts
  listRoomUsers,
  kickRoomUsers: gap(
    "Tencent's REST API cannot remove members from a live room (AVChatRoom answers 10004); its kick logs a user out of the whole app",
  ),
  sendRoomMessage,
  // friends.ts
  addFriends,
  importFriends,
  updateFriends,
  deleteFriends,
  deleteAllFriends,
  listFriends,
  getFriends,
  checkFriends,
  // blocklist.ts
  blockUsers,
  unblockUsers,
  listBlockedUsers,
  checkBlocked,
} satisfies Implementation<TencentContext>;
