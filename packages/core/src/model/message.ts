import type { JsonValue } from "./json.js";

export type ConversationType = "USER" | "GROUP" | "ROOM" | "SYSTEM";

/** Where a message lives, seen from the server: a user pair, a group, a room or a system channel. */
export interface Conversation {
  type: ConversationType;
  /** USER: the other user as seen by `ownerId`; GROUP/ROOM: the group/room id; SYSTEM: the recipient. */
  id: string;
}

export interface TextContent {
  type: "TEXT";
  text: string;
}

export interface CustomContent {
  type: "CUSTOM";
  /** The app's own message type name. */
  customType: string;
  data: JsonValue;
}

export interface ImageContent {
  type: "IMAGE";
  url: string;
  width?: number;
  height?: number;
  sizeBytes?: number;
  thumbnailUrl?: string;
}

export interface FileContent {
  type: "FILE";
  url: string;
  name: string;
  sizeBytes?: number;
}

/** A message read back from history that has no neutral form (voice, location, ...). */
export interface UnknownContent {
  type: "UNKNOWN";
  vendorType: string;
  raw: string;
}

export type OutgoingContent = TextContent | CustomContent | ImageContent | FileContent;
export type MessageContent = OutgoingContent | UnknownContent;

export interface Message {
  /** Opaque id carrying what the vendor needs to act on the message later (e.g. recall). */
  id: string;
  conversation: Conversation;
  senderId: string;
  sentAt: Date;
  content: MessageContent;
  recalled: boolean;
  /**
   * Whether the message was edited after it was sent; null where the vendor's history does
   * not say (MESSAGE_EDITED events report edits as they happen).
   */
  edited?: boolean | null;
}

export type MessageTarget =
  | { type: "USERS"; userIds: string[] }
  | { type: "GROUP"; groupId: string };

export interface SendMessageInput {
  from: string;
  to: MessageTarget;
  content: OutgoingContent;
  /** Text for offline push notifications, where the vendor supports it. */
  pushText?: string;
  /**
   * Makes a resend of the same logical message harmless where the vendor supports it.
   * Adapters derive one when omitted so that their own retries never duplicate.
   */
  idempotencyKey?: string;
}

/** One delivered copy: per recipient for user sends, one for a group. */
export interface SentMessage {
  recipientId: string;
  messageId: string;
  sentAt: Date;
}

export interface SystemMessageInput {
  from: string;
  userIds: string[];
  content: OutgoingContent;
  pushText?: string;
}

export interface BroadcastInput {
  from: string;
  content: OutgoingContent;
  pushText?: string;
}

export interface BroadcastResult {
  /** Null where the vendor gives a broadcast no message id. */
  messageId: string | null;
}

export interface RecallInput {
  messageId: string;
  /** Who asks for the recall; defaults to the original sender. */
  actorId?: string;
}

export interface EditMessageInput {
  messageId: string;
  /** The new content (vendors edit text and custom messages; others refuse the rest). */
  content: OutgoingContent;
  /** Who asks for the edit; defaults to the original sender. */
  actorId?: string;
}

export type HistoryConversation =
  | { type: "USER"; userId: string; peerId: string }
  | { type: "GROUP"; groupId: string };

export interface HistoryInput {
  conversation: HistoryConversation;
  /** Only messages sent at or after this time. */
  after?: Date;
  /** Only messages sent before this time. */
  before?: Date;
  limit?: number;
  cursor?: string | null;
}
