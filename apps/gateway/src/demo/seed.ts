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

/** Seeds one app through its adapter: users, a group, a few messages. */
export async function seedApp(adapter: ImAdapter): Promise<void> {
  await adapter.registerUsers(DEMO_USERS);
  await adapter.createGroup(DEMO_GROUP);
  const text = (t: string) => ({ type: "TEXT" as const, text: t });
  await adapter.sendMessage({
    from: "alice",
    to: { type: "USERS", userIds: ["bob"] },
    content: text("Hi Bob! This is imgraph's demo."),
  });
  await adapter.sendMessage({
    from: "bob",
    to: { type: "USERS", userIds: ["alice"] },
    content: text("Hello Alice!"),
  });
  await adapter.sendMessage({
    from: "alice",
    to: { type: "GROUP", groupId: DEMO_GROUP.id },
    content: text("Welcome to the demo group."),
  });
}
