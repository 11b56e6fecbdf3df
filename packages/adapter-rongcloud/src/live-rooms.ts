import {
  BadUserInputError,
  checkId,
  checkInt,
  checkText,
  isImError,
  type LiveRoom,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import {
  CHATROOM_ID,
  LIVE_ROOM_IDLE_MINUTES,
  LIVE_ROOM_KEYS_MAX,
  NAME_MAX_CHARS,
  USER_ID,
} from "./limits.js";
import { checkAttributes } from "./live-room-attributes.js";

// Live rooms are RongCloud chatrooms (#17 §2): created with /chatroom/create_new.json, read
// with /chatroom/get.json, destroyed with /chatroom/destroy.json. RongCloud keeps no name and
// no owner for them (create_new has neither), so getLiveRoom answers both as null.

export const createLiveRoom: Op<"createLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  const ownerId =
    input.ownerId === undefined ? undefined : checkId("ownerId", input.ownerId, USER_ID);
  // The name is checked but not kept: create_new takes none (the legacy create does, without
  // the destroy policy, mute-all or attributes).
  if (input.name !== undefined) checkText("name", input.name, { maxChars: NAME_MAX_CHARS });
  const minutes = idleMinutes(input.idleLifetimeSeconds);
  const attributes =
    input.attributes === undefined
      ? undefined
      : checkAttributes(input.attributes, LIVE_ROOM_KEYS_MAX);
  if (attributes && !ctx.features.chatroomAttributes)
    throw new UnsupportedByVendorError(
      "rongcloud",
      "createLiveRoom",
      "initial attributes need RongCloud's chatroom attribute service, enabled in its console (features.chatroomAttributes: true)",
    );
  // Attributes have an owner at RongCloud: the room's creator.
  if (attributes && ownerId === undefined)
    throw new BadUserInputError(
      "ownerId",
      "ownerId is required with attributes (their owner at RongCloud).",
    );
  await post(
    ctx,
    "createLiveRoom",
    "/chatroom/create_new.json",
    {
      chatroomId: roomId,
      destroyType: 0,
      ...(minutes !== undefined ? { destroyTime: minutes } : {}),
      ...(input.allMuted !== undefined ? { isBan: input.allMuted ? "true" : "false" } : {}),
      ...(attributes ? { entryOwnerId: ownerId, entryInfo: JSON.stringify(attributes) } : {}),
    },
    options,
    true,
  );
};

/** Seconds → RongCloud's whole minutes (rounded up), 60–10080 minutes. */
export function idleMinutes(seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  const s = checkInt("idleLifetimeSeconds", seconds, {
    min: LIVE_ROOM_IDLE_MINUTES.min * 60,
    max: LIVE_ROOM_IDLE_MINUTES.max * 60,
  });
  return Math.ceil(s / 60);
}

export const destroyLiveRoom: Op<"destroyLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  await post(
    ctx,
    "destroyLiveRoom",
    "/chatroom/destroy.json",
    { chatroomId: roomId },
    options,
    true,
  );
};

interface GetAnswer {
  createTime?: unknown;
  memberCount?: unknown;
  destroyType?: unknown;
  destroyTime?: unknown;
  ban?: unknown;
}

export const getLiveRoom: Op<"getLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  let answer: GetAnswer;
  try {
    answer = await post<GetAnswer>(
      ctx,
      "getLiveRoom",
      "/chatroom/get.json",
      { chatroomId: roomId },
      options,
      true,
    );
  } catch (error) {
    // 23410 "Chatroom does not exist".
    if (vendorCode(error) === "23410") return null;
    throw error;
  }
  const created = Number(answer.createTime);
  const minutes = Number(answer.destroyTime);
  const room: LiveRoom = {
    id: roomId,
    name: null,
    ownerId: null,
    createdAt: Number.isFinite(created) && created > 0 ? new Date(created) : null,
    memberCount: Number.isInteger(Number(answer.memberCount)) ? Number(answer.memberCount) : null,
    allMuted:
      typeof answer.ban === "boolean"
        ? answer.ban
        : answer.ban === undefined
          ? null
          : String(answer.ban) === "true",
    // Only "destroy when inactive" (type 0) is an idle lifetime; type 1 is a fixed lifespan.
    idleLifetimeSeconds: Number(answer.destroyType) === 0 && minutes > 0 ? minutes * 60 : null,
  };
  return room;
};

export const keepLiveRoomAlive: Op<"keepLiveRoomAlive"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  if (typeof input.keepAlive !== "boolean")
    throw new BadUserInputError("keepAlive", "keepAlive must be true or false.");
  const path = input.keepAlive ? "/chatroom/keepalive/add.json" : "/chatroom/keepalive/remove.json";
  try {
    await post(ctx, "keepLiveRoomAlive", path, { chatroomId: roomId }, options, true);
  } catch (error) {
    // 1015: the room was not kept alive; ending that is already done.
    if (!input.keepAlive && vendorCode(error) === "1015") return;
    throw error;
  }
};

/** RongCloud's code behind a neutral error, if any. */
export function vendorCode(error: unknown): string | undefined {
  return isImError(error) ? error.vendorCode : undefined;
}
