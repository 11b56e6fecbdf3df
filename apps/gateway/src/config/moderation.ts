import type { ModerationRules } from "../moderation/rules.js";
import { AddressRanges } from "../realtime/addresses.js";
import { ConfigError } from "./errors.js";
import { allowOnly, array, int, object, oneOf, string, url } from "./values.js";

const DEFAULT_REASON = "This message was not sent: it breaks the app's rules.";

/**
 * An app's `moderation`: the rules its pre-send callbacks are answered by. Every list is
 * checked here, so that a bad pattern or hook address fails the config, not a send.
 */
export function appModeration(
  raw: unknown,
  path: string,
  secret: (obj: Record<string, unknown>, name: string, at: string) => string | undefined,
): ModerationRules | undefined {
  if (raw === undefined) return undefined;
  const m = object(raw, path);
  allowOnly(m, path, [
    "blockedWords",
    "maskedWords",
    "patterns",
    "maxTextLength",
    "senderRate",
    "blockReason",
    "hook",
  ]);
  const words = (key: string) =>
    m[key] === undefined
      ? []
      : array(m[key], `${path}.${key}`).map((w, i) => {
          const word = string(w, `${path}.${key}[${i}]`);
          if ([...word].length > 100)
            throw new ConfigError(`${path}.${key}[${i}]`, "at most 100 characters");
          return word;
        });
  const patterns = words("patterns").map((p, i) => {
    try {
      new RegExp(p, "iu");
    } catch {
      throw new ConfigError(`${path}.patterns[${i}]`, "a valid regular expression");
    }
    return p;
  });
  let senderRate: ModerationRules["senderRate"] = null;
  if (m.senderRate !== undefined) {
    const r = object(m.senderRate, `${path}.senderRate`);
    allowOnly(r, `${path}.senderRate`, ["limit", "windowSeconds"]);
    senderRate = {
      limit: int(r.limit, `${path}.senderRate.limit`, 1, 100_000),
      windowSeconds:
        r.windowSeconds === undefined
          ? 1
          : int(r.windowSeconds, `${path}.senderRate.windowSeconds`, 1, 86_400),
    };
  }
  return {
    blockedWords: words("blockedWords"),
    maskedWords: words("maskedWords"),
    patterns,
    maxTextLength:
      m.maxTextLength === undefined
        ? null
        : int(m.maxTextLength, `${path}.maxTextLength`, 1, 1_000_000),
    senderRate,
    blockReason:
      m.blockReason === undefined
        ? DEFAULT_REASON
        : string(m.blockReason, `${path}.blockReason`).slice(0, 200),
    hook: m.hook === undefined ? null : hookConfig(m.hook, `${path}.hook`, secret),
  };
}

function hookConfig(
  raw: unknown,
  path: string,
  secret: (obj: Record<string, unknown>, name: string, at: string) => string | undefined,
): NonNullable<ModerationRules["hook"]> {
  const h = object(raw, path);
  allowOnly(h, path, [
    "url",
    "timeoutMs",
    "failMode",
    "allowNetworks",
    "secret",
    "secretEnv",
    "secretFile",
  ]);
  const address = url(h.url, `${path}.url`);
  if (h.failMode === undefined) {
    // No default: whether a failing hook lets messages through is the operator's call.
    throw new ConfigError(`${path}.failMode`, "one of open, closed (what a failed hook means)");
  }
  const allowNetworks =
    h.allowNetworks === undefined
      ? []
      : array(h.allowNetworks, `${path}.allowNetworks`).map((n, i) =>
          string(n, `${path}.allowNetworks[${i}]`),
        );
  try {
    new AddressRanges(allowNetworks);
  } catch (error) {
    throw new ConfigError(`${path}.allowNetworks`, (error as Error).message);
  }
  const key = secret(h, "secret", path);
  return {
    url: address,
    timeoutMs: h.timeoutMs === undefined ? 800 : int(h.timeoutMs, `${path}.timeoutMs`, 10, 10_000),
    failMode: oneOf(h.failMode, `${path}.failMode`, ["open", "closed"] as const),
    allowNetworks,
    ...(key ? { secret: key } : {}),
  };
}
