import { checkActor } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

/**
 * RevokePeerMessage / RevokeGroupMessage. ZEGO revokes in the original sender's name
 * (FromUserId must be the sender, else 660000026), so `actorId` is only checked.
 */
export const recallMessage: Op<"recallMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  checkActor(input.actorId, USER_ID);
  // A repeat after a lost answer gets 660000023 "already recalled": never a second effect.
  await zim(
    ctx,
    ref.kind === "peer"
      ? {
          operation: "recallMessage",
          action: "RevokePeerMessage",
          method: "POST",
          params: { FromUserId: ref.from, ToUserId: ref.to, MsgSeq: ref.seq },
          idempotent: true,
        }
      : {
          operation: "recallMessage",
          action: "RevokeGroupMessage",
          method: "POST",
          params: { FromUserId: ref.from, GroupId: ref.groupId, MsgSeq: ref.seq },
          idempotent: true,
        },
    options,
  );
};
