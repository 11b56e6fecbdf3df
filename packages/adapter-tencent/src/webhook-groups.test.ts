// #17 group callbacks: parsed from hand-made bodies, and end to end from what the emulator
// sends after the adapter's REST writes (modify_group_base_info, modify_group_member_info,
// the attribute commands).
import type { ImEvent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { TencentAdapter } from "./adapter.js";
import { tencentModule } from "./module.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { KEY, SDK_APP_ID } from "./testing/emulator.js";
import { events, NOW, parser, TOKEN } from "./testing/signed-callbacks.js";

const at = new Date(NOW);
const base = { GroupId: "g1", Type: "Public", Operator_Account: "admin" };

describe("group callbacks", () => {
  it("reads GroupInfoChanged as GROUP_PROFILE_UPDATED with the neutral names of the fields it carries", () => {
    expect(
      events("Group.CallbackAfterGroupInfoChanged", { ...base, Name: "n", Notification: "x" }),
    ).toEqual([
      {
        type: "GROUP_PROFILE_UPDATED",
        appId: "tc",
        at,
        groupId: "g1",
        fields: ["name", "announcement"],
      },
    ]);
    expect(
      events("Group.CallbackAfterGroupInfoChanged", { ...base, FaceUrl: "u", Introduction: "" }),
    ).toMatchObject([{ fields: ["avatarUrl", "introduction"] }]);
    // Only custom group fields changed: nothing neutral to report.
    expect(events("Group.CallbackAfterGroupInfoChanged", { ...base, AppDefinedData: [] })).toEqual(
      [],
    );
  });

  it("reads MemberFieldChanged with a Role as GROUP_MEMBER_ROLE_CHANGED; a name card alone is no event", () => {
    // The documented sample's fields (intl 1047/60393); the older Modified_Account is read too.
    expect(
      events("Group.CallbackAfterMemberFieldChanged", {
        ...base,
        Type: "Community",
        Operator_Account: "admin",
        Member_Account: "u1",
        Role: "Admin",
        NameCard: "jacky",
      }),
    ).toEqual([
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        appId: "tc",
        at,
        groupId: "g1",
        userId: "u1",
        role: "ADMIN",
      },
    ]);
    expect(
      events("Group.CallbackAfterMemberFieldChanged", {
        ...base,
        Modified_Account: "u1",
        Role: "Member",
      }),
    ).toMatchObject([{ role: "MEMBER" }]);
    expect(
      events("Group.CallbackAfterMemberFieldChanged", {
        ...base,
        Member_Account: "u1",
        NameCard: "x",
      }),
    ).toEqual([]);
  });

  it("reads GroupAttrChanged: the keys of modify and delete, [] (all) for set and clear", () => {
    const attr = (OptionType: string, GroupAttr: unknown[]) =>
      events("Group.CallbackAfterGroupAttrChanged", { ...base, OptionType, GroupAttr });
    expect(attr("modify", [{ key: "a", value: "1" }])).toEqual([
      { type: "GROUP_ATTRIBUTES_CHANGED", appId: "tc", at, groupId: "g1", keys: ["a"] },
    ]);
    expect(attr("delete", [{ key: "a" }, { key: "b" }])).toMatchObject([{ keys: ["a", "b"] }]);
    expect(attr("set", [{ key: "z", value: "1" }])).toMatchObject([{ keys: [] }]);
    expect(attr("clear", [])).toMatchObject([{ keys: [] }]);
    expect(() => attr("modify", [{ value: "1" }])).toThrow();
  });

  it("claims role and attribute events, not profile updates (the callback leaves out policy, cap and mute-all)", () => {
    expect(parser.reportsByCallback("GROUP_MEMBER_ROLE_CHANGED", "GROUP")).toBe(true);
    expect(parser.reportsByCallback("GROUP_ATTRIBUTES_CHANGED", "GROUP")).toBe(true);
    expect(parser.reportsByCallback("GROUP_PROFILE_UPDATED", "GROUP")).toBe(false);
    expect(tencentModule.callbackEvents.GROUP_ATTRIBUTES_CHANGED).toEqual(["GROUP"]);
    const plain = new TencentAdapter({ sdkAppId: SDK_APP_ID, key: KEY });
    expect(plain.reportsByCallback("GROUP_MEMBER_ROLE_CHANGED", "GROUP")).toBe(false);
  });
});

describe("group callbacks, end to end", () => {
  const loop = useCallbackLoop(TOKEN);
  const received = loop.received;

  it("turns the callbacks after the adapter's profile, role and attribute writes into events", async () => {
    loop.emulator().seed({ app: SDK_APP_ID, accounts: ["own", "mem"] });
    await loop.adapter().createGroup({ id: "cbg", name: "G", ownerId: "own", memberIds: ["mem"] });
    await loop.adapter().updateGroupProfile({ groupId: "cbg", name: "New", joinPolicy: "OPEN" });
    await loop.adapter().muteGroup({ groupId: "cbg", muted: true });
    await loop.adapter().setGroupMemberRole({ groupId: "cbg", userId: "mem", role: "ADMIN" });
    await loop.adapter().setGroupMemberProfile({ groupId: "cbg", userId: "mem", nameCard: "Cap" });
    await loop.adapter().setGroupAttributes({ groupId: "cbg", attributes: { a: "1" } });
    await loop.adapter().removeGroupAttributes({ groupId: "cbg", keys: ["a"] });
    await loop.adapter().clearGroupAttributes({ groupId: "cbg" });
    await loop.emulator().flushCallbacks();
    const all: ImEvent[] = received.flatMap((r) => loop.adapter().parseWebhook?.(r).events ?? []);
    const groupEvents = all.filter(
      (e) => e.type.startsWith("GROUP_") && e.type !== "GROUP_CREATED",
    );
    expect(groupEvents).toMatchObject([
      // Tencent reports the name, not the join policy; mute-all calls back nothing.
      { type: "GROUP_PROFILE_UPDATED", groupId: "cbg", fields: ["name"] },
      { type: "GROUP_MEMBER_ROLE_CHANGED", groupId: "cbg", userId: "mem", role: "ADMIN" },
      { type: "GROUP_ATTRIBUTES_CHANGED", groupId: "cbg", keys: ["a"] },
      { type: "GROUP_ATTRIBUTES_CHANGED", groupId: "cbg", keys: ["a"] },
      { type: "GROUP_ATTRIBUTES_CHANGED", groupId: "cbg", keys: [] },
    ]);
  });
});
