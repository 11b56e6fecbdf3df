import type { CallOptions, ImAdapter, VendorLimits } from "./adapter.js";
import { OPERATION_CAPABILITY } from "./adapter.js";
import type { Capability } from "./capabilities.js";
import { UnsupportedByVendorError } from "./errors.js";
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

/**
 * A starting point for adapters: every capability-gated operation rejects with
 * UNSUPPORTED_BY_VENDOR until the adapter overrides it, and `gate` lets an override
 * refuse when the app's configuration turned the capability off.
 */
export abstract class AdapterBase implements ImAdapter {
  abstract readonly vendor: Vendor;
  abstract readonly info: AppInfo;
  abstract readonly capabilities: ReadonlySet<Capability>;
  abstract readonly limits: VendorLimits;

  /** Throws UNSUPPORTED_BY_VENDOR unless the operation's capability is declared. */
  protected gate(operation: keyof ImAdapter): void {
    const capability = OPERATION_CAPABILITY[operation];
    if (capability && !this.capabilities.has(capability)) {
      throw new UnsupportedByVendorError(this.vendor, operation);
    }
  }

  protected unsupported(operation: keyof ImAdapter, why?: string): never {
    throw new UnsupportedByVendorError(this.vendor, operation, why);
  }

  abstract registerUsers(users: UserInput[], options?: CallOptions): Promise<ItemResult<User>[]>;
  abstract updateUser(update: UserUpdate, options?: CallOptions): Promise<void>;
  abstract getUsers(userIds: string[], options?: CallOptions): Promise<ItemResult<User>[]>;
  abstract issueChatCredential(
    input: ChatCredentialInput,
    options?: CallOptions,
  ): Promise<ChatCredential>;
  abstract createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group>;
  abstract getGroup(groupId: string, options?: CallOptions): Promise<Group | null>;
  abstract listGroupMembers(
    input: { groupId: string } & PageInput,
    options?: CallOptions,
  ): Promise<Page<GroupMember>>;
  abstract addGroupMembers(
    input: GroupMembersInput,
    options?: CallOptions,
  ): Promise<ItemResult<true>[]>;
  abstract removeGroupMembers(
    input: GroupMembersInput,
    options?: CallOptions,
  ): Promise<ItemResult<true>[]>;
  abstract dismissGroup(input: DismissGroupInput, options?: CallOptions): Promise<void>;
  abstract sendMessage(
    input: SendMessageInput,
    options?: CallOptions,
  ): Promise<ItemResult<SentMessage>[]>;
  abstract close(): Promise<void>;

  async deleteUsers(_userIds: string[], _options?: CallOptions): Promise<ItemResult<true>[]> {
    this.unsupported("deleteUsers");
  }
  async getPresence(_userIds: string[], _options?: CallOptions): Promise<ItemResult<Presence>[]> {
    this.unsupported("getPresence");
  }
  async banUsers(_input: BanInput, _options?: CallOptions): Promise<ItemResult<true>[]> {
    this.unsupported("banUsers");
  }
  async unbanUsers(_userIds: string[], _options?: CallOptions): Promise<ItemResult<true>[]> {
    this.unsupported("unbanUsers");
  }
  async transferGroupOwnership(
    _input: TransferOwnershipInput,
    _options?: CallOptions,
  ): Promise<void> {
    this.unsupported("transferGroupOwnership");
  }
  async muteGroupMembers(
    _input: MuteMembersInput,
    _options?: CallOptions,
  ): Promise<ItemResult<true>[]> {
    this.unsupported("muteGroupMembers");
  }
  async unmuteGroupMembers(
    _input: GroupMembersInput,
    _options?: CallOptions,
  ): Promise<ItemResult<true>[]> {
    this.unsupported("unmuteGroupMembers");
  }
  async listMutedMembers(_groupId: string, _options?: CallOptions): Promise<MutedMember[]> {
    this.unsupported("listMutedMembers");
  }
  async listUserGroups(
    _input: { userId: string } & PageInput,
    _options?: CallOptions,
  ): Promise<Page<Group>> {
    this.unsupported("listUserGroups");
  }
  async listAppGroups(_input: PageInput, _options?: CallOptions): Promise<Page<Group>> {
    this.unsupported("listAppGroups");
  }
  async sendSystemMessage(
    _input: SystemMessageInput,
    _options?: CallOptions,
  ): Promise<ItemResult<SentMessage>[]> {
    this.unsupported("sendSystemMessage");
  }
  async broadcastMessage(_input: BroadcastInput, _options?: CallOptions): Promise<BroadcastResult> {
    this.unsupported("broadcastMessage");
  }
  async recallMessage(_input: RecallInput, _options?: CallOptions): Promise<void> {
    this.unsupported("recallMessage");
  }
  async listMessages(_input: HistoryInput, _options?: CallOptions): Promise<Page<Message>> {
    this.unsupported("listMessages");
  }
  async issueRoomCredential(
    _input: RoomCredentialInput,
    _options?: CallOptions,
  ): Promise<RoomCredential> {
    this.unsupported("issueRoomCredential");
  }
  async listRoomUsers(_input: RoomUsersInput, _options?: CallOptions): Promise<Page<RoomUser>> {
    this.unsupported("listRoomUsers");
  }
  async kickRoomUsers(
    _input: KickRoomUsersInput,
    _options?: CallOptions,
  ): Promise<ItemResult<true>[]> {
    this.unsupported("kickRoomUsers");
  }
  async sendRoomMessage(
    _input: RoomMessageInput,
    _options?: CallOptions,
  ): Promise<{ messageId: string | null }> {
    this.unsupported("sendRoomMessage");
  }
}
