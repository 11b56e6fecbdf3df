// Live group callbacks: parsed from hand-made signed bodies, and end to end from what the
// emulator sends after the adapter's live room writes and simulated clients.
import type { ImEvent } from "@imgraph/core";
import { expectLiveRoomCallbacks } from "@imgraph/core/contract";
import { describe, expect, it } from "vitest";
import { tencentModule } from "./module.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { SDK_APP_ID } from "./testing/emulator.js";
import { events, NOW, parser, TOKEN } from "./testing/signed-callbacks.js";

const at = new Date(NOW);
const live = { GroupId: "r1", Type: "AVChatRoom", Operator_Account: "admin" };

describe("live room callbacks", () => {
  it("reads AVChatRoom create, destroy, join and exit as LIVE_ROOM_* events", () => {
    expect(events("Group.CallbackAfterCreateGroup", { ...live, Owner_Account: "o" })).toEqual([
      { type: "LIVE_ROOM_CREATED", appId: "tc", at, roomId: "r1", ownerId: "o" },
    ]);
    expect(events("Group.CallbackAfterCreateGroup", { ...live, Owner_Account: "" })).toMatchObject([
      { ownerId: null },
    ]);
    expect(events("Group.CallbackAfterGroupDestroyed", live)).toEqual([
      { type: "LIVE_ROOM_DESTROYED", appId: "tc", at, roomId: "r1" },
    ]);
    expect(
      events("Group.CallbackAfterNewMemberJoin", {
        ...live,
        JoinType: "Apply",
        NewMemberList: [{ Member_Account: "a" }],
      }),
    ).toEqual([{ type: "LIVE_ROOM_MEMBER_JOINED", appId: "tc", at, roomId: "r1", userIds: ["a"] }]);
    const exit = (ExitType: string) =>
      events("Group.CallbackAfterMemberExit", {
        ...live,
        ExitType,
        ExitMemberList: [{ Member_Account: "a" }],
      });
    expect(exit("Quit")).toEqual([
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "tc",
        at,
        roomId: "r1",
        userIds: ["a"],
        reason: "LEFT",
      },
    ]);
    expect(exit("Kicked")).toMatchObject([{ reason: "KICKED" }]);
    expect(exit("Other")).toMatchObject([{ reason: null }]);
  });

  it("reads OnMemberStateChange: Offline is a TIMED_OUT leave, Online a join", () => {
    const state = (EventType: string) =>
      events("Group.CallbackOnMemberStateChange", {
        GroupId: "r1",
        Type: "AVChatRoom",
        EventType,
        MemberList: [{ Member_Account: "a" }, { Member_Account: "b" }],
      });
    expect(state("Offline")).toEqual([
      {
        type: "LIVE_ROOM_MEMBER_LEFT",
        appId: "tc",
        at,
        roomId: "r1",
        userIds: ["a", "b"],
        reason: "TIMED_OUT",
      },
    ]);
    expect(state("Online")).toMatchObject([
      { type: "LIVE_ROOM_MEMBER_JOINED", userIds: ["a", "b"] },
    ]);
    expect(state("Else")).toEqual([]);
  });

  it("keeps group events for other group types, and claims the four live room events", () => {
    expect(
      events("Group.CallbackAfterCreateGroup", {
        ...live,
        Type: "Public",
        Owner_Account: "o",
        MemberList: [],
      }),
    ).toMatchObject([{ type: "GROUP_CREATED", groupId: "r1" }]);
    expect(() =>
      events("Group.CallbackAfterNewMemberJoin", { ...live, NewMemberList: [{}] }),
    ).toThrow();
    expectLiveRoomCallbacks(tencentModule.callbackEvents, parser);
  });
});

describe("live room callbacks, end to end", () => {
  const loop = useCallbackLoop(TOKEN);

  it("turns the callbacks after create, enter, ban, leave, time-out and destroy into events", async () => {
    const emulator = loop.emulator();
    emulator.seed({ app: SDK_APP_ID, accounts: ["own", "a", "b", "c"] });
    await loop.adapter().createLiveRoom({ roomId: "cblr", ownerId: "own" });
    for (const userId of ["a", "b", "c"])
      emulator.login({ app: SDK_APP_ID, userId, groupId: "cblr" });
    emulator.logout({ app: SDK_APP_ID, userId: "a", groupId: "cblr" });
    emulator.logout({ app: SDK_APP_ID, userId: "b", groupId: "cblr", reason: "TimeOut" });
    await loop.adapter().destroyLiveRoom({ roomId: "cblr" });
    await emulator.flushCallbacks();
    const all: ImEvent[] = loop.received.flatMap(
      (r) => loop.adapter().parseWebhook?.(r).events ?? [],
    );
    // Callbacks are delivered concurrently: their order is not kept.
    const seen = all
      .filter((e) => e.type.startsWith("LIVE_ROOM_"))
      .map((e) => {
        if (e.type === "LIVE_ROOM_CREATED") return `created ${e.roomId} by ${e.ownerId}`;
        if (e.type === "LIVE_ROOM_DESTROYED") return `destroyed ${e.roomId}`;
        if (e.type === "LIVE_ROOM_MEMBER_JOINED") return `joined ${e.userIds}`;
        if (e.type === "LIVE_ROOM_MEMBER_LEFT") return `left ${e.userIds} ${e.reason}`;
        return e.type;
      })
      .sort();
    expect(seen).toEqual([
      "created cblr by own",
      "destroyed cblr",
      "joined a",
      "joined b",
      "joined c",
      "left a LEFT",
      "left b TIMED_OUT",
    ]);
    expect(all.some((e) => e.type.startsWith("GROUP_"))).toBe(false);
  });
});
