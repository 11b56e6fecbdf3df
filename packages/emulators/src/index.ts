/** @imgraph/emulators: protocol-faithful local emulators of the IM vendors' server APIs. */
export * from "./framework/index.js";
export { type EmulatorRegistration, emulatorRegistry, findEmulator } from "./registry.js";
export {
  type RongCloudAppConfig,
  type RongCloudEmulator,
  type RongCloudEmulatorOptions,
  type RongCloudFeatures,
  type RongCloudSeed,
  startRongCloudEmulator,
} from "./rongcloud/index.js";
export { RONGCLOUD_DEMO } from "./rongcloud/registration.js";
export {
  startTencentEmulator,
  TENCENT_DEMO,
  type TencentAppConfig,
  type TencentEmulatorOptions,
} from "./tencent/index.js";
export {
  startZegoEmulator,
  ZEGO_DEMO,
  type ZegoAppConfig,
  type ZegoEmulatorOptions,
} from "./zego/index.js";
