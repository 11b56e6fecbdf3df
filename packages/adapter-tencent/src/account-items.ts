import type { CallOptions } from "@imgraph/core";
import { call, type TencentContext } from "./context.js";

// im_open_login_svc's batch commands (account_check, account_delete): the accounts go as
// [{UserID}] under the command's own list name, and ResultItem answers per account.

/** One account's entry of ResultItem. */
export interface AccountResult {
  UserID?: unknown;
  ResultCode?: unknown;
  ResultInfo?: unknown;
}

/** Each command's name for its list of accounts. */
const LISTS = { account_check: "CheckItem", account_delete: "DeleteItem" } as const;

/** One call of `command` about `userIds`; both commands are harmless to repeat. */
export async function accountResults<R extends AccountResult>(
  ctx: TencentContext,
  operation: string,
  command: keyof typeof LISTS,
  userIds: string[],
  options: CallOptions | undefined,
): Promise<R[]> {
  const answer = await call<{ ResultItem?: R[] }>(
    ctx,
    operation,
    `im_open_login_svc/${command}`,
    { [LISTS[command]]: userIds.map((UserID) => ({ UserID })) },
    options,
    true,
  );
  return answer.ResultItem ?? [];
}
