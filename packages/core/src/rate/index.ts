export {
  type BucketShape,
  bucketShape,
  describeLimit,
  fixedWindow,
  isRateLimit,
  perSecond,
  type RateLimit,
  type VendorRateLimits,
} from "./limits.js";
export { type RedisEval, RedisRateStore } from "./redis-store.js";
export { countOf } from "./request-fields.js";
export { type ApiLevel, type RateEvent, RateShaper, type RateShaperOptions } from "./shaper.js";
export {
  type BucketLevel,
  type BucketSpend,
  MemoryRateStore,
  type RateStore,
  type Reservation,
} from "./store.js";
