import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, uniqueIds, withDemo } from "./helpers.js";

// A user's conversations (list, unread, read state, pin, do-not-disturb, clearing), message
// edits and the message log over GraphQL, end to end through each vendor's emulator: what
// works, who may, bad input refused before any vendor call, and each declared gap answered
// with its reason.

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

const uid = uniqueIds();
const APPS = ["rongcloud", "tencent", "zego"] as const;

const LIST = `query($app: ID, $u: ID!) { conversations(app: $app, userId: $u, first: 50) {
  nodes { conversation { type id } unreadCount pinned lastMessageAt
    lastMessage { senderId content { ... on TextContent { text } } } } pageInfo { hasNextPage } } }`;
const UNREAD = "query($app: ID, $u: ID!) { unreadTotal(app: $app, userId: $u) }";
const conversationCall = (name: string, extra = "", extraArgs = "") =>
  `mutation($app: ID, $u: ID!, $c: ConversationRefInput!${extra}) { ${name}(app: $app, userId: $u, conversation: $c${extraArgs}) }`;
const MARK_READ = conversationCall("markConversationRead", ", $upTo: DateTimeISO", ", upTo: $upTo");
const PIN = conversationCall("pinConversation", ", $p: Boolean!", ", pinned: $p");
const DND = conversationCall("setConversationDoNotDisturb", ", $d: Boolean!", ", doNotDisturb: $d");
const DND_READ =
  "query($app: ID, $u: ID!, $c: ConversationRefInput!) { conversationDoNotDisturb(app: $app, userId: $u, conversation: $c) }";
const SET_UNREAD = conversationCall("setConversationUnreadCount", ", $n: Int!", ", count: $n");
const DELETE = conversationCall("deleteConversation");
const CLEAR = conversationCall("clearConversationHistory");
const EDIT = `mutation($app: ID, $id: ID!, $text: String!) {
  editMessage(app: $app, messageId: $id, content: { text: { text: $text } }) }`;
const LOG =
  "query($app: ID, $h: DateTimeISO!) { messageLog(app: $app, hour: $h) { hour url files { url } } }";

