import type { Vendor } from "./app.js";

/** What a client SDK needs to log in as a user. */
export interface ChatCredential {
  vendor: Vendor;
  /** The vendor's public app id (not a secret). */
  appId: string;
  userId: string;
  token: string;
  /** Null where the vendor's token does not expire on its own. */
  expiresAt: Date | null;
}

export interface ChatCredentialInput {
  userId: string;
  /** Requested lifetime; adapters clamp to the vendor's bounds. */
  ttlSeconds?: number;
  /** Display name, for vendors that register the user while issuing (RongCloud). */
  name?: string;
}
