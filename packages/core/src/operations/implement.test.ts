import { describe, expect, expectTypeOf, it } from "vitest";
import { VendorAdapter } from "../adapter-base.js";
import { BadUserInputError, UnsupportedByVendorError } from "../errors.js";
import { exactImplementation, gap, type Implementation, when } from "./implement.js";
import { OPERATION_NAMES, OPERATIONS, type OperationOutput } from "./table.js";

interface Ctx {
  calls: string[];
  broadcast: boolean;
}

const notHere = gap("the fake vendor has no server API for this");

// Every operation, as an adapter writes it: handlers, gaps, one conditional.
const implementation = {
  registerUsers: (ctx, users) => {
    ctx.calls.push("registerUsers");
    return users.map((u) => ({
      ok: true as const,
      key: u.id,
      value: { id: u.id, name: null, avatarUrl: null, extra: null },
    }));
  },
  updateUser: (ctx) => {
    ctx.calls.push("updateUser");
  },
  getUsers: (_ctx, ids) => {
    if (ids.some((id) => id === "")) throw new BadUserInputError("userIds", "empty id");
    return [];
  },
  deleteUsers: notHere,
  getPresence: notHere,
  banUsers: notHere,
  unbanUsers: notHere,
  issueChatCredential: async (_ctx, input) => ({
    vendor: "zego" as const,
    appId: "1",
    userId: input.userId,
    token: "t",
    expiresAt: null,
  }),
  issueRoomCredential: notHere,
  createGroup: async (_ctx, input) => ({
    id: input.id ?? "g",
    name: input.name,
    ownerId: input.ownerId,
    memberCount: 1,
    createdAt: null,
  }),
  getGroup: async () => null,
  listGroupMembers: async () => ({ items: [], nextCursor: null }),
  checkGroupMembers: async (_ctx, input) =>
    input.userIds.map((id) => ({ ok: true as const, key: id, value: false })),
  addGroupMembers: async () => [],
  removeGroupMembers: async () => [],
  transferGroupOwnership: notHere,
  muteGroupMembers: notHere,
  unmuteGroupMembers: notHere,
  listMutedMembers: notHere,
  dismissGroup: async () => undefined,
  listUserGroups: notHere,
  listAppGroups: notHere,
  sendMessage: async () => [],
  sendSystemMessage: notHere,
  broadcastMessage: when(
    "options.broadcast: true",
    "broadcasts are off for this app (options.broadcast)",
    (ctx: Ctx) => ctx.broadcast,
    async (ctx) => {
      ctx.calls.push("broadcastMessage");
      return { messageId: "t1" };
    },
  ),
  recallMessage: notHere,
  listMessages: notHere,
  listRoomUsers: notHere,
  kickRoomUsers: notHere,
  sendRoomMessage: notHere,
  addFriends: notHere,
  importFriends: notHere,
  updateFriends: notHere,
  deleteFriends: notHere,
  deleteAllFriends: notHere,
  listFriends: notHere,
  getFriends: notHere,
  checkFriends: notHere,
  blockUsers: notHere,
  unblockUsers: notHere,
  listBlockedUsers: notHere,
  checkBlocked: notHere,
  createFriendGroups: notHere,
  deleteFriendGroups: notHere,
  listFriendGroups: notHere,
  addToFriendGroup: notHere,
  removeFromFriendGroup: notHere,
  getUserAttributes: notHere,
  setUserAttributes: notHere,
  removeUserAttributes: notHere,
  getUserTags: notHere,
  addUserTags: notHere,
  removeUserTags: notHere,
  setUserTags: notHere,
  checkAccounts: notHere,
  invalidateLogins: notHere,
  muteUsers: notHere,
  unmuteUsers: notHere,
  getUserMutes: notHere,
  listConversations: notHere,
  countUnread: notHere,
  markConversationRead: notHere,
  setUnreadCount: notHere,
  deleteConversation: notHere,
  pinConversation: notHere,
  setConversationDoNotDisturb: notHere,
  getConversationDoNotDisturb: notHere,
  clearConversationHistory: notHere,
  editMessage: notHere,
  getHistoryLog: notHere,
  deleteHistoryLog: notHere,
  deleteMessages: notHere,
  deleteGroupMessagesBySender: notHere,
  getMessageExtensions: notHere,
  setMessageExtensions: notHere,
  removeMessageExtensions: notHere,
  addReaction: notHere,
  removeReaction: notHere,
  listReactions: notHere,
  markMessagesRead: notHere,
  getReadReceipts: notHere,
  listMessageReaders: notHere,
  importMessages: notHere,
  listConversationGroups: notHere,
  createConversationGroup: notHere,
  renameConversationGroup: notHere,
  deleteConversationGroup: notHere,
  addToConversationGroup: notHere,
  removeFromConversationGroup: notHere,
  setConversationMarks: notHere,
  listConversationMarks: notHere,
  updateGroupProfile: notHere,
  getGroupAttributes: notHere,
  setGroupAttributes: notHere,
  removeGroupAttributes: notHere,
  clearGroupAttributes: notHere,
  setGroupMemberProfile: notHere,
  setGroupMemberRole: notHere,
  getGroupMemberRoles: notHere,
  muteGroup: notHere,
  getGroupCounters: notHere,
  changeGroupCounters: notHere,
  importGroup: notHere,
  createLiveRoom: notHere,
  destroyLiveRoom: notHere,
  getLiveRoom: notHere,
  listLiveRoomMembers: notHere,
  checkLiveRoomMembers: notHere,
  kickLiveRoomMembers: notHere,
  banLiveRoomMembers: notHere,
  unbanLiveRoomMembers: notHere,
  listLiveRoomBans: notHere,
  muteLiveRoomMembers: notHere,
  unmuteLiveRoomMembers: notHere,
  listLiveRoomMutes: notHere,
  muteLiveRoom: notHere,
  sendLiveRoomMessage: notHere,
  broadcastLiveRoomMessage: notHere,
  getLiveRoomAttributes: notHere,
  setLiveRoomAttributes: notHere,
  removeLiveRoomAttributes: notHere,
  keepLiveRoomAlive: notHere,
  setLiveRoomWhitelist: notHere,
  listLiveRoomWhitelist: notHere,
  addSensitiveWords: notHere,
  removeSensitiveWords: notHere,
  listSensitiveWords: notHere,
  pushToAll: notHere,
  pushToTags: notHere,
  pushToAttributes: notHere,
  pushToUsers: notHere,
  setPushAttributes: notHere,
  getPushAttributes: notHere,
  getPushTask: notHere,
} satisfies Implementation<Ctx>;

