import {
  checkIds,
  distinct,
  type ItemResult,
  itemError,
  itemOk,
  runIdBatches,
} from "@imgraph/core";
import { type AccountResult, accountResults } from "./account-items.js";
import { call, type Op, str } from "./context.js";
import { itemFailure } from "./errors.js";
import { USER_ID, USERS_PER_ACCOUNT_CHECK } from "./limits.js";

// Accounts at Tencent (im_open_login_svc; docs/vendors/tencent.md "Social graph and user
// depth" §16–17): whether they were imported, and logging them out everywhere.

interface CheckResult extends AccountResult {
  AccountStatus?: unknown;
}

/**
 * account_check, 100 a call: AccountStatus Imported / NotImported. A non-zero ResultCode
 * means the check itself failed for that account (not "missing"): that item's error.
 */
export const checkAccounts: Op<"checkAccounts"> = async (ctx, userIds, options) => {
  const ids = distinct(checkIds("userIds", userIds, USER_ID));
  const answers = await runIdBatches(ctx, ids, USERS_PER_ACCOUNT_CHECK, async (chunk) => {
    const results = await accountResults<CheckResult>(
      ctx,
      "checkAccounts",
      "account_check",
      chunk,
      options,
    );
    return results.flatMap((item): ItemResult<boolean>[] => {
      const id = str(item?.UserID);
      if (!id) return [];
      const code = Number(item.ResultCode ?? 0);
      if (code !== 0) return [itemError(id, itemFailure(code, item.ResultInfo))];
      return [itemOk(id, item.AccountStatus === "Imported")];
    });
  });
  const byId = new Map(answers.map((r) => [r.key, r]));
  return userIds.map((id) => byId.get(id) as ItemResult<boolean>);
};

/**
 * kick, one account a call: every UserSig issued before it stops working (a new one works)
 * and the user's clients are logged out. An unknown account fails its call (70107 →
 * NOT_FOUND), answered as that user's item.
 */
export const invalidateLogins: Op<"invalidateLogins"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, 1, async ([id]) => {
    await call(ctx, "invalidateLogins", "im_open_login_svc/kick", { UserID: id }, options, true);
    return [itemOk(id as string, true as const)];
  });
};
