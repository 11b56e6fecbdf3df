import {
  AdapterBase,
  type AppInfo,
  type BroadcastInput,
  type CallOptions,
  type Capability,
  type ChatCredentialInput,
  type CreateGroupInput,
  type DismissGroupInput,
  type GroupMembersInput,
  type HistoryInput,
  IdCodec,
  type KickRoomUsersInput,
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
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { createZegoClient } from "./client.js";
import type { ZegoContext } from "./context.js";
import * as credentials from "./credentials.js";
import * as groupLists from "./group-lists.js";
import * as mutes from "./group-mutes.js";
import * as groups from "./groups.js";
import * as history from "./history.js";
import {
  CONFIGURABLE_MAX_BYTES,
  EXTRA_DEFAULT_MAX_BYTES,
  MESSAGE_DEFAULT_MAX_BYTES,
  ZEGO_LIMITS,
} from "./limits.js";
import { describeMessageId } from "./message-ids.js";
import * as messages from "./messages.js";
import { ZEGO_REGIONS, type ZegoAdapterOptions } from "./options.js";
import * as rooms from "./rooms.js";
import * as users from "./users.js";
import { parseZegoWebhook } from "./webhook.js";

// Not declared: USER_DELETE (ZIM documents no delete Action), USER_BAN (no app-wide ban;
// the blocklist is per user), MESSAGE_SYSTEM (ZIM has no system conversation).
const ALWAYS: Capability[] = [
  "USER_PRESENCE",
  "USER_EXTRA",
  "GROUP_OWNER",
  "GROUP_TRANSFER_OWNERSHIP",
  "GROUP_MUTE",
  "GROUPS_OF_USER",
  "GROUPS_OF_APP",
  "MESSAGE_RECALL",
  "MESSAGE_HISTORY",
  "CONTENT_IMAGE",
  "CONTENT_FILE",
  "CONTENT_CUSTOM",
  "ROOM_CREDENTIAL",
  "ROOM_USERS",
  "ROOM_KICK",
  "ROOM_MESSAGE",
];

/**
 * ZEGOCLOUD In-app Chat (ZIM) and Video Call (RTC) rooms behind the neutral ImAdapter
 * contract: signed calls to the region's hosts with failover to the unified host, ZEGO's
 * limits checked before any call, its codes turned into ImErrors, Token04 credentials
 * made locally.
 */
export class ZegoAdapter extends AdapterBase {
  readonly vendor = "zego" as const;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits = ZEGO_LIMITS;
  readonly #ctx: ZegoContext;
  /** Present when the CallbackSecret is configured (see webhook.ts). */
  readonly parseWebhook?: (request: WebhookRequest) => WebhookResult;
  /** The signature covers a per-delivery nonce and time, not the rest of the body. */
  readonly webhookSignatureScope = "delivery" as const;

  constructor(options: ZegoAdapterOptions) {
    super();
    if (!Number.isInteger(options.appId) || options.appId < 1 || options.appId > 0xffff_ffff) {
      throw new TypeError("ZEGO needs appId, a non-zero uint32");
    }
    if (typeof options.serverSecret !== "string" || options.serverSecret.length !== 32) {
      throw new TypeError("ZEGO needs serverSecret, 32 characters");
    }
    const region = options.region ?? "unified";
    if (!ZEGO_REGIONS.includes(region)) throw new TypeError(`unknown ZEGO region ${region}`);
    const caps = new Set<Capability>(ALWAYS);
    if (options.features?.broadcast) caps.add("MESSAGE_BROADCAST");
    this.capabilities = caps;
    const appId = options.id ?? "zego";
    this.info = {
      id: appId,
      vendor: "zego",
      region,
      publicAppId: String(options.appId),
      capabilities: [...caps],
    };
    this.#ctx = {
      zim: createZegoClient("zim", options),
      rtc: createZegoClient("rtc", options),
      ids: new IdCodec(options.idSecret ? { secret: options.idSecret } : {}),
      appId,
      zegoAppId: options.appId,
      serverSecret: options.serverSecret,
      messageMaxBytes: bytes(options.messageMaxBytes, MESSAGE_DEFAULT_MAX_BYTES),
      extraMaxBytes: bytes(options.extraMaxBytes, EXTRA_DEFAULT_MAX_BYTES),
      concurrency: options.concurrency ?? 4,
    };
    const callbackSecret = options.callbackSecret;
    if (callbackSecret) {
      const webhook = { appId: options.appId, callbackSecret };
      this.parseWebhook = (request) => parseZegoWebhook(this.#ctx, webhook, request);
    }
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
    return mutes.muteGroupMembers(this.#ctx, input, options);
  }
  override async unmuteGroupMembers(input: GroupMembersInput, options?: CallOptions) {
    return mutes.unmuteGroupMembers(this.#ctx, input, options);
  }
  override async listMutedMembers(groupId: string, options?: CallOptions) {
    return mutes.listMutedMembers(this.#ctx, groupId, options);
  }
  dismissGroup(input: DismissGroupInput, options?: CallOptions) {
    return groups.dismissGroup(this.#ctx, input, options);
  }
  override async listUserGroups(input: { userId: string } & PageInput, options?: CallOptions) {
    return groupLists.listUserGroups(this.#ctx, input, options);
  }
  override async listAppGroups(input: PageInput, options?: CallOptions) {
    return groupLists.listAppGroups(this.#ctx, input, options);
  }

  sendMessage(input: SendMessageInput, options?: CallOptions) {
    return messages.sendMessage(this.#ctx, input, options);
  }
  override async broadcastMessage(input: BroadcastInput, options?: CallOptions) {
    this.gate("broadcastMessage");
    return messages.broadcastMessage(this.#ctx, input, options);
  }
  override async recallMessage(input: RecallInput, options?: CallOptions) {
    return messages.recallMessage(this.#ctx, input, options);
  }
  override async listMessages(input: HistoryInput, options?: CallOptions) {
    return history.listMessages(this.#ctx, input, options);
  }

  override async issueRoomCredential(input: RoomCredentialInput, _options?: CallOptions) {
    return credentials.issueRoomCredential(this.#ctx, input);
  }
  override async listRoomUsers(input: RoomUsersInput, options?: CallOptions) {
    return rooms.listRoomUsers(this.#ctx, input, options);
  }
  override async kickRoomUsers(input: KickRoomUsersInput, options?: CallOptions) {
    return rooms.kickRoomUsers(this.#ctx, input, options);
  }
  override async sendRoomMessage(input: RoomMessageInput, options?: CallOptions) {
    return rooms.sendRoomMessage(this.#ctx, input, options);
  }

  describeMessageId(messageId: string) {
    return describeMessageId(this.#ctx, messageId);
  }

  async close(): Promise<void> {
    await Promise.all([this.#ctx.zim.close(), this.#ctx.rtc.close()]);
  }
}

function bytes(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > CONFIGURABLE_MAX_BYTES) {
    throw new TypeError(`ZEGO byte limits must be 1..${CONFIGURABLE_MAX_BYTES}`);
  }
  return value;
}
