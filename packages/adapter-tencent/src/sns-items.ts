import {
  type CallOptions,
  type ImError,
  type ItemResult,
  itemError,
  runIdBatches,
} from "@imgraph/core";
import { call, num, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";

// Tencent's sns commands (friends, blocklists) answer per account: ResultItem, InfoItem,
// BlackListCheckItem… each with To_Account, ResultCode (0: done), ResultInfo, and what the
// command adds.

export interface AccountItem {
  To_Account?: unknown;
  ResultCode?: unknown;
  ResultInfo?: unknown;
}

/** What an item's non-zero code means (default: the code as Tencent's error). */
export type CodeError = (code: number, info: unknown, to: string) => ImError;

const failure: CodeError = (code, info) => itemFailure(code, info);

/**
 * One result per item that names its account, in the answer's order: `answer(to, code,
 * item)` (a missing ResultCode reads as -1).
 */
export function perAccount<I extends AccountItem, V>(
  items: I[] | undefined,
  answer: (to: string, code: number, item: I) => ItemResult<V>,
): ItemResult<V>[] {
  return (items ?? []).flatMap((item) => {
    const to = str(item?.To_Account);
    return to ? [answer(to, num(item.ResultCode) ?? -1, item)] : [];
  });
}

/** An item done (code 0) is answered by `ok`; any other code is its error. */
export function byCode<I extends AccountItem, V>(
  ok: (to: string, item: I) => ItemResult<V>,
  error: CodeError = failure,
): (to: string, code: number, item: I) => ItemResult<V> {
  return (to, code, item) =>
    code === 0 ? ok(to, item) : itemError(to, error(code, item.ResultInfo, to));
}

/** An sns command about users on one user's list: From_Account, To_Account `size` a call. */
export interface AccountsCall<A, V> {
  operation: string;
  /** The command's path, e.g. "sns/friend_check". */
  command: string;
  size: number;
  /** What every call carries besides From_Account and To_Account. */
  params?: Record<string, unknown>;
  /** Whether a call may be repeated after a lost answer (default true). */
  idempotent?: boolean;
  /** The chunk's results, from its answer. */
  results: (answer: A, chunk: string[]) => ItemResult<V>[];
}

/** Runs an AccountsCall over the users (checked by the caller), answered per user in order. */
export function accountBatches<A, V>(
  ctx: TencentContext,
  { userId, userIds }: { userId: string; userIds: string[] },
  { operation, command, size, params, idempotent, results }: AccountsCall<A, V>,
  options: CallOptions | undefined,
): Promise<ItemResult<V>[]> {
  return runIdBatches(ctx, userIds, size, async (chunk) => {
    const answer = await call<A>(
      ctx,
      operation,
      command,
      { From_Account: userId, To_Account: chunk, ...params },
      options,
      idempotent ?? true,
    );
    return results(answer, chunk);
  });
}
