import type {
  ClearConversationHistoryInput,
  ConversationDoNotDisturbInput,
  ConversationGroup,
  ConversationGroupEntriesInput,
  ConversationGroupInput,
  ConversationMarks,
  ConversationMarksInput,
  ConversationSummary,
  DeleteConversationInput,
  HistoryLog,
  HistoryLogInput,
  MarkConversationReadInput,
  PinConversationInput,
  RenameConversationGroupInput,
  SetUnreadCountInput,
  UserConversationInput,
} from "../model/conversation.js";
import type { EditMessageInput } from "../model/message.js";
import type { Page, PageInput } from "../model/page.js";
import { operation } from "./declare.js";

// A user's conversations as the vendor keeps them on the server, message edits, and the
// vendor's message log. Every conversation operation acts on one user's own view.

/** A user manages their own conversation list; admins anyone's. */
const own = { area: "conversations", access: { self: "userId" } } as const;

export const CONVERSATION_OPERATIONS = {
  listConversations: operation<{ userId: string } & PageInput, Page<ConversationSummary>>()({
    ...own,
    kind: "read",
    capability: "CONVERSATION_LIST",
    action: "list conversations",
    summary:
      "A user's conversation list, a page at a time, with unread counts, pinning and do-not-disturb where the vendor's list carries them.",
  }),
  countUnread: operation<{ userId: string }, number>()({
    ...own,
    kind: "read",
    capability: "CONVERSATION_UNREAD_TOTAL",
    action: "count unread messages",
    summary: "How many messages a user has not read, over all conversations.",
  }),
  markConversationRead: operation<MarkConversationReadInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_READ",
    action: "mark conversations read",
    summary: "Mark a user's conversation read, up to a time or now.",
  }),
  setUnreadCount: operation<SetUnreadCountInput, void>()({
    area: "conversations",
    kind: "write",
    capability: "CONVERSATION_UNREAD_SET",
    access: "admin",
    action: "set unread counts",
    summary: "Set a user's unread count in a conversation (for moving between vendors).",
  }),
  deleteConversation: operation<DeleteConversationInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_DELETE",
    action: "delete conversations",
    summary:
      "Remove a conversation from a user's list, optionally with the user's copy of its history.",
  }),
  pinConversation: operation<PinConversationInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_PIN",
    action: "pin conversations",
    summary: "Pin or unpin a conversation in a user's list.",
  }),
  setConversationDoNotDisturb: operation<ConversationDoNotDisturbInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_DND",
    action: "change do-not-disturb",
    summary: "Turn a user's notifications for one conversation off (do not disturb) or on.",
  }),
  getConversationDoNotDisturb: operation<UserConversationInput, boolean>()({
    ...own,
    kind: "read",
    capability: "CONVERSATION_DND_READ",
    action: "read do-not-disturb",
    summary: "Whether a user's notifications for one conversation are off.",
  }),
  clearConversationHistory: operation<ClearConversationHistoryInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_CLEAR",
    action: "clear conversation history",
    summary:
      "Delete a user's copy of a conversation's history (others keep theirs), optionally only before a time.",
  }),

  // ------------------------------------------------ folders (groups) and marks
  listConversationGroups: operation<{ userId: string }, ConversationGroup[]>()({
    ...own,
    kind: "read",
    capability: "CONVERSATION_GROUPS",
    action: "list conversation folders",
    summary:
      "A user's conversation folders (named groups of conversations) with their conversations.",
  }),
  createConversationGroup: operation<ConversationGroupEntriesInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_GROUPS",
    action: "create conversation folders",
    summary: "Create a named conversation folder for a user, holding the given conversations.",
  }),
  renameConversationGroup: operation<RenameConversationGroupInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_GROUPS",
    action: "rename conversation folders",
    summary: "Rename one of a user's conversation folders (its conversations stay in it).",
  }),
  deleteConversationGroup: operation<ConversationGroupInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_GROUPS",
    action: "delete conversation folders",
    summary: "Delete one of a user's conversation folders (the conversations themselves stay).",
  }),
  addToConversationGroup: operation<ConversationGroupEntriesInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_GROUPS",
    action: "change conversation folders",
    summary: "Put conversations into one of a user's conversation folders.",
  }),
  removeFromConversationGroup: operation<ConversationGroupEntriesInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_GROUPS",
    action: "change conversation folders",
    summary: "Take conversations out of one of a user's conversation folders.",
  }),
  setConversationMarks: operation<ConversationMarksInput, void>()({
    ...own,
    kind: "write",
    capability: "CONVERSATION_MARKS",
    action: "mark conversations",
    summary:
      "Add and remove marks (small whole numbers the app gives meaning to) on a user's conversation.",
  }),
  listConversationMarks: operation<{ userId: string }, ConversationMarks[]>()({
    ...own,
    kind: "read",
    capability: "CONVERSATION_MARKS_READ",
    action: "read conversation marks",
    summary: "The conversations of a user that carry marks, with their marks.",
  }),

  // -------------------------------------------------------------- messages
  editMessage: operation<EditMessageInput, void>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_EDIT",
    access: { sender: "messageId" },
    action: "edit messages",
    summary: "Replace a sent message's content, within the vendor's edit window.",
  }),
  getHistoryLog: operation<HistoryLogInput, HistoryLog>()({
    area: "messages",
    kind: "read",
    capability: "HISTORY_LOG",
    access: "admin",
    action: "read the message log",
    summary: "Where to download one hour of the app's message log (every conversation).",
  }),
  deleteHistoryLog: operation<HistoryLogInput, void>()({
    area: "messages",
    kind: "write",
    capability: "HISTORY_LOG",
    access: "admin",
    action: "delete the message log",
    summary: "Delete one hour's message log file (the messages themselves stay).",
  }),
} as const;
