// Test support: the ZEGO emulator plus an adapter pointed at it. Not part of the build.
import type { ImError, ItemResult, OperationSupport, SentMessage } from "@imgraph/core";
import type { RunningEmulator, ZegoAppConfig } from "@imgraph/emulators";
import { startZegoEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, expect } from "vitest";
import { ZegoAdapter } from "../adapter.js";
import type { ZegoAdapterOptions } from "../options.js";

/** The emulated app (test credentials, never a real account). */
export const APP_ID = 1234567890;
export const SERVER_SECRET = "fa94dd0f974cf2e293728a526b028271";
/** The tests' adapter id and id secret (they key opaque ids). */
export const ADAPTER_ID = "zego-test";
export const ID_SECRET = "test-id-secret";
/** The registered service user the tests' adapter reads room attributes as (operatorUserId). */
export const OPERATOR_ID = "imgraph-operator";

/** How a test's emulator runs: rate limits (on by default) and the emulated app's settings. */
export interface ZegoTestOptions {
  rateLimits?: boolean;
  /** Settings of the emulated app beyond its credentials (e.g. a lower friendLimit). */
  app?: Omit<ZegoAppConfig, "appId" | "serverSecret">;
}

export async function startZego(options: ZegoTestOptions = {}): Promise<RunningEmulator> {
  const emulator = await startZegoEmulator({
    host: "127.0.0.1",
    port: 0,
    apps: [{ appId: APP_ID, serverSecret: SERVER_SECRET, ...options.app }],
    rateLimits: options.rateLimits ?? true,
  });
  emulator.seed({ users: [{ userId: OPERATOR_ID }] });
  return emulator;
}

/**
 * The tests' adapter options, with both products at `origin`: on loopback the emulator
 * tells ZIM from RTC by the Action name (its `product: "auto"`).
 */
function testOptions(origin: string, options: Partial<ZegoAdapterOptions>): ZegoAdapterOptions {
  return {
    id: ADAPTER_ID,
    appId: APP_ID,
    serverSecret: SERVER_SECRET,
    origins: { zim: [origin], rtc: [origin] },
    features: { broadcast: true, readReceipts: true, groupAttributes: true },
    operatorUserId: OPERATOR_ID,
    idSecret: ID_SECRET,
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

/** One test file's emulator and adapter (started before its tests, closed after). */
export interface ZegoSession {
  readonly emulator: RunningEmulator;
  readonly adapter: ZegoAdapter;
  /** An id no other test of the run uses. */
  id(prefix: string): string;
  /** Registers `n` fresh users and answers their ids. */
  users(n: number): Promise<string[]>;
  /** Sends one text from `from` to `to`; its one result. */
  sendText(from: string, to: string, text: string): Promise<ItemResult<SentMessage> | undefined>;
}

/** Registers the hooks of a session for the calling test file. */
export function zegoSession(options: ZegoTestOptions = {}): ZegoSession {
  let emulator: RunningEmulator | undefined;
  let adapter: ZegoAdapter | undefined;
  let seq = 0;
  const run = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    emulator = await startZego(options);
    adapter = zegoAdapter(emulator);
  });
  afterAll(async () => {
    await adapter?.close();
    await emulator?.close();
  });
  const session: ZegoSession = {
    get emulator() {
      if (!emulator) throw new Error("the emulator runs only inside tests");
      return emulator;
    },
    get adapter() {
      if (!adapter) throw new Error("the adapter exists only inside tests");
      return adapter;
    },
    id: (prefix) => `${prefix}${run}${(seq++).toString(36)}`,
    async users(n) {
      const ids = Array.from({ length: n }, () => session.id("u"));
      const results = await session.adapter.registerUsers(ids.map((userId) => ({ id: userId })));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      return ids;
    },
    async sendText(from, to, text) {
      const [result] = await session.adapter.sendMessage({
        from,
        to: { type: "USERS", userIds: [to] },
        content: { type: "TEXT", text },
      });
      return result;
    },
  };
  return session;
}

/** The value of a successful item; throws the item's error otherwise. */
export function value<T>(result: ItemResult<T> | undefined): T {
  if (!result) throw new Error("missing result");
  if (!result.ok) throw result.error;
  return result.value;
}

/** The error of a failed item (undefined when it succeeded). */
export const errorOf = (r: ItemResult<unknown> | undefined) => (r as { error: ImError }).error;
