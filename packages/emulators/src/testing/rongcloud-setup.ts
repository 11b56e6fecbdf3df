/** Shared setup of RongCloud emulator tests: one emulator per test file, reset per test. */
import {
  type RongCloudEmulator,
  type RongCloudEmulatorOptions,
  startRongCloudEmulator,
} from "../rongcloud/index.js";
import { useEmulatorPerFile } from "./emulator-per-file.js";
import { type Late, resolveLate } from "./late.js";
import { type RcClient, rcClient } from "./rongcloud-client.js";

export const APP = { appKey: "testappkey", appSecret: "test-secret" };

export interface RcFixture {
  emu: RongCloudEmulator;
  rc: RcClient;
}

export function useRongCloud(options: Late<Partial<RongCloudEmulatorOptions>> = {}): RcFixture {
  return useEmulatorPerFile(async () => {
    const emu = await startRongCloudEmulator({
      rateLimits: false,
      apps: [{ ...APP }],
      ...resolveLate(options),
    });
    return { emu, rc: rcClient({ url: emu.url, ...APP }) };
  });
}
