import { type CallOptions, checkIds, ImError, itemOk, runBatched } from "@imgraph/core";
import { type Answer, perItem } from "./batch.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import { failedItemsOf } from "./errors.js";
import { ACCOUNT_CHECK_ID, USERS_PER_ACCOUNT_CHECK } from "./limits.js";
import { infoRow, UNKNOWN_USER, userInfosCall } from "./user-infos.js";

/** "Not registered": as a Code, presumably when none of the users exists (unverified). */
const NOT_REGISTERED = 660700015;

/**
 * QueryUserInfos (POST, UserIds ≤ 100, each ≤ 64 bytes): a user exists when ZIM answers
 * its profile in Result; one in ErrorList, or in a call refused as "not registered", does not.
 */
export const checkAccounts: Op<"checkAccounts"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, ACCOUNT_CHECK_ID);
  return runBatched(ids, {
    size: USERS_PER_ACCOUNT_CHECK,
    concurrency: ctx.concurrency,
    keyOf: (key) => key,
    run: (chunk) =>
      perItem<boolean>({
        keys: chunk,
        call: () => query(ctx, chunk, options),
        ok: (key, answer) => itemOk(key, infoRow(answer, key) !== undefined),
        failed: (key, subCode) =>
          subCode === UNKNOWN_USER || subCode === NOT_REGISTERED ? itemOk(key, false) : undefined,
      }),
  });
};

async function query(ctx: ZegoContext, chunk: string[], options?: CallOptions): Promise<Answer> {
  try {
    return await zim<Answer>(ctx, userInfosCall("checkAccounts", chunk), options);
  } catch (error) {
    // Whether ZIM fills ErrorList with this Code is unverified: without it, none exists.
    if (
      error instanceof ImError &&
      error.vendorCode === String(NOT_REGISTERED) &&
      !failedItemsOf(error)
    ) {
      return { Result: [] };
    }
    throw error;
  }
}
