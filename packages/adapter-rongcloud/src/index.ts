export { RongCloudAdapter } from "./adapter.js";
export { fromRongCloud, toRongCloud } from "./content.js";
export { implementation } from "./implementation.js";
export { RONGCLOUD_LIMITS } from "./limits.js";
export { rongcloudModule } from "./module.js";
export {
  configSchema,
  RONGCLOUD_REGIONS,
  type RongCloudAdapterOptions,
  type RongCloudConfig,
  type RongCloudFeatures,
  type RongCloudRegion,
} from "./options.js";
