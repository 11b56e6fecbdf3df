export { TencentAdapter } from "./adapter.js";
export { fromMsgBody, type MsgElement, toMsgBody } from "./content.js";
export { implementation } from "./implementation.js";
export { TENCENT_LIMITS } from "./limits.js";
export { tencentModule } from "./module.js";
export {
  configSchema,
  TENCENT_GROUP_TYPES,
  TENCENT_REGIONS,
  type TencentAdapterOptions,
  type TencentConfig,
  type TencentGroupType,
  type TencentRegion,
} from "./options.js";
