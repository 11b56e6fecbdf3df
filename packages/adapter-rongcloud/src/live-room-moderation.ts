import {
  BadUserInputError,
  type CallOptions,
  checkId,
  checkLiveRoomRestrict,
  checkLiveRoomUsers,
  type LiveRoomRestrictInput,
  type LiveRoomRestriction,
  type LiveRoomUsersInput,
  parseWallClock,
} from "@imgraph/core";
import { forEachUserChunk, type Op, post, type RongCloudContext } from "./context.js";
import {
  BLOCK_MAX_MINUTES,
  CHATROOM_ID,
  LIVE_ROOM_MODERATION_PER_CALL,
  USER_ID,
} from "./limits.js";
import { regionUtcOffsetMinutes } from "./options.js";

// Live room bans are chatroom blocks (/chatroom/user/block/*: the user is out at once and
// kept out), mutes are gags (/chatroom/user/gag/*), both in whole minutes (1–43200, seconds
// rounded up), 20 users a call; mute-all is /chatroom/ban/* (#17 §2.5–2.7). A reason is
// refused: RongCloud carries only a notification's `extra`, shown to every member.

const USERS = { room: CHATROOM_ID, user: USER_ID, perCall: LIVE_ROOM_MODERATION_PER_CALL };
const RESTRICT = {
  ...USERS,
  durationSeconds: { min: 1, max: BLOCK_MAX_MINUTES * 60 },
  reasonMaxBytes: null,
};

type Kind = "block" | "gag";

function restrict(kind: Kind, operation: string) {
  return (ctx: RongCloudContext, input: LiveRoomRestrictInput, options?: CallOptions) => {
    const { roomId, userIds, durationSeconds } = checkLiveRoomRestrict(
      "rongcloud",
      operation,
      input,
      RESTRICT,
    );
    const minute = Math.ceil(durationSeconds / 60);
    return forEachUserChunk(
      ctx,
      {
        operation,
        path: `/chatroom/user/${kind}/add.json`,
        size: LIVE_ROOM_MODERATION_PER_CALL,
        fields: { chatroomId: roomId, minute },
      },
      userIds,
      options,
    );
  };
}

function lift(kind: Kind, operation: string) {
  return (ctx: RongCloudContext, input: LiveRoomUsersInput, options?: CallOptions) => {
    const { roomId, userIds } = checkLiveRoomUsers(input, USERS);
    return forEachUserChunk(
      ctx,
      {
        operation,
        path: `/chatroom/user/${kind}/rollback.json`,
        size: LIVE_ROOM_MODERATION_PER_CALL,
        fields: { chatroomId: roomId },
      },
      userIds,
      options,
    );
  };
}

interface ListAnswer {
  users?: Array<{ userId?: unknown; id?: unknown; time?: unknown }>;
  members?: Array<{ userId?: unknown; id?: unknown; time?: unknown }>;
  blockMembers?: Array<{ userId?: unknown; id?: unknown; time?: unknown }>;
}

function list(kind: Kind, operation: string) {
  return async (
    ctx: RongCloudContext,
    input: { roomId: string },
    options?: CallOptions,
  ): Promise<LiveRoomRestriction[]> => {
    const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
    const answer = await post<ListAnswer>(
      ctx,
      operation,
      `/chatroom/user/${kind}/list.json`,
      { chatroomId: roomId },
      options,
      true,
    );
    const offset = regionUtcOffsetMinutes(ctx.region);
    // The doc names `users` and `userId`; Java reads `members` / `id`, an old sample `blockMembers`.
    return (answer.users ?? answer.members ?? answer.blockMembers ?? []).map(
      (u): LiveRoomRestriction => ({
        userId: String(u.userId ?? u.id),
        until: parseWallClock(u.time, offset),
      }),
    );
  };
}

export const banLiveRoomMembers: Op<"banLiveRoomMembers"> = restrict("block", "banLiveRoomMembers");
export const unbanLiveRoomMembers: Op<"unbanLiveRoomMembers"> = lift(
  "block",
  "unbanLiveRoomMembers",
);
export const listLiveRoomBans: Op<"listLiveRoomBans"> = list("block", "listLiveRoomBans");
export const muteLiveRoomMembers: Op<"muteLiveRoomMembers"> = restrict(
  "gag",
  "muteLiveRoomMembers",
);
export const unmuteLiveRoomMembers: Op<"unmuteLiveRoomMembers"> = lift(
  "gag",
  "unmuteLiveRoomMembers",
);
export const listLiveRoomMutes: Op<"listLiveRoomMutes"> = list("gag", "listLiveRoomMutes");

export const muteLiveRoom: Op<"muteLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, CHATROOM_ID);
  if (typeof input.muted !== "boolean")
    throw new BadUserInputError("muted", "muted must be true or false.");
  const path = input.muted ? "/chatroom/ban/add.json" : "/chatroom/ban/rollback.json";
  await post(ctx, "muteLiveRoom", path, { chatroomId: roomId }, options, true);
};
