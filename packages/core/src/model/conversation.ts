import type { Conversation } from "./message.js";

// A user's conversations as the vendor keeps them on the server: the list, unread counts,
// read state, pinning and do-not-disturb. What a vendor does not keep answers null.

/** One entry of a user's conversation list. */
export interface ConversationSummary {
  /** USER: the other user; GROUP: the group. */
  conversation: Conversation;
  /** When the conversation last had a message; null where the vendor does not say. */
  lastMessageAt: Date | null;
  /** Messages the user has not read; null where the vendor's list does not carry it. */
  unreadCount: number | null;
  /** Whether the user pinned it; null where the vendor's list does not carry it. */
  pinned: boolean | null;
  /** Whether notifications are off for it; null where the vendor's list does not carry it. */
  doNotDisturb: boolean | null;
}

/**
 * One user's view of one conversation: `conversation` is USER (the peer's id) or GROUP
 * (the group's id); a user has no conversation with themself.
 */
export interface UserConversationInput {
  userId: string;
  conversation: Conversation;
}

export interface MarkConversationReadInput extends UserConversationInput {
  /** Messages sent up to this time become read; now when absent. */
  upTo?: Date;
}

export interface SetUnreadCountInput extends UserConversationInput {
  /** The unread count to set (0 or more); for moving between vendors. */
  count: number;
}

export interface DeleteConversationInput extends UserConversationInput {
  /** Also delete the user's copy of the conversation's history. */
  clearHistory?: boolean;
}

export interface PinConversationInput extends UserConversationInput {
  pinned: boolean;
}

export interface ConversationDoNotDisturbInput extends UserConversationInput {
  /** True: the user's devices get no notification for the conversation's messages. */
  doNotDisturb: boolean;
}

export interface ClearConversationHistoryInput extends UserConversationInput {
  /** Only messages sent before this time; the whole history when absent. */
  before?: Date;
}

/** One clock hour of the vendor's message log (every conversation of the app). */
export interface HistoryLogInput {
  /** Any time within the hour; the adapter converts it to the vendor's own hour key. */
  hour: Date;
}

/** One downloadable file of an hour's message log. */
export interface HistoryLogFile {
  url: string;
  /** The conversations it holds: USER (one-to-one) or GROUP; null when every kind. */
  conversationType: "USER" | "GROUP" | null;
  /** When the download address stops working (ask again then); null where not said. */
  urlExpiresAt: Date | null;
}

export interface HistoryLog {
  /** The hour's start. */
  hour: Date;
  /**
   * The hour's log as one file, where the vendor makes one (RongCloud); null when there is
   * none for the hour, or when the vendor splits it (then read `files`).
   */
  url: string | null;
  /** Every file of the hour's log (Tencent: per kind of conversation); empty when none. */
  files: HistoryLogFile[];
}

/**
 * A user's named folder of conversations (Tencent's conversation groups, RongCloud's
 * conversation tags). The name identifies it within the user's folders.
 */
export interface ConversationGroup {
  name: string;
  conversations: Conversation[];
}

/** One of a user's conversation folders, by name. */
export interface ConversationGroupInput {
  userId: string;
  name: string;
}

/** A folder and the conversations to put in (create, add) or take out of it (remove). */
export interface ConversationGroupEntriesInput extends ConversationGroupInput {
  conversations: Conversation[];
}

export interface RenameConversationGroupInput extends ConversationGroupInput {
  newName: string;
}

/**
 * Marks are small whole numbers a user's client gives meaning to (starred, flagged, a custom
 * folder); the vendor keeps them per conversation. `add` and `remove` may not share a mark.
 */
export interface ConversationMarksInput extends UserConversationInput {
  add?: number[];
  remove?: number[];
}

/** The marks one conversation of a user carries. */
export interface ConversationMarks {
  conversation: Conversation;
  marks: number[];
}
