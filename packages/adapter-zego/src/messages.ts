import {
  BadUserInputError,
  checkId,
  checkIds,
  type SentMessage,
  sentItem,
  VendorUnavailableError,
} from "@imgraph/core";
import { zimBatch } from "./batch.js";
import { messageFields, toZego } from "./content.js";
import { type Op, zim } from "./context.js";
import { GROUP_ID, RECIPIENTS_PER_SEND, USER_ID } from "./limits.js";
import { encodeMessageId, seqOf } from "./message-ids.js";

/** ZIM Priority: 1 low, 2 medium, 3 high (required on sends). */
const MEDIUM = 2;

// Without a MsgSeq the message cannot be recalled later: report it, it was sent.
const NO_SEQ = {
  vendor: "zego",
  message: "ZEGO accepted the message but gave it no MsgSeq.",
  operation: "sendMessage",
} as const;

interface PeerAnswer {
  SuccList?: Array<{ UserId?: unknown; MsgId?: unknown; MsgSeq?: unknown }>;
}

/**
 * SendPeerMessage (100 recipients per call) or SendGroupMessage. ZEGO does not
 * deduplicate sends, so a send is never repeated once it may have reached ZEGO.
 */
export const sendMessage: Op<"sendMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  if (input.to?.type !== "USERS" && input.to?.type !== "GROUP") {
    throw new BadUserInputError("to", "to must name users or a group.");
  }
  const groupId =
    input.to.type === "GROUP" ? checkId("to.groupId", input.to.groupId, GROUP_ID) : "";
  // A repeated recipient is sent to once and answered at each place (zimBatch).
  const recipients =
    input.to.type === "USERS" ? checkIds("to.userIds", input.to.userIds, USER_ID) : [];
  if (recipients.includes(from)) {
    throw new BadUserInputError("to.userIds", "to.userIds must not contain the sender (from).");
  }
  const base = messageFields(toZego(input.content, ctx.messageMaxBytes), input.pushText);
  // ZIM keeps read receipts only for messages sent with HasReceipt (features.readReceipts).
  const fields = ctx.readReceipts
    ? { ...base, MessageBody: { ...base.MessageBody, HasReceipt: 1 } }
    : base;

  if (input.to.type === "GROUP") {
    const answer = await zim<{ MsgSeq?: unknown }>(
      ctx,
      {
        operation: "sendMessage",
        action: "SendGroupMessage",
        method: "POST",
        params: { FromUserId: from, GroupId: groupId, Priority: MEDIUM, ...fields },
        idempotent: false,
      },
      options,
    );
    const seq = seqOf(answer.MsgSeq);
    const messageId =
      seq === undefined ? undefined : encodeMessageId(ctx, { kind: "group", from, groupId, seq });
    return [sentItem(groupId, messageId, new Date(), NO_SEQ)];
  }

  return zimBatch<SentMessage>(
    ctx,
    recipients,
    {
      size: RECIPIENTS_PER_SEND,
      call: (chunk) => ({
        operation: "sendMessage",
        action: "SendPeerMessage",
        method: "POST",
        params: { FromUserId: from, ToUserId: chunk, Priority: MEDIUM, ...fields },
        idempotent: false,
      }),
      ok: (key, answer) => {
        const row = (answer as PeerAnswer).SuccList?.find((r) => r.UserId === key);
        if (!row) return undefined;
        const seq = seqOf(row.MsgSeq);
        const messageId =
          seq === undefined
            ? undefined
            : encodeMessageId(ctx, { kind: "peer", from, to: key, seq });
        return sentItem(key, messageId, new Date(), NO_SEQ);
      },
      missing: (key) =>
        new VendorUnavailableError("zego", `ZEGO did not say whether the message reached ${key}.`, {
          operation: "sendMessage",
        }),
    },
    options,
  );
};
