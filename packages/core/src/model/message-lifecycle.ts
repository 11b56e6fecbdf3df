import type { HistoryConversation, OutgoingContent } from "./message.js";

// What happens to messages after they are sent: one-sided deletes, deletes by sender,
// extensions (key → value with the vendor's versions), reactions, read receipts, and
// import of messages with their original senders and times.

export interface DeleteMessagesInput {
  /** Whose copy of the history loses the messages (the other side keeps theirs). */
  userId: string;
  /** Opaque ids of one-to-one messages the user sent or received. */
  messageIds: string[];
}

export interface DeleteSenderMessagesInput {
  groupId: string;
  /** Every message this user sent in the group is deleted, for everyone. */
  senderId: string;
}

/** One key of a message's extensions. */
export interface MessageExtension {
  key: string;
  value: string;
  /**
   * The vendor's version of this key (a write naming an older version loses); null where the
   * vendor keeps no versions (the last write wins).
   */
  version: number | null;
}

export interface ExtensionWriteInput {
  key: string;
  value: string;
  /** Write only if the key is still at this version (0: the key must not exist yet). */
  version?: number;
}

export interface SetMessageExtensionsInput {
  messageId: string;
  extensions: ExtensionWriteInput[];
  /** Who writes; defaults to the app (admin writes ignore versions where the vendor says so). */
  actorId?: string;
}

/** What became of one key of a write. */
export interface ExtensionWrite {
  key: string;
  /** False when the vendor refused it for a version conflict. */
  applied: boolean;
  /** The key as the vendor keeps it after the call (the winner's value on a conflict). */
  current: MessageExtension | null;
}

export interface RemoveMessageExtensionsInput {
  messageId: string;
  keys: string[];
  actorId?: string;
}

export interface ReactionInput {
  messageId: string;
  /** Who reacts. */
  userId: string;
  /** One emoji (a grapheme), e.g. "👍". */
  emoji: string;
}

/** One emoji on a message and who reacted with it. */
export interface Reaction {
  emoji: string;
  userIds: string[];
}

export interface MarkMessagesReadInput {
  /** The reader, on whose behalf the read receipts are sent. */
  userId: string;
  /** Opaque ids of messages of one conversation the reader received. */
  messageIds: string[];
}

/** How many members of a group have read a group message. */
export interface ReadReceiptCount {
  readCount: number;
  unreadCount: number;
}

export interface MessageReadersInput {
  messageId: string;
  /** True: the members who read it; false: those who did not. */
  read: boolean;
  limit?: number;
  cursor?: string | null;
}

/** One message to import: its original sender, time and content. */
export interface ImportedMessage {
  senderId: string;
  sentAt: Date;
  content: OutgoingContent;
}

export interface ImportMessagesInput {
  /** USER: between `userId` and `peerId` (each message's sender is one of them); GROUP. */
  conversation: HistoryConversation;
  /** Oldest first; every time in the past. */
  messages: ImportedMessage[];
}

/** Where an imported message landed. */
export interface ImportedMessageResult {
  /** The vendor's id for it, opaque; null where the vendor answers none for imports. */
  messageId: string | null;
}
