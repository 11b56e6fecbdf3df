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

/** Products that must be enabled for the app key in RongCloud's console. */
export interface RongCloudFeatures {
  /** Cloud message storage: history queries (default true). */
  history?: boolean;
  /** Broadcast to all users (default false: it needs enabling and is limited to 2/hour). */
  broadcast?: boolean;
}

export interface RongCloudAdapterOptions {
  /** The id the gateway knows this app by. */
  id?: string;
  appKey: string;
  appSecret: string;
  region?: RongCloudRegion;
  /** Overrides the region's hosts (e.g. an emulator), primary first. */
  origins?: string[];
  features?: RongCloudFeatures;
  /** Keys message ids so that clients cannot forge them; same value on every instance. */
  idSecret?: string;
  /** Whole-call budget in ms (default 10 s). */
  deadlineMs?: number;
  /** Vendor calls in flight at once for one batch (default 8). */
  concurrency?: number;
  onAttempt?: import("@imgraph/core").VendorClientOptions["onAttempt"];
  /**
   * Server callbacks are signed with the app secret; this is how old (or how far ahead)
   * a callback's signTimestamp may be, in seconds (default 300).
   */
  callbackMaxAgeSeconds?: number;
}

/**
 * Time zone RongCloud writes "YYYY-MM-DD HH:MM:SS" times in: Beijing time in the China
 * data centre, UTC in the global ones.
 */
export function regionUtcOffsetMinutes(region: RongCloudRegion): number {
  return region === "cn" || region === "cn-legacy" ? 8 * 60 : 0;
}
