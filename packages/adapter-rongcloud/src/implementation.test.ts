import type { RongCloudEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterFor, requestCount, startTestEmulator } from "./test-support.js";

// The operations RongCloud's console products turn on (options.features), over real HTTP.

let emu: RongCloudEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const text = { type: "TEXT" as const, text: "hi" };

describe("rongcloud operations that app options turn on", () => {
  it("by default has history and no broadcast, which fails fast with its reason", async () => {
    const im = adapterFor(emu, { features: {} });
    expect(im.capabilities.has("MESSAGE_HISTORY")).toBe(true);
    expect(im.capabilities.has("MESSAGE_BROADCAST")).toBe(false);
    expect(im.operations.find((o) => o.name === "broadcastMessage")).toMatchObject({
      supported: false,
      condition: "features.broadcast: true",
    });
    const before = requestCount(emu);
    await expect(im.broadcastMessage({ from: "b1", content: text })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("features.broadcast"),
    });
    expect(requestCount(emu)).toBe(before);
    await im.close();
  });

  it("by default has no hourly message log (a paid service to enable first)", () => {
    const im = adapterFor(emu, { features: {} });
    expect(im.capabilities.has("HISTORY_LOG")).toBe(false);
    expect(im.operations.find((o) => o.name === "getHistoryLog")).toMatchObject({
      supported: false,
      condition: "features.historyLog: true",
      reason: expect.stringContaining("RongCloud's console"),
    });
    const on = adapterFor(emu);
    expect(on.capabilities.has("HISTORY_LOG")).toBe(true);
    void on.close();
    void im.close();
  });

  it("without cloud storage refuses history and recall (which needs the server time from it)", async () => {
    const im = adapterFor(emu, { features: { history: false } });
    expect(im.capabilities.has("MESSAGE_HISTORY")).toBe(false);
    expect(im.capabilities.has("MESSAGE_RECALL")).toBe(false);
    // Clearing a user's server-side history needs the same storage.
    expect(im.capabilities.has("CONVERSATION_CLEAR")).toBe(false);
    const [sent] = await im.sendMessage({
      from: "h1",
      to: { type: "USERS", userIds: ["h2"] },
      content: text,
    });
    if (!sent?.ok) throw new Error("send failed");
    const before = requestCount(emu);
    await expect(
      im.listMessages({ conversation: { type: "USER", userId: "h1", peerId: "h2" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    await expect(im.recallMessage({ messageId: sent.value.messageId })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("server time"),
    });
    expect(requestCount(emu)).toBe(before);
    await im.close();
  });

  it("lists every operation with its support, and only features that are not operations", () => {
    const im = adapterFor(emu);
    expect(im.operations.filter((o) => !o.supported).map((o) => o.name)).toEqual([
      "deleteUsers",
      "issueRoomCredential",
      // Off unless features.hostedGroups: true (group-depth.test.ts).
      "transferGroupOwnership",
      "listAppGroups",
      "getGroupAttributes",
      "setGroupAttributes",
      "removeGroupAttributes",
      "clearGroupAttributes",
      "setGroupMemberProfile",
      "setGroupMemberRole",
      "getGroupMemberRoles",
      "getGroupCounters",
      "changeGroupCounters",
      "importGroup",
      "kickRoomUsers",
      "kickLiveRoomMembers",
      // Off unless features.chatroomBroadcast / chatroomAttributes / chatroomKeepAlive.
      "broadcastLiveRoomMessage",
      "getLiveRoomAttributes",
      "setLiveRoomAttributes",
      "removeLiveRoomAttributes",
      "keepLiveRoomAlive",
      // RongCloud keeps no push attributes and reports nothing of a push (push.test.ts).
      "pushToAttributes",
      "setPushAttributes",
      "getPushAttributes",
      "getPushTask",
      "importFriends",
      "getFriends",
      "createFriendGroups",
      "deleteFriendGroups",
      "listFriendGroups",
      "addToFriendGroup",
      "removeFromFriendGroup",
      "listConversations",
      "countUnread",
      "markConversationRead",
      "setUnreadCount",
      "deleteConversation",
      "setConversationMarks",
      "listConversationMarks",
      "deleteMessages",
      "deleteGroupMessagesBySender",
      // Off unless messageExtensions: true (message-extensions.test.ts).
      "getMessageExtensions",
      "setMessageExtensions",
      "removeMessageExtensions",
      "addReaction",
      "removeReaction",
      "listReactions",
      "markMessagesRead",
      "getReadReceipts",
      "listMessageReaders",
      "importMessages",
    ]);
    expect(im.capabilities.has("GROUP_OWNER")).toBe(false);
    expect(im.capabilities.has("CONTENT_IMAGE")).toBe(true);
    void im.close();
  });
});
