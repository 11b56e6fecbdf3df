import { randomInt } from "node:crypto";
import { checkId, checkLiveRoomPriority, type LiveRoomMessagePriority } from "@imgraph/core";
import { call, type Op } from "./context.js";
import { sendToGroup } from "./group-send.js";
import { GROUP_ID, USER_ID } from "./limits.js";
import { outgoing } from "./outgoing.js";

// Live room messages (docs/vendors/tencent.md #17 §3.5): send_group_msg with MsgPriority
// (High / Normal / Low: over 40 messages a second a live group keeps the higher first), and
// send_broadcast_msg into every live group of the app (1 call a second).

const PRIORITY: Record<LiveRoomMessagePriority, "High" | "Normal" | "Low"> = {
  HIGH: "High",
  NORMAL: "Normal",
  LOW: "Low",
};

export const sendLiveRoomMessage: Op<"sendLiveRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  // The sender named as the field itself (outgoing() names it from[0]).
  checkId("from", input.from, USER_ID);
  const priority = checkLiveRoomPriority("tencent", input.priority, ["HIGH", "NORMAL", "LOW"]);
  const out = { ...outgoing(input), priority: PRIORITY[priority] };
  const result = await sendToGroup(ctx, "sendLiveRoomMessage", roomId, out, options);
  if (!result.ok) throw result.error;
  return { messageId: result.value.messageId };
};

/**
 * send_broadcast_msg. Its Random is fixed before the first attempt (the same content with the
 * same Random within 5 minutes is dropped), so a retry cannot post twice. Its MsgSeq numbers
 * the broadcast, not a message in any one room: no message id.
 */
export const broadcastLiveRoomMessage: Op<"broadcastLiveRoomMessage"> = async (
  ctx,
  input,
  options,
) => {
  checkId("from", input?.from, USER_ID);
  const { from, body } = outgoing(input);
  await call(
    ctx,
    "broadcastLiveRoomMessage",
    "group_open_http_svc/send_broadcast_msg",
    { From_Account: from, Random: randomInt(0, 0xffff_ffff), MsgBody: body },
    options,
    true,
  );
  return { messageId: null };
};
