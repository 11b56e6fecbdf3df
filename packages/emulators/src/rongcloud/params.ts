/**
 * Reading and validating request parameters. Form endpoints repeat a key for multiple
 * values (rongcloud.md §1.2); JSON endpoints may send typed values or strings (the Go SDK
 * sends everything as strings), so both are accepted.
 */
import { invalid, missing, RcError, tooLong, tooMany } from "./errors.js";

export interface StringRule {
  /** Max length in UTF-16 characters ("≤64 chars"). */
  maxChars?: number;
  /** Max length in UTF-8 bytes ("≤64 bytes", "128 KB"). */
  maxBytes?: number;
  /** Allowed characters, checked after length. */
  pattern?: RegExp;
  patternText?: string;
}

export interface ListRule extends StringRule {
  required?: boolean;
  max?: number;
  /** Also split each value on commas (endpoints documented as comma-separated). */
  comma?: boolean;
}

export interface IntRule {
  min?: number;
  max?: number;
}

type Raw = URLSearchParams | Record<string, unknown>;

export class Params {
  private constructor(
    private readonly raw: Raw,
    readonly isEmpty: boolean,
  ) {}

  static form(body: string): Params {
    const params = new URLSearchParams(body);
    return new Params(params, body.trim() === "");
  }

  static json(body: string): Params {
    if (body.trim() === "") return new Params({}, true);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new RcError(400, 1002, "request body is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new RcError(400, 1002, "request body must be a JSON object");
    }
    return new Params(parsed as Record<string, unknown>, false);
  }

  /** Raw JSON value (JSON bodies) or the first form value. */
  value(name: string): unknown {
    if (this.raw instanceof URLSearchParams) return this.raw.get(name) ?? undefined;
    return this.raw[name];
  }

  /** All values of a key: repeated form keys, or a JSON array / scalar. Empty strings dropped. */
  values(name: string): string[] {
    if (this.raw instanceof URLSearchParams) return this.raw.getAll(name).filter((v) => v !== "");
    const v = this.raw[name];
    if (v === undefined || v === null) return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.filter((x) => x !== null && x !== undefined && x !== "").map((x) => scalar(name, x));
  }

  /** Keys of the form `prefix[id]`, e.g. `group[g1]=Name` → [["g1", "Name"]]. */
  bracketed(prefix: string): [string, string][] {
    const out: [string, string][] = [];
    if (!(this.raw instanceof URLSearchParams)) return out;
    const start = `${prefix}[`;
    for (const [k, v] of this.raw) {
      if (k.startsWith(start) && k.endsWith("]")) out.push([k.slice(start.length, -1), v]);
    }
    return out;
  }

  optional(name: string, rule: StringRule = {}): string | undefined {
    const v = this.value(name);
    if (v === undefined || v === null || v === "") return undefined;
    const s = scalar(name, v);
    checkString(name, s, rule);
    return s;
  }

  required(name: string, rule: StringRule = {}): string {
    const s = this.optional(name, rule);
    if (s === undefined) throw missing(name);
    return s;
  }

  list(name: string, rule: ListRule = {}): string[] {
    let items = this.values(name);
    if (rule.comma)
      items = items
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v !== "");
    if (rule.required && items.length === 0) throw missing(name);
    if (rule.max !== undefined && items.length > rule.max) throw tooMany(name, rule.max);
    for (const item of items) checkString(name, item, rule);
    return items;
  }

  int(name: string, rule: IntRule & { required: true }): number;
  int(name: string, rule?: IntRule & { required?: false }): number | undefined;
  int(name: string, rule: IntRule & { required?: boolean } = {}): number | undefined {
    const v = this.value(name);
    if (v === undefined || v === null || v === "") {
      if (rule.required) throw missing(name);
      return undefined;
    }
    const n =
      typeof v === "number"
        ? v
        : typeof v === "string" && /^-?\d+$/.test(v.trim())
          ? Number(v)
          : Number.NaN;
    if (!Number.isSafeInteger(n)) throw invalid(name, "must be an integer");
    if (rule.min !== undefined && n < rule.min) throw invalid(name, `must be >= ${rule.min}`);
    if (rule.max !== undefined && n > rule.max) throw invalid(name, `must be <= ${rule.max}`);
    return n;
  }

  /** `is*` flags: integers 0/1 (tolerant: also true/false). */
  flag(name: string, def: 0 | 1): 0 | 1 {
    const v = this.value(name);
    if (v === undefined || v === null || v === "") return def;
    if (v === 1 || v === "1" || v === true || v === "true") return 1;
    if (v === 0 || v === "0" || v === false || v === "false") return 0;
    throw invalid(name, "must be 0 or 1");
  }

  /** Booleans sent as "true"/"false" (tolerant: also 1/0). */
  bool(name: string, def: boolean): boolean;
  bool(name: string, def?: undefined): boolean | undefined;
  bool(name: string, def?: boolean): boolean | undefined {
    const v = this.value(name);
    if (v === undefined || v === null || v === "") return def;
    if (v === true || v === "true" || v === 1 || v === "1") return true;
    if (v === false || v === "false" || v === 0 || v === "0") return false;
    throw invalid(name, "must be true or false");
  }

  /** An integer from an enumerated set. */
  oneOf<T extends number>(name: string, allowed: readonly T[], def?: T): T {
    const n = this.int(name);
    if (n === undefined) {
      if (def === undefined) throw missing(name);
      return def;
    }
    if (!allowed.includes(n as T)) throw invalid(name, `must be one of ${allowed.join(", ")}`);
    return n as T;
  }

  /** A parameter holding a JSON object (string on form endpoints, object on JSON ones). */
  jsonObject(name: string, rule: StringRule = {}): Record<string, unknown> | undefined {
    const v = this.value(name);
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    const s = scalar(name, v);
    checkString(name, s, rule);
    try {
      const parsed: unknown = JSON.parse(s);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // fall through
    }
    throw invalid(name, "must be a JSON object");
  }
}

function scalar(name: string, v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw invalid(name, "must be a string");
}

export function checkString(name: string, s: string, rule: StringRule): void {
  if (rule.maxChars !== undefined && [...s].length > rule.maxChars)
    throw tooLong(name, rule.maxChars, "characters");
  if (rule.maxBytes !== undefined && Buffer.byteLength(s) > rule.maxBytes)
    throw tooLong(name, rule.maxBytes, "bytes");
  if (rule.pattern && !rule.pattern.test(s))
    throw invalid(name, rule.patternText ?? "has invalid characters");
}

/** Ids: letters and digits; 2021 docs also allow + = - _ (rongcloud.md §2.1). */
export const ID_RULE: StringRule = {
  maxBytes: 64,
  pattern: /^[A-Za-z0-9+=_-]+$/,
  patternText: "may contain only letters, digits and + = - _",
};
/** Any id used only as a reference (no charset check: the server need not know it). */
export const REF_RULE: StringRule = { maxBytes: 64 };
export const NAME_RULE: StringRule = { maxChars: 64 };
export const PORTRAIT_RULE: StringRule = { maxBytes: 1024 };
