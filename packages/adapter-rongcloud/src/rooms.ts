import { checkId, checkIds, pageLimit, type RoomUser } from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post } from "./context.js";
import { CHATROOM_ID, CHATROOM_USERS_MAX, USER_ID } from "./limits.js";
import { pageOfAll } from "./paging.js";
import type { PublishAnswer } from "./publish.js";

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

export const sendRoomMessage: Op<"sendRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const [from] = checkIds("from", [input.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const answer = await post<PublishAnswer>(
    ctx,
    "sendRoomMessage",
    "/message/chatroom/publish.json",
    { fromUserId: from, toChatroomId: roomId, ...body },
    options,
    false,
  );
  const uid = answer.messageUIDs?.find((m) => m.chatroomId === roomId)?.messageUID;
  return { messageId: typeof uid === "string" ? uid : null };
};

function parseJoinTime(value: unknown): Date | null {
  if (typeof value === "number") return new Date(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return new Date(Number(value));
  if (typeof value === "string") {
    const t = Date.parse(value.replace(" ", "T"));
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}
