import {
  type CallOptions,
  checkId,
  checkIds,
  checkLiveRoomPriority,
  type OutgoingContent,
} from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post, type RongCloudContext } from "./context.js";
import { CHATROOM_ID, USER_ID } from "./limits.js";
import type { PublishAnswer } from "./publish.js";

// Live room messages: /message/chatroom/publish.json into one room, and
// /message/chatroom/broadcast.json into every room of the app (a console service, 1 a
// second). RongCloud's delivery priority is app-wide by message type
// (/chatroom/message/priority/*), not per message: only NORMAL is sent (#17 §2.10–2.11).

const PRIORITIES = ["NORMAL"] as const;

export const sendLiveRoomMessage: Op<"sendLiveRoomMessage"> = async (ctx, input, options) => {
  checkLiveRoomPriority("rongcloud", input?.priority, PRIORITIES);
  return publishToChatroom(ctx, "sendLiveRoomMessage", input, options);
};

/** One message into one chatroom (live rooms, and the RTC-room send that maps to chatrooms). */
export async function publishToChatroom(
  ctx: RongCloudContext,
  operation: string,
  input: { roomId: string; from: string; content: OutgoingContent },
  options?: CallOptions,
): Promise<{ messageId: string | null }> {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const [from] = checkIds("from", [input.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const answer = await post<PublishAnswer>(
    ctx,
    operation,
    "/message/chatroom/publish.json",
    { fromUserId: from, toChatroomId: roomId, ...body },
    options,
    false,
  );
  const uid = answer.messageUIDs?.find((m) => m.chatroomId === roomId)?.messageUID;
  return { messageId: typeof uid === "string" ? uid : null };
}

export const broadcastLiveRoomMessage: Op<"broadcastLiveRoomMessage"> = async (
  ctx,
  input,
  options,
) => {
  const from = checkId("from", input?.from, USER_ID);
  const body = toRongCloud(input.content);
  const answer = await post<{ messageUID?: unknown }>(
    ctx,
    "broadcastLiveRoomMessage",
    "/message/chatroom/broadcast.json",
    { fromUserId: from, ...body },
    options,
    false,
  );
  return { messageId: typeof answer.messageUID === "string" ? answer.messageUID : null };
};
