import {
  type CallOptions,
  cursorError,
  decodeCursor,
  encodeCursor,
  type Page,
} from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";

// Offset cursors (core's cursor codec) for the lists RongCloud pages by number or answers
// whole, and the query of the lists it pages by token. The kind names the list, so one
// list's cursor is refused by another.

/** Where a page starts: 0 for the first page; BAD_USER_INPUT for a foreign cursor. */
export function offsetOf(kind: string, cursor: string | null | undefined): number {
  const fields = decodeCursor<{ o: number }>(kind, cursor, { o: "number" });
  if (!fields) return 0;
  if (fields.o < 0) throw cursorError();
  return fields.o;
}

export function offsetCursor(kind: string, offset: number): string {
  return encodeCursor(kind, { o: offset });
}

/** One page of a list RongCloud answered whole. */
export function pageOfAll<T>(
  kind: string,
  all: readonly T[],
  cursor: string | null | undefined,
  limit: number,
): Page<T> {
  const offset = offsetOf(kind, cursor);
  const end = offset + limit;
  return {
    items: all.slice(offset, end),
    nextCursor: end < all.length ? offsetCursor(kind, end) : null,
  };
}

/** Which page of a user's token-paged list: `size` entries from `pageToken` (none: the first). */
export interface TokenPageAsk {
  userId: string;
  size: number;
  pageToken: string | undefined;
}

/** One page of a user's list that RongCloud pages by token (friends, blacklist). */
export function tokenPage<A>(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  page: TokenPageAsk,
  options: CallOptions | undefined,
): Promise<A> {
  const { userId, size, pageToken } = page;
  return post<A>(
    ctx,
    operation,
    path,
    { userId, size, ...(pageToken ? { pageToken } : {}) },
    options,
    true,
  );
}
