import { checkIds } from "@imgraph/core";
import { forEachUserChunk, type Op } from "./context.js";
import { BLOCK_MAX_MINUTES, BLOCK_USERS_PER_CALL, durationMinutes, USER_ID } from "./limits.js";

// App-wide bans are RongCloud's user blocks: no login and no sending until they end.

export const banUsers: Op<"banUsers"> = async (ctx, input, options) => {
  const ids = checkIds("userIds", input?.userIds, USER_ID);
  // RongCloud has no permanent ban: omitted means its longest, 30 days.
  const minutes = durationMinutes(input.durationSeconds, BLOCK_MAX_MINUTES, BLOCK_MAX_MINUTES);
  const call = {
    operation: "banUsers",
    path: "/user/block.json",
    size: BLOCK_USERS_PER_CALL,
    fields: { minute: minutes },
  };
  return forEachUserChunk(ctx, call, ids, options);
};

export const unbanUsers: Op<"unbanUsers"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  const call = {
    operation: "unbanUsers",
    path: "/user/unblock.json",
    size: BLOCK_USERS_PER_CALL,
    fields: {},
  };
  return forEachUserChunk(ctx, call, ids, options);
};
