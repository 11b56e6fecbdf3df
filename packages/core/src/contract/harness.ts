import type { ImAdapter } from "../adapter.js";
import type { ChatCredential } from "../model/credential.js";
import type { LiveRoomMessagePriority } from "../model/live-room.js";
import type { Conversation, MessageContent } from "../model/message.js";
import type { OperationSupport } from "../operations/implement.js";

/**
 * What the contract suite needs besides the adapter: a way to see and steer the
 * vendor side. Each adapter's tests implement it with its emulator's control API.
 */
export interface ContractHarness {
  adapter: ImAdapter;
  /** How many requests the vendor (emulator) has received so far. */
  vendorRequestCount(): Promise<number>;
  /** A client SDK of this user logs in / out (drives presence). */
  simulateLogin(userId: string): Promise<void>;
  simulateLogout(userId: string): Promise<void>;
  /** Whether the vendor would accept this credential for a client login. */
  verifyChatCredential(credential: ChatCredential): Promise<boolean>;
  /** Clients join a room (rooms are entered by clients, not by the server API). */
  joinRoom?(roomId: string, userIds: string[]): Promise<void>;
  /** Clients enter a live room that exists (live rooms are entered from the client SDKs). */
  joinLiveRoom?(roomId: string, userIds: string[]): Promise<void>;
  /**
   * The messages delivered into a live room, oldest first, read from the vendor side: who
   * sent them, their text (null for other content) and the priority the vendor recorded
   * (null where it keeps none).
   */
  liveRoomMessages?(roomId: string): Promise<LiveRoomDelivery[]>;
  /** Whether the vendor exempts a live room from destruction for idleness, from its side. */
  liveRoomKeptAlive?(roomId: string): Promise<boolean>;
  /**
   * What the vendor keeps about one user's view of a conversation, read from the vendor side
   * (the emulator's state, not the adapter): null when the user has no such conversation. The
   * conversation cases of write-only operations (pin, do-not-disturb, mark read) need it.
   */
  conversationState?(userId: string, conversation: Conversation): Promise<ConversationState | null>;
  /** The content the vendor holds for a message now (after edits), read from the vendor side. */
  messageContent?(messageId: string): Promise<MessageContent | null>;
  /**
   * The marks the vendor keeps on one user's conversation, from the vendor side: for vendors
   * that keep marks but give no server read of them.
   */
  conversationMarks?(userId: string, conversation: Conversation): Promise<number[]>;
  /** Who the vendor records as having read a message (read receipts), from the vendor side. */
  readBy?(messageId: string): Promise<string[]>;
  /** The pushes the vendor accepted, oldest first, with whom it resolved each to reach. */
  pushes?(): Promise<PushDelivery[]>;
}

/** One push as the vendor recorded it. */
export interface PushDelivery {
  /** The vendor's task id; null where it gives none. */
  taskId: string | null;
  title: string | null;
  body: string;
  /** The users the vendor resolved the push's audience to, in any order. */
  recipients: string[];
}

export interface LiveRoomDelivery {
  from: string;
  text: string | null;
  priority: LiveRoomMessagePriority | null;
}

/** One user's view of one conversation at the vendor; null where the vendor keeps no such thing. */
export interface ConversationState {
  unreadCount: number | null;
  pinned: boolean | null;
  doNotDisturb: boolean | null;
  /** Messages in the user's copy of the history. */
  messageCount: number | null;
}

export interface ContractOptions {
  /** Shown in the suite's title, e.g. "rongcloud". */
  name: string;
  /**
   * What the adapter under test supports, known before setup (test names are made when the
   * file is collected): `adapter.operations` of an adapter built with the same options.
   */
  operations: readonly OperationSupport[];
  setup(): Promise<ContractHarness>;
  teardown?(): Promise<void>;
  /**
   * Cases this adapter skips, by case id (see CONTRACT_CASES), with the reason — a
   * vendor gap, not a bug to hide. Skipped cases show up as skipped in the test run.
   */
  skip?: Partial<Record<ContractCaseId, string>>;
}

/** Every case of the contract suite, by id. */
export const CONTRACT_CASES = [
  "users.register-and-get",
  "users.get-unknown",
  "users.get-beyond-call-limit",
  "users.invalid-id",
  "users.update",
  "users.delete",
  "users.presence",
  "users.ban",
  "users.credential",
  "groups.create-and-get",
  "groups.get-unknown",
  "groups.create-with-unknown-member",
  "groups.members-paged",
  "groups.member-check",
  "groups.add-remove-members",
  "groups.transfer-ownership",
  "groups.mute",
  "groups.of-user",
  "groups.of-app",
  "groups.dismiss",
  "groups.profile",
  "groups.attributes",
  "groups.member-profile",
  "groups.member-role",
  "groups.mute-all",
  "groups.counters",
  "groups.import",
  "groups.invalid-input",
  "messages.send-to-users",
  "messages.send-to-group",
  "messages.invalid-content",
  "messages.history-user",
  "messages.history-group",
  "messages.history-time-bounds",
  "messages.content-kinds",
  "messages.recall",
  "messages.recall-bad-id",
  "messages.system",
  "messages.broadcast",
  "push.to-users",
  "push.to-all",
  "push.to-tags",
  "push.to-attributes",
  "push.task-status",
  "push.invalid-input",
  "push.invalid-segments",
  "rooms.credential",
  "rooms.users",
  "rooms.kick",
  "rooms.message",
  "liveRooms.lifecycle",
  "liveRooms.members",
  "liveRooms.member-check",
  "liveRooms.kick",
  "liveRooms.ban",
  "liveRooms.mute",
  "liveRooms.mute-all",
  "liveRooms.message",
  "liveRooms.broadcast",
  "liveRooms.attributes",
  "liveRooms.keep-alive",
  "liveRooms.whitelist",
  "conversations.list",
  "conversations.unread-total",
  "conversations.read",
  "conversations.set-unread",
  "conversations.delete",
  "conversations.pin",
  "conversations.folders",
  "conversations.marks",
  "conversations.marks-read",
  "conversations.do-not-disturb",
  "conversations.do-not-disturb-read",
  "conversations.clear-history",
  "messages.edit",
  "messages.edit-invalid",
  "messages.history-log",
  "messages.history-log-delete",
  "messages.delete-one-sided",
  "messages.delete-by-sender",
  "messages.extensions",
  "messages.reactions",
  "messages.read-receipts",
  "messages.read-receipt-details",
  "messages.import",
  "social.friends-add-and-list",
  "social.friends-relations",
  "social.friends-one-way",
  "social.friends-unknown-user",
  "social.friends-beyond-call-limit",
  "social.friends-update-and-get",
  "social.friends-delete",
  "social.friends-delete-all",
  "social.friends-import",
  "social.friends-invalid",
  "social.blocklist",
  "social.blocklist-check",
  "social.blocklist-invalid",
  "social.friend-groups",
  "social.friend-groups-invalid",
  "users.attributes",
  "users.attributes-invalid",
  "users.tags",
  "users.tags-invalid",
  "users.account-check",
  "users.logins-invalidate",
  "moderation.user-mute",
  "moderation.user-mute-invalid",
  "moderation.sensitive-words",
  "moderation.sensitive-word-replacement",
  "moderation.sensitive-words-invalid",
] as const;

export type ContractCaseId = (typeof CONTRACT_CASES)[number];
