import {
  type CallbackEvents,
  type CallbackFields,
  callbackId,
  callbackInteger,
  callbackOptionalId,
  callbackTime,
  type ImEvent,
  LIVE_ROOM_CALLBACK_EVENTS,
  type WebhookContext,
} from "@imgraph/core";
import { fromMsgBody } from "./content.js";
import { encodeMessageId } from "./message-ids.js";
import { GROUP_CALLBACK_EVENTS } from "./webhook-groups.js";

// Tencent's message-lifecycle callbacks (docs/vendors/tencent.md §7) → neutral events:
// C2C.CallbackAfterModifyMsg (a one-to-one edit, by a client or modify_c2c_msg) and
// C2C.CallbackAfterMsgReport (a one-to-one read report, by a client or admin_set_msg_read).
// No group edit callback is documented, and none for deletes or extension changes.

/** What Tencent's own callbacks report of the changes imgraph makes (the gateway adds the rest). */
export const TENCENT_CALLBACK_EVENTS: CallbackEvents = {
  MESSAGE_EDITED: ["USER"],
  // C2C.CallbackAfterMsgWithDraw and Group.CallbackAfterRecallMsg (webhook.ts).
  MESSAGE_RECALLED: ["USER", "GROUP"],
  CONVERSATION_READ: ["USER"],
  ...GROUP_CALLBACK_EVENTS,
  ...LIVE_ROOM_CALLBACK_EVENTS,
};

/** The edited message's MsgKey: answered, or `{MsgSeq}_{MsgRandom}_{MsgTime}` as Tencent forms it. */
function msgKeyOf(b: CallbackFields): string {
  const answered = callbackOptionalId(b.MsgKey, "MsgKey");
  if (answered !== null) return answered;
  const parts = ["MsgSeq", "MsgRandom", "MsgTime"].map((f) => callbackInteger(b[f], f));
  return parts.join("_");
}

/** The events of a lifecycle callback; undefined when `command` is not one. */
export function readLifecycleCallback(
  ctx: WebhookContext,
  command: string,
  b: CallbackFields,
  at: Date,
  adminUserId?: string,
): ImEvent[] | undefined {
  switch (command) {
    case "C2C.CallbackAfterModifyMsg": {
      const from = callbackId(b.From_Account, "From_Account");
      const to = callbackId(b.To_Account, "To_Account");
      const msgKey = msgKeyOf(b);
      const operator = callbackOptionalId(b.Operator_Account, "Operator_Account");
      return [
        {
          type: "MESSAGE_EDITED",
          appId: ctx.appId,
          at,
          messageId: encodeMessageId(ctx, { kind: "c2c", msgKey, from, to }),
          // As the sender's side names it, like MESSAGE_SENT.
          conversation: { type: "USER", id: to },
          senderId: from,
          // The app admin is the server (a REST edit), not a user of the app: editor unknown.
          editorId: operator === adminUserId ? null : operator,
          // An edit of CloudCustomData alone still carries MsgBody (the message's current one).
          content: b.MsgBody === undefined ? null : fromMsgBody(b.MsgBody),
        },
      ];
    }
    case "C2C.CallbackAfterMsgReport": {
      const reader = callbackId(b.Report_Account, "Report_Account");
      const peer = callbackId(b.Peer_Account, "Peer_Account");
      const readTime =
        b.LastReadTime === undefined ? null : callbackTime(b.LastReadTime, "LastReadTime", "s");
      return [
        {
          type: "CONVERSATION_READ",
          appId: ctx.appId,
          at,
          userId: reader,
          conversation: { type: "USER", id: peer },
          // Without a LastReadTime (or 0), read up to the callback's time.
          readUpTo: readTime && readTime.getTime() > 0 ? readTime : at,
        },
      ];
    }
    default:
      return undefined;
  }
}
