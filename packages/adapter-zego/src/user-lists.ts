import {
  type CallOptions,
  checkId,
  type ItemResult,
  type Page,
  type PageInput,
  pageLimit,
} from "@imgraph/core";
import { type ZimBatch, zimBatch } from "./batch.js";
import { type ZegoContext, zim } from "./context.js";
import { USER_ID } from "./limits.js";
import { markerCursor, markerOf } from "./paging.js";

// ZIM's Actions over one user's own list (friends, blocklist): FromUserId names the list's
// owner; the users it is about go as UserIds, or it is read in pages.

/** One batch Action about `userIds` on `userId`'s list: POST, UserIds `size` a call. */
export interface ListBatch<T> extends Omit<ZimBatch<T>, "call"> {
  operation: string;
  action: string;
  /** Parameters every call carries besides FromUserId and UserIds. */
  params?: Record<string, unknown>;
}

/** Runs a ListBatch over the users (checked by the caller), answered per user in order. */
export function listBatch<T>(
  ctx: ZegoContext,
  { userId, userIds }: { userId: string; userIds: string[] },
  { operation, action, params, ...answers }: ListBatch<T>,
  options?: CallOptions,
): Promise<ItemResult<T>[]> {
  return zimBatch<T>(
    ctx,
    userIds,
    {
      ...answers,
      call: (chunk) => ({
        operation,
        action,
        method: "POST",
        params: { FromUserId: userId, UserIds: chunk, ...params },
        // Each of these Actions leaves the same list when repeated.
        idempotent: true,
      }),
    },
    options,
  );
}

/** A paged list Action (GET): Limit ≤ `max`, Next 0 first and 0 at the end. */
export interface ListQuery<A, T> {
  operation: string;
  action: string;
  /** Our cursor's kind for this list. */
  kind: string;
  max: number;
  /** The page's items from the answer. */
  items: (answer: A) => T[];
}

/** One page of `input.userId`'s list; our cursor carries ZIM's Next marker. */
export async function listPage<A extends { Next?: unknown }, T>(
  ctx: ZegoContext,
  input: { userId: string } & PageInput,
  query: ListQuery<A, T>,
  options?: CallOptions,
): Promise<Page<T>> {
  const userId = checkId("userId", input?.userId, USER_ID);
  const limit = pageLimit(input.limit, query.max);
  const answer = await zim<A>(
    ctx,
    {
      operation: query.operation,
      action: query.action,
      method: "GET",
      params: { FromUserId: userId, Limit: limit, Next: markerOf(query.kind, input.cursor) ?? 0 },
      idempotent: true,
    },
    options,
  );
  const items = query.items(answer);
  return { items, nextCursor: markerCursor(query.kind, answer.Next, items.length) };
}
