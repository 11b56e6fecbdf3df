/** Every RongCloud endpoint the emulator implements, by path (the route key). */
import type { RouteTable } from "../route.js";
import { chatBanRoutes } from "./chat-bans.js";
import { chatroomEntryRoutes } from "./chatroom-entries.js";
import { chatroomModerationRoutes } from "./chatroom-moderation.js";
import { chatroomRoutes } from "./chatrooms.js";
import { conversationAttributeRoutes } from "./conversation-attributes.js";
import { conversationTagRoutes } from "./conversation-tags.js";
import { conversationRoutes } from "./conversations.js";
import { deactivationRoutes } from "./deactivation.js";
import { entrustGroupMemberRoutes } from "./entrust-group-members.js";
import { entrustGroupProfileRoutes } from "./entrust-group-profiles.js";
import { entrustGroupRoutes } from "./entrust-groups.js";
import { expansionRoutes } from "./expansion.js";
import { friendRoutes } from "./friends.js";
import { groupMuteRoutes } from "./group-mutes.js";
import { groupRoutes } from "./groups.js";
import { historyRoutes } from "./history.js";
import { historyLogRoutes } from "./history-log.js";
import { messageModifyRoutes } from "./message-modify.js";
import { messageRoutes } from "./messages.js";
import { profileRoutes } from "./profiles.js";
import { pushRoutes } from "./push.js";
import { recallRoutes } from "./recall.js";
import { sensitiveWordRoutes } from "./sensitive-words.js";
import { userRelationRoutes } from "./user-relations.js";
import { userTagRoutes } from "./user-tags.js";
import { userRoutes } from "./users.js";

export const routes: RouteTable = {
  ...userRoutes,
  ...userRelationRoutes,
  ...userTagRoutes,
  ...chatBanRoutes,
  ...deactivationRoutes,
  ...profileRoutes,
  ...friendRoutes,
  ...groupRoutes,
  ...groupMuteRoutes,
  ...entrustGroupRoutes,
  ...entrustGroupProfileRoutes,
  ...entrustGroupMemberRoutes,
  ...messageRoutes,
  ...pushRoutes,
  ...recallRoutes,
  ...historyRoutes,
  ...chatroomRoutes,
  ...chatroomEntryRoutes,
  ...chatroomModerationRoutes,
  ...conversationRoutes,
  ...conversationTagRoutes,
  ...conversationAttributeRoutes,
  ...messageModifyRoutes,
  ...sensitiveWordRoutes,
  ...historyLogRoutes,
  ...expansionRoutes,
};
