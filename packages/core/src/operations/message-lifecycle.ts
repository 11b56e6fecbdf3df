import type {
  DeleteMessagesInput,
  DeleteSenderMessagesInput,
  ExtensionWrite,
  ImportedMessageResult,
  ImportMessagesInput,
  MarkMessagesReadInput,
  MessageExtension,
  MessageReadersInput,
  Reaction,
  ReactionInput,
  ReadReceiptCount,
  RemoveMessageExtensionsInput,
  SetMessageExtensionsInput,
} from "../model/message-lifecycle.js";
import type { Page } from "../model/page.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// Messages after they are sent: deletes, extensions, reactions, read receipts, and import.

/** Extensions and reactions belong to the message's conversation. */
const inConversation = { area: "messages", access: { participant: "messageId" } } as const;

export const MESSAGE_LIFECYCLE_OPERATIONS = {
  deleteMessages: operation<DeleteMessagesInput, ItemResult<true>[]>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_DELETE",
    batch: "messagesPerDelete",
    access: { self: "userId" },
    action: "delete messages",
    summary:
      "Delete one-to-one messages from one user's copy of the history (the other side keeps them); one outcome per message.",
  }),
  deleteGroupMessagesBySender: operation<DeleteSenderMessagesInput, void>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_DELETE_BY_SENDER",
    access: { groupOwner: "groupId" },
    action: "delete a member's messages",
    summary: "Delete every message one user sent in a group, for everyone.",
  }),
  getMessageExtensions: operation<{ messageId: string }, MessageExtension[]>()({
    ...inConversation,
    kind: "read",
    capability: "MESSAGE_EXTENSIONS",
    action: "read message extensions",
    summary: "A message's extensions (key → value, with the vendor's versions).",
  }),
  setMessageExtensions: operation<SetMessageExtensionsInput, ExtensionWrite[]>()({
    ...inConversation,
    kind: "write",
    capability: "MESSAGE_EXTENSIONS",
    batch: "extensionsPerWrite",
    action: "change message extensions",
    summary:
      "Set keys of a message's extensions; a key written at an outdated version is not applied and answers the current value.",
  }),
  removeMessageExtensions: operation<RemoveMessageExtensionsInput, void>()({
    ...inConversation,
    kind: "write",
    capability: "MESSAGE_EXTENSIONS",
    action: "change message extensions",
    summary: "Remove keys from a message's extensions.",
  }),
  addReaction: operation<ReactionInput, Reaction[]>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_REACTIONS",
    access: [{ self: "userId" }, { participant: "messageId" }],
    action: "react to messages",
    summary: "Add a user's emoji reaction to a message; answers the message's reactions.",
  }),
  removeReaction: operation<ReactionInput, Reaction[]>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_REACTIONS",
    access: [{ self: "userId" }, { participant: "messageId" }],
    action: "react to messages",
    summary: "Take back a user's emoji reaction; answers the message's reactions.",
  }),
  listReactions: operation<{ messageId: string }, Reaction[]>()({
    ...inConversation,
    kind: "read",
    capability: "MESSAGE_REACTIONS",
    action: "read reactions",
    summary: "A message's reactions: each emoji and who reacted with it.",
  }),
  markMessagesRead: operation<MarkMessagesReadInput, void>()({
    area: "messages",
    kind: "write",
    capability: "READ_RECEIPTS",
    batch: "messagesPerReceipt",
    access: { self: "userId" },
    action: "send read receipts",
    summary: "Send read receipts for messages a user received, on the user's behalf.",
  }),
  getReadReceipts: operation<{ messageId: string }, ReadReceiptCount>()({
    ...inConversation,
    kind: "read",
    capability: "READ_RECEIPT_DETAILS",
    action: "read receipts",
    summary: "For a group message: how many members have read it, and how many not.",
  }),
  listMessageReaders: operation<MessageReadersInput, Page<string>>()({
    ...inConversation,
    kind: "read",
    capability: "READ_RECEIPT_DETAILS",
    action: "read receipts",
    summary: "For a group message: the members who read it (or who did not), a page at a time.",
  }),
  importMessages: operation<ImportMessagesInput, ItemResult<ImportedMessageResult>[]>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_IMPORT",
    access: "admin",
    action: "import messages",
    summary:
      "Import a conversation's messages with their original senders and times (for moving between vendors); one outcome per message, keyed by its position.",
  }),
} as const;
