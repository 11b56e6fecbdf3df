import { checkGroupUsers, checkId } from "@imgraph/core";
import { forEachUserChunk, type Op, post } from "./context.js";
import { type GagEntry, gagEnd } from "./gag-times.js";
import {
  durationMinutes,
  GAG_MAX_MINUTES,
  GAG_USERS_PER_CALL,
  GROUP_ID,
  GROUP_USERS,
} from "./limits.js";

// Group mutes are RongCloud's group gags ("禁言"), per member, in minutes.

export const muteGroupMembers: Op<"muteGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  // minute 0 is RongCloud's "until unmuted".
  const minute = durationMinutes(input.durationSeconds, GAG_MAX_MINUTES, 0);
  const call = {
    operation: "muteGroupMembers",
    path: "/group/user/gag/add.json",
    size: GAG_USERS_PER_CALL,
    fields: { groupId, minute },
  };
  return forEachUserChunk(ctx, call, userIds, options);
};

export const unmuteGroupMembers: Op<"unmuteGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  const call = {
    operation: "unmuteGroupMembers",
    path: "/group/user/gag/rollback.json",
    size: GAG_USERS_PER_CALL,
    fields: { groupId },
  };
  return forEachUserChunk(ctx, call, userIds, options);
};

export const listMutedMembers: Op<"listMutedMembers"> = async (ctx, groupId, options) => {
  checkId("groupId", groupId, GROUP_ID);
  const answer = await post<{ users?: GagEntry[] }>(
    ctx,
    "listMutedMembers",
    "/group/user/gag/list.json",
    { groupId },
    options,
    true,
  );
  return (answer.users ?? []).map((u) => ({
    userId: String(u.userId),
    mutedUntil: gagEnd(u, ctx.region),
  }));
};
