// Test support: ZIM callbacks signed as ZEGO signs them (zego.md §5: appid, nonce,
// timestamp and the sorted SHA-1 signature in the body), and an adapter that reads them
// without a server. Not part of the build.
import type { WebhookRequest } from "@imgraph/core";
import { zegoCallbackSignature } from "@imgraph/signing";
import { ZegoAdapter } from "../adapter.js";

export const CALLBACK_SECRET = "cbsecret0123";
export const APP_ID = 1234567890;
/** When the callbacks arrive (and, unless told otherwise, when they were signed). */
export const NOW = 1_700_000_000_000;

/** An adapter of the app, with no server behind it: it only reads callbacks. */
export const callbackReader = new ZegoAdapter({
  id: "zg",
  appId: APP_ID,
  serverSecret: "s".repeat(32),
  origins: { zim: ["http://127.0.0.1:9"], rtc: ["http://127.0.0.1:9"] },
  callbackSecret: CALLBACK_SECRET,
});

let nonce = 1000;
/**
 * A callback of `fields`, signed with `secret` at `now` (both the app's unless told) under
 * a fresh nonce, received at NOW. `fields` may replace the signed ones (a forged appid).
 * `ms`: a 13-digit timestamp, as the group and room events send (else seconds).
 */
export function signedCallback(
  fields: Record<string, unknown>,
  o: { now?: number; secret?: string; appid?: string; ms?: boolean } = {},
): WebhookRequest {
  const at = o.now ?? NOW;
  const timestamp = String(o.ms ? at : Math.floor(at / 1000));
  const n = String(nonce++);
  return {
    method: "POST",
    query: new URLSearchParams(),
    headers: { "content-type": "application/json" },
    rawBody: JSON.stringify({
      appid: o.appid ?? String(APP_ID),
      nonce: n,
      timestamp,
      signature: zegoCallbackSignature(o.secret ?? CALLBACK_SECRET, timestamp, n),
      ...fields,
    }),
    receivedAt: NOW,
  };
}
