/**
 * Business parameters (zego.md §1.2): GET Actions read them from the query string, where
 * arrays are written `X[]=a&X[]=b`; POST Actions read a JSON object body. Bad values throw
 * the product's "bad parameter" code (ZIM 660000002; RTC 2, or 3 when too long).
 */
import { ZegoError } from "./errors.js";

export interface ParamCodes {
  invalid: number;
  tooLong: number;
}

export const ZIM_PARAM_CODES: ParamCodes = { invalid: 660000002, tooLong: 660000002 };
export const RTC_PARAM_CODES: ParamCodes = { invalid: 2, tooLong: 3 };

export interface StrRule {
  maxBytes?: number;
  maxChars?: number;
}

export interface IntRule {
  min?: number;
  max?: number;
}

export interface ListRule {
  required?: boolean;
  max?: number;
  /** The code for a list over `max` (default: the bad-parameter code). */
  tooManyCode?: number;
}

const INT_TEXT = /^-?[0-9]{1,15}$/;

export const bytes = (s: string): number => Buffer.byteLength(s, "utf8");

export class Params {
  constructor(
    readonly src: Record<string, unknown>,
    /** Values came from a query string (all text) rather than typed JSON. */
    readonly fromQuery: boolean,
    readonly codes: ParamCodes,
  ) {}

  /** Query parameters: `X[]` keys (and repeated plain keys) become arrays under `X`. */
  static query(q: URLSearchParams, codes: ParamCodes): Params {
    // No prototype: a `__proto__[]=x` parameter must stay a plain key.
    const src: Record<string, unknown> = Object.create(null);
    for (const [rawKey, value] of q) {
      const isArray = rawKey.endsWith("[]");
      const key = isArray ? rawKey.slice(0, -2) : rawKey;
      const prev = src[key];
      if (prev === undefined) src[key] = isArray ? [value] : value;
      else src[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return new Params(src, true, codes);
  }

  /** A nested JSON object (list item, MessageBody...) read with the same rules. */
  child(value: Record<string, unknown>): Params {
    return new Params(value, this.fromQuery, this.codes);
  }

  fail(message: string, code = this.codes.invalid): ZegoError {
    return new ZegoError(code, message);
  }

  has(name: string): boolean {
    const v = this.src[name];
    return v !== undefined && v !== null;
  }

  raw(name: string): unknown {
    return this.src[name];
  }

  /** An optional string; "" counts as present. Numbers are not strings in JSON bodies. */
  optStr(name: string, rule: StrRule = {}): string | undefined {
    let v = this.src[name];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v) && this.fromQuery) v = v[0];
    if (typeof v !== "string") throw this.fail(`${name} must be a string`);
    if (rule.maxBytes !== undefined && bytes(v) > rule.maxBytes) {
      throw this.fail(`${name} is longer than ${rule.maxBytes} bytes`, this.codes.tooLong);
    }
    if (rule.maxChars !== undefined && [...v].length > rule.maxChars) {
      throw this.fail(`${name} is longer than ${rule.maxChars} characters`, this.codes.tooLong);
    }
    return v;
  }

  /** A required, non-empty string. */
  str(name: string, rule: StrRule = {}): string {
    const v = this.optStr(name, rule);
    if (v === undefined || v === "") throw this.fail(`${name} is required`);
    return v;
  }

  optInt(name: string, rule: IntRule = {}): number | undefined {
    let v = this.src[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (Array.isArray(v) && this.fromQuery) v = v[0];
    let n: number;
    if (typeof v === "number" && Number.isSafeInteger(v)) n = v;
    else if (this.fromQuery && typeof v === "string" && INT_TEXT.test(v)) n = Number(v);
    else throw this.fail(`${name} must be an integer`);
    if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      throw this.fail(`${name} is out of range`);
    }
    return n;
  }

  int(name: string, rule: IntRule = {}): number {
    const v = this.optInt(name, rule);
    if (v === undefined) throw this.fail(`${name} is required`);
    return v;
  }

  /** true/false (any case) or 1/0 in a query; a boolean or 0/1 in JSON. */
  optBool(name: string): boolean | undefined {
    let v = this.src[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (Array.isArray(v) && this.fromQuery) v = v[0];
    if (typeof v === "boolean") return v;
    if (v === 1 || v === 0) return v === 1;
    if (typeof v === "string") {
      const t = v.toLowerCase();
      if (t === "true" || t === "1") return true;
      if (t === "false" || t === "0") return false;
    }
    throw this.fail(`${name} must be a boolean`);
  }

  /**
   * The part every list reader shares: absent → [] (or "required"), the array shape, an
   * empty required list, and `max` over → `tooManyCode`. A lone query value counts as a
   * one-item list where `queryScalar` allows it.
   */
  private list(name: string, opts: ListRule, queryScalar: boolean): unknown[] {
    const v = this.src[name];
    if (v === undefined || v === null) {
      if (opts.required) throw this.fail(`${name} is required`);
      return [];
    }
    const list = Array.isArray(v) ? v : queryScalar && this.fromQuery ? [v] : undefined;
    if (list === undefined) throw this.fail(`${name} must be an array`);
    if (opts.required && list.length === 0) throw this.fail(`${name} is required`);
    if (opts.max !== undefined && list.length > opts.max) {
      throw this.fail(
        `${name} has more than ${opts.max} items`,
        opts.tooManyCode ?? this.codes.invalid,
      );
    }
    return list;
  }

  /** A list of strings. `max` over → `tooManyCode`. Query: `X[]=a&X[]=b`; JSON: an array. */
  strList(name: string, opts: ListRule & { itemMaxBytes?: number } = {}): string[] {
    const list = this.list(name, opts, true);
    for (const item of list) {
      if (typeof item !== "string" || item === "")
        throw this.fail(`${name} items must be non-empty strings`);
      if (opts.itemMaxBytes !== undefined && bytes(item) > opts.itemMaxBytes) {
        throw this.fail(`${name} item longer than ${opts.itemMaxBytes} bytes`, this.codes.tooLong);
      }
    }
    return list as string[];
  }

  /** A list of integers (e.g. MsgSeqList, MuteRoleList). */
  intList(name: string, opts: ListRule = {}): number[] {
    return this.list(name, opts, true).map((item) => {
      if (typeof item === "number" && Number.isSafeInteger(item)) return item;
      if (this.fromQuery && typeof item === "string" && INT_TEXT.test(item)) return Number(item);
      throw this.fail(`${name} items must be integers`);
    });
  }

  /** A JSON array of objects, each wrapped as Params. */
  objList(name: string, opts: ListRule = {}): Params[] {
    return this.list(name, opts, false).map((item) => {
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        throw this.fail(`${name} items must be objects`);
      }
      return this.child(item as Record<string, unknown>);
    });
  }

  optObj(name: string): Params | undefined {
    const v = this.src[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "object" || Array.isArray(v)) throw this.fail(`${name} must be an object`);
    return this.child(v as Record<string, unknown>);
  }

  obj(name: string): Params {
    const v = this.optObj(name);
    if (v === undefined) throw this.fail(`${name} is required`);
    return v;
  }
}
