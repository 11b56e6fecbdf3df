import type { RuntimeOptions } from "@imgraph/core";
import { z } from "zod";
import { CONFIGURABLE_MAX_BYTES, GROUP_MEMBER_LIMIT_MAX, USER_ID } from "./limits.js";

/** ZEGO's regional data centres (zego.md §1.1). */
const REGIONAL = ["sha", "hkg", "fra", "lax", "bom", "sgp"] as const;
/** ZEGO data centres; "unified" routes to any region. */
export const ZEGO_REGIONS = ["unified", ...REGIONAL] as const;

export type ZegoRegion = (typeof ZEGO_REGIONS)[number];

/** Names the unknown keys (zod puts them in the issue, not in its path or message). */
function unknownKeys(issue: { code?: string; keys?: string[] }): string | undefined {
  return issue.code === "unrecognized_keys" && issue.keys
    ? `not a ZEGO option: ${issue.keys.join(", ")}`
    : undefined;
}

/** The two ZEGO products the adapter calls: each has its own hosts. */
const originsSchema = z.strictObject(
  {
    /** In-app Chat (ZIM) server API, primary first. */
    zim: z.array(z.url({ protocol: /^https?$/ })).min(1),
    /** Video Call (RTC) server API, primary first. */
    rtc: z.array(z.url({ protocol: /^https?$/ })).min(1),
  },
  { error: unknownKeys },
);

export type ZegoOrigins = z.output<typeof originsSchema>;

/** Features that depend on the ZEGO plan of the app. */
const featuresSchema = z.strictObject(
  {
    /** SendMessageToAllUsers: Professional or Flagship plan, 1/s and 100 per day (default false). */
    broadcast: z.boolean().optional(),
    /**
     * Read receipts (C2cReadReceipt / GroupReadReceipt): Pro or Enterprise plan (default false).
     * When on, sends carry MessageBody.HasReceipt, as ZIM keeps receipts only for such messages.
     */
    readReceipts: z.boolean().optional(),
    /**
     * Group attributes (ModifyGroupAttribute, read through QueryGroupInfo): "Group Attribute
     * Management" is not on ZEGO's Free plan (660000028); set it on a Pro or Enterprise app
     * (default false).
     */
    groupAttributes: z.boolean().optional(),
  },
  { error: unknownKeys },
);

export type ZegoFeatures = z.output<typeof featuresSchema>;

const appBytes = z.int().min(1).max(CONFIGURABLE_MAX_BYTES);

/**
 * What a config file may set for one ZEGO app, secrets already resolved to their values.
 * Unknown keys are refused. The adapter's constructor checks its options with it too.
 */
export const configSchema = z.strictObject(
  {
    /** The console AppID (uint32, not 0). */
    appId: z.int().min(1).max(4_294_967_295),
    /** The console ServerSecret (32 characters): signs every call and every Token04. */
    serverSecret: z.string().length(32),
    /** Default "unified". ZIM host `zim-api[-region].zego.im`, RTC host `rtc-api[-region].zego.im`. */
    region: z.enum(ZEGO_REGIONS).optional(),
    /**
     * Backup region when `region` is "unified" (the unified host has no fixed backup);
     * omitted: the unified host alone. A regional app's backup is always the unified host.
     */
    backupRegion: z.enum(REGIONAL).optional(),
    /** Overrides the region's hosts, per product (e.g. an emulator), primary first. */
    origins: originsSchema.optional(),
    features: featuresSchema.optional(),
    /** MessageBody.Message limit in bytes as configured for the app (default 2 KB, up to 32 KB). */
    messageMaxBytes: appBytes.optional(),
    /** User Extra limit in bytes as configured for the app (default 2 KB, up to 32 KB). */
    extraMaxBytes: appBytes.optional(),
    /**
     * Members per group on the app's plan (Free 20, Pro 200, Enterprise 2000, adjustable;
     * add-ons to 6000): the largest maxMembers updateGroupProfile sends (default 6000, the
     * most any plan reaches; ZEGO refuses more than the app's own cap).
     */
    groupMemberLimit: z.int().min(1).max(GROUP_MEMBER_LIMIT_MAX).optional(),
    /**
     * A registered ZIM user (e.g. a service account) the adapter names as FromUserId where
     * ZIM requires one but the operation names no actor: reading live room attributes
     * (QueryRoomAttribute), and an admin's writes of them (ModifyRoomAttribute). Unset:
     * getLiveRoomAttributes is unavailable, and only end users (as themselves) write them.
     */
    operatorUserId: z
      .string()
      .min(1)
      .max(32)
      .regex(USER_ID.pattern as RegExp, `a ZIM user id: ${USER_ID.charset}`)
      .optional(),
    /** RTC only: `IsTest=true` for projects created on or before 2021-11-16 still in testing. */
    rtcIsTest: z.boolean().optional(),
    /** Whole-call budget in ms, across retries (default 10 s; a timer's range at most). */
    deadlineMs: z.int().min(1).max(2_147_483_647).optional(),
    /** Vendor calls in flight at once for one batch (default 4: ZIM allows 20/s per app). */
    concurrency: z.int().min(1).optional(),
    /** The project's CallbackSecret: enables reading ZIM's callbacks (webhooks). */
    callbackSecret: z.string().min(1).optional(),
  },
  { error: unknownKeys },
);

/** One ZEGO app's settings, as the config schema gives them. */
export type ZegoConfig = z.output<typeof configSchema>;

/** The adapter's options: the app's settings plus what the gateway adds at run time. */
export type ZegoAdapterOptions = ZegoConfig & RuntimeOptions;

/** Which config settings are secrets (read only from the environment or a file). */
export const ZEGO_SECRETS = {
  required: ["serverSecret"],
  optional: ["callbackSecret"],
} as const satisfies { required: (keyof ZegoConfig)[]; optional: (keyof ZegoConfig)[] };

/** The settings of `options` checked by the config schema; a TypeError names the bad one. */
export function checkConfig(options: ZegoAdapterOptions): ZegoConfig {
  const {
    id: _id,
    idSecret: _idSecret,
    onAttempt: _onAttempt,
    contextHeaders: _contextHeaders,
    rateShaper: _rateShaper,
    ...config
  } = options;
  const checked = configSchema.safeParse(config);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const path = issue?.path.join(".");
  throw new TypeError(`ZEGO options: ${path ? `${path}: ` : ""}${issue?.message}`);
}

function host(product: "zim" | "rtc", region: ZegoRegion): string {
  return `https://${product}-api${region === "unified" ? "" : `-${region}`}.zego.im`;
}

/**
 * The hosts of a region: the regional host first with the unified host as backup; for
 * "unified", the unified host first with `backupRegion` (if any) as backup.
 */
export function zegoOrigins(region: ZegoRegion, backupRegion?: ZegoRegion): ZegoOrigins {
  const order: ZegoRegion[] =
    region === "unified"
      ? backupRegion && backupRegion !== "unified"
        ? ["unified", backupRegion]
        : ["unified"]
      : [region, "unified"];
  return {
    zim: order.map((r) => host("zim", r)),
    rtc: order.map((r) => host("rtc", r)),
  };
}
