/**
 * Every emulator that exists, in start order. The CLI and the gateway's demo mode start
 * them all from this one list: a new vendor adds its registration here.
 */

import type { EmulatorRegistration } from "./registry-types.js";
import { rongcloudRegistration } from "./rongcloud/registration.js";
import { tencentRegistration } from "./tencent/registration.js";
import { zegoRegistration } from "./zego/registration.js";

export type { EmulatorRegistration } from "./registry-types.js";

export const emulatorRegistry: readonly EmulatorRegistration[] = [
  rongcloudRegistration,
  tencentRegistration,
  zegoRegistration,
];

export function findEmulator(vendor: string): EmulatorRegistration | undefined {
  return emulatorRegistry.find((r) => r.vendor === vendor);
}
