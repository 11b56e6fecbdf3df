import {
  BadUserInputError,
  checkId,
  checkLiveRoomUsers,
  itemOk,
  type LiveRoomMember,
  pageLimit,
  parseWallClock,
  runIdBatches,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import {
  CHATROOM_ID,
  CHATROOM_USERS_MAX,
  LIVE_ROOM_CHECK_PER_CALL,
  LIVE_ROOM_WHITELIST_MAX,
  USER_ID,
} from "./limits.js";
import { regionUtcOffsetMinutes } from "./options.js";
import { pageOfAll } from "./paging.js";

// Who is in a live room (a chatroom, #17 §2.4) and its user whitelist (§2.10). Members enter
// from the client SDKs; the server only reads them.

interface UsersAnswer {
  users?: Array<{ id?: unknown; userId?: unknown; time?: unknown }>;
  members?: Array<{ id?: unknown; userId?: unknown; time?: unknown }>;
}

/**
 * /chatroom/user/query.json has no cursor: it answers the first (or last) 500 members by
 * join time. We ask for the 500 oldest and page within them, so a room of more than 500
 * lists only its 500 longest present.
 */
export const listLiveRoomMembers: Op<"listLiveRoomMembers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const limit = pageLimit(input.limit, CHATROOM_USERS_MAX);
  const answer = await post<UsersAnswer>(
    ctx,
    "listLiveRoomMembers",
    "/chatroom/user/query.json",
    { chatroomId: roomId, count: CHATROOM_USERS_MAX, order: 1 },
    options,
    true,
  );
  const offset = regionUtcOffsetMinutes(ctx.region);
  const all = (answer.users ?? answer.members ?? []).map(
    (u): LiveRoomMember => ({
      userId: String(u.id ?? u.userId),
      joinedAt: parseWallClock(u.time, offset),
      name: null,
    }),
  );
  return pageOfAll("liveRoomMembers", all, input.cursor, limit);
};

interface ExistAnswer {
  result?: Array<{ userId?: unknown; isInChrm?: unknown }>;
}

/** /chatroom/users/exist.json, 1000 users a call; `isInChrm` 0/1 or a bool (§U10). */
export const checkLiveRoomMembers: Op<"checkLiveRoomMembers"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, {
    room: CHATROOM_ID,
    user: USER_ID,
    perCall: LIVE_ROOM_CHECK_PER_CALL,
  });
  return runIdBatches(ctx, userIds, LIVE_ROOM_CHECK_PER_CALL, async (chunk) => {
    const answer = await post<ExistAnswer>(
      ctx,
      "checkLiveRoomMembers",
      "/chatroom/users/exist.json",
      { chatroomId: roomId, userId: chunk },
      options,
      true,
    );
    const present = new Set(
      (answer.result ?? [])
        .filter((r) => r.isInChrm === true || Number(r.isInChrm) === 1)
        .map((r) => String(r.userId)),
    );
    return chunk.map((id) => itemOk(id, present.has(id)));
  });
};

export const setLiveRoomWhitelist: Op<"setLiveRoomWhitelist"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, {
    room: CHATROOM_ID,
    user: USER_ID,
    perCall: LIVE_ROOM_WHITELIST_MAX,
  });
  if (typeof input.whitelisted !== "boolean")
    throw new BadUserInputError("whitelisted", "whitelisted must be true or false.");
  const path = input.whitelisted
    ? "/chatroom/user/whitelist/add.json"
    : "/chatroom/user/whitelist/remove.json";
  await post(
    ctx,
    "setLiveRoomWhitelist",
    path,
    { chatroomId: roomId, userId: userIds },
    options,
    true,
  );
};

interface WhitelistAnswer {
  users?: unknown[];
  members?: unknown[];
}

export const listLiveRoomWhitelist: Op<"listLiveRoomWhitelist"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const answer = await post<WhitelistAnswer>(
    ctx,
    "listLiveRoomWhitelist",
    "/chatroom/user/whitelist/query.json",
    { chatroomId: roomId },
    options,
    true,
  );
  // Go reads `users`, Java's sample `members`; entries are ids (or objects naming one).
  return (answer.users ?? answer.members ?? []).map((u) =>
    typeof u === "object" && u !== null
      ? String((u as { userId?: unknown; id?: unknown }).userId ?? (u as { id?: unknown }).id)
      : String(u),
  );
};
