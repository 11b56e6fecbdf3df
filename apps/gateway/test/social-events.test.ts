import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, demo, gql } from "./helpers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

// Friend and blocklist changes made through the gateway come back as the vendor's callbacks
// (emulator → signed callback → gateway) and reach the subscribers allowed to see them.
// ZIM sends no callbacks for these changes (docs/vendors/zego.md), so it has no case here.

const TYPES = ["FRIEND_ADDED", "FRIEND_REMOVED", "BLOCKLIST_CHANGED"];
const run = randomBytes(3).toString("hex");
let n = 0;
const uid = () => `e${run}${(n++).toString(36)}`;

describe("friend and blocklist events", () => {
  let g: DemoGateway;
  beforeAll(async () => {
    g = await demo();
  });
  afterAll(async () => {
    await g?.close();
  });

  const call = async (app: string, query: string, variables: Record<string, unknown>) => {
    const r = await gql(g.url, query, { app, ...variables }, admin(g));
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  };
  const subscriber = (headers: Record<string, string>, app: string) => {
    const client = wsClient(g.url, headers);
    onTestFinished(() => client.dispose());
    return collect<Record<string, unknown>>(client, EVENTS, { app, types: TYPES });
  };

  it.each([
    "tencent",
    "rongcloud",
  ])("%s: both friends hear of an added and a removed friendship; nobody else does", async (app) => {
    const [a, b, c] = [uid(), uid(), uid()];
    await call(
      app,
      "mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { userId } }",
      { users: [a, b, c].map((id) => ({ id })) },
    );
    const everyone = subscriber(admin(g), app);
    const friend = subscriber(bearer(await g.tokenFor(b)), app);
    const outsider = subscriber(bearer(await g.tokenFor(c)), app);
    await until(() => g.realtime.pubsub.stats().listeners === 3);

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
    const [a, b] = [uid(), uid()];
    await call(
      app,
      "mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { userId } }",
      { users: [a, b].map((id) => ({ id })) },
    );
    const owner = subscriber(bearer(await g.tokenFor(a)), app);
    const blocked = subscriber(bearer(await g.tokenFor(b)), app);
    await until(() => g.realtime.pubsub.stats().listeners === 2);
    await call(
      app,
      "mutation($app: ID, $u: ID!, $others: [ID!]!) { blockUsers(app: $app, userId: $u, userIds: $others) { ok } }",
      { u: a, others: [b] },
    );
    await call(
      app,
      "mutation($app: ID, $u: ID!, $others: [ID!]!) { unblockUsers(app: $app, userId: $u, userIds: $others) { ok } }",
      { u: a, others: [b] },
    );
    const events = await owner.waitFor(2);
    expect(events.map((e) => [e.__typename, e.userId, e.otherId, e.blocked])).toEqual([
      ["BlocklistChangedEvent", a, b, true],
      ["BlocklistChangedEvent", a, b, false],
    ]);
    await sleep(200);
    expect(blocked.events).toEqual([]);
  });
});
