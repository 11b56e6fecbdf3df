import type { Capability } from "./capabilities.js";
import type { AppInfo, Vendor } from "./model/app.js";
import type { ChatCredential, ChatCredentialInput } from "./model/credential.js";
import type {
  CreateGroupInput,
  DismissGroupInput,
  Group,
  GroupMember,
  GroupMembersInput,
  MutedMember,
  MuteMembersInput,
  TransferOwnershipInput,
} from "./model/group.js";
import type {
  BroadcastInput,
  BroadcastResult,
  Conversation,
  HistoryInput,
  Message,
  RecallInput,
  SendMessageInput,
  SentMessage,
  SystemMessageInput,
} from "./model/message.js";
import type { Page, PageInput } from "./model/page.js";
import type {
  KickRoomUsersInput,
  RoomCredential,
  RoomCredentialInput,
  RoomMessageInput,
  RoomUser,
  RoomUsersInput,
} from "./model/room.js";
import type { BanInput, Presence, User, UserInput, UserUpdate } from "./model/user.js";
import type { ItemResult } from "./results.js";
import type { WebhookAck, WebhookRequest, WebhookResult } from "./webhook.js";

/** Per-call limits of a vendor, used to size batches outside the adapter. */
export interface VendorLimits {
  /** Profiles per read call. */
  usersPerRead: number;
  /** Users per register/import call. */
  usersPerRegister: number;
  /** Users per presence call. */
  usersPerPresence: number;
  /** Recipients per one-to-one send call. */
  recipientsPerSend: number;
  /** Members per add/remove call. */
  membersPerChange: number;
  /** Largest page a list call returns. */
  pageSize: number;
  /**
   * The lifetimes a chat credential may be asked for, seconds; null when the vendor's
   * tokens take no per-token lifetime (a requested one is then refused, not ignored).
   */
  credentialTtlSeconds: { min: number; max: number } | null;
}

/** Per-call options every operation accepts. */
export interface CallOptions {
  /** Correlates our logs with vendor logs; passed on as X-Request-ID where the vendor takes it. */
  requestId?: string;
  signal?: AbortSignal;
}

/**
 * The contract every vendor adapter fulfils, in neutral words. Arguments are checked
 * against the vendor's limits before any call; batch operations answer per key, in key
 * order. Operations behind a capability the adapter does not declare reject with
 * UNSUPPORTED_BY_VENDOR without calling the vendor.
 */
export interface ImAdapter {
  readonly vendor: Vendor;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits: VendorLimits;

