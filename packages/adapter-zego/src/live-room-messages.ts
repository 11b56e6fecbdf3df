import {
  checkId,
  checkIds,
  checkLiveRoomPriority,
  type LiveRoomMessagePriority,
} from "@imgraph/core";
import { messageFields, toZego } from "./content.js";
import { type Op, zim } from "./context.js";
import { LIVE_ROOM_ID, USER_ID } from "./limits.js";

// SendRoomMessage (#17 §L6): pushed to the room's online users, 10/s per app.

/** ZIM Priority: 1 low, 2 medium, 3 high — kept first under load and rate limits. */
const PRIORITY: Record<LiveRoomMessagePriority, number> = { LOW: 1, NORMAL: 2, HIGH: 3 };

/**
 * The room message carries no id back (AuditInfos only; the MsgSeq reaches the app in
 * send_msg, §U16): messageId is null. The MESSAGE_SENT event of that send_msg carries a room
 * message id, which recallMessage takes (RevokeRoomMessage). SenderUnaware 0: the sender's
 * own clients get it too, as everyone in the room does (ZIM's room default is 1).
 */
export const sendLiveRoomMessage: Op<"sendLiveRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const [from] = checkIds("from", [input.from], USER_ID) as [string];
  const priority = checkLiveRoomPriority("zego", input.priority, ["HIGH", "NORMAL", "LOW"]);
  const fields = messageFields(toZego(input.content, ctx.messageMaxBytes), undefined);
  await zim(
    ctx,
    {
      operation: "sendLiveRoomMessage",
      action: "SendRoomMessage",
      method: "POST",
      params: {
        FromUserId: from,
        RoomId: roomId,
        Priority: PRIORITY[priority],
        SenderUnaware: 0,
        ...fields,
      },
      // ZEGO does not deduplicate sends.
      idempotent: false,
    },
    options,
  );
  return { messageId: null };
};
