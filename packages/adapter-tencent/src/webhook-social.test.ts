// Friend, blocklist and profile callbacks: parsed from hand-made bodies, and end to end from
// what the emulator sends when the adapter changes friends over REST.
import { BadUserInputError, type ImEvent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { SDK_APP_ID } from "./testing/emulator.js";
import { events, NOW, TOKEN } from "./testing/signed-callbacks.js";

const at = new Date(NOW);

describe("social callbacks", () => {
  it("reads each pair of Sns.CallbackFriendAdd / FriendDelete as one event", () => {
    const PairList = [
      { From_Account: "a", To_Account: "b", Initiator_Account: "a" },
      { From_Account: "b", To_Account: "a", Initiator_Account: "a" },
    ];
    expect(events("Sns.CallbackFriendAdd", { PairList, ForceFlag: 1 })).toEqual([
      { type: "FRIEND_ADDED", appId: "tc", at, userId: "a", friendId: "b" },
      { type: "FRIEND_ADDED", appId: "tc", at, userId: "b", friendId: "a" },
    ]);
    expect(events("Sns.CallbackFriendDelete", { PairList: [PairList[0]] })).toEqual([
      { type: "FRIEND_REMOVED", appId: "tc", at, userId: "a", friendId: "b" },
    ]);
    expect(() => events("Sns.CallbackFriendDelete", { PairList: [{ From_Account: "a" }] })).toThrow(
      BadUserInputError,
    );
  });

  it("reads blocklist adds and deletes, and the tags a portrait_set changed", () => {
    const PairList = [{ From_Account: "a", To_Account: "b" }];
    expect(events("Sns.CallbackBlackListAdd", { PairList })).toEqual([
      { type: "BLOCKLIST_CHANGED", appId: "tc", at, userId: "a", otherId: "b", blocked: true },
    ]);
    expect(events("Sns.CallbackBlackListDelete", { PairList })?.[0]).toMatchObject({
      blocked: false,
    });
    expect(
      events("Profile.CallbackPortraitSet", {
        Operator_Account: "admin",
        From_Account: "a",
        ProfileItem: [
          { Tag: "Tag_Profile_IM_Nick", Value: "Ann" },
          { Tag: "Tag_Profile_Custom_Extra", Value: "{}" },
        ],
      }),
    ).toEqual([
      {
        type: "PROFILE_UPDATED",
        appId: "tc",
        at,
        userId: "a",
        fields: ["Tag_Profile_IM_Nick", "Tag_Profile_Custom_Extra"],
      },
    ]);
    expect(() => events("Profile.CallbackPortraitSet", { ProfileItem: [] })).toThrow(
      BadUserInputError,
    );
  });
});

describe("social callbacks, end to end", () => {
  const loop = useCallbackLoop(TOKEN);
  const received = loop.received;

  it("turns what the adapter's calls make Tencent send into neutral events", async () => {
    loop.emulator().seed({ app: SDK_APP_ID, accounts: ["ann", "bob", "cy"] });
    await loop
      .adapter()
      .addFriends({ userId: "ann", friends: [{ userId: "bob" }, { userId: "cy" }] });
    await loop.adapter().deleteFriends({ userId: "ann", friendIds: ["cy"], oneWay: true });
    await loop.adapter().blockUsers({ userId: "bob", userIds: ["cy"] });
    await loop.adapter().unblockUsers({ userId: "bob", userIds: ["cy"] });
    await loop.adapter().updateUser({ id: "ann", name: "Ann" });
    await loop.emulator().flushCallbacks();
    const all: Omit<ImEvent, "at" | "appId">[] = received.flatMap(
      (r) =>
        loop
          .adapter()
          .parseWebhook?.(r)
          .events.map(({ at: _, appId: __, ...e }) => e) ?? [],
    );
    // Callbacks may arrive in any order: compare as a set.
    expect(all).toHaveLength(8);
    expect(all).toEqual(
      expect.arrayContaining([
        { type: "FRIEND_ADDED", userId: "ann", friendId: "bob" },
        { type: "FRIEND_ADDED", userId: "bob", friendId: "ann" },
        { type: "FRIEND_ADDED", userId: "ann", friendId: "cy" },
        { type: "FRIEND_ADDED", userId: "cy", friendId: "ann" },
        { type: "FRIEND_REMOVED", userId: "ann", friendId: "cy" },
        { type: "BLOCKLIST_CHANGED", userId: "bob", otherId: "cy", blocked: true },
        { type: "BLOCKLIST_CHANGED", userId: "bob", otherId: "cy", blocked: false },
        { type: "PROFILE_UPDATED", userId: "ann", fields: ["Tag_Profile_IM_Nick"] },
      ]),
    );
  });
});
