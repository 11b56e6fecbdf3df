/** Identifiers RongCloud hands out: message UIDs, operation ids, client tokens. */
import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Four dash-separated groups of 4 uppercase alphanumerics, e.g. `5FGT-7VA9-G4DD-4V5P` (§2.3.2). */
export function messageUid(): string {
  const bytes = randomBytes(16);
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  }
  return out;
}

const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A push's `id`: 22 letters and digits, like the SDK samples' `50whSR6kQiHb7YgFwQzXIb`. */
export function pushId(): string {
  const bytes = randomBytes(22);
  let out = "";
  for (const b of bytes) out += BASE62[b % BASE62.length];
  return out;
}

/** Deactivation/reactivation operation ids share the message UID shape (§2.1). */
export const operateId = messageUid;

/** 4-character lowercase prefix of an app's navigation hosts, stable per app key. */
function navPrefix(appKey: string): string {
  let h = 0;
  for (const ch of appKey) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h.toString(36).padStart(4, "0").slice(-4);
}

/** `<base64>@xxxx.cn.rongnav.com;xxxx.cn.rongcfg.com` (rongcloud.md §4); opaque and unique. */
export function clientToken(appKey: string, userId: string): string {
  const body = Buffer.concat([Buffer.from(`${userId}@${appKey};`), randomBytes(24)]).toString(
    "base64",
  );
  const p = navPrefix(appKey);
  return `${body}@${p}.cn.rongnav.com;${p}.cn.rongcfg.com`;
}

/** "YYYY-MM-DD HH:MM:SS" in the data centre's local time (Beijing for China, UTC otherwise). */
export function formatTime(ms: number, tzOffsetMs: number): string {
  const d = new Date(ms + tzOffsetMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}
