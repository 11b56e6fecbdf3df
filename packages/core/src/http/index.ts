export { deadlineOf, markDeadline } from "./deadline.js";
export { appendParams, encodeBody } from "./encode.js";
export { ExactInteger, quoteLongIntegers, stringifyJson } from "./exact-integers.js";
export { OriginRotation } from "./failover.js";
export type * from "./types.js";
export { retryAfterMs, VendorClient, type VendorClientOptions } from "./vendor-client.js";
