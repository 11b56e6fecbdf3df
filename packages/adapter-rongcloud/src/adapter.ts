import {
  type ConversationType,
  coveredBy,
  type GroupProfileField,
  IdCodec,
  type ImEventType,
  VendorAdapter,
  type WebhookRequest,
  type WebhookResult,
} from "@imgraph/core";
import { createRongCloudClient } from "./client.js";
import type { RongCloudContext } from "./context.js";
import { implementation } from "./implementation.js";
import { RONGCLOUD_LIMITS } from "./limits.js";
import { describeMessageId } from "./message-ids.js";
import { configSchema, type RongCloudAdapterOptions } from "./options.js";
import { parseRongCloudWebhook, type RongCloudWebhookOptions } from "./webhook.js";

import { HOSTED_GROUP_CALLBACK_EVENTS, HOSTED_PROFILE_FIELDS } from "./webhook-groups.js";
import { RONGCLOUD_CALLBACK_EVENTS } from "./webhook-read.js";

/**
 * RongCloud IM behind the neutral ImAdapter contract: signed form calls to the app's
 * data centre with failover to its backup host, RongCloud's limits checked before any
 * call, its codes turned into ImErrors. The operations are in implementation.ts.
 */
export class RongCloudAdapter extends VendorAdapter<RongCloudContext> {
  readonly #webhook: RongCloudWebhookOptions;

  constructor(options: RongCloudAdapterOptions) {
    const {
      id = "rongcloud",
      idSecret,
      onAttempt,
      contextHeaders,
      rateShaper,
      ...config
    } = options;
    const checked = configSchema.safeParse(config);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new TypeError(`RongCloud options: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    const o = checked.data;
    const region = o.region ?? "cn";
    const ctx: RongCloudContext = {
      client: createRongCloudClient({ ...o, onAttempt, contextHeaders, rateShaper }),
      ids: new IdCodec(idSecret ? { secret: idSecret } : {}),
      appId: id,
      appKey: o.appKey,
      region,
      concurrency: o.concurrency ?? 8,
      features: {
        history: o.features?.history ?? true,
        broadcast: o.features?.broadcast ?? false,
        historyLog: o.features?.historyLog ?? false,
        hostedGroups: o.features?.hostedGroups ?? false,
        chatroomAttributes: o.features?.chatroomAttributes ?? false,
        chatroomKeepAlive: o.features?.chatroomKeepAlive ?? false,
        chatroomBroadcast: o.features?.chatroomBroadcast ?? false,
      },
      messageExtensions: o.messageExtensions ?? false,
      operatorUserId: o.operatorUserId,
    };
    super({
      vendor: "rongcloud",
      id,
      region,
      publicAppId: o.appKey,
      limits: RONGCLOUD_LIMITS,
      // Hosted groups keep an owner (classic groups do not).
      features: [
        "CONTENT_IMAGE",
        "CONTENT_FILE",
        "CONTENT_CUSTOM",
        // The sensitive-word filter is built in: no service to enable (#18 §2).
        "SENSITIVE_WORDS",
        ...(ctx.features.hostedGroups ? (["GROUP_OWNER"] as const) : []),
      ],
      ctx,
      implementation,
    });
    this.#webhook = {
      appKey: o.appKey,
      appSecret: o.appSecret,
      ...(o.callbackMaxAgeSeconds !== undefined ? { maxAgeSeconds: o.callbackMaxAgeSeconds } : {}),
    };
  }

  describeMessageId(messageId: string) {
    return describeMessageId(this.ctx, messageId);
  }

  /**
   * Full message routing carries one-to-one read receipts (RC:ReadNtf, webhook-read.ts);
   * hosted groups' callbacks carry role and attribute changes (webhook-groups.ts).
   * Edits, deletes and extension changes reach no callback we can rely on (reference §5.2).
   */
  reportsByCallback(type: ImEventType, conversation: ConversationType): boolean {
    // Classic groups have no callbacks: group events come only from hosted groups.
    if (type in HOSTED_GROUP_CALLBACK_EVENTS && !this.ctx.features.hostedGroups) return false;
    return coveredBy(RONGCLOUD_CALLBACK_EVENTS, type, conversation);
  }
  /** The hosted-group profile callback's fields; classic groups have no callbacks. */
  profileFieldsByCallback(): readonly GroupProfileField[] {
    return this.ctx.features.hostedGroups ? HOSTED_PROFILE_FIELDS : [];
  }

  /** The signature covers a per-delivery nonce and time, not the body (webhook.ts). */
  readonly webhookSignatureScope = "delivery" as const;

  /** Server callbacks (message routing, online status), signed with the app secret. */
  parseWebhook(request: WebhookRequest): WebhookResult {
    return parseRongCloudWebhook(this.ctx, this.#webhook, request);
  }

  close(): Promise<void> {
    return this.ctx.client.close();
  }
}
