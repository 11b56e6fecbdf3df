import { checkId } from "@imgraph/core";
import type { Op } from "./context.js";
import { sendToGroup } from "./group-send.js";
import { GROUP_ID } from "./limits.js";
import { liveMemberPage } from "./live-room-members.js";
import { outgoing } from "./outgoing.js";

// Rooms are live groups (AVChatRoom): clients join them through the SDK; REST can list
// their members (get_members: get_group_member_info does not serve AVChatRoom) and post to
// them, but not add or remove members (10007 / 10004): kicking from a room is a declared gap
// (implementation.ts).

export const listRoomUsers: Op<"listRoomUsers"> = async (ctx, input, options) => {
  const page = await liveMemberPage(
    ctx,
    "listRoomUsers",
    { roomId: input?.roomId, limit: input.limit, cursor: input.cursor ?? null },
    options,
  );
  return {
    items: page.items.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt })),
    nextCursor: page.nextCursor,
  };
};

export const sendRoomMessage: Op<"sendRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const result = await sendToGroup(ctx, "sendRoomMessage", roomId, outgoing(input), options);
  if (!result.ok) throw result.error;
  return { messageId: result.value.messageId };
};
