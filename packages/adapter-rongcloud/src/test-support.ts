import type { ContractHarness } from "@imgraph/core/contract";
import {
  type RongCloudEmulator,
  type RongCloudEmulatorOptions,
  startRongCloudEmulator,
} from "@imgraph/emulators";
import { RongCloudAdapter } from "./adapter.js";
import type { RongCloudAdapterOptions } from "./options.js";

export const TEST_APP = { appKey: "adaptertestkey", appSecret: "adapter-test-secret" };

/** An emulator with every RongCloud service on, and rate limits off unless asked. */
export function startTestEmulator(
  options: Partial<RongCloudEmulatorOptions> = {},
): Promise<RongCloudEmulator> {
  return startRongCloudEmulator({
    rateLimits: false,
    apps: [{ ...TEST_APP, features: { broadcast: true, cloudStorage: true } }],
    ...options,
  });
}

export function adapterFor(
  emu: RongCloudEmulator,
  options: Partial<RongCloudAdapterOptions> = {},
): RongCloudAdapter {
  return new RongCloudAdapter({
    ...TEST_APP,
    origins: [new URL(emu.url).origin],
    features: { history: true, broadcast: true },
    idSecret: "test-id-secret",
    ...options,
  });
}

/** The last request number the emulator logged (it only grows). */
export function requestCount(emu: RongCloudEmulator): number {
  return emu.requests().at(-1)?.seq ?? 0;
}

export function harness(emu: RongCloudEmulator, adapter: RongCloudAdapter): ContractHarness {
  return {
    adapter,
    vendorRequestCount: async () => requestCount(emu),
    simulateLogin: async (userId) => {
      emu.login({ userId });
    },
    simulateLogout: async (userId) => {
      emu.logout({ userId });
    },
    // A client connects with the token: the emulator refuses a token not issued to that user.
    verifyChatCredential: async (credential) => {
      try {
        emu.login({ userId: credential.userId, token: credential.token });
        emu.logout({ userId: credential.userId });
        return true;
      } catch {
        return false;
      }
    },
    joinRoom: async (roomId, userIds) => {
      for (const userId of userIds) emu.login({ userId, chatroomId: roomId });
    },
  };
}