describe.each(APPS)("conversations on %s", (app) => {
  const { q, as, supported, expectGap, expectRefusedBeforeVendor, register, send } = inDemoApp(
    () => g,
    app,
    "v",
  );

  it("an end user lists their own conversations, with the last message where history is kept", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    await send(peer, me, "hello there");
    const mine = await as(me);
    const r = await q<{
      conversations: {
        nodes: Array<{
          conversation: { type: string; id: string };
          unreadCount: number | null;
          lastMessage: { senderId: string; content: { text: string } } | null;
        }>;
      };
    }>(LIST, { u: me }, mine);
    if (!supported("LIST_CONVERSATIONS")) return expectGap(r, "LIST_CONVERSATIONS");
    const [only] = ok(r).conversations.nodes;
    expect(only?.conversation).toEqual({ type: "USER", id: peer });
    if (only?.unreadCount !== null) expect(only?.unreadCount).toBe(1);
    if (supported("LIST_MESSAGES")) {
      expect(only?.lastMessage).toEqual({ senderId: peer, content: { text: "hello there" } });
    } else {
      expect(only?.lastMessage).toBeNull();
    }
    // Someone else's list is theirs.
    const theirs = await q(LIST, { u: me }, await as(peer));
    expect(firstError(theirs)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("marks a conversation read and counts what is unread", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    await send(peer, me, "one");
    await send(peer, me, "two");
    const mine = await as(me);
    const c = { type: "USER", id: peer };
    const total = await q<{ unreadTotal: number }>(UNREAD, { u: me }, mine);
    if (supported("COUNT_UNREAD")) expect(ok(total).unreadTotal).toBe(2);
    else expectGap(total, "COUNT_UNREAD");
    const read = await q(MARK_READ, { u: me, c }, mine);
    if (!supported("MARK_CONVERSATION_READ")) return expectGap(read, "MARK_CONVERSATION_READ");
    expect(ok(read)).toEqual({ markConversationRead: true });
    if (supported("COUNT_UNREAD")) {
      expect(ok(await q<{ unreadTotal: number }>(UNREAD, { u: me }, mine)).unreadTotal).toBe(0);
    }
    // Unread counts are set by admins only (moving between vendors).
    const set = await q(SET_UNREAD, { u: me, c: { type: "GROUP", id: "g1" }, n: 1 }, mine);
    expect(firstError(set)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("pins and silences a conversation, each as the vendor allows", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    await send(peer, me, "hi");
    const mine = await as(me);
    const c = { type: "USER", id: peer };
    const pinned = await q(PIN, { u: me, c, p: true }, mine);
    if (supported("PIN_CONVERSATION")) expect(ok(pinned)).toEqual({ pinConversation: true });
    else expectGap(pinned, "PIN_CONVERSATION");
    const silenced = await q(DND, { u: me, c, d: true }, mine);
    if (!supported("SET_CONVERSATION_DO_NOT_DISTURB")) {
      return expectGap(silenced, "SET_CONVERSATION_DO_NOT_DISTURB");
    }
    if (app === "tencent") {
      // Tencent keeps a receive option for group members only.
      expect(firstError(silenced)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      return;
    }
    expect(ok(silenced)).toEqual({ setConversationDoNotDisturb: true });
    const state = await q<{ conversationDoNotDisturb: boolean }>(DND_READ, { u: me, c }, mine);
    if (supported("GET_CONVERSATION_DO_NOT_DISTURB")) {
      expect(ok(state)).toEqual({ conversationDoNotDisturb: true });
    } else {
      expectGap(state, "GET_CONVERSATION_DO_NOT_DISTURB");
    }
  });

  it("deletes or clears a conversation for its owner only", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    await send(peer, me, "bye");
    const c = { type: "USER", id: peer };
    const asPeer = await q(DELETE, { u: me, c }, await as(peer));
    expect(firstError(asPeer)).toMatchObject({ code: "FORBIDDEN" });
    const mine = await as(me);
    const cleared = await q(CLEAR, { u: me, c }, mine);
    if (supported("CLEAR_CONVERSATION_HISTORY")) {
      expect(ok(cleared)).toEqual({ clearConversationHistory: true });
    } else {
      expectGap(cleared, "CLEAR_CONVERSATION_HISTORY");
    }
    const deleted = await q(DELETE, { u: me, c }, mine);
    if (!supported("DELETE_CONVERSATION")) return expectGap(deleted, "DELETE_CONVERSATION");
    expect(ok(deleted)).toEqual({ deleteConversation: true });
    const list = await q<{ conversations: { nodes: unknown[] } }>(LIST, { u: me }, mine);
    expect(ok(list).conversations.nodes).toEqual([]);
  });

  it("the sender edits a message; nobody else may", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    const id = await send(me, peer, "typo");
    const other = await q(EDIT, { id, text: "hijacked" }, await as(peer));
    expect(firstError(other)).toMatchObject({ code: "FORBIDDEN" });
    const edited = await q(EDIT, { id, text: "fixed" }, await as(me));
    if (!supported("EDIT_MESSAGE")) return expectGap(edited, "EDIT_MESSAGE");
    expect(ok(edited)).toEqual({ editMessage: true });
    if (supported("LIST_MESSAGES")) {
      const history = await q<{ messages: { nodes: Array<{ content: { text: string } }> } }>(
        `query($app: ID, $u: ID!, $p: ID!) { messages(app: $app, conversation: { type: USER, userId: $u, id: $p }, first: 5) {
          nodes { content { ... on TextContent { text } } } } }`,
        { u: me, p: peer },
      );
      expect(ok(history).messages.nodes.map((m) => m.content.text)).toEqual(["fixed"]);
    }
  });

  it("an edit of a message the vendor no longer holds names the rule", async (t) => {
    if (!supported("EDIT_MESSAGE") || !supported("RECALL_MESSAGE")) t.skip();
    const [me, peer] = (await register(2)) as [string, string];
    const id = await send(me, peer, "oops");
    ok(
      await q("mutation($app: ID, $id: ID!) { recallMessage(app: $app, messageId: $id) }", { id }),
    );
    const edited = await q(EDIT, { id, text: "too late" }, await as(me));
    // Where the vendor tells (Tencent's 20026), the client reads the rule, not just a code.
    const error = firstError(edited);
    expect(["NOT_FOUND", "VENDOR_REJECTED"]).toContain(error.code);
    if (app === "tencent") expect(error).toMatchObject({ code: "NOT_FOUND", rule: "MESSAGE_GONE" });
  });

  it("the message log is for admins; an hour with no file answers url null", async () => {
    const hour = "2020-01-01T05:30:00.000Z";
    const asUser = await q(LOG, { h: hour }, await as(uid("x")));
    expect(firstError(asUser)).toMatchObject({ code: "FORBIDDEN" });
    const r = await q<{ messageLog: { hour: string; url: string | null } }>(LOG, { h: hour });
    if (!supported("GET_HISTORY_LOG")) return expectGap(r, "GET_HISTORY_LOG");
    expect(ok(r).messageLog).toEqual({ hour: "2020-01-01T05:00:00.000Z", url: null, files: [] });
  });

  it("refuses bad input naming the field, before any vendor call", async () => {
    const [me] = (await register(1)) as [string];
    const room = { type: "ROOM", id: "r1" };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [MARK_READ, { u: me, c: room }, "conversation.type"],
      [PIN, { u: me, c: { type: "USER", id: me }, p: true }, "conversation.id"],
      [DND, { u: "", c: { type: "USER", id: "x" }, d: true }, "userId"],
      [SET_UNREAD, { u: me, c: { type: "GROUP", id: "g1" }, n: -1 }, "count"],
      [CLEAR, { u: me, c: { type: "GROUP", id: "" } }, "conversation.id"],
      [EDIT, { id: "msg1.forged.id", text: "x" }, "messageId"],
      [LOG, { h: new Date(Date.now() + 7_200_000).toISOString() }, "hour"],
    ];
    await expectRefusedBeforeVendor(cases);
  });
});
