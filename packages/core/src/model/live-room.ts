import type { OutgoingContent } from "./message.js";

// Live rooms: the large, ephemeral chat rooms of live streams and events (RongCloud
// chatrooms, Tencent audio-video groups, ZIM rooms). Unlike groups they keep no durable
// membership — members are whoever is connected now, entering and leaving through the
// client SDKs — and unlike RTC rooms they carry chat, not media.

export interface LiveRoom {
  id: string;
  /** Null where the vendor keeps no name. */
  name: string | null;
  /** Who created or owns the room; null where the vendor keeps no owner. */
  ownerId: string | null;
  /** Null where the vendor does not say. */
  createdAt: Date | null;
  /** Members connected now, as the vendor counts them (may lag by seconds); null where unknown. */
  memberCount: number | null;
  /** Whether only the exempt may send; null where the vendor does not say. */
  allMuted: boolean | null;
  /**
   * How long the vendor keeps the room once it is idle (RongCloud: no joins, leaves or
   * messages) or empty (ZEGO), seconds; null when it never destroys it for that or does not say.
   */
  idleLifetimeSeconds: number | null;
}

export interface CreateLiveRoomInput {
  roomId: string;
  name?: string;
  /** The creator, for vendors that record one (owner of the room's initial attributes). */
  ownerId?: string;
  /** Seconds the vendor keeps the room once idle or empty, within its bounds. */
  idleLifetimeSeconds?: number;
  /** Initial room attributes. */
  attributes?: Record<string, string>;
  /** Create it muted (only the exempt may send). */
  allMuted?: boolean;
}

export interface LiveRoomRef {
  roomId: string;
  /** Who acts, for vendors that record an operator. */
  actorId?: string;
}

export interface LiveRoomMember {
  userId: string;
  /** When the user entered; null where the vendor does not say. */
  joinedAt: Date | null;
  /** The user's display name as the vendor reports it; null where it does not. */
  name: string | null;
}

export interface LiveRoomMembersInput {
  roomId: string;
  limit?: number;
  cursor?: string | null;
}

export interface LiveRoomUsersInput {
  roomId: string;
  userIds: string[];
  actorId?: string;
}

export interface LiveRoomKickInput extends LiveRoomUsersInput {
  /** Shown to the removed users, where the vendor carries one. */
  reason?: string;
}

/** A timed restriction (ban or mute) of some users in one room. */
export interface LiveRoomRestrictInput extends LiveRoomUsersInput {
  /** How long, in seconds, within the vendor's bounds. */
  durationSeconds: number;
  reason?: string;
}

export interface LiveRoomRestriction {
  userId: string;
  /** When it ends; null where the vendor does not say (or it does not end). */
  until: Date | null;
}

export interface LiveRoomMuteAllInput extends LiveRoomRef {
  muted: boolean;
}

/** The vendor's delivery priority: under load higher ones are kept and lower ones dropped. */
export type LiveRoomMessagePriority = "HIGH" | "NORMAL" | "LOW";

export interface LiveRoomMessageInput {
  roomId: string;
  from: string;
  content: OutgoingContent;
  /** NORMAL when omitted. */
  priority?: LiveRoomMessagePriority;
}

export interface LiveRoomBroadcastInput {
  from: string;
  content: OutgoingContent;
}

export interface LiveRoomAttributesRead {
  roomId: string;
  /** Only these keys; every key when omitted. */
  keys?: string[];
}

export interface LiveRoomAttributesWrite extends LiveRoomRef {
  /** Keys to set (added or replaced); others stay. */
  attributes: Record<string, string>;
}

export interface LiveRoomAttributeKeys extends LiveRoomRef {
  keys: string[];
}

export interface LiveRoomKeepAliveInput {
  roomId: string;
  /** true: never destroy the room for idleness; false: the vendor's idle rule applies again. */
  keepAlive: boolean;
}

export interface LiveRoomWhitelistInput {
  roomId: string;
  userIds: string[];
  /** true adds them, false removes them. */
  whitelisted: boolean;
}
