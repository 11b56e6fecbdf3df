import { cursorError, decodeCursor, encodeCursor, type PageInput, pageLimit } from "@imgraph/core";
import { PAGE_MAX } from "./limits.js";

/**
 * Tencent's Limit/Offset lists (get_group_member_info, get_joined_group_list): the
 * cursor carries the next offset. The first page (no cursor) starts at 0.
 */
export function offsetOf(kind: string, cursor: string | null | undefined): number {
  const fields = decodeCursor<{ o: number }>(kind, cursor, { o: "number" });
  if (!fields) return 0;
  if (fields.o < 0) throw cursorError();
  return fields.o;
}

/** The page asked for: its Limit (≤ PAGE_MAX) and the Offset it starts at. */
export function offsetPage(kind: string, input: PageInput): { limit: number; offset: number } {
  return { limit: pageLimit(input.limit, PAGE_MAX), offset: offsetOf(kind, input.cursor) };
}

/**
 * The cursor after a page of `count` items read at `offset`: more follow while the
 * answer's total says so, or, without a total, while pages come back full.
 */
export function nextOffsetCursor(
  kind: string,
  page: { offset: number; count: number; limit: number; total: number | undefined },
): string | null {
  const next = page.offset + page.count;
  const more = page.total === undefined ? page.count === page.limit : next < page.total;
  return more && page.count > 0 ? encodeCursor(kind, { o: next }) : null;
}
