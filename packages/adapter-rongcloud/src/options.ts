import type { RuntimeOptions } from "@imgraph/core";
import { z } from "zod";

/** RongCloud data centres: each app key lives in exactly one; primary then backup host. */
export const RONGCLOUD_REGIONS = {
  cn: ["https://api.rong-api.com", "https://api-b.rong-api.com"],
  "cn-legacy": ["https://api-cn.ronghub.com", "https://api2-cn.ronghub.com"],
  sg: ["https://api.sg-light-api.com", "https://api-b.sg-light-api.com"],
  "sg-b": ["https://api.sg-b-light-api.com", "https://api-b.sg-b-light-api.com"],
  na: ["https://api.us-light-api.com", "https://api-b.us-light-api.com"],
  sa: ["https://api.sau-light-api.com", "https://api-b.sau-light-api.com"],
} as const;

export type RongCloudRegion = keyof typeof RONGCLOUD_REGIONS;

const REGION_NAMES = Object.keys(RONGCLOUD_REGIONS) as [RongCloudRegion, ...RongCloudRegion[]];

const positiveInt = z.int().min(1).max(4_294_967_295);

/**
 * What a config file may set for one RongCloud app (secrets already resolved to their
 * values). Unknown keys are refused. Defaults are applied by the adapter, not here.
 */
export const configSchema = z.strictObject({
  appKey: z.string().min(1),
  /** Signs every call and verifies every callback; never leaves the adapter. */
  appSecret: z.string().min(1),
  /** The data centre of the app key (default "cn"). */
  region: z.enum(REGION_NAMES).optional(),
  /** Overrides the region's hosts (e.g. an emulator), primary first. */
  origins: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .optional(),
  /** Products that must be enabled for the app key in RongCloud's console. */
  features: z
    .strictObject({
      /** Cloud message storage: history queries (default true). */
      history: z.boolean().optional(),
      /**
       * RongCloud's broadcast service: broadcasts, and pushes to all users or by tag (default
       * false: it needs enabling; they share 2 an hour and 3 a day).
       */
      broadcast: z.boolean().optional(),
      /** The paid hourly message log download (default false: it needs enabling). */
      historyLog: z.boolean().optional(),
      /**
       * Hosted groups (`/entrust/group/*`, RongCloud's information-hosting product, enabled
       * by a ticket; default false). On: every group operation uses them — groups the adapter
       * creates are hosted groups with an owner, admins, a profile (avatar, introduction,
       * announcement, join policy), custom attributes and member name cards, and ownership
       * transfer and the app-wide group list work. Off: classic groups (`/group/*`), which keep
       * only a name and whole-group mutes. Groups made in one mode are not seen by the other:
       * classic groups must be imported into the product before turning this on.
       */
      hostedGroups: z.boolean().optional(),
      /**
       * Chatroom custom attributes (`/chatroom/entry/*`, the "Chatroom Custom Attributes"
       * service enabled in the console; default false): live room attributes, also at creation.
       */
      chatroomAttributes: z.boolean().optional(),
      /** Keep-alive chatrooms (`/chatroom/keepalive/*`, a console service, 5 rooms by default). */
      chatroomKeepAlive: z.boolean().optional(),
      /** Broadcast into every chatroom (`/message/chatroom/broadcast.json`, a console service). */
      chatroomBroadcast: z.boolean().optional(),
    })
    .optional(),
  /**
   * Send one-to-one and group messages with RongCloud's `expansion=true`, so they can carry
   * extensions (key → value) and reactions, which are kept in them (default false). Only
   * messages sent while this is on can have extensions. RongCloud keeps no versions of the
   * keys: the last write wins, so two users reacting with the same emoji at the same instant
   * may lose one of the two reactions.
   */
  messageExtensions: z.boolean().optional(),
  /**
   * The user RongCloud records as setting live room attributes when an admin changes them
   * (its chatroom entries name an owner; an end user is recorded as themselves). Unset: only
   * end users write live room attributes.
   */
  operatorUserId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9+=_-]+$/, "a RongCloud user id: letters, digits and + = - _")
    .optional(),
  /** Whole-call budget in ms (default 10 s). */
  deadlineMs: positiveInt.optional(),
  /** Vendor calls in flight at once for one batch (default 8). */
  concurrency: positiveInt.optional(),
  /**
   * Server callbacks are signed with the app secret; this is how old (or how far ahead)
   * a callback's signTimestamp may be, in seconds (default 300).
   */
  callbackMaxAgeSeconds: positiveInt.optional(),
});

/** One RongCloud app as a config file describes it. */
export type RongCloudConfig = z.output<typeof configSchema>;

export type RongCloudFeatures = NonNullable<RongCloudConfig["features"]>;

/**
 * The adapter's options: the config plus what the gateway adds at run time. `id` may be
 * omitted when the adapter is used on its own ("rongcloud").
 */
export type RongCloudAdapterOptions = RongCloudConfig &
  Omit<RuntimeOptions, "id"> & { id?: RuntimeOptions["id"] };

/**
 * Time zone RongCloud writes "YYYY-MM-DD HH:MM:SS" times in: Beijing time in the China
 * data centre, UTC in the global ones.
 */
export function regionUtcOffsetMinutes(region: RongCloudRegion): number {
  return region === "cn" || region === "cn-legacy" ? 8 * 60 : 0;
}
