import { BadUserInputError } from "./errors.js";
import { isJsonObject } from "./json-object.js";

// Reading a vendor callback's body once its signature is verified: anything missing or out
// of shape is BAD_USER_INPUT naming the vendor's field, never a crash or a guess.

/** The most items a callback's list may carry. */
export const CALLBACK_LIST_MAX = 10_000;

/** The body as a JSON object; `vendor` names the sender in the error ("ZEGO"). */
export function callbackBody(rawBody: string, vendor: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new BadUserInputError("body", `${vendor} callback body is not valid JSON.`);
  }
  if (!isJsonObject(body))
    throw new BadUserInputError("body", `${vendor} callback body is not an object.`);
  return body;
}

/** An account, group or message key: a string of 1 to 256 characters. */
export function callbackId(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 256)
    throw new BadUserInputError(field, `${field} is missing or not a string.`);
  return value;
}

/** A whole number ≥ 0, as a number or a decimal string. */
export function callbackInteger(value: unknown, field: string): number {
  const n = Number(value);
  if (value === null || value === "" || !Number.isSafeInteger(n) || n < 0)
    throw new BadUserInputError(field, `${field} must be a whole number.`);
  return n;
}

/** A list of at most CALLBACK_LIST_MAX items. */
export function callbackList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value) || value.length > CALLBACK_LIST_MAX)
    throw new BadUserInputError(field, `${field} must be a list.`);
  return value;
}
