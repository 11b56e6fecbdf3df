import { emulatorRegistry, type RunningEmulator } from "@imgraph/emulators";

export interface DemoEmulator {
  vendor: string;
  /** DEMO ONLY credentials of the emulator's app, callback secrets included. */
  demo: Record<string, string>;
  running: RunningEmulator;
}

/**
 * Starts every emulator of the registry on loopback, each sending its vendor callbacks
 * to `${callbackBase}/webhooks/<vendor>` (the demo app ids are the vendor names).
 */
export async function startDemoEmulators(callbackBase: string): Promise<DemoEmulator[]> {
  return Promise.all(
    emulatorRegistry.map(async (r) => ({
      vendor: r.vendor,
      demo: r.demo,
      running: await r.start({
        host: "127.0.0.1",
        port: 0,
        callbackUrl: `${callbackBase}/webhooks/${r.vendor}`,
      }),
    })),
  );
}
