import type { ImAdapter } from "./adapter.js";
import type { VendorClientOptions } from "./http/index.js";
import type { Vendor } from "./model/app.js";
import type { ImEventType } from "./model/event.js";
import type { GroupProfileField } from "./model/group-depth.js";
import type { ConversationType } from "./model/message.js";
import type { Implementation } from "./operations/implement.js";
import type { VendorRateLimits } from "./rate/limits.js";
import type { RateShaper } from "./rate/shaper.js";

/** The result of checking options against a schema (zod's safeParse has this shape). */
export type OptionsCheck<O> =
  | { success: true; data: O }
  | {
      success: false;
      error: {
        issues: ReadonlyArray<{
          path: ReadonlyArray<PropertyKey>;
          message: string;
          /** Unknown keys, where the schema refuses them (zod names them here, not in path). */
          keys?: ReadonlyArray<string>;
        }>;
      };
    };

/** A schema of one vendor's app options (a zod schema fits). */
export interface OptionsSchema<O> {
  safeParse(value: unknown): OptionsCheck<O>;
}

/** What the gateway adds to every app's options at run time. */
export interface RuntimeOptions {
  /** The gateway's id for the app. */
  id: string;
  /** Keys opaque ids so clients cannot forge them. */
  idSecret?: string;
  /** Sees every vendor call attempt (logs, metrics). */
  onAttempt?: VendorClientOptions["onAttempt"];
  /** Headers of the caller's context on every vendor call (the W3C trace context). */
  contextHeaders?: VendorClientOptions["contextHeaders"];
  /** Keeps the app's calls under its vendor's limits (built from `VendorModule.rateLimits`). */
  rateShaper?: RateShaper;
}

/** The run-time options a VendorClient takes. */
export type ClientHooks = Pick<RuntimeOptions, "onAttempt" | "contextHeaders" | "rateShaper">;

/** The run-time hooks of RuntimeOptions that a VendorClient takes, without absent ones. */
export function clientHooks(
  options: ClientHooks,
): Pick<VendorClientOptions, "onAttempt" | "contextHeaders" | "shaper"> {
  return {
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
    ...(options.contextHeaders ? { contextHeaders: options.contextHeaders } : {}),
    ...(options.rateShaper ? { shaper: options.rateShaper } : {}),
  };
}

/**
 * Everything the gateway knows about a vendor, from that vendor's adapter package: how a
 * config file describes an app of it, which of those settings are secrets (read only from
 * the environment or a file), and how to build the adapter. The gateway holds no vendor
 * rules of its own.
 */
export interface VendorModule<O = unknown> {
  readonly vendor: Vendor;
  /** What a config file may set for one app, secrets already resolved. */
  readonly configSchema: OptionsSchema<O>;
  /** Option names that are secrets. */
  readonly secrets: { readonly required: readonly string[]; readonly optional: readonly string[] };
  create(options: O & RuntimeOptions): ImAdapter;
  /** The adapter's implementation map: the support matrix is generated from it. */
  readonly implementation: Implementation<never>;
  /** The vendor's published rate limits, per API: the gateway shapes calls by them. */
  readonly rateLimits: VendorRateLimits;
  /**
   * The changes the vendor's own callbacks report, by event and conversation kind, so that
   * the gateway publishes no second event for a write it made (see ImAdapter.reportsByCallback).
   */
  readonly callbackEvents: CallbackEvents;
  /**
   * The group profile fields the vendor's callbacks report a change of (see
   * ImAdapter.profileFieldsByCallback); absent when none.
   */
  readonly callbackProfileFields?: readonly GroupProfileField[];
  /** The vendor's pre-send callback (the gateway moderates through it), or why it has none. */
  readonly preSend: PreSendSupport;
}

/**
 * How a vendor asks the app's server about a message before delivering it: for which
 * conversations, how long it waits, and what it does when no answer comes in time; or,
 * for a vendor without such a callback, why.
 */
export type PreSendSupport =
  | {
      conversations: readonly ConversationType[];
      timeoutMs: number;
      /** What the vendor does with the message when the answer is late, wrong or absent. */
      onNoAnswer: "deliver" | "drop";
      /** Which sends it asks about (e.g. client SDK sends only, or REST sends too). */
      covers: string;
    }
  | { gap: string };

/** Which events a vendor's callbacks carry, per conversation kind. */
export type CallbackEvents = Partial<Record<ImEventType, readonly ConversationType[]>>;

/**
 * Every live room change (creation, destruction, joins, leaves): what a vendor's live room
 * callbacks report when they carry all four, as each supported vendor's do.
 */
export const LIVE_ROOM_CALLBACK_EVENTS: CallbackEvents = {
  LIVE_ROOM_CREATED: ["ROOM"],
  LIVE_ROOM_DESTROYED: ["ROOM"],
  LIVE_ROOM_MEMBER_JOINED: ["ROOM"],
  LIVE_ROOM_MEMBER_LEFT: ["ROOM"],
};

/** Whether `events` cover this event in this kind of conversation. */
export function coveredBy(
  events: CallbackEvents,
  type: ImEventType,
  conversation: ConversationType,
): boolean {
  return events[type]?.includes(conversation) === true;
}
