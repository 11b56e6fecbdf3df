import { BadUserInputError } from "./errors.js";

/**
 * Page cursors, one codec for every adapter: the vendor's own paging marker plus what the
 * adapter needs to continue, as opaque base64url JSON tagged with the list's kind.
 */
export type CursorFields = Record<string, string | number>;

export function encodeCursor(kind: string, fields: CursorFields): string {
  return Buffer.from(JSON.stringify({ ...fields, $k: kind })).toString("base64url");
}

/**
 * Decodes a cursor of the given kind whose fields have the given types; null for the
 * first page; BAD_USER_INPUT for anything this list did not give out.
 */
export function decodeCursor<T extends CursorFields>(
  kind: string,
  cursor: string | null | undefined,
  shape: { [K in keyof T]: "string" | "number" | "marker" },
): T | null {
  if (cursor === null || cursor === undefined || cursor === "") return null;
  let value: unknown;
  try {
    if (typeof cursor !== "string" || cursor.length > 1024) throw new Error("size");
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw cursorError();
  }
  if (typeof value !== "object" || value === null || (value as { $k?: unknown }).$k !== kind) {
    throw cursorError();
  }
  const record = value as Record<string, unknown>;
  for (const [key, type] of Object.entries(shape)) {
    const field = record[key];
    // A vendor's paging marker is kept as the vendor gave it: a number or a string.
    const ok =
      type === "marker"
        ? typeof field === "string" || Number.isSafeInteger(field)
        : typeof field === type && (type !== "number" || Number.isSafeInteger(field));
    if (!ok) throw cursorError();
  }
  return record as T;
}

export function cursorError(): BadUserInputError {
  return new BadUserInputError("cursor", "cursor is not a cursor this list gave out.");
}
