import type { JsonObject, JsonValue } from "./model/json.js";

// Vendors keep free-form data (profile extras, message bodies) as text or loose JSON: the
// neutral model shows it only when it is a JSON object.

/** Whether a value is a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * How deep free-form JSON may nest, read from a vendor or taken from a client: JSON.stringify
 * recurses, so a value nested thousands deep would overflow the stack wherever it is written
 * again (an adapter's request, an event sent to subscribers). No payload needs this much.
 */
export const JSON_DEPTH_MAX = 64;

/** How deep arrays and objects nest in a value, counted without recursion (stops past `stop`). */
export function jsonDepth(value: unknown, stop = JSON_DEPTH_MAX): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop() as [unknown, number];
    if (typeof v !== "object" || v === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stop) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The JSON value a text holds; undefined when it is not JSON, or nests deeper than
 * JSON_DEPTH_MAX. Stored message bodies may be plain text a client SDK sent: each vendor
 * decides what such text reads as.
 */
export function parseJsonValue(text: string): JsonValue | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  return jsonDepth(value) > JSON_DEPTH_MAX ? undefined : value;
}

/** The JSON object a text holds; null when it is empty, not JSON or not an object. */
export function parseJsonObject(text: string | undefined): JsonObject | null {
  if (!text) return null;
  const parsed = parseJsonValue(text);
  return isJsonObject(parsed) ? parsed : null;
}
