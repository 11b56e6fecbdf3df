import type { JsonObject, JsonValue } from "./model/json.js";

// Vendors keep free-form data (profile extras, message bodies) as text or loose JSON: the
// neutral model shows it only when it is a JSON object.

/** Whether a value is a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The JSON value a text holds; undefined when it is not JSON. Stored message bodies may be
 * plain text a client SDK sent: each vendor decides what such text reads as.
 */
export function parseJsonValue(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The JSON object a text holds; null when it is empty, not JSON or not an object. */
export function parseJsonObject(text: string | undefined): JsonObject | null {
  if (!text) return null;
  const parsed = parseJsonValue(text);
  return isJsonObject(parsed) ? parsed : null;
}
