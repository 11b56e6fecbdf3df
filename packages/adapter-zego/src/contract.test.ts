import { runAdapterContract } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { verifyToken04 } from "@imgraph/signing";
import type { ZegoAdapter } from "./adapter.js";
import {
  APP_ID,
  requestCount,
  SERVER_SECRET,
  startZego,
  testOperations,
  zegoAdapter,
} from "./testing/emulator.js";
import { liveRoomMessages } from "./testing/vendor-live-rooms.js";
import { conversationMarks } from "./testing/vendor-marks.js";
import { pushes } from "./testing/vendor-pushes.js";
import { conversationState, messageContent, readBy } from "./testing/vendor-state.js";

let emulator: RunningEmulator;
let adapter: ZegoAdapter;

runAdapterContract({
  name: "zego",
  operations: testOperations(),
  skip: {
    "social.friends-one-way":
      "ZIM's AddFriends always befriends both ways (no one-way add); one-way delete is supported",
  },
  async setup() {
    emulator = await startZego();
    adapter = zegoAdapter(emulator);
    return {
      adapter,
      vendorRequestCount: async () => requestCount(emulator),
      // A ZIM client SDK logs in with a Token04 the adapter issued.
      async simulateLogin(userId) {
        const { token } = await adapter.issueChatCredential({ userId, ttlSeconds: 600 });
        emulator.login({ userId, token });
      },
      async simulateLogout(userId) {
        emulator.logout({ userId });
      },
      async verifyChatCredential(credential) {
        if (credential.appId !== String(APP_ID)) return false;
        return verifyToken04(credential.token, {
          serverSecret: SERVER_SECRET,
          appId: APP_ID,
          userId: credential.userId,
          minRemainingSeconds: 30,
        }).ok;
      },
      // RTC clients log in to the room with a room Token04 the adapter issued.
      async joinRoom(roomId, userIds) {
        for (const userId of userIds) {
          const { token } = await adapter.issueRoomCredential({ userId, roomId, ttlSeconds: 600 });
          emulator.login({ product: "rtc", userId, roomId, token });
        }
      },
      // ZIM clients log in (with a Token04 the adapter issued) and enter the ZIM room.
      async joinLiveRoom(roomId, userIds) {
        for (const userId of userIds) {
          const { token } = await adapter.issueChatCredential({ userId, ttlSeconds: 600 });
          emulator.login({ userId, roomId, token });
        }
      },
      async liveRoomMessages(roomId) {
        return liveRoomMessages(emulator, APP_ID, roomId);
      },
      // Read from the emulator's state: ZIM's server API reads none of it back.
      async conversationState(userId, conversation) {
        return conversationState(emulator, APP_ID, userId, conversation);
      },
      async conversationMarks(userId, conversation) {
        return conversationMarks(emulator, APP_ID, userId, conversation);
      },
      async messageContent(messageId) {
        return messageContent(emulator, APP_ID, messageId);
      },
      // The offline pushes ZIM accepted, as the emulator recorded them.
      async pushes() {
        return pushes(emulator, APP_ID);
      },
      async readBy(messageId) {
        return readBy(emulator, APP_ID, messageId);
      },
    };
  },
  async teardown() {
    await adapter?.close();
    await emulator?.close();
  },
});
