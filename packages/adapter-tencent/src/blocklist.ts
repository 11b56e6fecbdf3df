import { checkId, checkOwnerAndUsers, encodeCursor, itemError, itemOk } from "@imgraph/core";
import { call, fromUnixSeconds, num, type Op } from "./context.js";
import { itemFailure } from "./errors.js";
import { BLOCKLIST_PER_CALL, USER_ID } from "./limits.js";
import { offsetPage } from "./offset-paging.js";
import {
  type AccountItem,
  accountBatches,
  byCode,
  perAccount,
  type ResultItems,
} from "./sns-items.js";

// Blocklists: Tencent's sns black_list_* (docs/vendors/tencent.md, "Social graph and user
// depth" §10–13). Blocking also ends a friendship both ways (Tencent does that itself).

/**
 * black_list_add or black_list_delete for up to 1000 users a call. A per-item 30001 means
 * "already blocked" on add and "not blocked" on delete (self is refused before the call):
 * the state asked for holds, so it is answered ok and repeating converges.
 */
function editBlocklist(
  command: "black_list_add" | "black_list_delete",
  operation: string,
): Op<"blockUsers"> {
  return async (ctx, input, options) =>
    accountBatches<ResultItems, true>(
      ctx,
      checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
      {
        operation,
        command: `sns/${command}`,
        size: BLOCKLIST_PER_CALL,
        results: (answer) =>
          perAccount(answer.ResultItem, (to, code, item) =>
            code === 0 || code === 30001
              ? itemOk(to, true as const)
              : itemError(to, itemFailure(code, item.ResultInfo)),
          ),
      },
      options,
    );
}

export const blockUsers = editBlocklist("black_list_add", "blockUsers");
export const unblockUsers = editBlocklist("black_list_delete", "unblockUsers");

interface BlacklistPage {
  BlackListItem?: Array<{ To_Account?: unknown; AddBlackTimeStamp?: unknown }>;
  /** The next page's start; 0 when the list is done. */
  StartIndex?: unknown;
}

/** black_list_get pages by StartIndex and MaxLimited; LastSequence is 0 for REST. */
export const listBlockedUsers: Op<"listBlockedUsers"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const { limit, offset } = offsetPage("blocked", input);
  const answer = await call<BlacklistPage>(
    ctx,
    "listBlockedUsers",
    "sns/black_list_get",
    { From_Account: userId, StartIndex: offset, MaxLimited: limit, LastSequence: 0 },
    options,
    true,
  );
  const items = (answer.BlackListItem ?? [])
    .filter((b) => typeof b?.To_Account === "string")
    .map((b) => ({
      userId: b.To_Account as string,
      blockedAt: fromUnixSeconds(b.AddBlackTimeStamp),
    }));
  const next = num(answer.StartIndex) ?? 0;
  return {
    items,
    nextCursor: next > offset && items.length > 0 ? encodeCursor("blocked", { o: next }) : null,
  };
};

interface CheckAnswer {
  BlackListCheckItem?: Array<AccountItem & { Relation?: unknown }>;
}

/** Whether the user blocked each one: black_list_check, Single (the user's own list). */
export const checkBlocked: Op<"checkBlocked"> = async (ctx, input, options) => {
  return accountBatches<CheckAnswer, boolean>(
    ctx,
    checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
    {
      operation: "checkBlocked",
      command: "sns/black_list_check",
      size: BLOCKLIST_PER_CALL,
      params: { CheckType: "BlackCheckResult_Type_Single" },
      // AWithB: the user blocks them (BothWay only comes with the Both check).
      results: (answer) =>
        perAccount(
          answer.BlackListCheckItem,
          byCode((to, item) => {
            const relation = String(item.Relation);
            return itemOk(
              to,
              relation === "BlackCheckResult_Type_AWithB" ||
                relation === "BlackCheckResult_Type_BothWay",
            );
          }),
        ),
    },
    options,
  );
};
