import {
  MemoryRateStore,
  type RateEvent,
  RateShaper,
  type RateStore,
  RedisRateStore,
  type VendorModule,
} from "@imgraph/core";
import type { AppConfig } from "./config/types.js";
import type { Realtime } from "./realtime/index.js";

/** What every app's shaper shares: where buckets live, their key prefix, who hears events. */
export interface RateShaping {
  store: RateStore;
  keyPrefix: string;
  onEvent?: (event: RateEvent) => void;
}

/** Buckets in Redis when the real-time layer runs on Redis (shared by instances), else here. */
export function rateShaping(
  realtime: Pick<Realtime, "redis">,
  keyPrefix: string,
  onEvent?: (event: RateEvent) => void,
): RateShaping {
  const store = realtime.redis ? new RedisRateStore(realtime.redis) : new MemoryRateStore();
  return { store, keyPrefix, ...(onEvent ? { onEvent } : {}) };
}

/** One app's shaper, from its vendor's published limits and the config's; none when off. */
export function shaperFor(
  app: AppConfig,
  module: VendorModule<unknown>,
  shaping: RateShaping | undefined,
): RateShaper | undefined {
  if (!shaping || app.rateLimits?.enabled === false) return undefined;
  return new RateShaper({
    app: app.id,
    vendor: app.vendor,
    limits: module.rateLimits,
    overrides: app.rateLimits?.apis ?? {},
    store: shaping.store,
    keyPrefix: shaping.keyPrefix,
    ...(shaping.onEvent ? { onEvent: shaping.onEvent } : {}),
  });
}
