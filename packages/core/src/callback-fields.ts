import { BadUserInputError } from "./errors.js";
import { isJsonObject } from "./json-object.js";
import type { PresenceStatus } from "./model/user.js";

// Reading a vendor callback's body once its signature is verified: anything missing or out
// of shape is BAD_USER_INPUT naming the vendor's field, never a crash or a guess.

/** The most items a callback's list may carry. */
export const CALLBACK_LIST_MAX = 10_000;

/** A callback body's fields, not yet read. */
export type CallbackFields = Record<string, unknown>;

/** The body as JSON, of any shape; `vendor` names the sender in the error ("ZEGO"). */
export function callbackJson(rawBody: string, vendor: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new BadUserInputError("body", `${vendor} callback body is not valid JSON.`);
  }
}

/** The body as a JSON object; `vendor` names the sender in the error ("ZEGO"). */
export function callbackBody(rawBody: string, vendor: string): CallbackFields {
  const body = callbackJson(rawBody, vendor);
  if (!isJsonObject(body))
    throw new BadUserInputError("body", `${vendor} callback body is not an object.`);
  return body;
}

/**
 * An account, group or message key: a string of 1 to 256 characters without control
 * characters (C0, DEL, C1). No vendor's id rules allow them, and an id is published to
 * subscribers as it is.
 */
export function callbackId(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 256)
    throw new BadUserInputError(field, `${field} is missing or not a string.`);
  if (/\p{Cc}/u.test(value))
    throw new BadUserInputError(field, `${field} must not contain control characters.`);
  return value;
}

/** A whole number ≥ 0, as a number or a decimal string. */
export function callbackInteger(value: unknown, field: string): number {
  const n = Number(value);
  if (value === null || value === "" || !Number.isSafeInteger(n) || n < 0)
    throw new BadUserInputError(field, `${field} must be a whole number.`);
  return n;
}

/**
 * A time in epoch milliseconds or seconds (`unit`), as a whole number or a decimal string.
 * A safe integer can still lie beyond the ±8.64e15 ms a Date holds: such an Invalid Date
 * would fail the event's serialization for every subscriber, so it is refused here.
 */
export function callbackTime(value: unknown, field: string, unit: "ms" | "s"): Date {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  const at = new Date(unit === "s" ? n * 1000 : n);
  if (!Number.isSafeInteger(n) || n < 0 || Number.isNaN(at.getTime()))
    throw new BadUserInputError(
      field,
      `${field} must be epoch ${unit === "s" ? "seconds" : "milliseconds"}.`,
    );
  return at;
}

/**
 * An id the vendor may leave out: null when it is not a string or is empty (no one), else
 * checked as `callbackId`.
 */
export function callbackOptionalId(value: unknown, field: string): string | null {
  return typeof value === "string" && value !== "" ? callbackId(value, field) : null;
}

/** A list of at most CALLBACK_LIST_MAX items. */
export function callbackList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value) || value.length > CALLBACK_LIST_MAX)
    throw new BadUserInputError(field, `${field} must be a list.`);
  return value;
}

/**
 * A presence callback's status from the vendor's code in `field`: ONLINE for the `online`
 * codes, OFFLINE for the `offline` ones, and BAD_USER_INPUT listing them for any other.
 */
export function callbackPresence<T extends string | number>(
  value: T,
  field: string,
  codes: { online: readonly T[]; offline: readonly T[] },
): PresenceStatus {
  if (codes.online.includes(value)) return "ONLINE";
  if (codes.offline.includes(value)) return "OFFLINE";
  const all = [...codes.online, ...codes.offline].map(String);
  const listed = `${all.slice(0, -1).join(", ")} or ${all.at(-1)}`;
  const name = field.slice(field.lastIndexOf(".") + 1);
  throw new BadUserInputError(field, `${name} must be ${listed}.`);
}

/**
 * A presence callback's connection (session) key, where the vendor gives one: a string or
 * number of 1 to 256 characters. Absent or empty is no key (the change is the whole user's).
 */
export function callbackConnection(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const key = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof key !== "string" || key.length > 256)
    throw new BadUserInputError(field, `${field} must be a string.`);
  return key;
}
