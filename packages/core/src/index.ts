export {
  type CallOptions,
  type ImAdapter,
  OPERATION_CAPABILITY,
  type VendorLimits,
} from "./adapter.js";
export { AdapterBase } from "./adapter-base.js";
export { type BatchOptions, distinct, forEachLimited, runBatched } from "./batch.js";
export { CAPABILITIES, type Capability, isCapability } from "./capabilities.js";
export * from "./errors.js";
export * from "./http/index.js";
export { IdCodec, type IdCodecOptions, type IdFields } from "./ids.js";
export type * from "./model/index.js";
export { type ItemResult, itemError, itemOk } from "./results.js";
export * from "./validation.js";
export type { WebhookAck, WebhookReader, WebhookRequest, WebhookResult } from "./webhook.js";
