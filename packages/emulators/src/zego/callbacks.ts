/**
 * ZEGO → app server callbacks (zego.md §5): a JSON POST whose body carries `appid`, `event`,
 * `nonce`, `timestamp` and `signature` = sorted-sha1 of [CallbackSecret, timestamp, nonce].
 * `timestamp` is a string, signed exactly as sent: milliseconds for the ZIM group and room
 * events (docs_all 42a7e2916, 2025-09-11, changed those 16 pages from s to ms), seconds for
 * the rest (send_msg, before_send_msg, bot_msg, user_action, calls, and the RTC events:
 * RTC's room callback pages say seconds).
 */
import { randomInt } from "node:crypto";
import { zegoCallbackSignature } from "@imgraph/signing";
import type { CallbackDispatcher, Clock } from "../framework/index.js";
import { clientCallbackBody } from "./message-body.js";
import type { AppState, StoredMessage } from "./state.js";

/** The ZIM events whose `timestamp` is in ms (an RTC `room_create` stays in seconds). */
const MS_EVENTS = new Set([
  "group_create",
  "group_destroy",
  "group_join",
  "group_exit",
  "room_create",
  "room_destroy",
  "room_enter",
  "room_exit",
]);

/** Which product sends an event: RTC's `room_create` shares its name with ZIM's. */
export type CallbackProduct = "zim" | "rtc";

export class ZegoCallbacks {
  constructor(
    private readonly dispatcher: CallbackDispatcher,
    private readonly clock: Clock,
  ) {}

  /** The JSON body of one callback, signed now (also used by the synchronous before_send_msg). */
  signedBody(
    app: AppState,
    event: string,
    fields: Record<string, unknown>,
    product: CallbackProduct = "zim",
  ): string {
    const now = this.clock.now();
    const ms = product === "zim" && MS_EVENTS.has(event);
    const timestamp = String(ms ? Math.floor(now) : Math.floor(now / 1000));
    const nonce = String(randomInt(100_000, 1_000_000_000));
    return JSON.stringify({
      appid: String(app.config.appId),
      event,
      nonce,
      timestamp,
      signature: zegoCallbackSignature(app.config.callbackSecret, timestamp, nonce),
      ...fields,
    });
  }

  /** Fire one event (no-op when the app has no callback URL). */
  send(
    app: AppState,
    event: string,
    fields: Record<string, unknown>,
    product: CallbackProduct = "zim",
  ): void {
    const url = app.config.callbackUrl;
    if (!url) return;
    this.dispatcher.dispatch({
      kind: event,
      app: app.key,
      url,
      contentType: "application/json",
      body: this.signedBody(app, event, fields, product),
    });
  }

  /**
   * `send_msg` after a send (not for command messages, §5.3). Server-API sends carry
   * `source` 1 and their body as passed; a client send omits `source`, and its media bodies
   * take the client-SDK callback shape (`clientCallbackBody`). A send the app's
   * before_send_msg answer stopped still calls back, with its code in `send_result`
   * (docs/vendors/zego.md #18). With a `userList` (a server-API peer send) the top-level
   * `msg_id` is "" and `msg_seq` absent: each receiver's are in the list (docs_all
   * EN/Message sent.mdx, "in batches through the server API, this field is empty").
   */
  messageSent(
    app: AppState,
    msg: StoredMessage,
    convId: string,
    userList?: Record<string, unknown>[],
    how: { client?: boolean; sendResult?: number } = {},
  ): void {
    this.send(app, "send_msg", {
      from_user_id: msg.sender,
      conv_type: msg.convType,
      conv_id: convId,
      msg_type: msg.msgType,
      sub_msg_type: msg.subMsgType,
      ...(how.client ? {} : { source: 1 }),
      msg_body: how.client ? clientCallbackBody(msg.msgType, msg.body) : msg.body,
      ...(userList ? { msg_id: "" } : { msg_id: String(msg.msgId), msg_seq: msg.seq }),
      msg_time: msg.time,
      send_result: how.sendResult ?? 0,
      payload: msg.extendedData,
      ...(userList ? { user_list: userList } : {}),
    });
  }
}
