/** startTencentEmulator: the Tencent vendor behind the framework's HTTP server. */
import {
  definedFields,
  type RunningEmulator,
  SHARED_OPTIONS,
  startEmulator,
} from "../framework/index.js";
import type { TencentEmulatorOptions } from "./options.js";
import { TencentVendor } from "./vendor.js";

export async function startTencentEmulator(
  options: TencentEmulatorOptions,
): Promise<RunningEmulator> {
  return startEmulator((ctx) => new TencentVendor(ctx, options), {
    ...definedFields(options, [...SHARED_OPTIONS, "clock"]),
    // Retry policy is unverified upstream: a 2 s timeout and one retry after 1 s by default.
    callbackRetry: { timeoutMs: 2_000, retries: 1, backoffMs: 1_000, ...options.callbackRetry },
  });
}