class FakeAdapter extends VendorAdapter<Ctx> {
  constructor(broadcast: boolean) {
    super({
      vendor: "zego",
      id: "fake",
      region: "test",
      publicAppId: "1",
      limits: {
        usersPerRead: 1,
        usersPerRegister: 1,
        usersPerPresence: 1,
        recipientsPerSend: 1,
        membersPerChange: 1,
        pageSize: 1,
        credentialTtlSeconds: null,
        usersPerMemberCheck: 1,
        friendsPerCall: 1,
        blocklistPerCall: 1,
        usersPerAttributeRead: 1,
        usersPerTagCall: 1,
        usersPerPush: 1,
        usersPerAccountCheck: 1,
        usersPerLoginInvalidation: 1,
        usersPerMuteCall: 1,
        messagesPerDelete: 1,
        messagesPerReceipt: 1,
        extensionsPerWrite: 1,
        usersPerLiveRoomCheck: 1,
        usersPerLiveRoomModeration: 1,
      },
      features: ["CONTENT_CUSTOM"],
      ctx: { calls: [], broadcast },
      implementation,
    });
  }
  get calls() {
    return this.ctx.calls;
  }
  async close() {}
}

describe("operations: one declaration, one implementation map", () => {
  it("types each method from its declaration", () => {
    expectTypeOf<OperationOutput<"updateUser">>().toEqualTypeOf<void>();
    expectTypeOf<FakeAdapter["getGroup"]>().parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error a core operation (capability null) cannot be declared a gap
    ({ ...implementation, getUsers: notHere }) satisfies Implementation<Ctx>;
    // @ts-expect-error a misspelled operation is rejected
    ({ ...implementation, getUserz: notHere }) satisfies Implementation<Ctx>;
  });

  it("checks a map assembled from spreads exactly (exactImplementation)", () => {
    const exact = exactImplementation<Ctx>();
    // An area module: its exports spread into the map.
    const { registerUsers, updateUser, getUsers, ...rest } = implementation;
    const users = { registerUsers, updateUser, getUsers };
    expect(exact({ ...users, ...rest })).toEqual(implementation);
    expectTypeOf(exact({ ...users, ...rest })).toEqualTypeOf<typeof implementation>();

    const helpers = { toUser: () => null };
    // A key from a spread escapes `satisfies`…
    ({ ...users, ...helpers, ...rest }) satisfies Implementation<Ctx>;
    // @ts-expect-error …but not exactImplementation: an extra key from a spread is rejected
    exact({ ...users, ...helpers, ...rest });
    // @ts-expect-error a missing operation is rejected
    exact({ registerUsers, updateUser, ...rest });
    // @ts-expect-error a misspelled operation is rejected
    exact({ registerUsers, updateUser, getUserz: getUsers, ...rest });
    // @ts-expect-error a core operation cannot be a gap
    exact({ ...users, ...rest, getUsers: notHere });
  });

  it("runs handlers and turns sync throws into rejections", async () => {
    const a = new FakeAdapter(true);
    await a.updateUser({ id: "u", name: "n" });
    expect(a.calls).toEqual(["updateUser"]);
    await expect(a.getUsers([""])).rejects.toBeInstanceOf(BadUserInputError);
  });

  it("answers a gap with UNSUPPORTED_BY_VENDOR and its reason, calling nothing", async () => {
    const a = new FakeAdapter(true);
    const error = await a.deleteUsers(["u"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedByVendorError);
    expect((error as Error).message).toBe(
      "deleteUsers is not supported by zego: the fake vendor has no server API for this",
    );
    expect(a.calls).toEqual([]);
  });

  it("switches a conditional operation with the app's options", async () => {
    const on = new FakeAdapter(true);
    const off = new FakeAdapter(false);
    expect(await on.broadcastMessage({ from: "a", content: { type: "TEXT", text: "x" } })).toEqual({
      messageId: "t1",
    });
    await expect(
      off.broadcastMessage({ from: "a", content: { type: "TEXT", text: "x" } }),
    ).rejects.toThrow(/options\.broadcast/);
    expect(on.operations.find((o) => o.name === "broadcastMessage")).toEqual({
      name: "broadcastMessage",
      supported: true,
      reason: null,
      condition: "options.broadcast: true",
    });
    expect(on.capabilities.has("MESSAGE_BROADCAST")).toBe(true);
    expect(off.capabilities.has("MESSAGE_BROADCAST")).toBe(false);
  });

  it("derives capabilities: features, plus each capability whose operations are all there", () => {
    const a = new FakeAdapter(false);
    expect([...a.capabilities].sort()).toEqual(["CONTENT_CUSTOM"]);
    expect(a.info.capabilities).toEqual([...a.capabilities]);
    expect(a.operations.map((o) => o.name)).toEqual(OPERATION_NAMES);
    // every declaration names an area and an access rule
    for (const name of OPERATION_NAMES) {
      expect(OPERATIONS[name].area).toBeTruthy();
      expect(OPERATIONS[name].access).toBeTruthy();
    }
  });
});
