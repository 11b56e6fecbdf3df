import {
  type CallOptions,
  type ImError,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  runIdBatches,
} from "@imgraph/core";
import { call, num, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { FRIENDS_PER_CALL } from "./limits.js";

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

export interface ResultItems {
  ResultItem?: AccountItem[];
}

function notFriend(userId: string, friendId: string, code: number): NotFoundError {
  return new NotFoundError(`${friendId} is not a friend of ${userId}.`, {
    vendor: "tencent",
    vendorCode: String(code),
  });
}

/** Reads the codes that mean "not a friend" (they differ by command) as NOT_FOUND. */
export function notFriendOn(userId: string, codes: number[]): CodeError {
  return (code, info, to) =>
    codes.includes(code) ? notFriend(userId, to, code) : itemFailure(code, info);
}

/** A batch answer's ResultItem by account: ok, or the item's code as an ImError. */
export function itemResults(answer: ResultItems, error?: CodeError): Map<string, ItemResult<true>> {
  const results = perAccount(
    answer.ResultItem,
    byCode((to) => itemOk(to, true as const), error),
  );
  return new Map(results.map((r) => [r.key, r]));
}

/** The chunk's keys in order, each answered by `results` (absent keys fall to runBatched). */
export const inOrder = <V>(keys: string[], results: Map<string, ItemResult<V>>): ItemResult<V>[] =>
  keys.flatMap((k) => {
    const r = results.get(k);
    return r ? [r] : [];
  });

interface GetListAnswer {
  InfoItem?: Array<AccountItem & { SnsProfileItem?: unknown }>;
}

/**
 * friend_get_list (≤ 100 a call) answers only the fields asked for: each friend's items of
 * `tags` ([{Tag, Value}]), as `read` makes them a value. Not a friend: 31211 (30001 in the
 * FAQ).
 */
export function friendFields<V>(
  ctx: TencentContext,
  operation: string,
  friends: { userId: string; userIds: string[] },
  tags: string[],
  read: (friendId: string, items: unknown) => V,
  options: CallOptions | undefined,
): Promise<ItemResult<V>[]> {
  return accountBatches<GetListAnswer, V>(
    ctx,
    friends,
    {
      operation,
      command: "sns/friend_get_list",
      size: FRIENDS_PER_CALL,
      params: { TagList: tags },
      results: (answer) =>
        perAccount(
          answer.InfoItem,
          byCode(
            (to, item) => itemOk(to, read(to, item.SnsProfileItem)),
            notFriendOn(friends.userId, [31211, 30001]),
          ),
        ),
    },
    options,
  );
}

/** One friend's fields to write: [{Tag, Value}]. */
export interface UpdateItem {
  To_Account: string;
  SnsItem: Array<{ Tag: string; Value: string | string[] }>;
}

/**
 * friend_update (≤ 1000 friends a call; callers pass one chunk). A per-item 30001 is "not a
 * friend" there (Tencent's FAQ; our inputs are checked before the call).
 */
export async function updateFriendRows(
  ctx: TencentContext,
  operation: string,
  userId: string,
  items: UpdateItem[],
  options?: CallOptions,
): Promise<Map<string, ItemResult<true>>> {
  if (items.length === 0) return new Map();
  const answer = await call<ResultItems>(
    ctx,
    operation,
    "sns/friend_update",
    { From_Account: userId, UpdateItem: items },
    options,
    // Writing the same values again converges.
    true,
  );
  return itemResults(answer, notFriendOn(userId, [30001]));
}
