/**
 * ZIM C2cReadReceipt / GroupReadReceipt (zego.md #16 §2.4): the server marks messages read
 * on behalf of FromUserId, at most 10 ConvMsgSeq a call (660400102). What the docs leave
 * open follows §6.9: a seq counts when its message exists in the reader's view and was not
 * sent by the reader; it is recorded only for messages sent with HasReceipt 1 (others, and
 * recalled ones, are accepted and ignored); repeats are Code 0; when no seq counts the call
 * fails (660400104 one-to-one, 660400103 group). Unread counts do not change. Read receipts
 * are a Pro / Enterprise feature (Pricing): the free plan answers 660000028 (code unverified).
 */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { type Conversation, inView, peerKey, type User } from "../state.js";
import { group, groupIdParam, sender } from "./common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

export const SEQS_PER_RECEIPT = 10;

function readSeqs(ctx: ActionContext): number[] {
  return ctx.p.intList("ConvMsgSeq", {
    required: true,
    max: SEQS_PER_RECEIPT,
    tooManyCode: ZIM.receiptTooMany,
  });
}

function reader(ctx: ActionContext): User {
  const user = sender(ctx);
  if (ctx.app.config.plan === "free") {
    throw new ZegoError(ZIM.freePlan, "read receipts need the Pro or Enterprise plan");
  }
  return user;
}

/** Records the reader on each counted message; throws `failCode` when none counts. */
function markRead(
  ctx: ActionContext,
  conv: Conversation | undefined,
  readerId: string,
  seqs: number[],
  failCode: number,
) {
  let counted = 0;
  for (const seq of new Set(seqs)) {
    const m = seq >= 1 ? conv?.messages[seq - 1] : undefined;
    if (!m || m.sender === readerId || !inView(m, readerId)) continue;
    counted++;
    if (!m.hasReceipt || m.revoked) continue;
    m.readBy ??= [];
    if (!m.readBy.includes(readerId)) m.readBy.push(readerId);
  }
  if (counted === 0) {
    throw new ZegoError(failCode, "none of ConvMsgSeq is a message the user received here");
  }
  return { ReadTime: ctx.now };
}

export const receiptActions: ActionTable = {
  C2cReadReceipt: zimAction("POST", (ctx) => {
    const me = reader(ctx);
    const peer = idParam(ctx.p, "ConvId");
    if (peer === me.userId) throw ctx.p.fail("ConvId must be the other participant");
    const seqs = readSeqs(ctx);
    const conv = ctx.app.peerConvs.get(peerKey(me.userId, peer));
    return markRead(ctx, conv, me.userId, seqs, ZIM.peerReceiptFailed);
  }),
  GroupReadReceipt: zimAction("POST", (ctx) => {
    const me = reader(ctx);
    const g = group(ctx, groupIdParam(ctx));
    if (!g.members.has(me.userId))
      throw new ZegoError(ZIM.notMember, "FromUserId is not in the group");
    const seqs = readSeqs(ctx);
    return markRead(
      ctx,
      ctx.app.groupConvs.get(g.groupId),
      me.userId,
      seqs,
      ZIM.groupReceiptFailed,
    );
  }),
};
