/**
 * Tencent's before-send callbacks (intl 1047/34364 one-to-one, 1047/34374 group and live
 * group) → the neutral pre-send question, and each decision → Tencent's answer:
 *   ALLOW   → ErrorCode 0;
 *   BLOCK   → a custom code (one-to-one 120001, group 10100): Tencent passes it and
 *             ErrorInfo (the reason) to the sender, where ErrorCode 1 carries no reason;
 *   REWRITE → ErrorCode 0 with a text MsgBody (text messages only; others: ALLOW).
 */
import {
  type CallbackFields,
  type Conversation,
  callbackId,
  jsonAck,
  type ModerationDecision,
  type PreSendQuestion,
  type WebhookAck,
} from "@imgraph/core";
import { fromMsgBody } from "./content.js";

/** The lowest of the codes whose ErrorInfo reaches the sender (120001–130000, 10100–10200). */
const BLOCK_CODE = { c2c: 120_001, group: 10_100 } as const;

export const PRE_SEND_COMMANDS = ["C2C.CallbackBeforeSendMsg", "Group.CallbackBeforeSendMsg"];

const answer = (body: Record<string, unknown>): WebhookAck =>
  jsonAck(200, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, ...body });

/** The allow answer (also what a before-send callback is acknowledged with undecided). */
export const ALLOW_ANSWER = answer({});

/** The question of a verified before-send callback, or null for another command. */
export function readPreSendCallback(command: string, b: CallbackFields): PreSendQuestion | null {
  const kind =
    command === "C2C.CallbackBeforeSendMsg"
      ? "c2c"
      : command === "Group.CallbackBeforeSendMsg"
        ? "group"
        : null;
  if (!kind) return null;
  const senderId = callbackId(b.From_Account, "From_Account");
  const content = fromMsgBody(b.MsgBody);
  const check = {
    senderId,
    conversation: conversation(kind, b),
    content,
    vendorMessageKey: kind === "c2c" ? callbackId(b.MsgKey, "MsgKey") : messageId(b),
  };
  return {
    check,
    answer(decision: ModerationDecision): WebhookAck {
      switch (decision.action) {
        case "ALLOW":
          return ALLOW_ANSWER;
        case "BLOCK":
          return answer({ ErrorCode: BLOCK_CODE[kind], ErrorInfo: decision.reason });
        case "REWRITE":
          // Tencent replaces whatever MsgBody we return; we rewrite text only.
          if (content.type !== "TEXT") return ALLOW_ANSWER;
          return answer({
            MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: decision.text } }],
          });
      }
    },
  };
}

function conversation(kind: "c2c" | "group", b: CallbackFields): Conversation {
  if (kind === "c2c") return { type: "USER", id: callbackId(b.To_Account, "To_Account") };
  // Live groups are rooms, as in their after-send callbacks (Type names them).
  const id = callbackId(b.GroupId, "GroupId");
  return { type: b.Type === "AVChatRoom" ? "ROOM" : "GROUP", id };
}

/** Newer group callbacks carry the client's MsgId; the group sequence is not yet assigned. */
function messageId(b: CallbackFields): string | null {
  return typeof b.MsgId === "string" && b.MsgId !== "" ? b.MsgId : null;
}
