import { checkIds, ImError, itemOk, runIdBatches } from "@imgraph/core";
import { forEachUserChunk, type Op, post } from "./context.js";
import { TOKEN_EXPIRE_PER_CALL, USER_ID } from "./limits.js";

// Account checks and login invalidation (vendor reference §5, §6).

/**
 * No batch existence check exists: /user/info.json per user. Its business code 400 ("user
 * id does not exist") means no account, judged on the body's code, not the HTTP status;
 * any other error is that user's answer.
 */
export const checkAccounts: Op<"checkAccounts"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, 1, async ([id]) => {
    const userId = id as string;
    try {
      await post(ctx, "checkAccounts", "/user/info.json", { userId }, options, true);
      return [itemOk(userId, true)];
    } catch (error) {
      if (error instanceof ImError && error.vendorCode === "400") return [itemOk(userId, false)];
      throw error;
    }
  });
};

/**
 * /user/token/expire.json: every token issued before `time` (our clock, ms) stops working.
 * Live connections are NOT dropped — a client fails only on its next connect — and
 * RongCloud has no server call that does. A token issued within our clock's skew from
 * RongCloud's may land on either side of the line.
 */
export const invalidateLogins: Op<"invalidateLogins"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  const call = {
    operation: "invalidateLogins",
    path: "/user/token/expire.json",
    size: TOKEN_EXPIRE_PER_CALL,
    fields: { time: Date.now() },
  };
  return forEachUserChunk(ctx, call, ids, options);
};
