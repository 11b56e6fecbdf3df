import type { RateLimit } from "@imgraph/core";
import { ConfigError } from "./errors.js";
import type { AppRateLimits } from "./types.js";
import { allowOnly, array, bool, int, object, oneOf } from "./values.js";

/** An API name as the adapters spell them: a path, service/command, or a ZEGO Action. */
const API_NAME = /^[A-Za-z0-9_./-]{1,100}$/;

/**
 * An app's `rateLimits`: on by default with the vendor's published limits; `apis` replaces
 * the limits of named APIs (a raised quota), each one limit or a list of them.
 */
export function appRateLimits(raw: unknown, path: string): AppRateLimits {
  if (raw === undefined) return { enabled: true, apis: {} };
  const r = object(raw, path);
  allowOnly(r, path, ["enabled", "apis"]);
  const apis: Record<string, RateLimit[]> = {};
  if (r.apis !== undefined) {
    for (const [api, value] of Object.entries(object(r.apis, `${path}.apis`))) {
      const at = `${path}.apis.${api}`;
      if (!API_NAME.test(api)) throw new ConfigError(at, "an API name (letters, digits, _ . / -)");
      const list = Array.isArray(value) ? array(value, at) : [value];
      if (list.length === 0) throw new ConfigError(at, "at least one limit");
      apis[api] = list.map((item, i) => rateLimit(item, Array.isArray(value) ? `${at}[${i}]` : at));
    }
  }
  return { enabled: r.enabled === undefined ? true : bool(r.enabled, `${path}.enabled`), apis };
}

function rateLimit(raw: unknown, path: string): RateLimit {
  const l = object(raw, path);
  allowOnly(l, path, ["limit", "windowSeconds", "counts", "window", "utcOffsetHours"]);
  if (l.limit === undefined) throw new ConfigError(`${path}.limit`, "a whole number of calls");
  return {
    limit: int(l.limit, `${path}.limit`, 1, 1_000_000),
    windowSeconds:
      l.windowSeconds === undefined ? 1 : int(l.windowSeconds, `${path}.windowSeconds`, 1, 86_400),
    ...(l.counts === undefined
      ? {}
      : { counts: oneOf(l.counts, `${path}.counts`, ["calls", "items"] as const) }),
    // "fixed": counted per calendar window from midnight at utcOffsetHours (a daily quota).
    ...(l.window === undefined
      ? {}
      : { window: oneOf(l.window, `${path}.window`, ["sliding", "fixed"] as const) }),
    ...(l.utcOffsetHours === undefined
      ? {}
      : { utcOffsetHours: int(l.utcOffsetHours, `${path}.utcOffsetHours`, -12, 14) }),
  };
}
