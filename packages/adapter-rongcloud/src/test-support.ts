import { IdCodec, type ImError } from "@imgraph/core";
import type { ContractHarness } from "@imgraph/core/contract";
import {
  type RongCloudAppConfig,
  type RongCloudEmulator,
  type RongCloudEmulatorOptions,
  startRongCloudEmulator,
} from "@imgraph/emulators";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { fromRongCloud } from "./content.js";
import { decodeMessageId, GROUP, PRIVATE } from "./message-ids.js";
import type { RongCloudAdapterOptions } from "./options.js";

export const TEST_APP = { appKey: "adaptertestkey", appSecret: "adapter-test-secret" };
const TEST_ID_SECRET = "test-id-secret";
/** What the test adapters encode message ids with (their default id "rongcloud"). */
const TEST_IDS = { ids: new IdCodec({ secret: TEST_ID_SECRET }), appId: "rongcloud" };

/**
 * An emulator with every RongCloud service on, and rate limits off unless asked; `app`
 * adds to the test app's settings.
 */
export function startTestEmulator(
  options: Partial<RongCloudEmulatorOptions> = {},
  app: Partial<RongCloudAppConfig> = {},
): Promise<RongCloudEmulator> {
  return startRongCloudEmulator({
    rateLimits: false,
    apps: [
      {
        ...TEST_APP,
        features: {
          broadcast: true,
          cloudStorage: true,
          profileHosting: true,
          historyLog: true,
          groupHosting: true,
          chatroomBroadcast: true,
          chatroomKv: true,
          chatroomKeepAlive: true,
        },
        ...app,
      },
    ],
    ...options,
  });
}

/** The options the tests build adapters with (every service on), pointed at `origins`. */
function testOptions(
  origins: string[],
  options: Partial<RongCloudAdapterOptions>,
): RongCloudAdapterOptions {
  return {
    ...TEST_APP,
    origins,
    features: { history: true, broadcast: true, historyLog: true },
    idSecret: TEST_ID_SECRET,
    ...options,
  };
}

export function adapterFor(
  emu: RongCloudEmulator,
  options: Partial<RongCloudAdapterOptions> = {},
): RongCloudAdapter {
  return new RongCloudAdapter(testOptions([new URL(emu.url).origin], options));
}

/**
 * What an adapter built with these options supports, known before any emulator runs (the
 * contract suite names its cases when the file is collected). No call is made.
 */
export function operationsFor(options: Partial<RongCloudAdapterOptions> = {}) {
  const adapter = new RongCloudAdapter(testOptions(["http://127.0.0.1:9"], options));
  void adapter.close();
  return adapter.operations;
}

/**
 * One emulator (reset before each test) and one adapter pointed at it for a test file:
 * started before its tests, closed after them. Read them through the returned object once
 * the tests run.
 */
export function emulatorWithAdapter(
  options: Partial<RongCloudAdapterOptions> = {},
  emulatorOptions: Partial<RongCloudEmulatorOptions> = {},
): { emu: RongCloudEmulator; im: RongCloudAdapter } {
  const running = {} as { emu: RongCloudEmulator; im: RongCloudAdapter };
  beforeAll(async () => {
    running.emu = await startTestEmulator(emulatorOptions);
    running.im = adapterFor(running.emu, options);
  });
  beforeEach(() => running.emu.reset());
  afterAll(async () => {
    await running.im?.close();
    await running.emu?.close();
  });
  return running;
}

/** The error a call fails with, or null when it succeeds. */
export const failure = (p: Promise<unknown>): Promise<ImError | null> =>
  p.then(
    () => null,
    (e: ImError) => e,
  );

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
    // Live rooms are chatrooms: clients enter them by connecting with a chatroomId.
    joinLiveRoom: async (roomId, userIds) => {
      for (const userId of userIds) emu.login({ userId, chatroomId: roomId });
    },
    // RongCloud keeps no per-message priority (only NORMAL is sent): recorded as null.
    liveRoomMessages: async (roomId) =>
      (emu.chatroomView({ chatroomId: roomId })?.messages ?? []).map((m) => {
        const content = fromRongCloud(m.objectName, m.content);
        return {
          from: m.fromUserId,
          text: content.type === "TEXT" ? content.text : null,
          priority: null,
        };
      }),
    liveRoomKeptAlive: async (roomId) =>
      emu.chatroomView({ chatroomId: roomId })?.keptAlive ?? false,
    // Read from the emulator's state: RongCloud's API has no read of pin or history counts.
    conversationState: async (userId, conversation) =>
      emu.conversationState({
        userId,
        conversationType: conversation.type === "GROUP" ? GROUP : PRIVATE,
        targetId: conversation.id,
      }),
    // The pushes the emulator accepted, with the users it resolved each audience to.
    pushes: async () =>
      emu.pushes().map((p) => ({
        taskId: p.id,
        title: p.title,
        body: p.alert,
        recipients: p.recipients,
      })),
    messageContent: async (messageId) => {
      const stored = emu.storedMessage({ msgUID: decodeMessageId(TEST_IDS, messageId).uid });
      return stored && fromRongCloud(stored.objectName, stored.content);
    },
  };
}
