import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, withDemo } from "./helpers.js";

// Messages after they are sent over GraphQL, end to end through each vendor's emulator:
// one-sided deletes, extensions, reactions, read receipts and import — what works, who may
// (the conversation's users, the reader, admins), bad input refused before any vendor call,
// and each declared gap answered with its reason.

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

const APPS = ["rongcloud", "tencent", "zego"] as const;

const SET_EXT = `mutation($app: ID, $m: ID!, $e: [MessageExtensionInput!]!) {
  setMessageExtensions(app: $app, messageId: $m, extensions: $e) { key applied current { value version } } }`;
const EXTS = `query($app: ID, $m: ID!) { messageExtensions(app: $app, messageId: $m) { key value version } }`;
const REACT = `mutation($app: ID, $m: ID!, $u: ID!, $e: String!) {
  addReaction(app: $app, messageId: $m, userId: $u, emoji: $e) { emoji userIds } }`;
const DELETE = `mutation($app: ID, $u: ID!, $ids: [ID!]!) {
  deleteMessages(app: $app, userId: $u, messageIds: $ids) { key ok error { code } } }`;
const READ = `mutation($app: ID, $u: ID!, $ids: [ID!]!) { markMessagesRead(app: $app, userId: $u, messageIds: $ids) }`;
const IMPORT = `mutation($app: ID, $c: ConversationInput!, $m: [ImportedMessageInput!]!) {
  importMessages(app: $app, conversation: $c, messages: $m) { key ok messageId error { code message } } }`;

describe.each(APPS)("message lifecycle on %s", (app) => {
  const { q, as, supported, expectGap, expectRefusedBeforeVendor, register, send } = inDemoApp(
    () => g,
    app,
    "l",
  );

  it("the conversation's users set and read extensions and react; outsiders may not", async () => {
    const [me, peer, outsider] = (await register(3)) as [string, string, string];
    const m = await send(me, peer, "vote");
    const asPeer = await as(peer);
    const set = await q<{ setMessageExtensions: Array<{ key: string; applied: boolean }> }>(
      SET_EXT,
      { m, e: [{ key: "status", value: "done" }] },
      asPeer,
    );
    if (!supported("SET_MESSAGE_EXTENSIONS")) return expectGap(set, "SET_MESSAGE_EXTENSIONS");
    expect(ok(set).setMessageExtensions).toEqual([
      expect.objectContaining({ key: "status", applied: true }),
    ]);
    const read = await q<{ messageExtensions: Array<{ key: string; value: string }> }>(
      EXTS,
      { m },
      await as(me),
    );
    expect(ok(read).messageExtensions.map((e) => [e.key, e.value])).toEqual([["status", "done"]]);
    const outside = await q(EXTS, { m }, await as(outsider));
    expect(firstError(outside)).toMatchObject({ code: "FORBIDDEN" });
    const reacted = await q<{ addReaction: Array<{ emoji: string; userIds: string[] }> }>(
      REACT,
      { m, u: peer, e: "👍" },
      asPeer,
    );
    expect(ok(reacted).addReaction).toEqual([{ emoji: "👍", userIds: [peer] }]);
    // Reacting for someone else is not an end user's to do.
    const forOther = await q(REACT, { m, u: me, e: "🎉" }, asPeer);
    expect(firstError(forOther)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("a user deletes messages from their own copy only", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    const m = await send(peer, me, "delete me");
    const theirs = await q(DELETE, { u: me, ids: [m] }, await as(peer));
    expect(firstError(theirs)).toMatchObject({ code: "FORBIDDEN" });
    const r = await q<{ deleteMessages: unknown[] }>(DELETE, { u: me, ids: [m] }, await as(me));
    if (!supported("DELETE_MESSAGES")) return expectGap(r, "DELETE_MESSAGES");
    expect(ok(r).deleteMessages).toEqual([{ key: m, ok: true, error: null }]);
  });

  it("a reader sends read receipts for what they received", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    const m = await send(peer, me, "read me");
    const r = await q(READ, { u: me, ids: [m] }, await as(me));
    if (!supported("MARK_MESSAGES_READ")) return expectGap(r, "MARK_MESSAGES_READ");
    expect(ok(r)).toEqual({ markMessagesRead: true });
    const forOther = await q(READ, { u: me, ids: [m] }, await as(peer));
    expect(firstError(forOther)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("admins import messages with their original senders and times", async () => {
    const [u1, u2] = (await register(2)) as [string, string];
    const sentAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
    const variables = {
      c: { type: "USER", userId: u1, id: u2 },
      m: [{ senderId: u1, sentAt, content: { text: { text: "from the old vendor" } } }],
    };
    const asUser = await q(IMPORT, variables, await as(u1));
    expect(firstError(asUser)).toMatchObject({ code: "FORBIDDEN" });
    const r = await q<{ importMessages: Array<{ key: string; ok: boolean }> }>(IMPORT, variables);
    if (!supported("IMPORT_MESSAGES")) return expectGap(r, "IMPORT_MESSAGES");
    expect(ok(r).importMessages.map((x) => [x.key, x.ok])).toEqual([["0", true]]);
  });

  it("refuses bad input naming the field, before any vendor call", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    const m = await send(me, peer, "bad input ahead");
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [DELETE, { u: me, ids: [] }, "messageIds"],
      [READ, { u: me, ids: [""] }, "messageIds[0]"],
      [SET_EXT, { m, e: [] }, "extensions"],
      [
        IMPORT,
        {
          c: { type: "USER", userId: me, id: "other" },
          m: [{ senderId: me, sentAt: future, content: { text: { text: "x" } } }],
        },
        "messages[0].sentAt",
      ],
    ];
    await expectRefusedBeforeVendor(cases);
  });
});
