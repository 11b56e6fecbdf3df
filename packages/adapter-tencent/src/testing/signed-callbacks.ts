import type { ImEvent, WebhookRequest } from "@imgraph/core";
import { tencentCallbackSign } from "@imgraph/signing";
import { TencentAdapter } from "../adapter.js";
import { KEY, SDK_APP_ID } from "./emulator.js";

/** The callback token the webhook tests sign with, and the instant their callbacks carry. */
export const TOKEN = "cb-token";
export const NOW = 1_700_000_000_000;

/** An adapter that only reads callbacks (its origin is never called). */
export const parser = new TencentAdapter({
  id: "tc",
  sdkAppId: SDK_APP_ID,
  key: KEY,
  origins: ["http://127.0.0.1:9"],
  callbackToken: TOKEN,
});

/** A callback as Tencent sends it: the command and a valid Sign in the query, JSON body. */
export function request(command: string, body: Record<string, unknown>): WebhookRequest {
  const t = String(Math.floor(NOW / 1000));
  return {
    method: "POST",
    query: new URLSearchParams({
      SdkAppid: String(SDK_APP_ID),
      CallbackCommand: command,
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
      RequestTime: t,
      Sign: tencentCallbackSign(TOKEN, t),
    }),
    headers: { "content-type": "application/json" },
    rawBody: JSON.stringify({ CallbackCommand: command, EventTime: NOW, ...body }),
    receivedAt: NOW,
  };
}

/** The neutral events the adapter reads from one signed callback. */
export const events = (command: string, body: Record<string, unknown>): ImEvent[] =>
  parser.parseWebhook?.(request(command, body)).events ?? [];
