import { checkActor } from "@imgraph/core";
import { type Op, type ZegoCall, zim } from "./context.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId, type MessageRef } from "./message-ids.js";

/**
 * RevokePeerMessage / RevokeGroupMessage / RevokeRoomMessage. ZEGO revokes in the original
 * sender's name (FromUserId must be the sender, else 660000026), so `actorId` is only checked.
 * A room message (its id from `send_msg` conv_type 1) needs the app's room-message storage
 * (Enterprise plan; 660000027 otherwise).
 */
export const recallMessage: Op<"recallMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  checkActor(input.actorId, USER_ID);
  // A repeat after a lost answer gets 660000023 "already recalled": never a second effect.
  await zim(ctx, revoke(ref), options);
};

function revoke(ref: MessageRef): ZegoCall {
  const call = { operation: "recallMessage", method: "POST", idempotent: true } as const;
  switch (ref.kind) {
    case "peer":
      return {
        ...call,
        action: "RevokePeerMessage",
        params: { FromUserId: ref.from, ToUserId: ref.to, MsgSeq: ref.seq },
      };
    case "group":
      return {
        ...call,
        action: "RevokeGroupMessage",
        params: { FromUserId: ref.from, GroupId: ref.groupId, MsgSeq: ref.seq },
      };
    case "room":
      return {
        ...call,
        action: "RevokeRoomMessage",
        params: { FromUserId: ref.from, RoomId: ref.roomId, MsgSeq: ref.seq },
      };
  }
}
