import type { Vendor } from "./model/app.js";
import type { ImEventType, LiveRoomLeaveReason } from "./model/event.js";
import type { GroupRole } from "./model/group.js";
import type { LiveRoomMessagePriority } from "./model/live-room.js";
import type { ConversationType } from "./model/message.js";
import type { PushTaskState } from "./model/push.js";
import type { FriendRelation } from "./model/social.js";
import type { MuteScope, PresenceStatus } from "./model/user.js";

// The neutral model's closed sets of words, as values: the gateway builds its GraphQL
// enums from these, so a word added to a union appears there (and the compiler asks for
// its description) instead of being declared twice. `satisfies` keeps each list inside its
// union, and the check below keeps it complete.

export const VENDORS = ["rongcloud", "tencent", "zego"] as const satisfies readonly Vendor[];
export const PRESENCE_STATUSES = ["ONLINE", "OFFLINE"] as const satisfies readonly PresenceStatus[];
export const GROUP_ROLES = ["OWNER", "ADMIN", "MEMBER"] as const satisfies readonly GroupRole[];
export const CONVERSATION_TYPES = [
  "USER",
  "GROUP",
  "ROOM",
  "SYSTEM",
] as const satisfies readonly ConversationType[];
export const FRIEND_RELATIONS = [
  "NONE",
  "OUTGOING",
  "INCOMING",
  "MUTUAL",
] as const satisfies readonly FriendRelation[];
export const MUTE_SCOPES = ["DIRECT", "GROUPS"] as const satisfies readonly MuteScope[];
export const EVENT_TYPES = [
  "MESSAGE_SENT",
  "MESSAGE_RECALLED",
  "PRESENCE_CHANGED",
  "GROUP_CREATED",
  "GROUP_MEMBER_JOINED",
  "GROUP_MEMBER_LEFT",
  "GROUP_DISMISSED",
  "FRIEND_ADDED",
  "FRIEND_REMOVED",
  "BLOCKLIST_CHANGED",
  "PROFILE_UPDATED",
  "MESSAGE_EDITED",
  "MESSAGE_DELETED",
  "CONVERSATION_READ",
  "REACTION_CHANGED",
  "GROUP_PROFILE_UPDATED",
  "GROUP_MUTED",
  "GROUP_MEMBER_ROLE_CHANGED",
  "GROUP_ATTRIBUTES_CHANGED",
  "LIVE_ROOM_CREATED",
  "LIVE_ROOM_DESTROYED",
  "LIVE_ROOM_MEMBER_JOINED",
  "LIVE_ROOM_MEMBER_LEFT",
  "OPERATION_PROGRESS",
  "MESSAGE_BLOCKED",
] as const satisfies readonly ImEventType[];
export const LIVE_ROOM_LEAVE_REASONS = [
  "LEFT",
  "KICKED",
  "BANNED",
  "TIMED_OUT",
  "DESTROYED",
] as const satisfies readonly LiveRoomLeaveReason[];
export const LIVE_ROOM_MESSAGE_PRIORITIES = [
  "HIGH",
  "NORMAL",
  "LOW",
] as const satisfies readonly LiveRoomMessagePriority[];
export const PUSH_TASK_STATES = [
  "QUEUED",
  "SENDING",
  "DONE",
  "FAILED",
  "UNKNOWN",
] as const satisfies readonly PushTaskState[];

// Every word of each union is in its list (the lists cannot hold words outside it).
type Missing<All extends string, Listed extends readonly string[]> = Exclude<All, Listed[number]>;
const complete: [
  Missing<Vendor, typeof VENDORS>,
  Missing<PresenceStatus, typeof PRESENCE_STATUSES>,
  Missing<GroupRole, typeof GROUP_ROLES>,
  Missing<ConversationType, typeof CONVERSATION_TYPES>,
  Missing<ImEventType, typeof EVENT_TYPES>,
  Missing<FriendRelation, typeof FRIEND_RELATIONS>,
  Missing<MuteScope, typeof MUTE_SCOPES>,
  Missing<LiveRoomLeaveReason, typeof LIVE_ROOM_LEAVE_REASONS>,
  Missing<LiveRoomMessagePriority, typeof LIVE_ROOM_MESSAGE_PRIORITIES>,
  Missing<PushTaskState, typeof PUSH_TASK_STATES>,
] extends [never, never, never, never, never, never, never, never, never, never]
  ? true
  : false = true;
void complete;
