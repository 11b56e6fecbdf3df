/** startTencentEmulator: the Tencent vendor behind the framework's HTTP server. */
import {
  definedFields,
  type RunningEmulator,
  SHARED_OPTIONS,
  startEmulatorWithDownloads,
} from "../framework/index.js";
import type { TencentEmulatorOptions } from "./options.js";
import { TencentVendor } from "./vendor.js";

export async function startTencentEmulator(
  options: TencentEmulatorOptions,
): Promise<RunningEmulator> {
  // get_history's log files are downloaded from a host of their own, as Tencent's are.
  const { running } = await startEmulatorWithDownloads(
    "application/gzip",
    (ctx, origin) => new TencentVendor(ctx, options, origin),
    {
      ...definedFields(options, [...SHARED_OPTIONS, "clock"]),
      // Retry policy is unverified upstream: a 2 s timeout and one retry after 1 s by default.
      callbackRetry: { timeoutMs: 2_000, retries: 1, backoffMs: 1_000, ...options.callbackRetry },
    },
  );
  return running;
}
