import {
  BadUserInputError,
  type CursorFields,
  cursorError,
  decodeCursor,
  encodeCursor,
} from "@imgraph/core";

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

/** The least and the most a number of our cursor can be. */
export type CursorBounds = readonly [min: number, max: number];

/**
 * Our cursor of `kind`; null for the first page. Every number in it (ZIM's marker, an offset
 * into a page, a page size) is one we gave out: a non-negative integer, within `bounds`
 * where the list has some. Anything else is refused (BAD_USER_INPUT on the cursor) before it
 * reaches ZIM or indexes a page.
 */
export function decodeZimCursor<T extends CursorFields>(
  kind: string,
  cursor: string | null | undefined,
  shape: { [K in keyof T]: "string" | "number" | "marker" },
  bounds: { [K in keyof T]?: CursorBounds } = {},
): T | null {
  const fields = decodeCursor<T>(kind, cursor, shape);
  if (fields === null) return null;
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const value = fields[key];
    if (typeof value !== "number") continue;
    const [min, max] = bounds[key] ?? [0, Number.MAX_SAFE_INTEGER];
    if (value < min || value > max) throw cursorError();
  }
  return fields;
}

/**
 * ZIM's page size for a page of a listing: ZIM wants the first page's Limit throughout, so
 * our cursor carries it. A later page may ask for more (it still gets the first page's
 * size), not fewer: it would get more than it asked for.
 */
export function keptPageSize(carried: number | undefined, limit: number): number {
  if (carried === undefined) return limit;
  if (carried > limit) {
    throw new BadUserInputError(
      "limit",
      `limit must be at least ${carried} while paging this list: ZEGO keeps the first page's size.`,
    );
  }
  return carried;
}

/** The marker our cursor carries; null for the first page (BAD_USER_INPUT for a foreign one). */
export function markerOf(kind: string, cursor: string | null | undefined): string | number | null {
  return decodeZimCursor<{ n: string | number }>(kind, cursor, { n: "marker" })?.n ?? null;
}

/** Our cursor after a page of `count` items: none once the list ended or a page is empty. */
export function markerCursor(kind: string, next: unknown, count: number): string | null {
  const marker = nextMarker(next);
  return marker === null || count === 0 ? null : encodeCursor(kind, { n: marker });
}
