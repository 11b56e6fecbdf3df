import type { VendorRequest } from "../http/types.js";

/**
 * How many values a request's field holds (a JSON array, a repeated form key): what the
 * call counts against a limit counted in items.
 */
export function countOf(request: VendorRequest, field: string): number {
  const body = request.body;
  const value =
    body?.type === "json"
      ? (body.value as Record<string, unknown> | undefined)?.[field]
      : body?.type === "form"
        ? body.fields[field]
        : request.query?.[field];
  return Array.isArray(value) ? value.length : 1;
}
