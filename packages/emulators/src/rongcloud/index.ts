/** `startRongCloudEmulator`: the RongCloud IM Server API on a local port. */
import {
  definedFields,
  type RunningEmulator,
  SHARED_OPTIONS,
  startEmulator,
} from "../framework/index.js";
import type { RongCloudEmulatorOptions } from "./options.js";
import { RongCloudVendor } from "./vendor.js";

export type { RongCloudAppConfig, RongCloudEmulatorOptions, RongCloudFeatures } from "./options.js";
export type { RongCloudSeed } from "./seed.js";

export type RongCloudEmulator = RunningEmulator;

/** RongCloud's documented callback policy: 5 s timeout, 2 retries (back-off unverified). */
const RONGCLOUD_RETRY = { timeoutMs: 5_000, retries: 2, backoffMs: 1_000 };

export function startRongCloudEmulator(
  options: RongCloudEmulatorOptions,
): Promise<RongCloudEmulator> {
  return startEmulator((ctx) => new RongCloudVendor(ctx, options), {
    ...definedFields(options, SHARED_OPTIONS),
    callbackRetry: { ...RONGCLOUD_RETRY, ...options.callbackRetry },
  });
}
