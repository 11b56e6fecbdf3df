export { RongCloudAdapter } from "./adapter.js";
export { fromRongCloud, toRongCloud } from "./content.js";
export { RONGCLOUD_LIMITS } from "./limits.js";
export {
  RONGCLOUD_REGIONS,
  type RongCloudAdapterOptions,
  type RongCloudFeatures,
  type RongCloudRegion,
} from "./options.js";
