import { checkIds, checkLiveRoomUsers, checkText, itemOk } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import {
  LIVE_ROOM_ID,
  LIVE_ROOM_KICK_REASON_MAX_BYTES,
  USER_ID,
  USERS_PER_LIVE_ROOM_KICK,
} from "./limits.js";
import { isCode } from "./live-room-codes.js";

// Kick is ZIM's only room moderation (#17 §L5); bans, mutes, mute-all and whitelists are
// gaps (§L10, implementation.ts).

/** KickoutRoomUser: "user is not in this room" (for none of them, §U15). */
const NOT_IN_ROOM = "660300002";

/**
 * KickoutRoomUser (50 ids): an envelope only, no per-user answer, and a kicked user may
 * enter again at once. A user already out counts as removed.
 */
export const kickLiveRoomMembers: Op<"kickLiveRoomMembers"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, {
    room: LIVE_ROOM_ID,
    user: USER_ID,
    perCall: USERS_PER_LIVE_ROOM_KICK,
  });
  const reason =
    input.reason === undefined
      ? undefined
      : checkText("reason", input.reason, {
          maxBytes: LIVE_ROOM_KICK_REASON_MAX_BYTES,
          allowEmpty: true,
        });
  const actor =
    input.actorId === undefined
      ? undefined
      : (checkIds("actorId", [input.actorId], USER_ID)[0] as string);
  try {
    await zim(
      ctx,
      {
        operation: "kickLiveRoomMembers",
        action: "KickoutRoomUser",
        method: "GET",
        params: { RoomId: roomId, "UserId[]": userIds, CustomReason: reason, FromUserId: actor },
        // Kicking someone who already left changes nothing.
        idempotent: true,
      },
      options,
    );
  } catch (error) {
    if (!isCode(error, NOT_IN_ROOM)) throw error;
  }
  return userIds.map((id) => itemOk(id, true as const));
};
