import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { inDemoApp } from "./demo-app.js";
import { admin, ok, withDemo } from "./helpers.js";
import { collect, EVENTS, type Received, sleep, until, wsClient } from "./ws-helpers.js";

// Edits, deletes, reads and reactions made through the gateway reach the subscribers allowed
// to see them: from the vendor's own callback where it sends one (Tencent: one-to-one edits
// and reads), else published by the gateway itself — exactly once either way.

const APPS = ["rongcloud", "tencent", "zego"] as const;
const TYPES = ["MESSAGE_EDITED", "MESSAGE_DELETED", "CONVERSATION_READ", "REACTION_CHANGED"];

const EDIT = `mutation($app: ID, $m: ID!, $text: String!) {
  editMessage(app: $app, messageId: $m, content: { text: { text: $text } }) }`;
const REACT = `mutation($app: ID, $m: ID!, $u: ID!, $e: String!) {
  addReaction(app: $app, messageId: $m, userId: $u, emoji: $e) { emoji } }`;
const UNREACT = `mutation($app: ID, $m: ID!, $u: ID!, $e: String!) {
  removeReaction(app: $app, messageId: $m, userId: $u, emoji: $e) { emoji } }`;
const DELETE = `mutation($app: ID, $u: ID!, $ids: [ID!]!) {
  deleteMessages(app: $app, userId: $u, messageIds: $ids) { ok } }`;
const READ = `mutation($app: ID, $u: ID!, $c: ConversationRefInput!) {
  markConversationRead(app: $app, userId: $u, conversation: $c) }`;

type Heard = Received<Record<string, unknown>>;

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe.each(APPS)("lifecycle events on %s", (app) => {
  const { q, as, supported, register, send } = inDemoApp(() => g, app, "le");
  const listen = async (...headers: Array<Record<string, string>>) => {
    const before = g.realtime.pubsub.stats().listeners;
    const subs = headers.map((h) => {
      const client = wsClient(g.url, h);
      onTestFinished(() => client.dispose());
      return collect<Record<string, unknown>>(client, EVENTS, { app, types: TYPES });
    });
    await until(() => g.realtime.pubsub.stats().listeners === before + subs.length);
    return subs;
  };

  it("an edit and a reaction reach both users and admins once, and no outsider", async (t) => {
    // A vendor with neither is a visible skip (declared gaps), not a pass that did nothing.
    if (!supported("EDIT_MESSAGE") && !supported("ADD_REACTION")) t.skip();
    const [me, peer, outsider] = (await register(3)) as [string, string, string];
    const m = await send(me, peer);
    const [everyone, them, other] = (await listen(
      admin(g),
      await as(peer),
      await as(outsider),
    )) as [Heard, Heard, Heard];
    let expected = 0;
    if (supported("EDIT_MESSAGE")) {
      ok(await q(EDIT, { m, text: "hello again" }, await as(me)));
      const [edited] = await everyone.waitFor(++expected);
      expect(edited).toMatchObject({
        __typename: "MessageEditedEvent",
        type: "MESSAGE_EDITED",
        senderId: me,
        conversation: { type: "USER", id: peer },
        content: { text: "hello again" },
      });
      // Rebuilt from a callback, the id still names the same message.
      if (edited?.messageId !== null) expect(edited?.messageId).toBe(m);
    }
    if (supported("ADD_REACTION")) {
      ok(await q(REACT, { m, u: peer, e: "👍" }, await as(peer)));
      ok(await q(UNREACT, { m, u: peer, e: "👍" }, await as(peer)));
      expected += 2;
      const events = await everyone.waitFor(expected);
      expect(events.slice(-2)).toEqual([
        expect.objectContaining({
          type: "REACTION_CHANGED",
          messageId: m,
          senderId: me,
          userId: peer,
          emoji: "👍",
          added: true,
        }),
        expect.objectContaining({ type: "REACTION_CHANGED", added: false }),
      ]);
    }
    await them.waitFor(expected);
    // Nothing arrives twice (a callback and the gateway's own), nothing to the outsider.
    await sleep(300);
    expect(everyone.events).toHaveLength(expected);
    expect(them.events).toHaveLength(expected);
    expect(other.events).toEqual([]);
  });

  it("a one-sided delete is told to its user only; a read to the reader and the peer", async (t) => {
    if (!supported("MARK_CONVERSATION_READ") && !supported("DELETE_MESSAGES")) t.skip();
    const [me, peer] = (await register(2)) as [string, string];
    const m = await send(peer, me);
    const [mine, theirs] = (await listen(await as(me), await as(peer))) as [Heard, Heard];
    let expected = 0;
    if (supported("MARK_CONVERSATION_READ")) {
      ok(await q(READ, { u: me, c: { type: "USER", id: peer } }, await as(me)));
      const [read] = await mine.waitFor(++expected);
      expect(read).toMatchObject({
        type: "CONVERSATION_READ",
        userId: me,
        conversation: { type: "USER", id: peer },
      });
      expect(Date.parse(String(read?.readUpTo))).toBeGreaterThan(Date.now() - 60_000);
      // The peer learns that the message was read (a read receipt).
      await theirs.waitFor(1);
    }
    if (supported("DELETE_MESSAGES")) {
      ok(await q(DELETE, { u: me, ids: [m] }, await as(me)));
      const events = await mine.waitFor(++expected);
      expect(events.at(-1)).toMatchObject({
        type: "MESSAGE_DELETED",
        messageId: m,
        senderId: peer,
        forUserId: me,
      });
    }
    await sleep(300);
    expect(mine.events).toHaveLength(expected);
    expect(theirs.events.filter((e) => e.type === "MESSAGE_DELETED")).toEqual([]);
  });
});
