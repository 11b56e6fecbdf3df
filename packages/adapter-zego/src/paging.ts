// ZIM's paging markers (Next, NextRsp, NextFlag), as its list Actions answer them.

/** ZEGO ends a list with Next 0 (or "0", or nothing). */
export function nextMarker(value: unknown): string | number | null {
  if (value === undefined || value === null || value === 0 || value === "0" || value === "") {
    return null;
  }
  return typeof value === "number" || typeof value === "string" ? value : null;
}
