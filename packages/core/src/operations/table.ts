import type { ChatCredential, ChatCredentialInput } from "../model/credential.js";
import type {
  CreateGroupInput,
  DismissGroupInput,
  Group,
  GroupMember,
  GroupMembersInput,
  MembershipInput,
  MutedMember,
  MuteMembersInput,
  TransferOwnershipInput,
} from "../model/group.js";
import type {
  BroadcastInput,
  BroadcastResult,
  HistoryInput,
  Message,
  RecallInput,
  SendMessageInput,
  SentMessage,
  SystemMessageInput,
} from "../model/message.js";
import type { Page, PageInput } from "../model/page.js";
import type {
  KickRoomUsersInput,
  RoomCredential,
  RoomCredentialInput,
  RoomMessageInput,
  RoomUser,
  RoomUsersInput,
} from "../model/room.js";
import type { BanInput, Presence, User, UserInput, UserUpdate } from "../model/user.js";
import type { ItemResult } from "../results.js";
import { CONVERSATION_OPERATIONS } from "./conversations.js";
import { operation } from "./declare.js";
import { GROUP_DEPTH_OPERATIONS } from "./group-depth.js";
import { LIVE_ROOM_OPERATIONS } from "./live-rooms.js";
import { MESSAGE_LIFECYCLE_OPERATIONS } from "./message-lifecycle.js";
import { SENSITIVE_WORD_OPERATIONS } from "./moderation.js";
import { PUSH_OPERATIONS } from "./push.js";
import { SOCIAL_OPERATIONS } from "./social.js";
import { USER_DEPTH_OPERATIONS } from "./user-depth.js";

/**
 * Every neutral operation, declared once. Batch operations answer per key, in key order;
 * inputs are checked against the vendor's limits before any call.
 */
