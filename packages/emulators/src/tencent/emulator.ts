/** startTencentEmulator: the Tencent vendor behind the framework's HTTP server. */
import { type RunningEmulator, startEmulator } from "../framework/index.js";
import type { TencentEmulatorOptions } from "./options.js";
import { TencentVendor } from "./vendor.js";

export async function startTencentEmulator(
  options: TencentEmulatorOptions,
): Promise<RunningEmulator> {
  return startEmulator((ctx) => new TencentVendor(ctx, options), {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    rateLimits: options.rateLimits ?? true,
    // Retry policy is unverified upstream: a 2 s timeout and one retry after 1 s by default.
    callbackRetry: { timeoutMs: 2_000, retries: 1, backoffMs: 1_000, ...options.callbackRetry },
  });
}
