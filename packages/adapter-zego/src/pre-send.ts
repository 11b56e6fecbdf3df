/**
 * ZIM's before_send_msg (docs/vendors/zego.md #18): the neutral question, and each decision
 * as ZIM's answer `{result, reason?, new_msg_body?}` — 0 no objection (ZIM's own content
 * moderation, where the app has it, still decides), 3 do not send (the reason reaches the
 * sender's client), a rewrite = 1 with the new text. The callback is verified by webhook.ts
 * exactly like the others before it gets here.
 */
import {
  BadUserInputError,
  type CallbackFields,
  type Conversation,
  callbackId,
  callbackInteger,
  jsonAck,
  type ModerationDecision,
  type PreSendQuestion,
  type WebhookAck,
} from "@imgraph/core";
import { fromZego, MSG_TEXT } from "./content.js";

/**
 * before_send_msg `result` values (zh message-not-sent-yet page): 0 neutral — with ZIM's
 * content moderation on, a message it fails is not sent; 1 send even if that moderation
 * fails; 3 do not send. Allowing answers 0, so the gateway never switches ZIM's off.
 */
const NEUTRAL = 0;
const SEND = 1;
const DO_NOT_SEND = 3;

/**
 * What the gateway answers when it does not decide (a repeated delivery): "do not send",
 * as ZIM itself does when the app's server fails to answer.
 */
export const PRE_SEND_FALLBACK: WebhookAck = jsonAck(200, { result: DO_NOT_SEND });

/** No objection, for a question about a conversation imgraph does not model. */
export const PRE_SEND_NEUTRAL: WebhookAck = jsonAck(200, { result: NEUTRAL });

export function preSendQuestion(b: CallbackFields): PreSendQuestion {
  const senderId = callbackId(b.from_user_id, "from_user_id");
  const conversation = target(b);
  const msgType = callbackInteger(b.msg_type, "msg_type");
  const sub =
    b.sub_msg_type === undefined ? undefined : callbackInteger(b.sub_msg_type, "sub_msg_type");
  const body = typeof b.msg_body === "string" ? b.msg_body : "";
  const msgId = typeof b.msg_id === "string" && b.msg_id !== "" ? b.msg_id : null;
  return {
    check: {
      senderId,
      conversation,
      content: fromZego(msgType, sub, body),
      vendorMessageKey: msgId,
    },
    answer: (decision) => answerFor(decision, msgType === MSG_TEXT),
  };
}

/** conv_type 0 one-to-one (conv_id = the receiver), 1 room, 2 group. */
function target(b: CallbackFields): Conversation {
  const convType = Number(b.conv_type);
  const id = callbackId(b.conv_id, "conv_id");
  if (convType === 0) return { type: "USER", id };
  if (convType === 1) return { type: "ROOM", id };
  if (convType === 2) return { type: "GROUP", id };
  // The zh page also lists 3 (community channels), which imgraph has no conversation for.
  throw new BadUserInputError("conv_type", "conv_type must be 0, 1 or 2.");
}

export function answerFor(decision: ModerationDecision, isText: boolean): WebhookAck {
  switch (decision.action) {
    case "ALLOW":
      return jsonAck(200, { result: NEUTRAL });
    case "BLOCK":
      return jsonAck(200, { result: DO_NOT_SEND, reason: decision.reason });
    case "REWRITE":
      // ZIM would put new_msg_body in place of any body; only a text's body is text, and a
      // rewrite of anything else is answered as ALLOW. Whether ZIM takes new_msg_body with a
      // result of 0 is not documented: 1, the gateway having vetted the new text.
      return jsonAck(
        200,
        isText ? { result: SEND, new_msg_body: decision.text } : { result: NEUTRAL },
      );
  }
}
