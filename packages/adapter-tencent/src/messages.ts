import {
  BadUserInputError,
  type CallOptions,
  checkId,
  checkIds,
  type ItemResult,
  itemError,
  runIdBatches,
  type SentMessage,
  sentItem,
} from "@imgraph/core";
import { call, fromUnixSeconds, type Op, str, type TencentContext } from "./context.js";
import { sendMarks } from "./dedup.js";
import { itemFailure } from "./errors.js";
import { sendToGroup } from "./group-send.js";
import { GROUP_ID, RECIPIENTS_PER_BATCH_SEND, USER_ID } from "./limits.js";
import { encodeMessageId } from "./message-ids.js";
import { type Outgoing, outgoing } from "./outgoing.js";
import { sendFlags } from "./send-flags.js";

interface C2CAnswer {
  MsgTime?: unknown;
  MsgKey?: unknown;
  ErrorList?: Array<{ To_Account?: unknown; ErrorCode?: unknown }>;
}

/**
 * One-to-one sends: sendmsg for a single recipient, batchsendmsg for up to 500, so a send
 * takes ceil(n / 500) calls. Each call carries MsgSeq + MsgRandom fixed before the first
 * attempt: Tencent drops a repeated sendmsg (see dedup.ts), so that call is safe to retry.
 * batchsendmsg fires no webhooks (tencent.md §3.7): multi-recipient sends raise no
 * MESSAGE_SENT events.
 */
async function sendToUsers(
  ctx: TencentContext,
  recipients: string[],
  { from, body, push, idempotencyKey, flags }: Outgoing,
  options?: CallOptions,
): Promise<ItemResult<SentMessage>[]> {
  return runIdBatches(ctx, recipients, RECIPIENTS_PER_BATCH_SEND, async (chunk) => {
    const marks = sendMarks(
      () => `${ctx.appId}\nc2c\n${from}\n${chunk.join(",")}\n${JSON.stringify(body)}`,
      idempotencyKey,
    );
    const single = chunk.length === 1;
    const answer = await call<C2CAnswer>(
      ctx,
      "sendMessage",
      single ? "openim/sendmsg" : "openim/batchsendmsg",
      {
        // 1: also into the sender's roaming history, so both sides can list it.
        SyncOtherMachine: 1,
        From_Account: from,
        To_Account: single ? chunk[0] : chunk,
        MsgSeq: marks.msgSeq,
        MsgRandom: marks.msgRandom,
        MsgBody: body,
        ...push,
        ...flags,
      },
      options,
      // batchsendmsg takes the same MsgSeq/MsgRandom, but the reference states the 120 s
      // dedup only for sendmsg (unverified for batches): a batch whose answer was lost is
      // not repeated, so no recipient can get it twice.
      single,
    );
    const failed = new Map(
      (answer.ErrorList ?? []).map((e) => [String(e?.To_Account), e?.ErrorCode] as const),
    );
    const msgKey = str(answer.MsgKey);
    const sentAt = fromUnixSeconds(answer.MsgTime) ?? new Date(ctx.now());
    return chunk.map((to): ItemResult<SentMessage> => {
      if (failed.has(to)) return itemError(to, itemFailure(failed.get(to)));
      const messageId = msgKey && encodeMessageId(ctx, { kind: "c2c", msgKey, from, to });
      return sentItem(to, messageId, sentAt, {
        vendor: "tencent",
        message: "Tencent accepted the message but gave it no MsgKey.",
        operation: "sendMessage",
      });
    });
  });
}

/**
 * To users (one result each) or to a group (one result). The push text is checked and
 * the MsgBody built once, whatever the number of calls the send takes.
 */
export const sendMessage: Op<"sendMessage"> = async (ctx, input, options) => {
  const send = {
    ...outgoing(input),
    flags: sendFlags(ctx, input.to?.type === "GROUP" ? "group" : "users"),
  };
  if (input.to?.type === "GROUP") {
    const groupId = checkId("to.groupId", input.to.groupId, GROUP_ID);
    return [await sendToGroup(ctx, "sendMessage", groupId, send, options)];
  }
  if (input.to?.type !== "USERS")
    throw new BadUserInputError("to", "to must name users or a group.");
  const recipients = checkIds("to.userIds", input.to.userIds, USER_ID);
  // A repeated recipient gets the message once, answered at each of its places.
  return sendToUsers(ctx, recipients, send, options);
};
