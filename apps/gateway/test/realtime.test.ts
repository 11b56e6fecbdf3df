import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, gql, withDemo } from "./helpers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

const SEND = `mutation($app: ID, $input: SendMessageInput!) { sendMessage(app: $app, input: $input) { messageId error { code } } }`;
const RECALL = `mutation($app: ID, $id: ID!) { recallMessage(app: $app, messageId: $id) }`;
const ADD = `mutation($app: ID, $g: ID!, $u: [ID!]!) { addGroupMembers(app: $app, groupId: $g, userIds: $u) { ok } }`;
const REMOVE = `mutation($app: ID, $g: ID!, $u: [ID!]!) { removeGroupMembers(app: $app, groupId: $g, userIds: $u) { ok } }`;
const APPS = ["rongcloud", "tencent", "zego"] as const;

describe("real-time: emulator → signed callback → gateway → subscriber", () => {
  let g: DemoGateway;
  const emulator = (app: string) => g.emulators[APPS.indexOf(app as (typeof APPS)[number])];
  const listeners = () => g.realtime.pubsub.stats().listeners;

  withDemo((started) => {
    g = started;
  });

  async function send(app: string, input: Record<string, unknown>, as = admin(g)) {
    const r = await gql<{ sendMessage: Array<{ messageId: string }> }>(
      g.url,
      SEND,
      { app, input },
      as,
    );
    expect(r.errors).toBeUndefined();
    return r.data?.sendMessage[0]?.messageId as string;
  }

  /** One subscriber to EVENTS, open (the PubSub counts it) before the test goes on. */
  async function subscribe(params: Record<string, string>, variables: Record<string, unknown>) {
    const client = wsClient(g.url, params);
    const sub = collect(client, EVENTS, variables);
    await until(() => listeners() === 1);
    return {
      sub,
      /** Disposes the client and waits until the PubSub has let it go. */
      async close() {
        await client.dispose();
        await until(() => listeners() === 0);
      },
    };
  }

  it.each(APPS)("%s: one-to-one and group messages reach an admin subscriber", async (app) => {
    const { sub, close } = await subscribe(admin(g), { app, types: ["MESSAGE_SENT"] });
    await send(app, { from: "alice", toUserIds: ["bob"], content: { text: { text: "hi 1" } } });
    await sub.waitFor(1);
    await send(app, { from: "bob", toGroupId: "demogroup", content: { text: { text: "hi g" } } });
    const [one, group] = await sub.waitFor(2);
    expect(one).toMatchObject({
      __typename: "MessageSentEvent",
      type: "MESSAGE_SENT",
      app,
      message: {
        senderId: "alice",
        conversation: { type: "USER", id: "bob" },
        content: { __typename: "TextContent", text: "hi 1" },
      },
    });
    expect(group).toMatchObject({
      message: { senderId: "bob", conversation: { type: "GROUP", id: "demogroup" } },
    });
    await close();
  });

  it.each(APPS)("%s: a simulated client login and logout are presence events", async (app) => {
    const { sub, close } = await subscribe(admin(g), {
      app,
      types: ["PRESENCE_CHANGED"],
      conversation: { type: "USER", id: "carol" },
    });
    await emulator(app)?.login({ userId: "carol" });
    await emulator(app)?.logout({ userId: "carol" });
    const events = await sub.waitFor(2);
    expect(events.map((e) => [e.userId, e.status]).sort()).toEqual([
      ["carol", "OFFLINE"],
      ["carol", "ONLINE"],
    ]);
    await close();
  });

  /**
   * A user's presence as subscribers hear it: `online` brings devices up and down (the user
   * staying online throughout), then `offline` takes the last one down. Exactly one ONLINE,
   * then one OFFLINE.
   */
  async function expectOneOnlineThenOffline(
    app: string,
    userId: string,
    online: () => Promise<void>,
    offline: () => Promise<void>,
  ) {
    const { sub, close } = await subscribe(admin(g), {
      app,
      types: ["PRESENCE_CHANGED"],
      conversation: { type: "USER", id: userId },
    });
    await online();
    await sub.waitFor(1);
    await sleep(300);
    expect(sub.events.map((e) => e.status)).toEqual(["ONLINE"]);
    await offline();
    const events = await sub.waitFor(2);
    expect(events.map((e) => [e.userId, e.status])).toEqual([
      [userId, "ONLINE"],
      [userId, "OFFLINE"],
    ]);
    await close();
  }

  it("rongcloud: a user online on two devices is offline only when the last logs out", async () => {
    const rongcloud = emulator("rongcloud");
    await expectOneOnlineThenOffline(
      "rongcloud",
      "grace",
      async () => {
        await rongcloud?.login({ userId: "grace", sessionId: "phone", os: "iOS" });
        await rongcloud?.login({ userId: "grace", sessionId: "desk", os: "PC" });
        // The desk's logout is not news: grace is still online on the phone.
        await rongcloud?.logout({ userId: "grace", sessionId: "desk" });
      },
      async () => {
        await rongcloud?.logout({ userId: "grace", sessionId: "phone" });
      },
    );
  });

  it("zego: a login on a second device, which kicks the first, keeps the user online", async () => {
    const zego = emulator("zego");
    await expectOneOnlineThenOffline(
      "zego",
      "hugo",
      async () => {
        await zego?.login({ userId: "hugo", os: "ANDROID" });
        // The demo app's policy is ZIM's default, one device: the PC's login logs the phone out.
        const second = (await zego?.login({ userId: "hugo", os: "PC" })) as { kicked?: string[] };
        expect(second.kicked).toHaveLength(1);
      },
      async () => {
        await zego?.logout({ userId: "hugo" });
      },
    );
  });

  it.each(["tencent", "zego"])("%s: members joining and leaving a group", async (app) => {
    const { sub, close } = await subscribe(admin(g), {
      app,
      conversation: { type: "GROUP", id: "demogroup" },
    });
    expect((await gql(g.url, ADD, { app, g: "demogroup", u: ["dave"] }, admin(g))).errors).toBe(
      undefined,
    );
    await sub.waitFor(1);
    expect((await gql(g.url, REMOVE, { app, g: "demogroup", u: ["dave"] }, admin(g))).errors).toBe(
      undefined,
    );
    const [joined, left] = await sub.waitFor(2);
    expect(joined).toMatchObject({
      __typename: "GroupMemberJoinedEvent",
      groupId: "demogroup",
      userIds: ["dave"],
    });
    expect(left).toMatchObject({ __typename: "GroupMemberLeftEvent", userIds: ["dave"] });
    await close();
  });

  it.each(APPS)("%s: a recall names the recalled message, once", async (app) => {
    const { sub, close } = await subscribe(admin(g), { app, types: ["MESSAGE_RECALLED"] });
    const id = await send(app, {
      from: "alice",
      toUserIds: ["bob"],
      content: { text: { text: "oops" } },
    });
    const r = await gql(g.url, RECALL, { app, id }, admin(g));
    expect(r.errors).toBeUndefined();
    const [recalled] = await sub.waitFor(1);
    expect(recalled).toMatchObject({
      __typename: "MessageRecalledEvent",
      messageId: id,
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
    });
    // RongCloud and Tencent call back for it; ZEGO does not, and the gateway reports it.
    await sleep(200);
    expect(sub.events).toHaveLength(1);
    await close();
  });

  it("an end user receives only events of conversations they belong to", async () => {
    const app = "tencent";
    const dave = await g.tokenFor("dave");
    const { sub, close } = await subscribe(bearer(dave), { app, types: ["MESSAGE_SENT"] });
    // Not dave's: a message between others, a group dave is not in.
    await send(app, { from: "alice", toUserIds: ["bob"], content: { text: { text: "x" } } });
    await send(app, { from: "bob", toGroupId: "demogroup", content: { text: { text: "x" } } });
    // Dave's: sent to him, and sent by him.
    await send(app, { from: "alice", toUserIds: ["dave"], content: { text: { text: "to dave" } } });
    await send(app, { from: "dave", toUserIds: ["carol"], content: { text: { text: "by dave" } } });
    const events = await sub.waitFor(2);
    await sleep(100);
    expect(sub.events).toHaveLength(2);
    expect(
      events.map((e) => (e.message as { content: { text: string } }).content.text).sort(),
    ).toEqual(["by dave", "to dave"]);
    await close();
  });

  it("a group member receives the group's messages", async () => {
    const app = "zego";
    const carol = await g.tokenFor("carol");
    const { sub, close } = await subscribe(bearer(carol), {
      app,
      conversation: { type: "GROUP", id: "demogroup" },
    });
    await send(app, { from: "bob", toGroupId: "demogroup", content: { text: { text: "all" } } });
    const [event] = await sub.waitFor(1);
    expect(event).toMatchObject({ message: { conversation: { type: "GROUP", id: "demogroup" } } });
    await close();
  });

  it("refuses an end user listening to a group they are not in", async () => {
    const dave = await g.tokenFor("dave");
    const client = wsClient(g.url, bearer(dave));
    const sub = collect(client, EVENTS, {
      app: "zego",
      conversation: { type: "GROUP", id: "demogroup" },
    });
    await until(() => sub.done);
    expect(JSON.stringify(sub.errors)).toContain("FORBIDDEN");
    expect(listeners()).toBe(0);
    await client.dispose();
  });

  it.each(
    APPS,
  )("%s: a removed member stops receiving the group's messages at once, whatever their filters", async (app) => {
    const text = (e: Record<string, unknown>) =>
      (e.message as { content: { text: string } }).content.text;
    // The admin's subscription keeps the app watched; it hears the removal.
    const adminClient = wsClient(g.url, { "x-api-key": g.adminKey });
    const left = collect(adminClient, EVENTS, { app, types: ["GROUP_MEMBER_LEFT"] });
    await until(() => listeners() === 1);
    // Carol listens to messages only: the membership events never pass her filter.
    const carolClient = wsClient(g.url, bearer(await g.tokenFor("carol")));
    const carol = collect(carolClient, EVENTS, { app, types: ["MESSAGE_SENT"] });
    await until(() => listeners() === 2);
    await send(app, { from: "bob", toGroupId: "demogroup", content: { text: { text: "in" } } });
    await carol.waitFor(1);
    expect(
      (await gql(g.url, REMOVE, { app, g: "demogroup", u: ["carol"] }, admin(g))).errors,
    ).toBeUndefined();
    await left.waitFor(1);
    await send(app, { from: "bob", toGroupId: "demogroup", content: { text: { text: "out" } } });
    await send(app, { from: "bob", toUserIds: ["carol"], content: { text: { text: "dm" } } });
    await carol.waitFor(2);
    await sleep(100);
    expect(carol.events.map(text)).toEqual(["in", "dm"]);
    // Listening to the group again is refused.
    const again = collect(carolClient, EVENTS, {
      app,
      conversation: { type: "GROUP", id: "demogroup" },
    });
    await until(() => again.done);
    expect(JSON.stringify(again.errors)).toContain("FORBIDDEN");
    expect(
      (await gql(g.url, ADD, { app, g: "demogroup", u: ["carol"] }, admin(g))).errors,
    ).toBeUndefined();
    await Promise.all([adminClient.dispose(), carolClient.dispose()]);
    await until(() => listeners() === 0);
  });

  it.each(["tencent", "zego"])("%s: a group's creation and dismissal", async (app) => {
    const CREATE = `mutation($app: ID, $input: CreateGroupInput!) { createGroup(app: $app, input: $input) { id } }`;
    const DISMISS = `mutation($app: ID, $g: ID!) { dismissGroup(app: $app, groupId: $g) }`;
    const adminClient = wsClient(g.url, { "x-api-key": g.adminKey });
    const all = collect(adminClient, EVENTS, { app, types: ["GROUP_CREATED", "GROUP_DISMISSED"] });
    await until(() => listeners() === 1);
    const created = await gql(
      g.url,
      CREATE,
      { app, input: { id: "rtgroup", name: "RT", ownerId: "alice", memberIds: ["carol"] } },
      admin(g),
    );
    expect(created.errors).toBeUndefined();
    const [c] = await all.waitFor(1);
    expect(c).toMatchObject({
      __typename: "GroupCreatedEvent",
      groupId: "rtgroup",
      ownerId: "alice",
    });
    expect(c?.userIds).toEqual(expect.arrayContaining(["alice", "carol"]));
    // A member listening to the group hears it dismissed; a non-member may not listen.
    const carolClient = wsClient(g.url, bearer(await g.tokenFor("carol")));
    const carol = collect(carolClient, EVENTS, {
      app,
      conversation: { type: "GROUP", id: "rtgroup" },
    });
    await until(() => listeners() === 2);
    expect((await gql(g.url, DISMISS, { app, g: "rtgroup" }, admin(g))).errors).toBeUndefined();
    const [d] = await carol.waitFor(1);
    expect(d).toMatchObject({ __typename: "GroupDismissedEvent", groupId: "rtgroup" });
    await all.waitFor(2);
    await Promise.all([adminClient.dispose(), carolClient.dispose()]);
    await until(() => listeners() === 0);
  });

  it("bounds the subscriptions one end user runs, over all their sockets", async () => {
    const token = bearer(await g.tokenFor("alice"));
    const sockets = [wsClient(g.url, token), wsClient(g.url, token)];
    // 20 (the default bound), spread over two sockets.
    const running = Array.from({ length: 20 }, (_, i) =>
      collect(sockets[i % 2] as (typeof sockets)[number], EVENTS, { app: "tencent" }),
    );
    await until(() => listeners() === 20);
    const over = collect(sockets[0] as (typeof sockets)[number], EVENTS, { app: "zego" });
    await until(() => over.done);
    expect(JSON.stringify(over.errors)).toContain("TOO_MANY_SUBSCRIPTIONS");
    expect(running.every((r) => !r.done)).toBe(true);
    // Admins are not bounded by it, and other users have their own count.
    const others = [
      wsClient(g.url, { "x-api-key": g.adminKey }),
      wsClient(g.url, bearer(await g.tokenFor("bob"))),
    ];
    for (const client of others) collect(client, EVENTS, { app: "tencent" });
    await until(() => listeners() === 22);
    // Closing a socket gives its subscriptions back.
    await sockets[1]?.dispose();
    await until(() => listeners() === 12);
    const again = collect(sockets[0] as (typeof sockets)[number], EVENTS, { app: "zego" });
    await until(() => listeners() === 13);
    expect(again.done).toBe(false);
    await Promise.all([sockets[0]?.dispose(), ...others.map((c) => c.dispose())]);
    await until(() => listeners() === 0);
  });

  it("counts what runs: ids reused after a complete, and tokens bound to one app, change nothing", async () => {
    // A raw graphql-ws socket, to send the same id again and again.
    const raw = new WebSocket(g.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const answers: Array<{ id?: string; type: string; payload?: unknown }> = [];
    raw.on("message", (data) => answers.push(JSON.parse(String(data))));
    await new Promise((r) => raw.once("open", r));
    const send = (message: unknown) => raw.send(JSON.stringify(message));
    send({ type: "connection_init", payload: bearer(await g.tokenFor("alice")) });
    await until(() => answers.some((m) => m.type === "connection_ack"));
    const start = (id: string) =>
      send({ id, type: "subscribe", payload: { query: EVENTS, variables: { app: "tencent" } } });
    for (let i = 0; i < 30; i++) {
      start("x");
      await until(() => listeners() === 1);
      send({ id: "x", type: "complete" });
      await until(() => listeners() === 0);
    }
    // All 20 are still there to take, the last through a token bound to one app.
    for (let i = 0; i < 19; i++) start(`s${i}`);
    await until(() => listeners() === 19);
    const bound = wsClient(g.url, bearer(await g.tokenFor("alice", { app: "tencent" })));
    const twentieth = collect(bound, EVENTS, { app: "tencent" });
    await until(() => listeners() === 20);
    const over = collect(bound, EVENTS, { app: "tencent" });
    await until(() => over.done);
    expect(JSON.stringify(over.errors)).toContain("TOO_MANY_SUBSCRIPTIONS");
    expect(twentieth.done).toBe(false);
    raw.close();
    await bound.dispose();
    await until(() => listeners() === 0);
  });

  it("closes a subscriber with 4403 when its token expires", async () => {
    const short = await g.tokenFor("alice", { expiresIn: "2s" });
    let closed: number | undefined;
    const client = wsClient(g.url, bearer(short), (code) => {
      closed = code;
    });
    collect(client, EVENTS, { app: "rongcloud" });
    await until(() => listeners() === 1);
    expect(g.ws.stats().timers).toBe(1);
    await until(() => closed !== undefined, 5_000);
    expect(closed).toBe(4403);
    await until(() => listeners() === 0 && g.ws.stats().timers === 0);
    await client.dispose();
  });

  it("refuses connections with bad credentials (4403) and anonymous ones", async () => {
    const attempts: Array<Record<string, string>> = [
      { "x-api-key": "wrong" },
      { authorization: "Bearer nope" },
      {},
    ];
    for (const params of attempts) {
      let closed: number | undefined;
      const client = wsClient(g.url, params, (code) => {
        closed = code;
      });
      const sub = collect(client, EVENTS, {});
      await until(() => closed !== undefined);
      expect(closed).toBe(4403);
      expect(sub.events).toEqual([]);
      await client.dispose();
    }
  });

  it("a token bound to another app cannot subscribe to this one", async () => {
    const token = await g.tokenFor("alice", { app: "zego" });
    const client = wsClient(g.url, bearer(token));
    const sub = collect(client, EVENTS, { app: "tencent" });
    await until(() => sub.done);
    expect(JSON.stringify(sub.errors)).toContain("FORBIDDEN");
    await client.dispose();
  });

  it("runs only subscriptions over WebSocket", async () => {
    const client = wsClient(g.url, { "x-api-key": g.adminKey });
    const sub = collect(client, "{ viewer { role } }");
    await until(() => sub.done);
    expect(JSON.stringify(sub.errors)).toContain("Only subscriptions");
    await client.dispose();
  });

  it("1,000 subscribe / disconnect cycles leave no listeners, sockets or timers", async () => {
    const token = await g.tokenFor("alice");
    let client = wsClient(g.url, bearer(token));
    for (let i = 0; i < 1000; i++) {
      const sub = collect(client, EVENTS, { app: "rongcloud" });
      await until(() => listeners() === 1);
      // Most cycles complete the subscription; every 10th drops the whole connection.
      if (i % 10 === 9) {
        await client.dispose();
        client = wsClient(g.url, bearer(token));
      } else {
        sub.stop();
      }
      await until(() => listeners() === 0);
    }
    await client.dispose();
    await until(() => g.ws.stats().sockets === 0);
    expect(g.realtime.pubsub.stats()).toEqual({ listeners: 0, channels: 0 });
    expect(g.ws.stats()).toEqual({ sockets: 0, timers: 0 });
  }, 60_000);
});
