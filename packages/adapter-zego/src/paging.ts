import { decodeCursor, encodeCursor } from "@imgraph/core";

// ZIM's paging markers (Next, NextRsp, NextFlag), as its list Actions answer them, and our
// cursors that carry them (the kind names the list, so one list's cursor is refused by
// another).

/** ZEGO ends a list with Next 0 (or "0", or nothing). */
export function nextMarker(value: unknown): string | number | null {
  if (value === undefined || value === null || value === 0 || value === "0" || value === "") {
    return null;
  }
  return typeof value === "number" || typeof value === "string" ? value : null;
}

/** The marker our cursor carries; null for the first page (BAD_USER_INPUT for a foreign one). */
export function markerOf(kind: string, cursor: string | null | undefined): string | number | null {
  return decodeCursor<{ n: string | number }>(kind, cursor, { n: "marker" })?.n ?? null;
}

/** Our cursor after a page of `count` items: none once the list ended or a page is empty. */
export function markerCursor(kind: string, next: unknown, count: number): string | null {
  const marker = nextMarker(next);
  return marker === null || count === 0 ? null : encodeCursor(kind, { n: marker });
}