  // users
  registerUsers(users: UserInput[], options?: CallOptions): Promise<ItemResult<User>[]>;
  updateUser(update: UserUpdate, options?: CallOptions): Promise<void>;
  /** Unknown users come back as NOT_FOUND items. */
  getUsers(userIds: string[], options?: CallOptions): Promise<ItemResult<User>[]>;
  deleteUsers(userIds: string[], options?: CallOptions): Promise<ItemResult<true>[]>;
  getPresence(userIds: string[], options?: CallOptions): Promise<ItemResult<Presence>[]>;
  banUsers(input: BanInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  unbanUsers(userIds: string[], options?: CallOptions): Promise<ItemResult<true>[]>;
  issueChatCredential(input: ChatCredentialInput, options?: CallOptions): Promise<ChatCredential>;

  // groups
  createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group>;
  /** Null when the group does not exist (or was dismissed). */
  getGroup(groupId: string, options?: CallOptions): Promise<Group | null>;
  listGroupMembers(
    input: { groupId: string } & PageInput,
    options?: CallOptions,
  ): Promise<Page<GroupMember>>;
  addGroupMembers(input: GroupMembersInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  removeGroupMembers(input: GroupMembersInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  transferGroupOwnership(input: TransferOwnershipInput, options?: CallOptions): Promise<void>;
  muteGroupMembers(input: MuteMembersInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  unmuteGroupMembers(input: GroupMembersInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  listMutedMembers(groupId: string, options?: CallOptions): Promise<MutedMember[]>;
  dismissGroup(input: DismissGroupInput, options?: CallOptions): Promise<void>;
  listUserGroups(
    input: { userId: string } & PageInput,
    options?: CallOptions,
  ): Promise<Page<Group>>;
  listAppGroups(input: PageInput, options?: CallOptions): Promise<Page<Group>>;

  // messages
  /** One result per recipient user, or one for the group. */
  sendMessage(input: SendMessageInput, options?: CallOptions): Promise<ItemResult<SentMessage>[]>;
  sendSystemMessage(
    input: SystemMessageInput,
    options?: CallOptions,
  ): Promise<ItemResult<SentMessage>[]>;
  broadcastMessage(input: BroadcastInput, options?: CallOptions): Promise<BroadcastResult>;
  recallMessage(input: RecallInput, options?: CallOptions): Promise<void>;
  /** Newest first. */
  listMessages(input: HistoryInput, options?: CallOptions): Promise<Page<Message>>;

  // rooms
  issueRoomCredential(input: RoomCredentialInput, options?: CallOptions): Promise<RoomCredential>;
  listRoomUsers(input: RoomUsersInput, options?: CallOptions): Promise<Page<RoomUser>>;
  kickRoomUsers(input: KickRoomUsersInput, options?: CallOptions): Promise<ItemResult<true>[]>;
  sendRoomMessage(
    input: RoomMessageInput,
    options?: CallOptions,
  ): Promise<{ messageId: string | null }>;

  /**
   * What one of this adapter's opaque message ids says about its message, without a
   * vendor call (for authorization: who sent it, where); null when it is not a valid id
   * of this app. Optional: without it, only admins may recall.
   */
  describeMessageId?(messageId: string): { senderId: string; conversation: Conversation } | null;

  /**
   * Verifies and normalizes one of the vendor's callbacks (see WebhookReader). Optional:
   * present when the app is configured with what the vendor signs callbacks with.
   */
  parseWebhook?(request: WebhookRequest): WebhookResult;
  /**
   * What the vendor's callback signature covers: "delivery" when it names one delivery (a
   * nonce) though not its body, so a captured signature cannot carry a second body past the
   * replay store; "time" when it covers only a timestamp (Tencent), so several deliveries
   * share one and any body can ride on it: such an app needs a source allowlist or a
   * client certificate. Present with parseWebhook.
   */
  readonly webhookSignatureScope?: "delivery" | "time";
  webhookRefusal?(status: number, message: string): WebhookAck;
  /**
   * The addresses (IPs or CIDR ranges) the vendor says its callbacks come from, read from
   * the vendor's own API where it publishes them (Tencent: ConfigSvc/GetIPList). Optional:
   * absent when the vendor publishes no such list through an API. The gateway refreshes it
   * and refuses callbacks from elsewhere when an app asks for it.
   */
  webhookSources?(options?: CallOptions): Promise<string[]>;

  /** Releases pooled connections. */
  close(): Promise<void>;
}

/** Which capability gates which operation (operations not listed are always available). */
export const OPERATION_CAPABILITY: Partial<Record<keyof ImAdapter, Capability>> = {
  deleteUsers: "USER_DELETE",
  getPresence: "USER_PRESENCE",
  banUsers: "USER_BAN",
  unbanUsers: "USER_BAN",
  transferGroupOwnership: "GROUP_TRANSFER_OWNERSHIP",
  muteGroupMembers: "GROUP_MUTE",
  unmuteGroupMembers: "GROUP_MUTE",
  listMutedMembers: "GROUP_MUTE",
  listUserGroups: "GROUPS_OF_USER",
  listAppGroups: "GROUPS_OF_APP",
  sendSystemMessage: "MESSAGE_SYSTEM",
  broadcastMessage: "MESSAGE_BROADCAST",
  recallMessage: "MESSAGE_RECALL",
  listMessages: "MESSAGE_HISTORY",
  issueRoomCredential: "ROOM_CREDENTIAL",
  listRoomUsers: "ROOM_USERS",
  kickRoomUsers: "ROOM_KICK",
  sendRoomMessage: "ROOM_MESSAGE",
};
