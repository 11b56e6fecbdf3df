import type { ImAdapter } from "@imgraph/core";

export const DEMO_USERS = [
  { id: "alice", name: "Alice", avatarUrl: "https://example.com/avatars/alice.png" },
  { id: "bob", name: "Bob", avatarUrl: "https://example.com/avatars/bob.png" },
  { id: "carol", name: "Carol" },
  { id: "dave", name: "Dave" },
];
export const DEMO_GROUP = {
  id: "demogroup",
  name: "Demo group",
  ownerId: "alice",
  memberIds: ["bob", "carol"],
};

/** Alice's friends (bob under an alias) and blocklist, as the demo query shows them. */
/** The demo group's announcement and custom attributes, where the vendor keeps them. */
export const DEMO_ANNOUNCEMENT = "Welcome! Be kind.";
export const DEMO_GROUP_ATTRIBUTES = { topic: "imgraph", level: "1" };

/**
 * A live room of alice's with two viewers in it, entered from their emulated clients (users
 * of their own: being in a room makes a client online, which the other demo users are not).
 */
export const DEMO_LIVE_ROOM = {
  roomId: "demolive",
  name: "Launch stream",
  ownerId: "alice",
  viewers: [
    { id: "erin", name: "Erin" },
    { id: "frank", name: "Frank" },
  ],
};

export const DEMO_FRIENDS = [{ userId: "bob", alias: "Bobby" }, { userId: "carol" }];
export const DEMO_BLOCKED = ["dave"];

/** The playground's first query in demo mode: alice's world on the default app. */
export const DEMO_QUERY = `# imgraph demo: one GraphQL API over RongCloud, Tencent Cloud Chat and ZEGOCLOUD.
# The admin key is prefilled below; add app: "rongcloud" | "tencent" | "zego" to any field.
{
  apps { id vendor }
  user(id: "alice") { id name presence }
  friends(userId: "alice") { nodes { userId alias addedAt } }
  blockedUsers(userId: "alice") { nodes { userId } }
  groups(userId: "alice") { nodes { id name memberCount } }
  group(id: "demogroup") { name announcement attributes { key value } }
  # A live room (chatroom) with the users in it now.
  liveRoom(roomId: "demolive") { id memberCount allMuted }
  liveRoomMembers(roomId: "demolive") { nodes { userId } }
  # Alice's conversation list on Tencent: unread badges, and the latest message, which Bob
  # edited after sending and Alice reacted to.
  conversations(app: "tencent", userId: "alice") {
    nodes {
      conversation { type id }
      unreadCount
      lastMessage { senderId content { ... on TextContent { text } } edited reactions { emoji userIds } }
    }
  }
}

# Moderation: Tencent asks the gateway before it delivers a message, and the demo blocks the
# word "scam". Paste this into a new tab and run it: the send is refused (VENDOR_REJECTED,
# with the demo's reason), nothing is delivered, and admins' \`events\` hear MESSAGE_BLOCKED.
#
# mutation BlockedSend {
#   sendMessage(app: "tencent", input: {
#     from: "alice", toUserIds: ["bob"], content: { text: { text: "a great scam" } }
#   }) { recipientId messageId error { code message } }
# }

# Push: a notification to Alice and Bob. Run it twice: the same idempotencyKey answers the
# first push's task (repeated: true) and nothing is pushed again.
#
# mutation Push {
#   pushToUsers(app: "tencent", userIds: ["alice", "bob"], idempotencyKey: "spring-sale-1",
#     notification: { title: "Spring sale", body: "50% off today" }) { taskId repeated }
# }
`;

/** What Bob's greeting says after his edit, and Alice's reaction to it. */
export const DEMO_EDITED_TEXT = "Hello Alice! (I fixed a typo.)";
export const DEMO_REACTION = "❤️";

/** Clients of the vendor entering a live room (the emulator plays them). */
export type EnterLiveRoom = (roomId: string, userIds: string[]) => Promise<void>;

/**
 * Seeds one app through its adapter: users, a group, friends, a blocklist, a few messages,
 * an edit and a reaction, and a live room that `enter` fills with clients.
 */
export async function seedApp(adapter: ImAdapter, enter?: EnterLiveRoom): Promise<void> {
  await adapter.registerUsers(DEMO_USERS);
  await adapter.createGroup(DEMO_GROUP);
  const supports = (name: string) => adapter.operations.some((o) => o.name === name && o.supported);
  if (supports("updateGroupProfile")) {
    const { groupId, ownerId } = { groupId: DEMO_GROUP.id, ownerId: DEMO_GROUP.ownerId };
    await adapter
      .updateGroupProfile({ groupId, announcement: DEMO_ANNOUNCEMENT, actorId: ownerId })
      // A vendor without announcements keeps the group as it is.
      .catch((error: { code?: string }) => {
        if (error?.code !== "UNSUPPORTED_BY_VENDOR") throw error;
      });
  }
  if (supports("setGroupAttributes")) {
    await adapter.setGroupAttributes({
      groupId: DEMO_GROUP.id,
      attributes: DEMO_GROUP_ATTRIBUTES,
      actorId: DEMO_GROUP.ownerId,
    });
  }
  if (supports("createLiveRoom")) {
    const { roomId, name, ownerId, viewers } = DEMO_LIVE_ROOM;
    await adapter.registerUsers(viewers);
    await adapter.createLiveRoom({ roomId, name, ownerId });
    await enter?.(
      roomId,
      viewers.map((v) => v.id),
    );
  }
  await adapter.addFriends({ userId: "alice", friends: DEMO_FRIENDS });
  await adapter.blockUsers({ userId: "alice", userIds: DEMO_BLOCKED });
  const text = (t: string) => ({ type: "TEXT" as const, text: t });
  await adapter.sendMessage({
    from: "alice",
    to: { type: "USERS", userIds: ["bob"] },
    content: text("Hi Bob! This is imgraph's demo."),
  });
  const [reply] = await adapter.sendMessage({
    from: "bob",
    to: { type: "USERS", userIds: ["alice"] },
    content: text("Helo Alice!"),
  });
  const replyId = reply?.ok ? reply.value.messageId : null;
  // Bob's edit and Alice's reaction, where the vendor has them.
  if (replyId && supports("editMessage")) {
    await adapter.editMessage({ messageId: replyId, content: text(DEMO_EDITED_TEXT) });
  }
  if (replyId && supports("addReaction")) {
    await adapter.addReaction({ messageId: replyId, userId: "alice", emoji: DEMO_REACTION });
  }
  await adapter.sendMessage({
    from: "alice",
    to: { type: "GROUP", groupId: DEMO_GROUP.id },
    content: text("Welcome to the demo group."),
  });
}
