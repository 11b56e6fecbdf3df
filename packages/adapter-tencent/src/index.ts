export { TencentAdapter } from "./adapter.js";
export { fromMsgBody, type MsgElement, toMsgBody } from "./content.js";
export { TENCENT_LIMITS } from "./limits.js";
export {
  TENCENT_REGIONS,
  type TencentAdapterOptions,
  type TencentGroupType,
  type TencentRegion,
} from "./options.js";
