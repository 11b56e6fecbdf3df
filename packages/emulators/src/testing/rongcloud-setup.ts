/** Shared setup of RongCloud emulator tests: one emulator per test file, reset per test. */
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  type RongCloudEmulator,
  type RongCloudEmulatorOptions,
  startRongCloudEmulator,
} from "../rongcloud/index.js";
import { type Late, resolveLate } from "./late.js";
import { type RcClient, rcClient } from "./rongcloud-client.js";

export const APP = { appKey: "testappkey", appSecret: "test-secret" };

export interface RcFixture {
  emu: RongCloudEmulator;
  rc: RcClient;
}

export function useRongCloud(options: Late<Partial<RongCloudEmulatorOptions>> = {}): RcFixture {
  const fx = {} as RcFixture;
  beforeAll(async () => {
    fx.emu = await startRongCloudEmulator({
      rateLimits: false,
      apps: [{ ...APP }],
      ...resolveLate(options),
    });
    fx.rc = rcClient({ url: fx.emu.url, ...APP });
  });
  afterEach(() => fx.emu.reset());
  afterAll(() => fx.emu.close());
  return fx;
}
