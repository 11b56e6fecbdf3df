import { BadUserInputError } from "./errors.js";

/** Input checks against vendor limits, made before any vendor call. */

export interface IdRule {
  maxBytes: number;
  /** Allowed characters, anchored. */
  pattern?: RegExp;
  /** How the allowed characters are described in an error message. */
  charset?: string;
}

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

/**
 * The most UTF-8 bytes `chars` characters can take (4 each): the byte bound of a field a
 * vendor limits in characters, whose character count is checked beside it.
 */
export function maxUtf8Bytes(chars: number): number {
  return chars * 4;
}

export function checkId(field: string, value: unknown, rule: IdRule): string {
  const problem = idProblem(value, rule);
  if (problem) throw new BadUserInputError(field, `${field} ${problem}.`);
  return value as string;
}

/** What is wrong with an id, or undefined when it is fine. */
function idProblem(value: unknown, rule: IdRule): string | undefined {
  if (typeof value !== "string" || value.length === 0) return "must be a non-empty string";
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most ids need no byte count.
  if (value.length * 3 > rule.maxBytes && utf8Bytes(value) > rule.maxBytes) {
    return `must be at most ${rule.maxBytes} bytes`;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return `may only contain ${rule.charset ?? `characters matching ${rule.pattern}`}`;
  }
  return undefined;
}

/**
 * Checks every id; answers the same list (no copy: lists of hundreds of ids are checked on
 * every read). The field of a bad id names its index, e.g. `userIds[3]`.
 */
export function checkIds(
  field: string,
  values: unknown,
  rule: IdRule,
  count: CountRule = {},
): string[] {
  if (!Array.isArray(values)) throw new BadUserInputError(field, `${field} must be a list.`);
  checkCount(field, values, count);
  for (let i = 0; i < values.length; i++) {
    // The field name of a bad id is built only when one is bad (lists are checked on every read).
    if (idProblem(values[i], rule)) checkId(`${field}[${i}]`, values[i], rule);
  }
  return values as string[];
}

export interface CountRule {
  min?: number;
  max?: number;
}

export function checkCount(field: string, values: readonly unknown[], rule: CountRule): void {
  const min = rule.min ?? 1;
  if (values.length < min) {
    throw new BadUserInputError(
      field,
      `${field} must have at least ${min} item${min === 1 ? "" : "s"}.`,
    );
  }
  if (rule.max !== undefined && values.length > rule.max) {
    throw new BadUserInputError(field, `${field} must have at most ${rule.max} items.`);
  }
}

export function checkText(
  field: string,
  value: unknown,
  rule: { maxBytes?: number; maxChars?: number; allowEmpty?: boolean },
): string {
  if (typeof value !== "string") throw new BadUserInputError(field, `${field} must be a string.`);
  if (!rule.allowEmpty && value.length === 0) {
    throw new BadUserInputError(field, `${field} must not be empty.`);
  }
  if (rule.maxBytes !== undefined && utf8Bytes(value) > rule.maxBytes) {
    throw new BadUserInputError(field, `${field} must be at most ${rule.maxBytes} bytes.`);
  }
  if (rule.maxChars !== undefined && [...value].length > rule.maxChars) {
    throw new BadUserInputError(field, `${field} must be at most ${rule.maxChars} characters.`);
  }
  return value;
}

export function checkInt(
  field: string,
  value: unknown,
  rule: { min?: number; max?: number },
): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new BadUserInputError(field, `${field} must be a whole number.`);
  }
  if (rule.min !== undefined && value < rule.min) {
    throw new BadUserInputError(field, `${field} must be at least ${rule.min}.`);
  }
  if (rule.max !== undefined && value > rule.max) {
    throw new BadUserInputError(field, `${field} must be at most ${rule.max}.`);
  }
  return value;
}

export function checkUrl(field: string, value: unknown, maxBytes: number): string {
  checkText(field, value, { maxBytes });
  try {
    const url = new URL(value as string);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme");
  } catch {
    throw new BadUserInputError(field, `${field} must be an http(s) URL.`);
  }
  return value as string;
}

/** Clamps a requested page size into 1..max, defaulting to `fallback`. */
export function pageLimit(
  requested: number | undefined,
  max: number,
  fallback = Math.min(50, max),
): number {
  if (requested === undefined) return fallback;
  checkInt("limit", requested, { min: 1 });
  return Math.min(requested, max);
}

/** A flag the input must carry: true or false, nothing else. */
export function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new BadUserInputError(field, `${field} must be true or false.`);
  }
  return value;
}

/** A flag the input may leave out (false then). */
export function checkOptionalBoolean(field: string, value: unknown): boolean {
  return value === undefined ? false : checkBoolean(field, value);
}
