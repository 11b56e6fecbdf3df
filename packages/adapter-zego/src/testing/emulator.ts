// Test support: the ZEGO emulator plus an adapter pointed at it. Not part of the build.
import type { OperationSupport } from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import { startZegoEmulator } from "@imgraph/emulators";
import { ZegoAdapter } from "../adapter.js";
import type { ZegoAdapterOptions } from "../options.js";

/** The emulated app (test credentials, never a real account). */
export const APP_ID = 1234567890;
export const SERVER_SECRET = "fa94dd0f974cf2e293728a526b028271";

export async function startZego(options: { rateLimits?: boolean } = {}): Promise<RunningEmulator> {
  return startZegoEmulator({
    host: "127.0.0.1",
    port: 0,
    apps: [{ appId: APP_ID, serverSecret: SERVER_SECRET }],
    rateLimits: options.rateLimits ?? true,
  });
}

/**
 * The tests' adapter options, with both products at `origin`: on loopback the emulator
 * tells ZIM from RTC by the Action name (its `product: "auto"`).
 */
function testOptions(origin: string, options: Partial<ZegoAdapterOptions>): ZegoAdapterOptions {
  return {
    id: "zego-test",
    appId: APP_ID,
    serverSecret: SERVER_SECRET,
    origins: { zim: [origin], rtc: [origin] },
    features: { broadcast: true },
    idSecret: "test-id-secret",
    ...options,
  };
}

/** An adapter pointed at the emulator for both products. */
export function zegoAdapter(
  emulator: RunningEmulator,
  options: Partial<ZegoAdapterOptions> = {},
): ZegoAdapter {
  return new ZegoAdapter(testOptions(emulator.url, options));
}

/**
 * What the tests' adapter supports, known before any emulator runs: an adapter built with
 * the same options at an origin it never calls.
 */
export function testOperations(): readonly OperationSupport[] {
  const adapter = new ZegoAdapter(testOptions("http://127.0.0.1:9", {}));
  void adapter.close();
  return adapter.operations;
}

/** How many vendor requests the emulator has seen (the last log entry's sequence number). */
export function requestCount(emulator: RunningEmulator): number {
  return emulator.requests({ limit: 1 })[0]?.seq ?? 0;
}
