import {
  AdapterBase,
  type AppInfo,
  type BanInput,
  type BroadcastInput,
  type CallOptions,
  type Capability,
  type ChatCredentialInput,
  type CreateGroupInput,
  type DismissGroupInput,
  type GroupMembersInput,
  type HistoryInput,
  IdCodec,
  type MuteMembersInput,
  type PageInput,
  type RecallInput,
  type RoomCredentialInput,
  type RoomMessageInput,
  type RoomUsersInput,
  type SendMessageInput,
  type TransferOwnershipInput,
  type UserInput,
  type UserUpdate,
  type WebhookAck,
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { AdminSig } from "./admin-sig.js";
import { broadcastMessage } from "./broadcast.js";
import { createTencentClient } from "./client.js";
import type { TencentContext } from "./context.js";
import * as credentials from "./credentials.js";
import * as lists from "./group-lists.js";
import * as mutes from "./group-mutes.js";
import * as groups from "./groups.js";
import { listMessages } from "./history.js";
import { TENCENT_LIMITS } from "./limits.js";
import { describeMessageId } from "./message-ids.js";
import * as messages from "./messages.js";
import * as moderation from "./moderation.js";
import type { TencentAdapterOptions } from "./options.js";
import { recallMessage } from "./recall.js";
import * as rooms from "./rooms.js";
import * as users from "./users.js";
import { parseTencentWebhook, tencentWebhookRefusal } from "./webhook.js";
import { webhookSources } from "./webhook-sources.js";

const ALWAYS: Capability[] = [
  "USER_DELETE",
  "USER_PRESENCE",
  "USER_BAN",
  "GROUP_OWNER",
  "GROUP_TRANSFER_OWNERSHIP",
  "GROUPS_OF_USER",
  "GROUPS_OF_APP",
  "MESSAGE_RECALL",
  "MESSAGE_HISTORY",
  "CONTENT_IMAGE",
  "CONTENT_FILE",
  "CONTENT_CUSTOM",
  "ROOM_CREDENTIAL",
  "ROOM_USERS",
  "ROOM_MESSAGE",
];

/**
 * Tencent Cloud Chat behind the neutral ImAdapter contract: REST calls signed with a
 * cached admin UserSig to the app's data centre (failover to its backup host), Tencent's
 * limits checked before any call, its codes turned into ImErrors.
 */
export class TencentAdapter extends AdapterBase {
  readonly vendor = "tencent" as const;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits = TENCENT_LIMITS;
  readonly #ctx: TencentContext;
  /** Present when a callback token is configured (see webhook.ts). */
  readonly parseWebhook?: (request: WebhookRequest) => WebhookResult;
  /**
   * Sign covers only the token and RequestTime (one second): several callbacks share it and
   * no body is bound, so the gateway asks for a source list or client certificate.
   */
  readonly webhookSignatureScope = "time" as const;

  constructor(options: TencentAdapterOptions) {
    super();
    if (
      !Number.isInteger(options.sdkAppId) ||
      options.sdkAppId <= 0 ||
      options.sdkAppId > 0xffff_ffff
    ) {
      throw new TypeError("Tencent needs an integer sdkAppId");
    }
    if (!options.key) throw new TypeError("Tencent needs the app's key");
    if (
      options.extraProfileTag !== undefined &&
      !/^Tag_Profile_Custom_\w+$/.test(options.extraProfileTag)
    ) {
      throw new TypeError("extraProfileTag must be a Tag_Profile_Custom_* tag");
    }
    const region = options.region ?? "cn";
    const groupType = options.groupType ?? "Public";
    const caps = new Set<Capability>(ALWAYS);
    // Work groups (REST "Private") refuse forbid_send_msg.
    if (groupType !== "Private") caps.add("GROUP_MUTE");
    if (options.extraProfileTag) caps.add("USER_EXTRA");
    if (options.broadcast) caps.add("MESSAGE_BROADCAST");
    this.capabilities = caps;
    const appId = options.id ?? "tencent";
    this.info = {
      id: appId,
      vendor: "tencent",
      region,
      publicAppId: String(options.sdkAppId),
      capabilities: [...caps],
    };
    const now = options.now ?? Date.now;
    const adminUserId = options.adminUserId ?? "administrator";
    const sig = new AdminSig({ sdkAppId: options.sdkAppId, key: options.key, adminUserId, now });
    this.#ctx = {
      client: createTencentClient(options, adminUserId, sig),
      ids: new IdCodec(options.idSecret ? { secret: options.idSecret } : {}),
      appId,
      sdkAppId: options.sdkAppId,
      key: options.key,
      groupType,
      extraProfileTag: options.extraProfileTag,
      concurrency: options.concurrency ?? 8,
      now,
    };
    const callbackToken = options.callbackToken;
    if (callbackToken) {
      const webhook = { sdkAppId: options.sdkAppId, callbackToken };
      this.parseWebhook = (request) => parseTencentWebhook(this.#ctx, webhook, request);
    }
  }

  webhookRefusal(status: number, message: string): WebhookAck {
    return tencentWebhookRefusal(status, message);
  }
  /** Tencent's published callback egress (ConfigSvc/GetIPList, nettype 5 and 6). */
  webhookSources(options?: CallOptions): Promise<string[]> {
    return webhookSources(this.#ctx, options);
  }

  registerUsers(input: UserInput[], options?: CallOptions) {
    return users.registerUsers(this.#ctx, input, options);
  }
  updateUser(update: UserUpdate, options?: CallOptions) {
    return users.updateUser(this.#ctx, update, options);
  }
  getUsers(userIds: string[], options?: CallOptions) {
    return users.getUsers(this.#ctx, userIds, options);
  }
  override async deleteUsers(userIds: string[], options?: CallOptions) {
    return users.deleteUsers(this.#ctx, userIds, options);
  }
  override async getPresence(userIds: string[], options?: CallOptions) {
    return users.getPresence(this.#ctx, userIds, options);
  }
  override async banUsers(input: BanInput, options?: CallOptions) {
    return moderation.banUsers(this.#ctx, input, options);
  }
  override async unbanUsers(userIds: string[], options?: CallOptions) {
    return moderation.unbanUsers(this.#ctx, userIds, options);
  }
  async issueChatCredential(input: ChatCredentialInput, _options?: CallOptions) {
    return credentials.issueChatCredential(this.#ctx, input);
  }

  createGroup(input: CreateGroupInput, options?: CallOptions) {
    return groups.createGroup(this.#ctx, input, options);
  }
  getGroup(groupId: string, options?: CallOptions) {
    return groups.getGroup(this.#ctx, groupId, options);
  }
  listGroupMembers(input: { groupId: string } & PageInput, options?: CallOptions) {
    return groups.listGroupMembers(this.#ctx, input, options);
  }
  addGroupMembers(input: GroupMembersInput, options?: CallOptions) {
    return groups.addGroupMembers(this.#ctx, input, options);
  }
  removeGroupMembers(input: GroupMembersInput, options?: CallOptions) {
    return groups.removeGroupMembers(this.#ctx, input, options);
  }
  override async transferGroupOwnership(input: TransferOwnershipInput, options?: CallOptions) {
    return groups.transferGroupOwnership(this.#ctx, input, options);
  }
  override async muteGroupMembers(input: MuteMembersInput, options?: CallOptions) {
    this.gate("muteGroupMembers");
    return mutes.muteGroupMembers(this.#ctx, input, options);
  }
  override async unmuteGroupMembers(input: GroupMembersInput, options?: CallOptions) {
    this.gate("unmuteGroupMembers");
    return mutes.unmuteGroupMembers(this.#ctx, input, options);
  }
  override async listMutedMembers(groupId: string, options?: CallOptions) {
    this.gate("listMutedMembers");
    return mutes.listMutedMembers(this.#ctx, groupId, options);
  }
  dismissGroup(input: DismissGroupInput, options?: CallOptions) {
    return groups.dismissGroup(this.#ctx, input, options);
  }
  override async listUserGroups(input: { userId: string } & PageInput, options?: CallOptions) {
    return lists.listUserGroups(this.#ctx, input, options);
  }
  override async listAppGroups(input: PageInput, options?: CallOptions) {
    return lists.listAppGroups(this.#ctx, input, options);
  }

  sendMessage(input: SendMessageInput, options?: CallOptions) {
    return messages.sendMessage(this.#ctx, input, options);
  }
  override async broadcastMessage(input: BroadcastInput, options?: CallOptions) {
    this.gate("broadcastMessage");
    return broadcastMessage(this.#ctx, input, options);
  }
  override async recallMessage(input: RecallInput, options?: CallOptions) {
    return recallMessage(this.#ctx, input, options);
  }
  override async listMessages(input: HistoryInput, options?: CallOptions) {
    return listMessages(this.#ctx, input, options);
  }

  override async issueRoomCredential(input: RoomCredentialInput, options?: CallOptions) {
    const credential = credentials.issueRoomCredential(this.#ctx, input);
    await rooms.ensureRoom(this.#ctx, credential.roomId, options);
    return credential;
  }
  override async listRoomUsers(input: RoomUsersInput, options?: CallOptions) {
    return rooms.listRoomUsers(this.#ctx, input, options);
  }
  override async sendRoomMessage(input: RoomMessageInput, options?: CallOptions) {
    return rooms.sendRoomMessage(this.#ctx, input, options);
  }

  describeMessageId(messageId: string) {
    return describeMessageId(this.#ctx, messageId);
  }

  close(): Promise<void> {
    return this.#ctx.client.close();
  }
}
