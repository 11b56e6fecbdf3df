// Friend, blocklist and profile callbacks: parsed from hand-made bodies, and end to end from
// what the emulator sends when the adapter changes friends over REST.
import { BadUserInputError, type ImEvent, type WebhookRequest } from "@imgraph/core";
import { tencentCallbackSign } from "@imgraph/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TencentAdapter } from "./adapter.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { ADMIN, adapterFor, KEY, SDK_APP_ID } from "./testing/emulator.js";

const TOKEN = "cb-token";
const NOW = 1_700_000_000_000;
const parser = new TencentAdapter({
  id: "tc",
  sdkAppId: SDK_APP_ID,
  key: KEY,
  origins: ["http://127.0.0.1:9"],
  callbackToken: TOKEN,
});

function request(command: string, body: Record<string, unknown>): WebhookRequest {
  const t = String(Math.floor(NOW / 1000));
  return {
    method: "POST",
    query: new URLSearchParams({
      SdkAppid: String(SDK_APP_ID),
      CallbackCommand: command,
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
      RequestTime: t,
      Sign: tencentCallbackSign(TOKEN, t),
    }),
    headers: { "content-type": "application/json" },
    rawBody: JSON.stringify({ CallbackCommand: command, EventTime: NOW, ...body }),
    receivedAt: NOW,
  };
}
const events = (command: string, body: Record<string, unknown>) =>
  parser.parseWebhook?.(request(command, body)).events;
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
