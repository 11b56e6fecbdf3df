import type { OutgoingContent } from "./message.js";

export interface RoomCredentialInput {
  userId: string;
  roomId: string;
  ttlSeconds?: number;
  /** May the user publish audio/video, not just watch. */
  canPublish?: boolean;
}

export interface RoomCredential {
  appId: string;
  userId: string;
  roomId: string;
  token: string;
  /**
   * What the user signs in with, where the vendor's room SDK wants it beside the room token
   * (Tencent TRTC: the UserSig, valid as long as the token); null where `token` is enough.
   */
  userToken: string | null;
  expiresAt: Date | null;
}

export interface RoomUser {
  userId: string;
  joinedAt: Date | null;
}

export interface RoomUsersInput {
  roomId: string;
  limit?: number;
  cursor?: string | null;
}

export interface KickRoomUsersInput {
  roomId: string;
  userIds: string[];
  reason?: string;
}

export interface RoomMessageInput {
  roomId: string;
  from: string;
  content: OutgoingContent;
}
