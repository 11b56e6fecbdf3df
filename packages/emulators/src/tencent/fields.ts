/**
 * Typed reads of a JSON request body. A failed read throws the service's own code
 * (account 70402, group 10004, profile 40001, ...): see ServiceCodes in errors.ts.
 */
import { type ServiceCodes, TimError } from "./errors.js";

export type Json = Record<string, unknown>;

export const UINT32_MAX = 4_294_967_295;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export class Fields {
  constructor(
    readonly raw: Json,
    readonly codes: ServiceCodes,
  ) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  fail(message: string, code = this.codes.invalid): never {
    throw new TimError(code, message);
  }

  /** The first present of several spellings (e.g. MuteTime / ShutUpTime). */
  pick(...names: string[]): string {
    return names.find((n) => this.has(n)) ?? names[0]!;
  }

  str(name: string, code?: number): string {
    const v = this.raw[name];
    if (typeof v !== "string" || v === "") this.fail(`${name} is required (string)`, code);
    return v;
  }

  optStr(name: string, code?: number): string | undefined {
    if (!this.has(name)) return undefined;
    const v = this.raw[name];
    if (typeof v !== "string") this.fail(`${name} must be a string`, code);
    return v;
  }

  int(name: string, code?: number, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.raw[name];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max) {
      this.fail(`${name} is required (non-negative integer)`, code);
    }
    return v;
  }

  optInt(name: string, code?: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    return this.has(name) ? this.int(name, code, max) : undefined;
  }

  /** A non-empty array of at most `max` items. */
  array(name: string, max: number, code?: number): unknown[] {
    const v = this.raw[name];
    if (!Array.isArray(v) || v.length === 0)
      this.fail(`${name} is required (non-empty array)`, code);
    if (v.length > max) this.fail(`${name} has more than ${max} items`, this.codes.tooMany);
    return v;
  }

  optArray(name: string, max: number, code?: number): unknown[] | undefined {
    if (!this.has(name)) return undefined;
    const v = this.raw[name];
    if (!Array.isArray(v)) this.fail(`${name} must be an array`, code);
    if (v.length > max) this.fail(`${name} has more than ${max} items`, this.codes.tooMany);
    return v;
  }

  /** A non-empty array of non-empty strings, duplicates removed (order kept). */
  strArray(name: string, max: number, code?: number): string[] {
    const items = this.array(name, max, code);
    for (const s of items)
      if (typeof s !== "string" || s === "") this.fail(`${name} holds a non-string`, code);
    return [...new Set(items as string[])];
  }

  /** An array of objects, each carrying the string `key` (e.g. MemberList[].Member_Account). */
  objArray(name: string, key: string, max: number, optional = false): Json[] {
    const items = optional ? (this.optArray(name, max) ?? []) : this.array(name, max);
    for (const o of items) {
      if (!isObject(o) || typeof o[key] !== "string" || o[key] === "") {
        this.fail(`${name}[].${key} is required (string)`);
      }
    }
    return items as Json[];
  }

  obj(name: string): Json | undefined {
    if (!this.has(name)) return undefined;
    const v = this.raw[name];
    if (!isObject(v)) this.fail(`${name} must be an object`);
    return v;
  }
}

/** Account-typed fields (§2.5 60015): they must be JSON strings (or arrays of strings). */
const ACCOUNT_FIELD = /(_Account|^UserID|^Identifier|^Accounts)$/;

/** Finds an account field holding a non-string, anywhere outside MsgBody. */
export function badAccountField(value: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = badAccountField(v, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === "MsgBody" || k === "AppDefinedData" || k === "AppMemberDefinedData") continue;
    if (ACCOUNT_FIELD.test(k) && v !== undefined && v !== null) {
      const ok =
        typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"));
      if (!ok) return k;
    }
    const bad = badAccountField(v, depth + 1);
    if (bad) return bad;
  }
  return undefined;
}
