import {
  BadUserInputError,
  checkId,
  checkMessageIdList,
  forEachLimited,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, type ZegoCall, zim } from "./context.js";
import { MESSAGES_PER_RECEIPT, USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

const NO_ROOM_RECEIPTS = (field: string) =>
  `ZIM keeps read receipts only for one-to-one and group messages (room messages carry none, 660300013); ${field} names a live room message`;

/** One conversation's receipts: the call for a chunk of its MsgSeqs. */
interface Receipts {
  call: (seqs: number[]) => ZegoCall;
  seqs: number[];
}

/**
 * C2cReadReceipt / GroupReadReceipt on the reader's behalf (zego.md #16 §2.4): one call per
 * conversation and chunk of 10 MsgSeqs (660400102 over that). Every id must be a message
 * the reader received (one-to-one: sent to them; group: sent by someone else), refused
 * before any call otherwise. ZIM keeps receipts only for messages sent with HasReceipt,
 * which sends carry when features.readReceipts is on. Receipts do not clear unread counts
 * (markConversationRead does). Repeating a receipt changes nothing: safe to retry.
 */
export const markMessagesRead: Op<"markMessagesRead"> = async (ctx, input, options) => {
  const reader = checkId("userId", input?.userId, USER_ID);
  const ids = checkMessageIdList("messageIds", input.messageIds);
  const byConversation = new Map<string, Receipts>();
  ids.forEach((id, i) => {
    const field = `messageIds[${i}]`;
    const ref = decodeMessageId(ctx, id, field);
    if (ref.kind === "room") {
      throw new UnsupportedByVendorError("zego", "markMessagesRead", NO_ROOM_RECEIPTS(field));
    }
    if (ref.from === reader) {
      throw new BadUserInputError(
        field,
        `${field} is a message ${reader} sent: read receipts are for messages the user received.`,
      );
    }
    if (ref.kind === "peer" && ref.to !== reader) {
      throw new BadUserInputError(field, `${field} is not a message sent to ${reader}.`);
    }
    const key = ref.kind === "peer" ? `p:${ref.from}` : `g:${ref.groupId}`;
    let receipts = byConversation.get(key);
    if (!receipts) {
      const where =
        ref.kind === "peer"
          ? { action: "C2cReadReceipt", target: { ConvId: ref.from } }
          : { action: "GroupReadReceipt", target: { GroupId: ref.groupId } };
      receipts = {
        call: (seqs) => ({
          operation: "markMessagesRead",
          action: where.action,
          method: "POST",
          params: { FromUserId: reader, ...where.target, ConvMsgSeq: seqs },
          idempotent: true,
        }),
        seqs: [],
      };
      byConversation.set(key, receipts);
    }
    if (!receipts.seqs.includes(ref.seq)) receipts.seqs.push(ref.seq);
  });

  const calls: ZegoCall[] = [];
  for (const { call, seqs } of byConversation.values()) {
    for (let i = 0; i < seqs.length; i += MESSAGES_PER_RECEIPT) {
      calls.push(call(seqs.slice(i, i + MESSAGES_PER_RECEIPT)));
    }
  }
  await forEachLimited(calls, ctx.concurrency, async (call) => {
    await zim(ctx, call, options);
  });
};
