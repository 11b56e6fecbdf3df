import type { Capability } from "./capabilities.js";
import type { AppInfo, Vendor } from "./model/app.js";
import type { ImEventType } from "./model/event.js";
import type { GroupProfileField } from "./model/group-depth.js";
import type { Conversation, ConversationType } from "./model/message.js";
import type { OperationMethods, OperationSupport } from "./operations/implement.js";
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
  /** Users whose membership one checkGroupMembers call answers (one vendor call). */
  usersPerMemberCheck: number;
  /** Friends per add, import, update, delete, fetch or relation check call. */
  friendsPerCall: number;
  /** Users per blocklist add, remove or check call. */
  blocklistPerCall: number;
  /** Users whose custom attributes one read call answers. */
  usersPerAttributeRead: number;
  /** Recipients of one push to listed users. */
  usersPerPush: number;
  /** Users per tag read or change call. */
  usersPerTagCall: number;
  /** Users per account-existence check call. */
  usersPerAccountCheck: number;
  /** Users per login-invalidation call. */
  usersPerLoginInvalidation: number;
  /** Users per app-wide mute, unmute or mute-status call. */
  usersPerMuteCall: number;
  /** Messages per one-sided delete call. */
  messagesPerDelete: number;
  /** Messages per read-receipt call. */
  messagesPerReceipt: number;
  /** Extension keys per write call. */
  extensionsPerWrite: number;
  /** Users whose presence in a live room one check call answers. */
  usersPerLiveRoomCheck: number;
  /** Users per live room kick, ban, unban, mute or unmute call. */
  usersPerLiveRoomModeration: number;
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
 * The contract every vendor adapter fulfils: one method per declared operation (see
 * operations/table.ts, the one place operations are declared), plus what the gateway needs
 * to know about the app. Arguments are checked against the vendor's limits before any call;
 * batch operations answer per key, in key order. An operation the vendor cannot do (a
 * declared gap, or an option that is off) rejects with UNSUPPORTED_BY_VENDOR and its reason,
 * without calling the vendor.
 */
export interface ImAdapter extends OperationMethods {
  readonly vendor: Vendor;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits: VendorLimits;
  /** Every declared operation, supported or not, with the reason when not. */
  readonly operations: readonly OperationSupport[];

  /**
   * What one of this adapter's opaque message ids says about its message, without a
   * vendor call (for authorization: who sent it, where); null when it is not a valid id
   * of this app. Optional: without it, only admins may recall.
   */
  describeMessageId?(messageId: string): { senderId: string; conversation: Conversation } | null;

  /**
   * Whether the vendor's own callbacks report this kind of change in this kind of
   * conversation, so that the gateway publishes no second event for a write it made itself
   * (it publishes its own where the vendor calls back for nothing). Absent: never.
   */
  reportsByCallback?(type: ImEventType, conversation: ConversationType): boolean;

  /**
   * Set where the vendor reports an edit only by calling back again as a send of the same
   * message, with its new content and no edit marker (ZIM's send_msg): for how long after a
   * send an edit may come, ms (the vendor's edit window). The gateway then remembers each
   * message's content for that long, to tell an edit from a new message and a repeated
   * delivery. Absent: a send callback is always a new message.
   */
  readonly editsReportedAsSendsForMs?: number;

  /**
   * The group profile fields whose changes the vendor's callbacks report as
   * GROUP_PROFILE_UPDATED (vendors call back for some fields only), so that for a profile
   * update it made the gateway reports just the other fields. Absent: none.
   */
  profileFieldsByCallback?(): readonly GroupProfileField[];

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
