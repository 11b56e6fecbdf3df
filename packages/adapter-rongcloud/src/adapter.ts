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
  type RoomMessageInput,
  type RoomUsersInput,
  type SendMessageInput,
  type SystemMessageInput,
  type UserInput,
  type UserUpdate,
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { createRongCloudClient } from "./client.js";
import type { RongCloudContext } from "./context.js";
import * as groups from "./groups.js";
import { RONGCLOUD_LIMITS } from "./limits.js";
import * as messages from "./messages.js";
import type { RongCloudAdapterOptions } from "./options.js";
import * as rooms from "./rooms.js";
import * as users from "./users.js";
import { parseRongCloudWebhook, type RongCloudWebhookOptions } from "./webhook.js";

const ALWAYS: Capability[] = [
  "USER_PRESENCE",
  "USER_BAN",
  "GROUP_MUTE",
  "GROUPS_OF_USER",
  "MESSAGE_SYSTEM",
  "MESSAGE_RECALL",
  "CONTENT_IMAGE",
  "CONTENT_FILE",
  "CONTENT_CUSTOM",
  "ROOM_USERS",
  "ROOM_MESSAGE",
];

/**
 * RongCloud IM behind the neutral ImAdapter contract: signed form calls to the app's
 * data centre with failover to its backup host, RongCloud's limits checked before any
 * call, its codes turned into ImErrors.
 */
export class RongCloudAdapter extends AdapterBase {
  readonly vendor = "rongcloud" as const;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits = RONGCLOUD_LIMITS;
  readonly #ctx: RongCloudContext;
  readonly #appKey: string;
  readonly #webhook: RongCloudWebhookOptions;

  constructor(options: RongCloudAdapterOptions) {
    super();
    if (!options.appKey || !options.appSecret)
      throw new TypeError("RongCloud needs an appKey and an appSecret");
    const region = options.region ?? "cn";
    const caps = new Set<Capability>(ALWAYS);
    if (options.features?.history !== false) caps.add("MESSAGE_HISTORY");
    if (options.features?.broadcast) caps.add("MESSAGE_BROADCAST");
    this.capabilities = caps;
    this.#appKey = options.appKey;
    this.#webhook = {
      appKey: options.appKey,
      appSecret: options.appSecret,
      ...(options.callbackMaxAgeSeconds !== undefined
        ? { maxAgeSeconds: options.callbackMaxAgeSeconds }
        : {}),
    };
    const appId = options.id ?? "rongcloud";
    this.info = {
      id: appId,
      vendor: "rongcloud",
      region,
      publicAppId: options.appKey,
      capabilities: [...caps],
    };
    this.#ctx = {
      client: createRongCloudClient(options),
      ids: new IdCodec(options.idSecret ? { secret: options.idSecret } : {}),
      appId,
      region,
      concurrency: options.concurrency ?? 8,
    };
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
  override async getPresence(userIds: string[], options?: CallOptions) {
    return users.getPresence(this.#ctx, userIds, options);
  }
  override async banUsers(input: BanInput, options?: CallOptions) {
    return users.banUsers(this.#ctx, input, options);
  }
  override async unbanUsers(userIds: string[], options?: CallOptions) {
    return users.unbanUsers(this.#ctx, userIds, options);
  }
  issueChatCredential(input: ChatCredentialInput, options?: CallOptions) {
    return users.issueChatCredential(this.#ctx, this.#appKey, input, options);
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
  override async muteGroupMembers(input: MuteMembersInput, options?: CallOptions) {
    return groups.muteGroupMembers(this.#ctx, input, options);
  }
  override async unmuteGroupMembers(input: GroupMembersInput, options?: CallOptions) {
    return groups.unmuteGroupMembers(this.#ctx, input, options);
  }
  override async listMutedMembers(groupId: string, options?: CallOptions) {
    return groups.listMutedMembers(this.#ctx, groupId, options);
  }
  dismissGroup(input: DismissGroupInput, options?: CallOptions) {
    return groups.dismissGroup(this.#ctx, input, options);
  }
  override async listUserGroups(input: { userId: string } & PageInput, options?: CallOptions) {
    return groups.listUserGroups(this.#ctx, input, options);
  }

  sendMessage(input: SendMessageInput, options?: CallOptions) {
    return messages.sendMessage(this.#ctx, input, options);
  }
  override async sendSystemMessage(input: SystemMessageInput, options?: CallOptions) {
    return messages.sendSystemMessage(this.#ctx, input, options);
  }
  override async broadcastMessage(input: BroadcastInput, options?: CallOptions) {
    this.gate("broadcastMessage");
    return messages.broadcastMessage(this.#ctx, input, options);
  }
  override async recallMessage(input: RecallInput, options?: CallOptions) {
    return messages.recallMessage(
      this.#ctx,
      input,
      options,
      this.capabilities.has("MESSAGE_HISTORY"),
    );
  }
  override async listMessages(input: HistoryInput, options?: CallOptions) {
    this.gate("listMessages");
    return messages.listMessages(this.#ctx, input, options);
  }

  override async listRoomUsers(input: RoomUsersInput, options?: CallOptions) {
    return rooms.listRoomUsers(this.#ctx, input, options);
  }
  override async sendRoomMessage(input: RoomMessageInput, options?: CallOptions) {
    return rooms.sendRoomMessage(this.#ctx, input, options);
  }

  describeMessageId(messageId: string) {
    return messages.describeMessageId(this.#ctx, messageId);
  }

  /** The signature covers a per-delivery nonce and time, not the body (webhook.ts). */
  readonly webhookSignatureScope = "delivery" as const;

  /** Server callbacks (message routing, online status), signed with the app secret. */
  parseWebhook(request: WebhookRequest): WebhookResult {
    return parseRongCloudWebhook(this.#ctx, this.#webhook, request);
  }

  close(): Promise<void> {
    return this.#ctx.client.close();
  }
}
