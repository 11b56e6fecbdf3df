import type { PageInfo } from "../schema/types.js";

/** What every vendor list returns: a page of items and the cursor of the next one. */
interface VendorPage {
  nextCursor: string | null;
}

/** A vendor page's paging information, as connections show it. */
export function pageInfo(page: VendorPage): PageInfo {
  return { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor };
}

/** A connection (nodes and paging information) of one vendor page. */
export function connection<T>(nodes: T[], page: VendorPage): { nodes: T[]; pageInfo: PageInfo } {
  return { nodes, pageInfo: pageInfo(page) };
}

/** A Relay connection of one vendor page. */
export function relayConnection<T>(
  nodes: T[],
  page: VendorPage,
): { nodes: T[]; edges: Array<{ node: T; cursor: string }>; pageInfo: PageInfo } {
  return {
    nodes,
    // Lists are paged by the vendor; every edge of a page shares the page's end cursor
    // (the schema's Edge.cursor says so, and that it is empty on the last page).
    edges: nodes.map((node) => ({ node, cursor: page.nextCursor ?? "" })),
    pageInfo: pageInfo(page),
  };
}