export const OPERATIONS = {
  // ------------------------------------------------------------------ users
  registerUsers: operation<UserInput[], ItemResult<User>[]>()({
    area: "users",
    kind: "write",
    capability: null,
    batch: "usersPerRegister",
    access: "admin",
    action: "register users",
    summary: "Register (import) users with their profiles.",
  }),
  updateUser: operation<UserUpdate, void>()({
    area: "users",
    kind: "write",
    capability: null,
    access: { self: "id" },
    action: "update a profile",
    summary: "Change a user's name, avatar or extra profile data.",
  }),
  getUsers: operation<string[], ItemResult<User>[]>()({
    area: "users",
    kind: "read",
    capability: null,
    batch: "usersPerRead",
    access: "anyone",
    action: "read profiles",
    summary: "Read profiles; unknown users come back as NOT_FOUND items.",
  }),
  deleteUsers: operation<string[], ItemResult<true>[]>()({
    area: "users",
    kind: "write",
    capability: "USER_DELETE",
    access: "admin",
    action: "delete users",
    summary: "Delete users (and their login) at the vendor.",
  }),
  getPresence: operation<string[], ItemResult<Presence>[]>()({
    area: "users",
    kind: "read",
    capability: "USER_PRESENCE",
    batch: "usersPerPresence",
    access: "anyone",
    action: "read presence",
    summary: "Whether users are online.",
  }),

  // ------------------------------------------------------------- moderation
  banUsers: operation<BanInput, ItemResult<true>[]>()({
    area: "moderation",
    kind: "write",
    capability: "USER_BAN",
    access: "admin",
    action: "ban users",
    summary: "Ban users app-wide (no login or sending), optionally for a duration.",
  }),
  unbanUsers: operation<string[], ItemResult<true>[]>()({
    area: "moderation",
    kind: "write",
    capability: "USER_BAN",
    access: "admin",
    action: "unban users",
    summary: "Lift app-wide bans.",
  }),

  // ------------------------------------------------------------ credentials
  issueChatCredential: operation<ChatCredentialInput, ChatCredential>()({
    area: "credentials",
    kind: "write",
    capability: null,
    access: { self: "userId" },
    action: "get a chat credential",
    summary: "The token a user's chat SDK logs in with.",
  }),
  issueRoomCredential: operation<RoomCredentialInput, RoomCredential>()({
    area: "credentials",
    kind: "write",
    capability: "ROOM_CREDENTIAL",
    access: { self: "userId" },
    action: "get a room credential",
    summary: "The token a user's RTC SDK enters a room with.",
  }),

  // ----------------------------------------------------------------- groups
  createGroup: operation<CreateGroupInput, Group>()({
    area: "groups",
    kind: "write",
    capability: null,
    access: { self: "ownerId" },
    action: "create groups",
    summary: "Create a group with its owner and first members.",
  }),
  getGroup: operation<string, Group | null>()({
    area: "groups",
    kind: "read",
    capability: null,
    access: { groupMember: "" },
    action: "read the group",
    summary: "One group's profile; null when it does not exist.",
  }),
  listGroupMembers: operation<{ groupId: string } & PageInput, Page<GroupMember>>()({
    area: "groups",
    kind: "read",
    capability: null,
    access: { groupMember: "groupId" },
    action: "read the group's members",
    summary: "A group's members, a page at a time.",
  }),
  checkGroupMembers: operation<MembershipInput, ItemResult<boolean>[]>()({
    area: "groups",
    kind: "read",
    capability: null,
    batch: "usersPerMemberCheck",
    access: { groupMember: "groupId" },
    action: "check who belongs to the group",
    summary: "Whether each user belongs to a group, answered by one vendor call.",
  }),
  addGroupMembers: operation<GroupMembersInput, ItemResult<true>[]>()({
    area: "groups",
    kind: "write",
    capability: null,
    batch: "membersPerChange",
    access: { groupOwner: "groupId" },
    action: "add members",
    summary: "Add members to a group.",
  }),
  removeGroupMembers: operation<GroupMembersInput, ItemResult<true>[]>()({
    area: "groups",
    kind: "write",
    capability: null,
    batch: "membersPerChange",
    access: { groupOwner: "groupId" },
    action: "remove members",
    summary: "Remove members from a group.",
  }),
  transferGroupOwnership: operation<TransferOwnershipInput, void>()({
    area: "groups",
    kind: "write",
    capability: "GROUP_TRANSFER_OWNERSHIP",
    access: { groupOwner: "groupId" },
    action: "transfer ownership",
    summary: "Make another member the group's owner.",
  }),
  muteGroupMembers: operation<MuteMembersInput, ItemResult<true>[]>()({
    area: "groups",
    kind: "write",
    capability: "GROUP_MUTE",
    access: { groupOwner: "groupId" },
    action: "mute members",
    summary: "Stop members from sending in the group, optionally for a duration.",
  }),
  unmuteGroupMembers: operation<GroupMembersInput, ItemResult<true>[]>()({
    area: "groups",
    kind: "write",
    capability: "GROUP_MUTE",
    access: { groupOwner: "groupId" },
    action: "unmute members",
    summary: "Let muted members send again.",
  }),
  listMutedMembers: operation<string, MutedMember[]>()({
    area: "groups",
    kind: "read",
    capability: "GROUP_MUTE",
    access: { groupMember: "" },
    action: "read the group's muted members",
    summary: "A group's muted members and until when.",
  }),
  dismissGroup: operation<DismissGroupInput, void>()({
    area: "groups",
    kind: "write",
    capability: null,
    access: { groupOwner: "groupId" },
    action: "dismiss the group",
    summary: "Dismiss (delete) a group.",
  }),
  listUserGroups: operation<{ userId: string } & PageInput, Page<Group>>()({
    area: "groups",
    kind: "read",
    capability: "GROUPS_OF_USER",
    access: { self: "userId" },
    action: "list groups",
    summary: "The groups a user belongs to.",
  }),
  listAppGroups: operation<PageInput, Page<Group>>()({
    area: "groups",
    kind: "read",
    capability: "GROUPS_OF_APP",
    access: "admin",
    action: "list all groups of the app",
    summary: "Every group of the app.",
  }),

  // ------ profile, attributes, member profiles and roles, mute-all, counters, import
  ...GROUP_DEPTH_OPERATIONS,

  // --------------------------------------------------------------- messages
  sendMessage: operation<SendMessageInput, ItemResult<SentMessage>[]>()({
    area: "messages",
    kind: "write",
    capability: null,
    batch: "recipientsPerSend",
    idempotent: true,
    access: [{ self: "from" }, { groupMember: "to.groupId?" }],
    action: "send messages",
    summary: "Send to users (one result per recipient) or to a group (one result).",
  }),
  sendSystemMessage: operation<SystemMessageInput, ItemResult<SentMessage>[]>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_SYSTEM",
    access: "admin",
    action: "send system messages",
    summary: "Send a system message recipients cannot reply to.",
  }),
  broadcastMessage: operation<BroadcastInput, BroadcastResult>()({
    area: "push",
    kind: "write",
    capability: "MESSAGE_BROADCAST",
    access: "admin",
    action: "broadcast",
    summary: "Send a message to every user of the app.",
  }),
  recallMessage: operation<RecallInput, void>()({
    area: "messages",
    kind: "write",
    capability: "MESSAGE_RECALL",
    access: { sender: "messageId" },
    action: "recall messages",
    summary: "Recall a sent message by its opaque id.",
  }),
  listMessages: operation<HistoryInput, Page<Message>>()({
    area: "messages",
    kind: "read",
    capability: "MESSAGE_HISTORY",
    access: [{ self: "conversation.userId?" }, { groupMember: "conversation.groupId?" }],
    action: "read conversations",
    summary: "A conversation's history, newest first.",
  }),

  // ------------------------------------------------------------------ rooms
  listRoomUsers: operation<RoomUsersInput, Page<RoomUser>>()({
    area: "rooms",
    kind: "read",
    capability: "ROOM_USERS",
    access: "anyone",
    action: "list room users",
    summary: "Who is in an RTC room.",
  }),
  kickRoomUsers: operation<KickRoomUsersInput, ItemResult<true>[]>()({
    area: "rooms",
    kind: "write",
    capability: "ROOM_KICK",
    access: "admin",
    action: "remove users from rooms",
    summary: "Remove users from an RTC room.",
  }),
  sendRoomMessage: operation<RoomMessageInput, { messageId: string | null }>()({
    area: "rooms",
    kind: "write",
    capability: "ROOM_MESSAGE",
    // RongCloud's and Tencent's rooms are their live rooms, and a server send skips the
    // room's mutes and bans: the same rule as sendLiveRoomMessage.
    access: [{ self: "from" }, { liveRoomOwner: "roomId" }],
    action: "send room messages",
    summary: "Send a message into an RTC room.",
  }),

  // ---- live rooms: create, members, moderation, messages, attributes, keep-alive
  ...LIVE_ROOM_OPERATIONS,

  // ------------------------------------------------ the vendor's sensitive words
  ...SENSITIVE_WORD_OPERATIONS,

  // ------------------------------- push notifications to all, segments, listed users
  ...PUSH_OPERATIONS,

  // ------------------------------------------------------- friends, blocklists
  ...SOCIAL_OPERATIONS,

  // ------------------ attributes, tags, accounts, login invalidation, app-wide mutes
  ...USER_DEPTH_OPERATIONS,

  // ---------------- conversation lists, read state, pin, do-not-disturb, edits, log
  ...CONVERSATION_OPERATIONS,

  // --------- deletes, extensions, reactions, read receipts, import of messages
  ...MESSAGE_LIFECYCLE_OPERATIONS,
} as const;

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = NonNullable<Operations[N]["input"]>;
export type OperationOutput<N extends OperationName> = Operations[N] extends {
  readonly output?: infer O;
}
  ? O
  : never;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];
