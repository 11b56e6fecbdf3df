import { encodeCursor, type Page } from "@imgraph/core";
import { decodeZimCursor, nextMarker } from "./paging.js";

// Lists that ZIM pages by an opaque marker (Next) while ours stop at `limit`: our cursor is
// ZIM's marker of a page plus how many items of that page were already given out, since a
// page may be cut at `limit`. ZIM's page size stays the same across one listing.

/** Where the next page starts: ZIM's marker of a page, items of it already given out, its size. */
type Position = { n: string | number; k: number; l: number };

/** What `take` says of a row that ends the listing (nothing after it can be wanted). */
export const STOP = Symbol("stop");

export interface MarkerListing<Row, Item> {
  /** The cursor's kind: one list's cursor is refused by another. */
  kind: string;
  cursor: string | null | undefined;
  limit: number;
  /** ZIM's largest page for this list: the most a cursor's page size can be. */
  pageMax: number;
  /** ZIM pages read at most per call of ours. */
  maxCalls: number;
  /** One ZIM page of `size` rows from `marker` (0 for the first). */
  read: (marker: string | number, size: number) => Promise<{ rows: Row[]; next: unknown }>;
  /** The item a row gives, null to skip it, or STOP. */
  take: (row: Row) => Item | null | typeof STOP;
}

export async function listByMarker<Row, Item>(
  listing: MarkerListing<Row, Item>,
): Promise<Page<Item>> {
  const { kind, limit, pageMax } = listing;
  const cursor = decodeZimCursor<Position>(
    kind,
    listing.cursor,
    { n: "marker", k: "number", l: "number" },
    { k: [0, pageMax - 1], l: [1, pageMax] },
  );
  let at: Position = cursor ?? { n: 0, k: 0, l: limit };
  const items: Item[] = [];
  for (let calls = 0; calls < listing.maxCalls; calls++) {
    const page = await listing.read(at.n, at.l);
    const rows = page.rows;
    const next = nextMarker(page.next);
    for (let i = at.k; i < rows.length; i++) {
      const item = listing.take(rows[i] as Row);
      if (item === STOP) return { items, nextCursor: null };
      if (item === null) continue;
      items.push(item);
      if (items.length === limit) {
        const more: Position | null =
          i + 1 < rows.length
            ? { n: at.n, k: i + 1, l: at.l }
            : next === null
              ? null
              : { n: next, k: 0, l: at.l };
        return { items, nextCursor: more ? encodeCursor(kind, { ...more }) : null };
      }
    }
    if (next === null || rows.length === 0) return { items, nextCursor: null };
    at = { n: next, k: 0, l: at.l };
  }
  return { items, nextCursor: encodeCursor(kind, { ...at }) };
}
