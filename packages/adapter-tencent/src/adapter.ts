import {
  type CallOptions,
  type Capability,
  type ConversationType,
  coveredBy,
  type GroupProfileField,
  IdCodec,
  type ImEventType,
  VendorAdapter,
  type WebhookAck,
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { AdminSig } from "./admin-sig.js";
import { createTencentClient } from "./client.js";
import type { TencentContext } from "./context.js";
import { implementation } from "./implementation.js";
import { TENCENT_LIMITS } from "./limits.js";
import { describeMessageId } from "./message-ids.js";
import { configSchema, type TencentAdapterOptions } from "./options.js";
import { parseTencentWebhook, tencentWebhookRefusal } from "./webhook.js";
import { TENCENT_PROFILE_FIELDS } from "./webhook-groups.js";
import { TENCENT_CALLBACK_EVENTS } from "./webhook-lifecycle.js";
import { webhookSources } from "./webhook-sources.js";

/** Capabilities that are not operations: content kinds and group owners, always. */
const FEATURES: readonly Capability[] = [
  "CONTENT_IMAGE",
  "CONTENT_FILE",
  "CONTENT_CUSTOM",
  "GROUP_OWNER",
];

/**
 * Tencent Cloud Chat behind the neutral ImAdapter contract: REST calls signed with a
 * cached admin UserSig to the app's data centre (failover to its backup host), Tencent's
 * limits checked before any call, its codes turned into ImErrors. The operations are
 * those of implementation.ts.
 */
export class TencentAdapter extends VendorAdapter<TencentContext> {
  /** Present when a callback token is configured (see webhook.ts). */
  readonly parseWebhook?: (request: WebhookRequest) => WebhookResult;
  /**
   * Sign covers only the token and RequestTime (one second): several callbacks share it and
   * no body is bound, so the gateway asks for a source list or client certificate.
   */
  readonly webhookSignatureScope = "time" as const;

  constructor(options: TencentAdapterOptions) {
    const { id, idSecret, onAttempt, contextHeaders, rateShaper, now: clock, ...config } = options;
    const checked = configSchema.safeParse(config);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new TypeError(`Tencent options: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    const o = checked.data;
    const now = clock ?? Date.now;
    const appId = id ?? "tencent";
    const adminUserId = o.adminUserId ?? "administrator";
    const sig = new AdminSig({ sdkAppId: o.sdkAppId, key: o.key, adminUserId, now });
    const ctx: TencentContext = {
      client: createTencentClient(
        { ...o, onAttempt, contextHeaders, rateShaper },
        adminUserId,
        sig,
      ),
      ids: new IdCodec(idSecret ? { secret: idSecret } : {}),
      appId,
      sdkAppId: o.sdkAppId,
      key: o.key,
      groupType: o.groupType ?? "Public",
      extraProfileTag: o.extraProfileTag,
      friendAttributes: o.friendAttributes ?? [],
      userAttributes: o.userAttributes ?? [],
      adminUserId,
      broadcast: o.broadcast ?? false,
      pushAttributes: o.pushAttributes ?? [],
      messageExtensions: o.messageExtensions ?? false,
      readReceipts: o.readReceipts ?? false,
      conversationGroups: o.conversationGroups ?? false,
      groupCounters: o.groupCounters ?? false,
      liveRoomOnlineMembers: o.liveRoomOnlineMembers ?? false,
      liveRoomBans: o.liveRoomBans ?? false,
      liveRoomBroadcast: o.liveRoomBroadcast ?? false,
      groupMemberFields: o.groupMemberFields ?? [],
      concurrency: o.concurrency ?? 8,
      now,
    };
    super({
      vendor: "tencent",
      id: appId,
      region: o.region ?? "cn",
      publicAppId: String(o.sdkAppId),
      limits: TENCENT_LIMITS,
      // Extra profile data lives in the custom profile tag the console has configured.
      features: o.extraProfileTag ? [...FEATURES, "USER_EXTRA"] : FEATURES,
      ctx,
      implementation,
    });
    const callbackToken = o.callbackToken;
    if (callbackToken) {
      const webhook = { sdkAppId: o.sdkAppId, callbackToken, adminUserId };
      this.parseWebhook = (request) => parseTencentWebhook(ctx, webhook, request);
    }
  }

  describeMessageId(messageId: string) {
    return describeMessageId(this.ctx, messageId);
  }

  /**
   * One-to-one edits and read reports come back as Tencent callbacks — when this adapter can
   * read them (a callback token is configured); otherwise the gateway reports them itself.
   */
  reportsByCallback(type: ImEventType, conversation: ConversationType): boolean {
    return (
      this.parseWebhook !== undefined && coveredBy(TENCENT_CALLBACK_EVENTS, type, conversation)
    );
  }
  profileFieldsByCallback(): readonly GroupProfileField[] {
    return this.parseWebhook !== undefined ? TENCENT_PROFILE_FIELDS : [];
  }

  webhookRefusal(status: number, message: string): WebhookAck {
    return tencentWebhookRefusal(status, message);
  }

  /** Tencent's published callback egress (ConfigSvc/GetIPList, nettype 5 and 6). */
  webhookSources(options?: CallOptions): Promise<string[]> {
    return webhookSources(this.ctx, options);
  }

  close(): Promise<void> {
    return this.ctx.client.close();
  }
}
