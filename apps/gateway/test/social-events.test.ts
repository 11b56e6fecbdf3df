import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, gql, ok, uniqueIds, withDemo } from "./helpers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

// Friend and blocklist changes made through the gateway come back as the vendor's callbacks
// (emulator → signed callback → gateway) and reach the subscribers allowed to see them.
// ZIM sends no callbacks for these changes (docs/vendors/zego.md), so it has no case here.

const TYPES = ["FRIEND_ADDED", "FRIEND_REMOVED", "BLOCKLIST_CHANGED"];
const uid = uniqueIds();

describe("friend and blocklist events", () => {
  let g: DemoGateway;
  withDemo((started) => {
    g = started;
  });

  const call = async (app: string, query: string, variables: Record<string, unknown>) => {
    ok(await gql(g.url, query, { app, ...variables }, admin(g)));
  };
  const subscriber = (headers: Record<string, string>, app: string) => {
    const client = wsClient(g.url, headers);
    onTestFinished(() => client.dispose());
    return collect<Record<string, unknown>>(client, EVENTS, { app, types: TYPES });
  };
  /** One subscriber per set of credentials, once all of them are listening. */
  const subscribers = async <H extends Array<Record<string, string>>>(
    app: string,
    ...headers: H
  ) => {
    const subs = headers.map((h) => subscriber(h, app));
    await until(() => g.realtime.pubsub.stats().listeners === subs.length);
    return subs as { [K in keyof H]: ReturnType<typeof subscriber> };
  };
  const asUser = async (userId: string) => bearer(await g.tokenFor(userId));
  /** New users of the app, registered. */
  const register = async (app: string, count: number) => {
    const ids = Array.from({ length: count }, () => uid("e"));
    await call(
      app,
      "mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { userId } }",
      { users: ids.map((id) => ({ id })) },
    );
    return ids;
  };

  it.each([
    "tencent",
    "rongcloud",
  ])("%s: both friends hear of an added and a removed friendship; nobody else does", async (app) => {
    const [a, b, c] = (await register(app, 3)) as [string, string, string];
    const [everyone, friend, outsider] = await subscribers(
      app,
      admin(g),
      await asUser(b),
      await asUser(c),
    );

    await call(
      app,
      "mutation($app: ID, $u: ID!, $f: [FriendInput!]!) { addFriends(app: $app, userId: $u, friends: $f) { ok } }",
      { u: a, f: [{ userId: b }] },
    );
    // A mutual friendship: one event each way.
    const added = await everyone.waitFor(2);
    expect(added.map((e) => [e.type, e.userId, e.friendId]).sort()).toEqual(
      [
        ["FRIEND_ADDED", a, b],
        ["FRIEND_ADDED", b, a],
      ].sort(),
    );
    await friend.waitFor(2);

    await call(
      app,
      "mutation($app: ID, $u: ID!, $ids: [ID!]!) { deleteFriends(app: $app, userId: $u, friendIds: $ids) { ok } }",
      { u: a, ids: [b] },
    );
    const all = await everyone.waitFor(4);
    expect(
      all
        .slice(2)
        .map((e) => [e.__typename, e.type])
        .sort(),
    ).toEqual([
      ["FriendRemovedEvent", "FRIEND_REMOVED"],
      ["FriendRemovedEvent", "FRIEND_REMOVED"],
    ]);
    await friend.waitFor(4);
    await sleep(200);
    expect(outsider.events).toEqual([]);
  });

  it("tencent: a blocklist change is told to its owner, not to the blocked user", async () => {
    const app = "tencent";
    const [a, b] = (await register(app, 2)) as [string, string];
    const [owner, blocked] = await subscribers(app, await asUser(a), await asUser(b));
    for (const field of ["blockUsers", "unblockUsers"]) {
      await call(
        app,
        `mutation($app: ID, $u: ID!, $others: [ID!]!) { ${field}(app: $app, userId: $u, userIds: $others) { ok } }`,
        { u: a, others: [b] },
      );
    }
    const events = await owner.waitFor(2);
    expect(events.map((e) => [e.__typename, e.userId, e.otherId, e.blocked])).toEqual([
      ["BlocklistChangedEvent", a, b, true],
      ["BlocklistChangedEvent", a, b, false],
    ]);
    await sleep(200);
    expect(blocked.events).toEqual([]);
  });
});
