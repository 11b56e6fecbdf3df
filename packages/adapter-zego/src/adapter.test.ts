import { type Capability, declaredSupport, type ImAdapter } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { ZegoAdapter } from "./adapter.js";
import { implementation } from "./implementation.js";
import { zegoModule } from "./module.js";

// No vendor is running at this origin: an operation that called it would fail otherwise.
const NOWHERE = "http://127.0.0.1:9";

/** #15: friend groups, user attributes, tags, login invalidation, app-wide mutes. */
const USER_DEPTH_GAPS = [
  "createFriendGroups",
  "deleteFriendGroups",
  "listFriendGroups",
  "addToFriendGroup",
  "removeFromFriendGroup",
  "getUserAttributes",
  "setUserAttributes",
  "removeUserAttributes",
  "getUserTags",
  "addUserTags",
  "removeUserTags",
  "setUserTags",
  "invalidateLogins",
  "muteUsers",
  "unmuteUsers",
  "getUserMutes",
];
/**
 * #16: no unread counts, mute read-back or message log on ZIM's server API; tranche 3: no
 * conversation folders and no read-back of marks (in the order core declares them).
 */
const CONVERSATION_GAPS = [
  "countUnread",
  "setUnreadCount",
  "getConversationDoNotDisturb",
  "listConversationGroups",
  "createConversationGroup",
  "renameConversationGroup",
  "deleteConversationGroup",
  "addToConversationGroup",
  "removeFromConversationGroup",
  "listConversationMarks",
  "getHistoryLog",
  "deleteHistoryLog",
];
/** #16 tranche 2: no single deletes, extensions, reactions or receipt reads on ZIM's server API. */
const LIFECYCLE_GAPS = [
  "deleteMessages",
  "deleteGroupMessagesBySender",
  "getMessageExtensions",
  "setMessageExtensions",
  "removeMessageExtensions",
  "addReaction",
  "removeReaction",
  "listReactions",
];
const RECEIPT_READ_GAPS = ["getReadReceipts", "listMessageReaders"];
/** Push: ZIM pushes only to all users (pushToAll, on features.broadcast); the rest are gaps. */
const PUSH_GAPS = [
  "pushToTags",
  "pushToAttributes",
  "pushToUsers",
  "setPushAttributes",
  "getPushAttributes",
  "getPushTask",
];
/** #17: no member mute read-back (so no GROUP_MUTE capability) and no group counters. */
// ZIM rooms have no ban, mute, mute-all, broadcast into rooms, keep-alive or whitelist (#17 §L).
const LIVE_ROOM_GAPS = [
  "banLiveRoomMembers",
  "unbanLiveRoomMembers",
  "listLiveRoomBans",
  "muteLiveRoomMembers",
  "unmuteLiveRoomMembers",
  "listLiveRoomMutes",
  "muteLiveRoom",
  "broadcastLiveRoomMessage",
];
const LIVE_ROOM_LATE_GAPS = ["keepLiveRoomAlive", "setLiveRoomWhitelist", "listLiveRoomWhitelist"];
// ZIM's server API keeps no sensitive-word list (#18): ZEGO support configures one.
const SENSITIVE_WORD_GAPS = ["addSensitiveWords", "removeSensitiveWords", "listSensitiveWords"];
const GROUP_DEPTH_GAPS = ["listMutedMembers", "getGroupCounters", "changeGroupCounters"];
const GROUP_ATTRIBUTE_OPERATIONS = [
  "getGroupAttributes",
  "setGroupAttributes",
  "removeGroupAttributes",
  "clearGroupAttributes",
];

function adapter(on: boolean): ZegoAdapter {
  return new ZegoAdapter({
    id: "zg",
    appId: 42,
    serverSecret: "s".repeat(32),
    origins: { zim: [NOWHERE], rtc: [NOWHERE] },
    features: { broadcast: on, readReceipts: on, groupAttributes: on },
    ...(on ? { operatorUserId: "svc" } : {}),
  });
}

