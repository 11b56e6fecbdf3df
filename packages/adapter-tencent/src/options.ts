import type { VendorClientOptions } from "@imgraph/core";

/**
 * Tencent Cloud Chat data centres (tencent.md §2.2): an SDKAppID lives in exactly one.
 * Primary host first, then the backup host Tencent publishes for DNS-hijack cases.
 */
export const TENCENT_REGIONS = {
  cn: ["https://console.tim.qq.com", "https://adminapi.my-imcloud.com"],
  sgp: ["https://adminapisgp.im.qcloud.com", "https://adminapisgp.my-imcloud.com"],
  kr: ["https://adminapikr.im.qcloud.com", "https://adminapikr.my-imcloud.com"],
  jpn: ["https://adminapijpn.im.qcloud.com", "https://adminapijpn.my-imcloud.com"],
  ger: ["https://adminapiger.im.qcloud.com", "https://adminapiger.my-imcloud.com"],
  ind: ["https://adminapiind.im.qcloud.com", "https://adminapiind.my-imcloud.com"],
  usa: ["https://adminapiusa.im.qcloud.com", "https://adminapiusa.my-imcloud.com"],
  idn: ["https://adminapiidn.im.qcloud.com", "https://adminapiidn.my-imcloud.com"],
} as const;

export type TencentRegion = keyof typeof TENCENT_REGIONS;

/**
 * The REST group type imgraph's groups are created as (new console names in brackets):
 * `Public` (Public, default): owner + admins, owner transfer, member mutes, stored history;
 * `Private` (Work): no member mutes (forbid_send_msg refuses it);
 * `ChatRoom` (Meeting): like Public, with free joining.
 */
export type TencentGroupType = "Public" | "Private" | "ChatRoom";

export interface TencentAdapterOptions {
  /** The id the gateway knows this app by. */
  id?: string;
  sdkAppId: number;
  /** The app's SecretKey from the console (never leaves the adapter). */
  key: string;
  /** An App admin identifier (console → account system). Default `administrator`. */
  adminUserId?: string;
  region?: TencentRegion;
  /** Overrides the region's hosts (e.g. an emulator), primary first. */
  origins?: string[];
  /** Keys message ids so that clients cannot forge them; same value on every instance. */
  idSecret?: string;
  /** Whole-call budget in ms (default 10 s; Tencent itself times out at 3 s). */
  deadlineMs?: number;
  /** Vendor calls in flight at once for one batch (default 8). */
  concurrency?: number;
  groupType?: TencentGroupType;
  /**
   * A `Tag_Profile_Custom_*` profile tag configured in the console to hold a user's
   * `extra` JSON (≤ 500 bytes). Without it, `extra` is unsupported.
   */
  extraProfileTag?: string;
  /** All-member push is enabled for the app (Pro/Ultimate + push add-on). Default false. */
  broadcast?: boolean;
  /** Epoch milliseconds; lets tests move the adapter's clock (credential times). */
  now?: () => number;
  onAttempt?: VendorClientOptions["onAttempt"];
  /** The console's callback auth token: enables reading Tencent's callbacks (webhooks). */
  callbackToken?: string;
}
