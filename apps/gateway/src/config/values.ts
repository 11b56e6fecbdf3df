import { ConfigError } from "./errors.js";

/** A config object as read from the file, not yet checked. */
export type Raw = Record<string, unknown>;

// The checks every config section is made of: each names the key at fault.

export function object(v: unknown, key: string): Raw {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new ConfigError(key, "an object");
  return v as Raw;
}
export function array(v: unknown, key: string): unknown[] {
  if (!Array.isArray(v)) throw new ConfigError(key, "a list");
  return v;
}
export function string(v: unknown, key: string): string {
  if (typeof v !== "string" || v.length === 0) throw new ConfigError(key, "a non-empty string");
  return v;
}
export function bool(v: unknown, key: string): boolean {
  if (typeof v !== "boolean") throw new ConfigError(key, "true or false");
  return v;
}
export function int(v: unknown, key: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new ConfigError(key, `a whole number from ${min} to ${max}`);
  }
  return v;
}
export function url(v: unknown, key: string): string {
  const s = string(v, key);
  try {
    const u = new URL(s);
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error();
  } catch {
    throw new ConfigError(key, "an http(s) URL");
  }
  return s;
}
export function oneOf<T extends string>(v: unknown, key: string, values: readonly T[]): T {
  if (typeof v !== "string" || !(values as readonly string[]).includes(v)) {
    throw new ConfigError(key, `one of ${values.join(", ")}`);
  }
  return v as T;
}
export function allowOnly(obj: Raw, path: string, keys: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!keys.includes(key))
      throw new ConfigError(
        path === "(root)" ? key : `${path}.${key}`,
        `not a known setting (known: ${keys.join(", ")})`,
      );
  }
}
