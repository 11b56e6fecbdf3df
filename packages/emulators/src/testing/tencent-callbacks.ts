/**
 * Tencent emulator tests that watch callbacks: one sink per test file, and the demo app (plus
 * any others asked for) sending its callbacks there.
 */

import type { TencentAppConfig } from "../tencent/options.js";
import { type Body, KEY, SDK_APP_ID, useTencent } from "../tencent/test-support.js";
import { useCallbackSink } from "./callback-sink.js";

export interface TencentCallback {
  command: string;
  query: URLSearchParams;
  body: Body;
}

/**
 * `useTencent` with the demo app's callbacks (`app` adds to its settings) and each of
 * `otherApps` (same key) going to one sink.
 */
export function useTencentCallbacks(
  app: Partial<TencentAppConfig> = {},
  otherApps: (Partial<TencentAppConfig> & { sdkAppId: number })[] = [],
) {
  // The sink's hooks come first: it listens before the emulator starts and closes after it.
  const sink = useCallbackSink();
  const fx = useTencent(() => ({
    apps: [{ sdkAppId: SDK_APP_ID, ...app }, ...otherApps].map((a) => ({
      key: KEY,
      callbackUrl: sink.url,
      ...a,
    })),
  }));
  /** The callbacks sent so far, oldest first, once the emulator's queue is flushed. */
  async function received(): Promise<TencentCallback[]> {
    await fx.emu.flushCallbacks();
    return sink.received.map((c) => ({
      command: c.query.get("CallbackCommand") ?? "",
      query: c.query,
      body: JSON.parse(c.body) as Body,
    }));
  }
  /** The bodies of the callbacks of one command sent so far. */
  const bodiesOf = async (command: string): Promise<Body[]> =>
    (await received()).filter((c) => c.command === command).map((c) => c.body);
  return Object.assign(fx, { sink, received, bodiesOf });
}
