// Conversation folders beyond the shared contract, over HTTP against the Tencent emulator.
import { describe, expect, it } from "vitest";
import { adapterFor, emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter({ conversationGroups: true });

const users = (count: number) => env.seedUsers(count, "f");
const sent = (command: string, mark: number) => env.sentBodies(`recentcontact/${command}`, mark);
const user = (id: string) => ({ type: "USER" as const, id });

describe("conversation folders", () => {
  it("sends Tencent's update types: 2 with ContactOptType 1 / 2 for members, 1 to rename", async () => {
    const [me, owner, peer] = users(3) as [string, string, string];
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner, members: [me] }] });
    const mark = env.requestCount();
    await env.adapter.createConversationGroup({
      userId: me,
      name: "W",
      conversations: [user(peer)],
    });
    const group = { type: "GROUP" as const, id: groupId };
    await env.adapter.addToConversationGroup({ userId: me, name: "W", conversations: [group] });
    await env.adapter.removeFromConversationGroup({
      userId: me,
      name: "W",
      conversations: [user(peer)],
    });
    await env.adapter.renameConversationGroup({ userId: me, name: "W", newName: "Team" });
    expect(sent("create_contact_group", mark)).toEqual([
      {
        From_Account: me,
        GroupContactItem: [{ GroupName: "W", ContactItem: [{ Type: 1, To_Account: peer }] }],
      },
    ]);
    expect(sent("update_contact_group", mark)).toEqual([
      {
        From_Account: me,
        UpdateType: 1,
        UpdateGroup: {
          UpdateGroupType: 2,
          OldGroupName: "W",
          ContactUpdateItem: [{ ContactOptType: 1, ContactItem: { Type: 2, ToGroupId: groupId } }],
        },
      },
      {
        From_Account: me,
        UpdateType: 1,
        UpdateGroup: {
          UpdateGroupType: 2,
          OldGroupName: "W",
          ContactUpdateItem: [{ ContactOptType: 2, ContactItem: { Type: 1, To_Account: peer } }],
        },
      },
      {
        From_Account: me,
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: "W", NewGroupName: "Team" },
      },
    ]);
    expect(await env.adapter.listConversationGroups({ userId: me })).toEqual([
      { name: "Team", conversations: [group] },
    ]);
  });

  it("answers NOT_FOUND (51009) for a folder that does not exist", async () => {
    const [me, peer] = users(2) as [string, string];
    for (const call of [
      () => env.adapter.renameConversationGroup({ userId: me, name: "No", newName: "X" }),
      () => env.adapter.deleteConversationGroup({ userId: me, name: "No" }),
      () =>
        env.adapter.removeFromConversationGroup({
          userId: me,
          name: "No",
          conversations: [user(peer)],
        }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND", vendorCode: "51009" });
    }
  });

  it("passes Tencent's caps on as VENDOR_REJECTED with its code: 20 folders, group membership", async () => {
    const [me, peer, owner] = users(3) as [string, string, string];
    for (let i = 0; i < 20; i++) {
      await env.adapter.createConversationGroup({
        userId: me,
        name: `f${i}`,
        conversations: [user(peer)],
      });
    }
    await expect(
      env.adapter.createConversationGroup({ userId: me, name: "f20", conversations: [user(peer)] }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "51010" });
    // A group conversation of a group the user is not in: Tencent refuses its row.
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner }] });
    await expect(
      env.adapter.addToConversationGroup({
        userId: me,
        name: "f0",
        conversations: [{ type: "GROUP", id: groupId }],
      }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "51007" });
  });

  it("refuses what Tencent documents it refuses before any call: 33-byte names, 101 conversations", async () => {
    const [me, ...peers] = users(102) as [string, ...string[]];
    const before = env.requestCount();
    await expect(
      env.adapter.createConversationGroup({
        userId: me,
        name: "x".repeat(33),
        conversations: [user(peers[0] as string)],
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    await expect(
      env.adapter.renameConversationGroup({ userId: me, name: "a", newName: "名".repeat(11) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "newName" });
    await expect(
      env.adapter.addToConversationGroup({ userId: me, name: "a", conversations: peers.map(user) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "conversations" });
    expect(env.requestCount()).toBe(before);
  });

  it("reads every page of get_contact_group", async () => {
    const [me, ...peers] = users(151) as [string, ...string[]];
    await env.adapter.createConversationGroup({
      userId: me,
      name: "A",
      conversations: peers.slice(0, 100).map(user),
    });
    await env.adapter.createConversationGroup({
      userId: me,
      name: "B",
      conversations: peers.slice(100).map(user),
    });
    const mark = env.requestCount();
    const folders = await env.adapter.listConversationGroups({ userId: me });
    expect(sent("get_contact_group", mark).map((b) => b.StartIndex)).toEqual([0, 100]);
    expect(folders.map((f) => [f.name, f.conversations.length])).toEqual([
      ["A", 100],
      ["B", 50],
    ]);
  });

  it("is UNSUPPORTED_BY_VENDOR without options.conversationGroups", async () => {
    const plain = adapterFor([env.emulator.url]);
    await expect(plain.listConversationGroups({ userId: "u" })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
    });
    expect(plain.operations.find((o) => o.name === "setConversationMarks")).toMatchObject({
      supported: false,
      condition: "options.conversationGroups: true",
    });
    await plain.close();
  });
});
