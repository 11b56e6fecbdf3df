export { startTencentEmulator } from "./emulator.js";
export type { TencentAppConfig, TencentEdition, TencentEmulatorOptions } from "./options.js";
export { TENCENT_DEMO, tencentRegistration } from "./registration.js";
