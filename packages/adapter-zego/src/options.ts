import type { VendorClientOptions } from "@imgraph/core";

/** ZEGO data centres (zego.md §1.1). "unified" routes to any region. */
export const ZEGO_REGIONS = ["unified", "sha", "hkg", "fra", "lax", "bom", "sgp"] as const;

export type ZegoRegion = (typeof ZEGO_REGIONS)[number];

export interface ZegoOrigins {
  /** In-app Chat (ZIM) server API, primary first. */
  zim: string[];
  /** Video Call (RTC) server API, primary first. */
  rtc: string[];
}

/** Features that depend on the ZEGO plan of the app. */
export interface ZegoFeatures {
  /** SendMessageToAllUsers: Professional or Flagship plan, 1/s and 100 per day (default false). */
  broadcast?: boolean;
}

export interface ZegoAdapterOptions {
  /** The id the gateway knows this app by. */
  id?: string;
  /** The console AppID (uint32). */
  appId: number;
  /** The console ServerSecret (32 characters): signs every call and every Token04. */
  serverSecret: string;
  region?: ZegoRegion;
  /**
   * Backup region when `region` is "unified" (the unified host has no fixed backup);
   * omitted: the unified host alone.
   */
  backupRegion?: Exclude<ZegoRegion, "unified">;
  /** Overrides the region's hosts (e.g. an emulator), primary first. */
  origins?: ZegoOrigins;
  features?: ZegoFeatures;
  /** MessageBody.Message limit in bytes as configured for the app (default 2 KB, up to 32 KB). */
  messageMaxBytes?: number;
  /** User Extra limit in bytes as configured for the app (default 2 KB, up to 32 KB). */
  extraMaxBytes?: number;
  /** RTC only: `IsTest=true` for projects created on or before 2021-11-16 still in testing. */
  rtcIsTest?: boolean;
  /** Keys message ids so that clients cannot forge them; same value on every instance. */
  idSecret?: string;
  /** Whole-call budget in ms (default 10 s). */
  deadlineMs?: number;
  /** Vendor calls in flight at once for one batch (default 4: ZIM allows 20/s per app). */
  concurrency?: number;
  onAttempt?: VendorClientOptions["onAttempt"];
  /** The project's CallbackSecret: enables reading ZIM's callbacks (webhooks). */
  callbackSecret?: string;
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
