/** startTencentEmulator: the Tencent vendor behind the framework's HTTP server. */
import {
  definedFields,
  type RunningEmulator,
  SHARED_OPTIONS,
  startDownloadHost,
  startEmulator,
} from "../framework/index.js";
import type { TencentEmulatorOptions } from "./options.js";
import { TencentVendor } from "./vendor.js";

export async function startTencentEmulator(
  options: TencentEmulatorOptions,
): Promise<RunningEmulator> {
  // get_history's log files are downloaded from a host of their own, as Tencent's are.
  const downloads = await startDownloadHost("application/gzip", options.host);
  let vendor: TencentVendor | undefined;
  let running: RunningEmulator;
  try {
    running = await startEmulator(
      (ctx) => {
        vendor = new TencentVendor(ctx, options, downloads.origin);
        return vendor;
      },
      {
        ...definedFields(options, [...SHARED_OPTIONS, "clock"]),
        // Retry policy is unverified upstream: a 2 s timeout and one retry after 1 s by default.
        callbackRetry: { timeoutMs: 2_000, retries: 1, backoffMs: 1_000, ...options.callbackRetry },
      },
    );
  } catch (err) {
    await downloads.close();
    throw err;
  }
  const started = vendor;
  if (!started) throw new Error("the Tencent emulator was started without its vendor");
  downloads.serve((path) => started.download(path));
  return {
    ...running,
    async close() {
      await running.close();
      await downloads.close();
    },
  };
}
