import {
  type BlockedUser,
  type BlockedUsersInput,
  type BlocklistInput,
  type CallOptions,
  checkId,
  checkOwnerAndUsers,
  encodeCursor,
  type ItemResult,
  itemError,
  itemOk,
  type Page,
  pageLimit,
  runBatched,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { BLOCKLIST_PER_CALL, PAGE_MAX, USER_ID } from "./limits.js";
import { offsetOf } from "./offset-paging.js";

// Blocklists: Tencent's sns black_list_* (docs/vendors/tencent.md, "Social graph and user
// depth" §10–13). Blocking also ends a friendship both ways (Tencent does that itself).

interface ResultItems {
  ResultItem?: Array<{ To_Account?: unknown; ResultCode?: unknown; ResultInfo?: unknown }>;
}

/**
 * black_list_add or black_list_delete for up to 1000 users a call. A per-item 30001 means
 * "already blocked" on add and "not blocked" on delete (self is refused before the call):
 * the state asked for holds, so it is answered ok and repeating converges.
 */
function editBlocklist(command: "black_list_add" | "black_list_delete", operation: string) {
  return async (
    ctx: TencentContext,
    input: BlocklistInput,
    options?: CallOptions,
  ): Promise<ItemResult<true>[]> => {
    const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
    return runBatched(userIds, {
      size: BLOCKLIST_PER_CALL,
      concurrency: ctx.concurrency,
      keyOf: (id) => id,
      run: async (chunk) => {
        const answer = await call<ResultItems>(
          ctx,
          operation,
          `sns/${command}`,
          { From_Account: userId, To_Account: chunk },
          options,
          true,
        );
        return (answer.ResultItem ?? []).flatMap((item): ItemResult<true>[] => {
          const to = str(item?.To_Account);
          if (!to) return [];
          const code = num(item.ResultCode) ?? -1;
          return code === 0 || code === 30001
            ? [itemOk(to, true)]
            : [itemError(to, itemFailure(code, item.ResultInfo))];
        });
      },
    });
  };
}

export const blockUsers = editBlocklist("black_list_add", "blockUsers");
export const unblockUsers = editBlocklist("black_list_delete", "unblockUsers");

interface BlacklistPage {
  BlackListItem?: Array<{ To_Account?: unknown; AddBlackTimeStamp?: unknown }>;
  /** The next page's start; 0 when the list is done. */
  StartIndex?: unknown;
}

/** black_list_get pages by StartIndex and MaxLimited; LastSequence is 0 for REST. */
export async function listBlockedUsers(
  ctx: TencentContext,
  input: BlockedUsersInput,
  options?: CallOptions,
): Promise<Page<BlockedUser>> {
  const userId = checkId("userId", input?.userId, USER_ID);
  const limit = pageLimit(input.limit, PAGE_MAX);
  const offset = offsetOf("blocked", input.cursor);
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
}

interface CheckAnswer {
  BlackListCheckItem?: Array<{
    To_Account?: unknown;
    Relation?: unknown;
    ResultCode?: unknown;
    ResultInfo?: unknown;
  }>;
}

/** Whether the user blocked each one: black_list_check, Single (the user's own list). */
export async function checkBlocked(
  ctx: TencentContext,
  input: BlocklistInput,
  options?: CallOptions,
): Promise<ItemResult<boolean>[]> {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  return runBatched(userIds, {
    size: BLOCKLIST_PER_CALL,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async (chunk) => {
      const answer = await call<CheckAnswer>(
        ctx,
        "checkBlocked",
        "sns/black_list_check",
        { From_Account: userId, To_Account: chunk, CheckType: "BlackCheckResult_Type_Single" },
        options,
        true,
      );
      return (answer.BlackListCheckItem ?? []).flatMap((item): ItemResult<boolean>[] => {
        const to = str(item?.To_Account);
        if (!to) return [];
        const code = num(item.ResultCode) ?? -1;
        if (code !== 0) return [itemError(to, itemFailure(code, item.ResultInfo))];
        // AWithB: the user blocks them (BothWay only comes with the Both check).
        const relation = String(item.Relation);
        return [
          itemOk(
            to,
            relation === "BlackCheckResult_Type_AWithB" ||
              relation === "BlackCheckResult_Type_BothWay",
          ),
        ];
      });
    },
  });
}
