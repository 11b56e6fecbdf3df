import type { GroupRole } from "./group.js";
import type { Conversation, Message, MessageContent } from "./message.js";
import type { PresenceStatus } from "./user.js";

/**
 * Neutral events normalized from vendor callbacks. In a USER conversation the message's
 * `conversation.id` is the recipient (as the sender sees it), so sender and recipient are
 * the two participants.
 */
export type ImEvent =
  | { type: "MESSAGE_SENT"; appId: string; at: Date; message: Message }
  /**
   * The gateway's moderation refused a message at the vendor's pre-send callback (admins
   * only): who sent it where, and which rule refused it. Never the message's text.
   */
  | {
      type: "MESSAGE_BLOCKED";
      appId: string;
      at: Date;
      senderId: string;
      conversation: Conversation;
      rule: string;
      reason: string;
    }
  | {
      type: "MESSAGE_RECALLED";
      appId: string;
      at: Date;
      messageId: string | null;
      conversation: Message["conversation"];
      senderId: string | null;
    }
  | {
      type: "PRESENCE_CHANGED";
      appId: string;
      at: Date;
      userId: string;
      status: PresenceStatus;
      /**
       * The vendor's name for the one connection (device, session) that changed, where its
       * callback names one. The gateway folds these into the user's presence, so that one
       * device's logout does not report a user offline who is online on another.
       */
      connection?: string;
    }
  | { type: "GROUP_MEMBER_JOINED"; appId: string; at: Date; groupId: string; userIds: string[] }
  | { type: "GROUP_MEMBER_LEFT"; appId: string; at: Date; groupId: string; userIds: string[] }
  | { type: "GROUP_DISMISSED"; appId: string; at: Date; groupId: string }
  | {
      type: "GROUP_CREATED";
      appId: string;
      at: Date;
      groupId: string;
      /** Null where the vendor keeps no owner. */
      ownerId: string | null;
      /** The initial members, as far as the vendor tells. */
      userIds: string[];
    }
  /** `friendId` joined `userId`'s friend list (a mutual friendship sends one event each way). */
  | { type: "FRIEND_ADDED"; appId: string; at: Date; userId: string; friendId: string }
  /** `friendId` left `userId`'s friend list. */
  | { type: "FRIEND_REMOVED"; appId: string; at: Date; userId: string; friendId: string }
  /** `userId` put `otherId` on their blocklist (blocked) or took them off. */
  | {
      type: "BLOCKLIST_CHANGED";
      appId: string;
      at: Date;
      userId: string;
      otherId: string;
      blocked: boolean;
    }
  /** A user's profile changed (which fields, where the vendor tells, in `fields`). */
  | { type: "PROFILE_UPDATED"; appId: string; at: Date; userId: string; fields: string[] }
  /** A sent message's content was replaced. */
  | {
      type: "MESSAGE_EDITED";
      appId: string;
      at: Date;
      /** Null where the vendor's callback carries nothing to rebuild the opaque id from. */
      messageId: string | null;
      conversation: Conversation;
      senderId: string;
      /**
       * Who edited it; null where unknown: the vendor's callback names no user, or only the
       * app's server (Tencent names its admin account for an edit made through its REST API).
       */
      editorId: string | null;
      /** The new content; null where the vendor does not say. */
      content: MessageContent | null;
    }
  /**
   * A message was deleted: from one user's copy (`forUserId`) or for everyone (null). A null
   * `messageId` means all of `senderId`'s messages in the group.
   */
  | {
      type: "MESSAGE_DELETED";
      appId: string;
      at: Date;
      messageId: string | null;
      conversation: Conversation;
      senderId: string;
      forUserId: string | null;
    }
  /** `userId` read `conversation` up to `readUpTo` (now, where the vendor gives no time). */
  | {
      type: "CONVERSATION_READ";
      appId: string;
      at: Date;
      userId: string;
      conversation: Conversation;
      readUpTo: Date;
    }
  /** A group's profile changed (which fields, in neutral names, where the vendor tells). */
  | {
      type: "GROUP_PROFILE_UPDATED";
      appId: string;
      at: Date;
      groupId: string;
      fields: string[];
    }
  /** A whole group was muted (only the owner and admins send) or unmuted. */
  | { type: "GROUP_MUTED"; appId: string; at: Date; groupId: string; muted: boolean }
  /** A member's role in a group changed. */
  | {
      type: "GROUP_MEMBER_ROLE_CHANGED";
      appId: string;
      at: Date;
      groupId: string;
      userId: string;
      role: GroupRole;
    }
  /** A group's custom attributes changed (the keys, where the vendor tells; [] for all). */
  | {
      type: "GROUP_ATTRIBUTES_CHANGED";
      appId: string;
      at: Date;
      groupId: string;
      keys: string[];
    }
  /** `userId` added (`added`) or took back a reaction `emoji` on a message. */
  | {
      type: "REACTION_CHANGED";
      appId: string;
      at: Date;
      messageId: string;
      conversation: Conversation;
      /** Who sent the message (the conversation is named as they see it). */
      senderId: string;
      userId: string;
      emoji: string;
      added: boolean;
    }
  | { type: "LIVE_ROOM_CREATED"; appId: string; at: Date; roomId: string; ownerId: string | null }
  | { type: "LIVE_ROOM_DESTROYED"; appId: string; at: Date; roomId: string }
  /** Users entered a live room (from their client SDK). */
  | { type: "LIVE_ROOM_MEMBER_JOINED"; appId: string; at: Date; roomId: string; userIds: string[] }
  /** Users left a live room, and why where the vendor tells (null where it does not). */
  | {
      type: "LIVE_ROOM_MEMBER_LEFT";
      appId: string;
      at: Date;
      roomId: string;
      userIds: string[];
      reason: LiveRoomLeaveReason | null;
    }
  /**
   * How far a long operation has got (a batch of several vendor calls): published by the
   * gateway, for the caller who started it (`callerId`), under the request id it ran with.
   */
  | {
      type: "OPERATION_PROGRESS";
      appId: string;
      at: Date;
      requestId: string;
      operation: string;
      done: number;
      total: number;
      callerId: string;
    };

/**
 * Why users left a live room: they left, were removed (kicked), were banned, were dropped
 * for inactivity or a lost connection, or the room was destroyed.
 */
export type LiveRoomLeaveReason = "LEFT" | "KICKED" | "BANNED" | "TIMED_OUT" | "DESTROYED";

export type ImEventType = ImEvent["type"];
