// Test support: a Tencent emulator plus an adapter pointed at it. Not part of the build.
import { type ChatCredential, IdCodec } from "@imgraph/core";
import type { ContractHarness } from "@imgraph/core/contract";
import {
  type RunningEmulator,
  startTencentEmulator,
  type TencentAppConfig,
  type TencentEmulatorOptions,
} from "@imgraph/emulators";
import { afterAll, beforeAll, expect } from "vitest";
import { TencentAdapter } from "../adapter.js";
import type { TencentAdapterOptions } from "../options.js";
import { liveRoomMessages } from "./live-room-state.js";
import { markState } from "./mark-state.js";
import { pushState } from "./push-state.js";
import { vendorState } from "./vendor-state.js";

export const SDK_APP_ID = 1400000001;
export const KEY = "test-key-5bd2850fff3ecb11d7c805251c51ee46";
export const ADMIN = "administrator";
/** The adapter's id secret and app id: message ids are sealed with them. */
const ID_SECRET = "id-secret";
const APP_ID = "tencent";

/**
 * An emulator holding the test app, rate limits off unless `options` says otherwise; `app`
 * sets the app's edition, console switches or callback URL.
 */
export async function startEmulator(
  app: Partial<TencentAppConfig> = {},
  options: Partial<Omit<TencentEmulatorOptions, "apps">> = {},
): Promise<RunningEmulator> {
  return startTencentEmulator({
    host: "127.0.0.1",
    rateLimits: false,
    ...options,
    apps: [{ sdkAppId: SDK_APP_ID, key: KEY, admins: [ADMIN], ...app }],
  });
}

export function adapterFor(
  origins: string[],
  extra: Partial<TencentAdapterOptions> = {},
): TencentAdapter {
  return new TencentAdapter({
    sdkAppId: SDK_APP_ID,
    key: KEY,
    adminUserId: ADMIN,
    origins,
    idSecret: ID_SECRET,
    ...extra,
  });
}

let seq = 0;
/** An id no other test of the run uses (the emulator keeps state across a file's tests). */
export const uid = (prefix: string): string => `${prefix}${Date.now().toString(36)}${seq++}`;

/** `count` fresh accounts, imported through the control API's seed (REST imports take 100 a call). */
export function seedUsers(emulator: RunningEmulator, count: number, prefix: string): string[] {
  const ids = Array.from({ length: count }, () => uid(prefix));
  emulator.seed({ app: SDK_APP_ID, accounts: ids });
  return ids;
}

/** What a test file reads and seeds through: one emulator and one adapter pointed at it. */
export interface EmulatorWithAdapter {
  emulator: RunningEmulator;
  adapter: TencentAdapter;
  /** `count` fresh accounts, seeded (see seedUsers). */
  seedUsers(count: number, prefix: string): string[];
  /** The JSON bodies of the calls to `route` (below v4/), since request `afterSeq` if given. */
  sentBodies(route: string, afterSeq?: number): Record<string, unknown>[];
  /** The newest request's sequence number (see requestCount). */
  requestCount(): number;
  /** `run` rejects matching `expected`; when `before`, without any vendor call. */
  fails(
    run: () => Promise<unknown>,
    expected: Record<string, unknown>,
    before?: boolean,
  ): Promise<void>;
}

/**
 * One emulator and one adapter pointed at it for a test file: started before its tests,
 * closed after them. Read them through the returned object once the tests run.
 */
export function emulatorWithAdapter(
  extra: Partial<TencentAdapterOptions> = {},
): EmulatorWithAdapter {
  const running = {
    seedUsers: (count, prefix) => seedUsers(running.emulator, count, prefix),
    sentBodies: (route, afterSeq) => sentBodies(running.emulator, route, afterSeq),
    requestCount: () => requestCount(running.emulator),
    fails: async (run, expected, before = false) => {
      const mark = requestCount(running.emulator);
      await expect(run()).rejects.toMatchObject(expected);
      if (before) expect(requestCount(running.emulator)).toBe(mark);
    },
  } as EmulatorWithAdapter;
  beforeAll(async () => {
    running.emulator = await startEmulator();
    running.adapter = adapterFor([running.emulator.url], extra);
  });
  afterAll(async () => {
    await running.adapter?.close();
    await running.emulator?.close();
  });
  return running;
}

/** The JSON bodies of the calls to `route` (below v4/), since request `afterSeq` if given. */
export function sentBodies(
  emulator: RunningEmulator,
  route: string,
  afterSeq?: number,
): Record<string, unknown>[] {
  return emulator
    .requests({ route: `v4/${route}`, afterSeq })
    .map((r) => JSON.parse(String(r.body)) as Record<string, unknown>);
}

/** The newest request's sequence number: counts requests even past the log's capacity. */
export function requestCount(emulator: RunningEmulator): number {
  return emulator.requests({ limit: 1 })[0]?.seq ?? 0;
}

export function harness(emulator: RunningEmulator, adapter: TencentAdapter): ContractHarness {
  return {
    adapter,
    vendorRequestCount: async () => requestCount(emulator),
    simulateLogin: async (userId) => {
      emulator.login({ app: SDK_APP_ID, userId });
    },
    simulateLogout: async (userId) => {
      emulator.logout({ app: SDK_APP_ID, userId });
    },
    // A client login with the UserSig: the emulator checks key, user, expiry and kicks. It
    // logs in on a platform of its own, so the user's other simulated sessions stay.
    verifyChatCredential: async (credential: ChatCredential) => {
      if (credential.appId !== String(SDK_APP_ID)) return false;
      const session = { app: SDK_APP_ID, userId: credential.userId, platform: "CredentialCheck" };
      try {
        emulator.login({ ...session, userSig: credential.token });
      } catch {
        return false;
      }
      emulator.logout(session);
      return true;
    },
    // What the emulator keeps (its state dump), not what the adapter reads back.
    ...vendorState(emulator, SDK_APP_ID, {
      ids: new IdCodec({ secret: ID_SECRET }),
      appId: APP_ID,
    }),
    ...markState(emulator, SDK_APP_ID),
    // The pushes the emulator accepted, with the recipients it resolved from the audience.
    pushes: pushState(emulator, SDK_APP_ID),
    // Clients enter an existing live group (AVChatRoom) from their SDK: a client login into it.
    joinLiveRoom: async (roomId, userIds) => {
      for (const userId of userIds) emulator.login({ app: SDK_APP_ID, userId, groupId: roomId });
    },
    liveRoomMessages: async (roomId) => liveRoomMessages(emulator, SDK_APP_ID, roomId),
    // Clients enter a live room (AVChatRoom) through the SDK; the seed stands in for that.
    joinRoom: async (roomId, userIds) => {
      emulator.seed({
        app: SDK_APP_ID,
        groups: [{ groupId: roomId, type: "AVChatRoom", name: roomId, members: userIds }],
      });
    },
  };
}
