import {
  BadUserInputError,
  checkId,
  checkIds,
  checkInt,
  checkText,
  type LiveRoom,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, zim } from "./context.js";
import {
  LIVE_ROOM_DESTROY_DELAY_MAX,
  LIVE_ROOM_ID,
  LIVE_ROOM_NAME_MAX_BYTES,
  USER_ID,
} from "./limits.js";
import { checkRoomAttributes } from "./live-room-attributes.js";
import { isCode, ROOM_EMPTY, ROOM_MISSING } from "./live-room-codes.js";

// Live rooms are ZIM rooms (#17 §L), not the RTC rooms of rooms.ts: CreateRoom,
// DestroyRoom, and QueryRoomUserList as the only read (ZIM reads back no room info).

/**
 * CreateRoom. ZIM wants a FromUserId (not joined to the room), so the owner is required;
 * the idle lifetime is DestroyDelayTime (how long an emptied room lives on); ZIM has no
 * mute-all, so a room cannot start muted.
 */
export const createLiveRoom: Op<"createLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  if (input.ownerId === undefined || input.ownerId === null) {
    throw new BadUserInputError(
      "ownerId",
      "ownerId is required: ZIM's CreateRoom names its creator.",
    );
  }
  const [owner] = checkIds("ownerId", [input.ownerId], USER_ID) as [string];
  const name =
    input.name === undefined
      ? undefined
      : checkText("name", input.name, { maxBytes: LIVE_ROOM_NAME_MAX_BYTES, allowEmpty: true });
  const delay =
    input.idleLifetimeSeconds === undefined
      ? undefined
      : checkInt("idleLifetimeSeconds", input.idleLifetimeSeconds, {
          min: 0,
          max: LIVE_ROOM_DESTROY_DELAY_MAX,
        });
  const attributes =
    input.attributes === undefined ? undefined : checkRoomAttributes(input.attributes);
  if (input.allMuted === true) {
    throw new UnsupportedByVendorError(
      "zego",
      "createLiveRoom",
      "ZIM rooms have no mute-all (no room mute Action exists)",
    );
  }
  await zim(
    ctx,
    {
      operation: "createLiveRoom",
      action: "CreateRoom",
      method: "POST",
      params: {
        FromUserId: owner,
        RoomId: roomId,
        ...(name !== undefined ? { RoomName: name } : {}),
        ...(delay !== undefined ? { DestroyDelayTime: delay } : {}),
        ...(attributes
          ? {
              Attributes: Object.entries(attributes).map(([Key, Value]) => ({
                Key,
                Value,
                AutoDelete: 0,
              })),
            }
          : {}),
      },
      // A repeat after success answers 660300014 (room exists): not repeated.
      idempotent: false,
    },
    options,
  );
};

/** DestroyRoom; FromUserId (the actor) is optional. */
export const destroyLiveRoom: Op<"destroyLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  const actor =
    input.actorId === undefined
      ? undefined
      : (checkIds("actorId", [input.actorId], USER_ID)[0] as string);
  await zim(
    ctx,
    {
      operation: "destroyLiveRoom",
      action: "DestroyRoom",
      method: "GET",
      params: { RoomId: roomId, FromUserId: actor },
      // A repeat after success answers 660300001 (no room): not repeated.
      idempotent: false,
    },
    options,
  );
};

/**
 * ZIM reads back no room info: the member count (QueryRoomUserList.Count) is all there is.
 * An emptied room waiting out its destroy delay (660300008) still exists, with 0 members.
 */
export const getLiveRoom: Op<"getLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, LIVE_ROOM_ID);
  let memberCount: number | null;
  try {
    const answer = await zim<{ Count?: unknown }>(
      ctx,
      {
        operation: "getLiveRoom",
        action: "QueryRoomUserList",
        method: "GET",
        params: { RoomId: roomId, Limit: 1 },
        idempotent: true,
      },
      options,
    );
    const count = Number(answer.Count);
    memberCount = Number.isInteger(count) && count >= 0 ? count : null;
  } catch (error) {
    if (isCode(error, ROOM_MISSING)) return null;
    if (!isCode(error, ROOM_EMPTY)) throw error;
    memberCount = 0;
  }
  const room: LiveRoom = {
    id: roomId,
    name: null,
    ownerId: null,
    createdAt: null,
    memberCount,
    // ZIM has no room mute-all, but the app's before_send_msg callback may refuse sends.
    allMuted: null,
    // DestroyDelayTime is write-only.
    idleLifetimeSeconds: null,
  };
  return room;
};
