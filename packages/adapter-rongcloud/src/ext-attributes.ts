import { isJsonObject, parseJsonObject } from "@imgraph/core";

// RongCloud keeps custom attributes of friends (friendExtProfile) and of users
// (userExtProfile) as JSON maps whose keys carry a fixed `ext_` prefix; neutral keys go
// without it (vendor reference §1.4, §4).

const EXT_PREFIX = "ext_";

export const toVendorKey = (key: string) => `${EXT_PREFIX}${key}`;

/** Neutral attributes of a vendor map given as JSON text (an object tolerated). */
export function neutralAttributes(value: unknown): Record<string, string> {
  const map = isJsonObject(value)
    ? value
    : parseJsonObject(typeof value === "string" ? value : undefined);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(map ?? {})) {
    // A key without the prefix should not occur; it is kept as the vendor gave it.
    const neutral = key.startsWith(EXT_PREFIX) ? key.slice(EXT_PREFIX.length) : key;
    out[neutral] = typeof v === "string" ? v : JSON.stringify(v);
  }
  return out;
}

/** The vendor's ext-profile JSON text for neutral attributes. */
export function vendorAttributes(attributes: Record<string, string>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(attributes).map(([k, v]) => [toVendorKey(k), v])),
  );
}