describe("ZegoAdapter", () => {
  it("describes the app: its AppID, the unified region by default, its capabilities", async () => {
    const zego = adapter(true);
    expect(zego.info).toMatchObject({ id: "zg", vendor: "zego", region: "unified" });
    expect(zego.info.publicAppId).toBe("42");
    expect([...zego.capabilities].sort()).toEqual(
      [
        "ACCOUNT_CHECK",
        "BLOCKLIST",
        "BLOCKLIST_CHECK",
        "CONTENT_CUSTOM",
        "CONTENT_FILE",
        "CONTENT_IMAGE",
        "CONVERSATION_CLEAR",
        "CONVERSATION_DELETE",
        "CONVERSATION_DND",
        "CONVERSATION_LIST",
        "CONVERSATION_MARKS",
        "CONVERSATION_PIN",
        "CONVERSATION_READ",
        "FRIENDS",
        "FRIEND_IMPORT",
        "GROUPS_OF_APP",
        "GROUPS_OF_USER",
        "GROUP_ATTRIBUTES",
        "GROUP_IMPORT",
        "GROUP_MEMBER_PROFILE",
        "GROUP_MEMBER_ROLE",
        "GROUP_MEMBER_ROLES",
        "GROUP_MUTE_ALL",
        "GROUP_OWNER",
        "GROUP_PROFILE",
        "GROUP_TRANSFER_OWNERSHIP",
        "LIVE_ROOMS",
        "LIVE_ROOM_ATTRIBUTES",
        "LIVE_ROOM_KICK",
        "LIVE_ROOM_MEMBERS",
        "LIVE_ROOM_MEMBER_CHECK",
        "LIVE_ROOM_MESSAGE",
        "MESSAGE_BROADCAST",
        "MESSAGE_EDIT",
        "MESSAGE_HISTORY",
        "MESSAGE_IMPORT",
        "MESSAGE_RECALL",
        "PUSH_ALL",
        "ROOM_CREDENTIAL",
        "ROOM_KICK",
        "ROOM_MESSAGE",
        "READ_RECEIPTS",
        "ROOM_USERS",
        "USER_EXTRA",
        "USER_PRESENCE",
      ].sort(),
    );
    expect(zego.operations.filter((o) => !o.supported).map((o) => o.name)).toEqual([
      "deleteUsers",
      "banUsers",
      "unbanUsers",
      ...GROUP_DEPTH_GAPS,
      "sendSystemMessage",
      ...LIVE_ROOM_GAPS,
      ...LIVE_ROOM_LATE_GAPS,
      ...SENSITIVE_WORD_GAPS,
      ...PUSH_GAPS,
      "getFriends",
      ...USER_DEPTH_GAPS,
      ...CONVERSATION_GAPS,
      ...LIFECYCLE_GAPS,
      ...RECEIPT_READ_GAPS,
    ]);
    await zego.close();
  });

  // With its option off, each operation is declared off under the option's condition (for
  // the reason given) and refused with UNSUPPORTED_BY_VENDOR naming the option.
  const OFF_BY_OPTION: Array<{
    title: string;
    capability: Capability;
    operations: readonly string[];
    condition: string;
    reason?: RegExp;
    call: (zego: ZegoAdapter) => Promise<unknown>;
    message: RegExp;
  }> = [
    {
      title: "offers broadcast only with features.broadcast, refusing it without a vendor call",
      capability: "MESSAGE_BROADCAST",
      operations: ["broadcastMessage"],
      condition: "features.broadcast: true",
      reason: /Professional or Flagship/,
      call: (zego) => zego.broadcastMessage({ from: "a", content: { type: "TEXT", text: "hi" } }),
      message: /features\.broadcast/,
    },
    {
      title: "offers read receipts only with features.readReceipts (a Pro / Enterprise feature)",
      capability: "READ_RECEIPTS",
      operations: ["markMessagesRead"],
      condition: "features.readReceipts: true",
      reason: /Pro or Enterprise/,
      call: (zego) => zego.markMessagesRead({ userId: "a", messageIds: ["x"] }),
      message: /features\.readReceipts/,
    },
    {
      title: "offers group attributes only with features.groupAttributes (not on the Free plan)",
      capability: "GROUP_ATTRIBUTES",
      operations: GROUP_ATTRIBUTE_OPERATIONS,
      condition: "features.groupAttributes: true",
      reason: /Free plan/,
      call: (zego) => zego.getGroupAttributes({ groupId: "g" }),
      message: /features\.groupAttributes/,
    },
    {
      title:
        "reads live room attributes only with operatorUserId (QueryRoomAttribute names a FromUserId)",
      capability: "LIVE_ROOM_ATTRIBUTES",
      operations: ["getLiveRoomAttributes"],
      condition: "operatorUserId set",
      call: (zego) => zego.getLiveRoomAttributes({ roomId: "r" }),
      message: /operatorUserId/,
    },
  ];

  for (const off of OFF_BY_OPTION) {
    it(off.title, async () => {
      const zego = adapter(false);
      expect(zego.capabilities.has(off.capability)).toBe(false);
      for (const name of off.operations) {
        const support = zego.operations.find((o) => o.name === name);
        expect(support).toMatchObject({ supported: false, condition: off.condition });
        if (off.reason) expect(support?.reason).toMatch(off.reason);
      }
      await expect(off.call(zego)).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
        message: off.message,
      });
      await zego.close();
    });
  }

  it("reads callbacks only when the CallbackSecret is configured", async () => {
    const zego = adapter(false);
    expect(zego.parseWebhook).toBeUndefined();
    const withSecret = new ZegoAdapter({
      id: "zg",
      appId: 42,
      serverSecret: "s".repeat(32),
      callbackSecret: "cb",
    });
    expect(withSecret.parseWebhook).toBeTypeOf("function");
    await Promise.all([zego.close(), withSecret.close()]);
  });

  it("says no change is reported by ZIM's callbacks (none exist for edits, deletes, reads, reactions)", async () => {
    const zego: ImAdapter = adapter(false);
    // send_msg re-fired by an edit carries no edit marker: the gateway publishes its own events.
    for (const type of ["MESSAGE_EDITED", "MESSAGE_DELETED", "REACTION_CHANGED"] as const) {
      expect(zego.reportsByCallback?.(type, "GROUP")).toBe(false);
    }
    // Room callbacks exist, but are unread without a CallbackSecret.
    expect(zego.reportsByCallback?.("LIVE_ROOM_CREATED", "ROOM")).toBe(false);
    await zego.close();
  });

  it("declares its support for the matrix: its gaps, broadcast and read receipts on options", () => {
    expect(zegoModule.implementation).toBe(implementation);
    const declared = declaredSupport(implementation);
    expect(
      declared.filter((d) => d.kind !== "implemented").map((d) => [d.name, d.kind, d.condition]),
    ).toEqual([
      ["deleteUsers", "gap", null],
      ["banUsers", "gap", null],
      ["unbanUsers", "gap", null],
      ["listMutedMembers", "gap", null],
      ...GROUP_ATTRIBUTE_OPERATIONS.map((name) => [
        name,
        "conditional",
        "features.groupAttributes: true",
      ]),
      ["getGroupCounters", "gap", null],
      ["changeGroupCounters", "gap", null],
      ["sendSystemMessage", "gap", null],
      ["broadcastMessage", "conditional", "features.broadcast: true"],
      ...LIVE_ROOM_GAPS.map((name) => [name, "gap", null]),
      ["getLiveRoomAttributes", "conditional", "operatorUserId set"],
      ...LIVE_ROOM_LATE_GAPS.map((name) => [name, "gap", null]),
      ...SENSITIVE_WORD_GAPS.map((name) => [name, "gap", null]),
      ["pushToAll", "conditional", "features.broadcast: true"],
      ...PUSH_GAPS.map((name) => [name, "gap", null]),
      ["getFriends", "gap", null],
      ...USER_DEPTH_GAPS.map((name) => [name, "gap", null]),
      ...CONVERSATION_GAPS.map((name) => [name, "gap", null]),
      ...LIFECYCLE_GAPS.map((name) => [name, "gap", null]),
      ["markMessagesRead", "conditional", "features.readReceipts: true"],
      ...RECEIPT_READ_GAPS.map((name) => [name, "gap", null]),
    ]);
    expect(declared.every((d) => d.kind === "implemented" || d.reason)).toBe(true);
  });
});
