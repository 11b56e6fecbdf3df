/**
 * Tencent → app server callbacks (tencent.md §4): JSON POST with query SdkAppid,
 * CallbackCommand, contenttype, ClientIP, OptPlatform and, with a callback token,
 * RequestTime + Sign (SHA-256 of token + RequestTime).
 */
import { tencentCallbackSign } from "@imgraph/signing";
import type { CallbackDispatcher, Clock } from "../framework/index.js";
import type { Json } from "./fields.js";
import type { AppState } from "./state.js";

/** The emulator answers from loopback; the real ClientIP is the caller's address. */
const CLIENT_IP = "127.0.0.1";

export class TencentCallbacks {
  constructor(
    private readonly dispatcher: CallbackDispatcher,
    private readonly clock: Clock,
  ) {}

  /** Fire-and-forget one after-event callback; no URL configured = nothing sent. */
  send(app: AppState, command: string, body: Json, platform = "RESTAPI"): void {
    const { callbackUrl, sdkAppId } = app.config;
    if (!callbackUrl) return;
    const now = this.clock.now();
    this.dispatcher.dispatch({
      kind: command,
      app: String(sdkAppId),
      url: callbackUrl,
      query: callbackQuery(app, command, platform, now),
      contentType: "application/json",
      body: callbackBody(command, body, now),
    });
  }
}

/** The query Tencent appends to the callback URL, signed when the app has a token. */
export function callbackQuery(
  app: AppState,
  command: string,
  platform: string,
  now: number,
): Record<string, string> {
  const { callbackToken, sdkAppId } = app.config;
  const query: Record<string, string> = {
    SdkAppid: String(sdkAppId),
    CallbackCommand: command,
    contenttype: "json",
    ClientIP: CLIENT_IP,
    OptPlatform: platform,
  };
  if (callbackToken) {
    const requestTime = String(Math.floor(now / 1000));
    query.RequestTime = requestTime;
    query.Sign = tencentCallbackSign(callbackToken, requestTime);
  }
  return query;
}

/** EventTime (ms) appears in newer docs on most callbacks. */
export function callbackBody(command: string, body: Json, now: number): string {
  return JSON.stringify({ CallbackCommand: command, EventTime: now, ...body });
}
