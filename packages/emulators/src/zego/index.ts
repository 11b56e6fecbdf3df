export { startZegoEmulator, ZegoVendor, type ZegoVendorOptions } from "./emulator.js";
export type { ZegoAppConfig, ZegoEmulatorOptions, ZegoPlan } from "./options.js";
export { ZEGO_DEMO, zegoRegistration } from "./registration.js";
