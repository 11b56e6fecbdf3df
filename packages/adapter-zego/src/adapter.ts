import {
  type ConversationType,
  coveredBy,
  IdCodec,
  type ImEventType,
  VendorAdapter,
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { createZegoClient } from "./client.js";
import type { ZegoContext } from "./context.js";
import { implementation } from "./implementation.js";
import {
  EDIT_WINDOW_MS,
  EXTRA_DEFAULT_MAX_BYTES,
  GROUP_MEMBER_LIMIT_MAX,
  MESSAGE_DEFAULT_MAX_BYTES,
  ZEGO_LIMITS,
} from "./limits.js";
import { describeMessageId } from "./message-ids.js";
import { checkConfig, type ZegoAdapterOptions } from "./options.js";
import { parseZegoWebhook } from "./webhook.js";
import { ZEGO_CALLBACK_EVENTS } from "./webhook-live-rooms.js";

/**
 * ZEGOCLOUD In-app Chat (ZIM) and Video Call (RTC) rooms behind the neutral ImAdapter
 * contract: signed calls to the region's hosts with failover to the unified host, ZEGO's
 * limits checked before any call, its codes turned into ImErrors, Token04 credentials
 * made locally. The operations are in implementation.ts.
 */
export class ZegoAdapter extends VendorAdapter<ZegoContext> {
  /** Present when the CallbackSecret is configured (see webhook.ts). */
  readonly parseWebhook?: (request: WebhookRequest) => WebhookResult;
  /** The signature covers a per-delivery nonce and time, not the rest of the body. */
  readonly webhookSignatureScope = "delivery" as const;
  /** ZIM calls back `send_msg` again after an edit, with no edit marker (zego.md §4.2). */
  readonly editsReportedAsSendsForMs = EDIT_WINDOW_MS;

  constructor(options: ZegoAdapterOptions) {
    const config = checkConfig(options);
    const ctx: ZegoContext = {
      zim: createZegoClient("zim", config, options),
      rtc: createZegoClient("rtc", config, options),
      ids: new IdCodec(options.idSecret ? { secret: options.idSecret } : {}),
      appId: options.id,
      zegoAppId: config.appId,
      serverSecret: config.serverSecret,
      messageMaxBytes: config.messageMaxBytes ?? MESSAGE_DEFAULT_MAX_BYTES,
      extraMaxBytes: config.extraMaxBytes ?? EXTRA_DEFAULT_MAX_BYTES,
      concurrency: config.concurrency ?? 4,
      broadcast: config.features?.broadcast === true,
      readReceipts: config.features?.readReceipts === true,
      groupAttributes: config.features?.groupAttributes === true,
      groupMemberLimit: config.groupMemberLimit ?? GROUP_MEMBER_LIMIT_MAX,
      operatorUserId: config.operatorUserId,
    };
    super({
      vendor: "zego",
      id: options.id,
      region: config.region ?? "unified",
      publicAppId: String(config.appId),
      limits: ZEGO_LIMITS,
      features: ["USER_EXTRA", "GROUP_OWNER", "CONTENT_IMAGE", "CONTENT_FILE", "CONTENT_CUSTOM"],
      ctx,
      implementation,
    });
    const { callbackSecret } = config;
    if (callbackSecret) {
      const webhook = { appId: config.appId, callbackSecret };
      this.parseWebhook = (request) => parseZegoWebhook(ctx, webhook, request);
    }
  }

  /**
   * ZIM's room callbacks report live room changes (#17 §E1) — when the CallbackSecret is
   * configured, so that they can be read. Nothing else: no callback exists for edits,
   * deletes, reads or reactions (§4.1), and group callbacks are left to the gateway.
   */
  reportsByCallback(type: ImEventType, conversation: ConversationType): boolean {
    return this.parseWebhook !== undefined && coveredBy(ZEGO_CALLBACK_EVENTS, type, conversation);
  }

  describeMessageId(messageId: string) {
    return describeMessageId(this.ctx, messageId);
  }

  async close(): Promise<void> {
    await Promise.all([this.ctx.zim.close(), this.ctx.rtc.close()]);
  }
}
