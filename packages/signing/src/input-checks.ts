// Checks of what a caller passes in (inputs and options). Unlike a verifier's answer, which
// is a Verification, a caller's mistake is thrown: TypeError for the wrong kind of value,
// RangeError for one out of range. Nothing wrong is ever signed into a credential.

const UINT32_MAX = 0xffff_ffff;

/** @internal `value`, when it is an integer. */
export function requireInteger(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer`);
  }
  return value;
}

/** @internal `value`, when it is a non-empty string. */
export function requireText(name: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  return value;
}

/** @internal An app id (ZEGO AppID, Tencent SDKAppID): an integer in 1..2^32-1. */
export function requireAppId(name: string, value: unknown): number {
  const id = requireInteger(name, value);
  if (id < 1 || id > UINT32_MAX) throw new RangeError(`${name} must be a non-zero uint32`);
  return id;
}

/** @internal A lifetime: a whole number of seconds greater than 0. */
export function requireLifetime(name: string, value: unknown): number {
  const seconds = requireInteger(name, value);
  if (seconds <= 0) throw new RangeError(`${name} must be greater than 0`);
  return seconds;
}

/** @internal Resolves an optional `now` (epoch milliseconds) and rejects nonsense clocks. */
export function resolveNow(now: number | undefined): number {
  if (now === undefined) return Date.now();
  if (typeof now !== "number" || !Number.isFinite(now)) {
    throw new TypeError("now must be a finite number of epoch milliseconds");
  }
  return now;
}

/** @internal Validates a window/age option given in seconds. */
export function resolveWindow(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative number of seconds`);
  }
  return value;
}
