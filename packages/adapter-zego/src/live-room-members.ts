import {
  checkId,
  checkLiveRoomUsers,
  encodeCursor,
  itemOk,
  type LiveRoomMember,
  pageLimit,
} from "@imgraph/core";
import { perItem } from "./batch.js";
import { type Op, zim } from "./context.js";
import {
  LIVE_ROOM_ID,
  LIVE_ROOM_MEMBERS_PAGE_MAX,
  USER_ID,
  USERS_PER_LIVE_ROOM_CHECK,
} from "./limits.js";
import { isCode, ROOM_EMPTY } from "./live-room-codes.js";
import { decodeZimCursor, keptPageSize } from "./paging.js";

// Who is in a ZIM room (#17 §L3, §L4).

/** QueryRoomMembers SubCodes of a user who is not in the room (or not logged in at all). */
const NOT_IN_ROOM = new Set([660300012, 660200001]);

/** QueryRoomUserList Mode 0: oldest entry first. */
const OLDEST_FIRST = 0;

interface UserListAnswer {
  NextFlag?: unknown;
  UserList?: Array<{ UserId?: unknown; UserName?: unknown }>;
}

/**
 * QueryRoomUserList: NextFlag "" first, then as answered; "" or "0" ends (the page says
 * both). Limit must stay the same across pages, so the cursor carries it.
 */
export const listLiveRoomMembers: Op<"listLiveRoomMembers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const asked = pageLimit(input.limit, LIVE_ROOM_MEMBERS_PAGE_MAX);
  const cursor = decodeZimCursor<{ n: string; l: number }>(
    "lrm",
    input.cursor,
    { n: "string", l: "number" },
    { l: [1, LIVE_ROOM_MEMBERS_PAGE_MAX] },
  );
  const limit = keptPageSize(cursor?.l, asked);
  let answer: UserListAnswer;
  try {
    answer = await zim<UserListAnswer>(
      ctx,
      {
        operation: "listLiveRoomMembers",
        action: "QueryRoomUserList",
        method: "GET",
        params: { RoomId: roomId, Mode: OLDEST_FIRST, Limit: limit, NextFlag: cursor?.n ?? "" },
        idempotent: true,
      },
      options,
    );
  } catch (error) {
    // Emptied, waiting out its destroy delay: nobody is in it.
    if (isCode(error, ROOM_EMPTY)) return { items: [], nextCursor: null };
    throw error;
  }
  const items = (answer.UserList ?? [])
    .filter((u) => typeof u.UserId === "string")
    .map(
      (u): LiveRoomMember => ({
        userId: u.UserId as string,
        joinedAt: null, // ZIM does not say
        name: typeof u.UserName === "string" && u.UserName !== "" ? u.UserName : null,
      }),
    );
  const next =
    typeof answer.NextFlag === "string" ? answer.NextFlag : String(answer.NextFlag ?? "");
  const done = next === "" || next === "0" || items.length === 0;
  return { items, nextCursor: done ? null : encodeCursor("lrm", { n: next, l: limit }) };
};

/** QueryRoomMembers (10 ids, 5/s per room): listed in UserList = in the room. */
export const checkLiveRoomMembers: Op<"checkLiveRoomMembers"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, {
    room: LIVE_ROOM_ID,
    user: USER_ID,
    perCall: USERS_PER_LIVE_ROOM_CHECK,
  });
  return perItem<boolean>({
    keys: userIds,
    call: () =>
      zim(
        ctx,
        {
          operation: "checkLiveRoomMembers",
          action: "QueryRoomMembers",
          method: "GET",
          params: { RoomId: roomId, "UserId[]": userIds },
          idempotent: true,
        },
        options,
      ),
    ok: (key, answer) => {
      const list = Array.isArray(answer.UserList) ? answer.UserList : [];
      const listed = list.some((u) => (u as { user_id?: unknown } | null)?.user_id === key);
      return listed ? itemOk(key, true) : undefined;
    },
    failed: (key, subCode) => (NOT_IN_ROOM.has(subCode) ? itemOk(key, false) : undefined),
  });
};
