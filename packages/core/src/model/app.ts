import type { Capability } from "../capabilities.js";

/** The vendors imgraph speaks to. Only config and adapters say these names. */
export type Vendor = "rongcloud" | "tencent" | "zego";

/** A configured vendor account as the outside world may see it: never a secret. */
export interface AppInfo {
  /** The id the gateway knows the app by (from config). */
  id: string;
  vendor: Vendor;
  /** The vendor region / data centre the app lives in. */
  region: string;
  /** The vendor's public app id (app key, SDKAppID, AppID) that client SDKs need. */
  publicAppId: string;
  capabilities: readonly Capability[];
}
