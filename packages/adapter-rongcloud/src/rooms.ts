import { checkId, pageLimit, type RoomUser } from "@imgraph/core";
import { type Op, post } from "./context.js";
import { CHATROOM_ID, CHATROOM_USERS_MAX } from "./limits.js";
import { publishToChatroom } from "./live-room-messages.js";
import { pageOfAll } from "./paging.js";

// Rooms are RongCloud chatrooms: clients join them; the server lists, and sends to, them.
// Room credentials and kicks are declared gaps (implementation.ts).

export const listRoomUsers: Op<"listRoomUsers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const limit = pageLimit(input.limit, CHATROOM_USERS_MAX);
  // The API answers at most 500 users, oldest first; we page within them.
  const answer = await post<{ users?: Array<{ id?: unknown; time?: unknown }> }>(
    ctx,
    "listRoomUsers",
    "/chatroom/user/query.json",
    { chatroomId: roomId, count: CHATROOM_USERS_MAX, order: 1 },
    options,
    true,
  );
  const all = (answer.users ?? []).map(
    (u): RoomUser => ({ userId: String(u.id), joinedAt: parseJoinTime(u.time) }),
  );
  return pageOfAll("roomUsers", all, input.cursor, limit);
};

export const sendRoomMessage: Op<"sendRoomMessage"> = (ctx, input, options) =>
  publishToChatroom(ctx, "sendRoomMessage", input, options);

function parseJoinTime(value: unknown): Date | null {
  if (typeof value === "number") return new Date(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return new Date(Number(value));
  if (typeof value === "string") {
    const t = Date.parse(value.replace(" ", "T"));
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}
