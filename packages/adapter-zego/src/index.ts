export { ZegoAdapter } from "./adapter.js";
export { fromZego, toZego, type ZegoContent } from "./content.js";
export { implementation } from "./implementation.js";
export { ZEGO_LIMITS } from "./limits.js";
export { zegoModule } from "./module.js";
export {
  configSchema,
  ZEGO_REGIONS,
  type ZegoAdapterOptions,
  type ZegoConfig,
  type ZegoFeatures,
  type ZegoOrigins,
  type ZegoRegion,
  zegoOrigins,
} from "./options.js";
