import type { RunningEmulator } from "@imgraph/emulators";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientSend } from "./testing/app-server.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { startZego } from "./testing/emulator.js";

// The pre-send loop over real HTTP: the emulator asks before a client-SDK send, the
// adapter reads the question and answers the decision, the emulator delivers (or not).

// Long enough for a cold first callback on a loaded machine; only the "no answer" cases
// wait it out.
const TIMEOUT_MS = 1_000;
const loop = useCallbackLoop({ beforeSend: { timeoutMs: TIMEOUT_MS } });
const { app } = loop;
beforeAll(() => {
  loop.emulator.seed({
    users: [{ userId: "a" }, { userId: "b" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
  loop.emulator.login({ userId: "a" });
});
// Each test's after-send callbacks arrive before the next test starts counting.
afterEach(() => loop.emulator.flushCallbacks());

const toB = (message: string, type = 1) =>
  clientSend(loop.emulator.url, {
    UserId: "a",
    ConvType: 0,
    ConvId: "b",
    MessageType: type,
    MessageBody: { Message: message },
  });

async function delivered(): Promise<string[]> {
  const page = await loop.adapter.listMessages({
    conversation: { type: "USER", userId: "b", peerId: "a" },
    limit: 100,
  });
  return page.items.map((m) =>
    m.content.type === "TEXT" ? m.content.text : JSON.stringify(m.content),
  );
}

async function sentTexts(): Promise<string[]> {
  await loop.emulator.flushCallbacks();
  return app.events.flatMap((e) =>
    e.type === "MESSAGE_SENT" && e.message.content.type === "TEXT" ? [e.message.content.text] : [],
  );
}

describe("ZIM before_send_msg through the adapter", () => {
  it("ALLOW delivers, and the question names sender, conversation and content", async () => {
    expect(await toB("allowed one")).toMatchObject({ code: 0 });
    expect(app.checks).toEqual([
      {
        senderId: "a",
        conversation: { type: "USER", id: "b" },
        content: { type: "TEXT", text: "allowed one" },
        vendorMessageKey: expect.any(String),
      },
    ]);
    expect(await delivered()).toContain("allowed one");
    expect(await sentTexts()).toEqual(["allowed one"]);
  });

  it("BLOCK stops delivery; the sender's client gets the reason", async () => {
    app.decide = () => ({ action: "BLOCK", reason: "blocked word" });
    expect(await toB("blocked one")).toMatchObject({ code: 6000230, reason: "blocked word" });
    expect(await delivered()).not.toContain("blocked one");
    // send_msg still reports the refused send (send_result 660500010): read, no event.
    expect(await sentTexts()).toEqual([]);
    expect(app.refused).toEqual([]);
  });

  it("REWRITE delivers the new text to history and to the after-send callback", async () => {
    app.decide = (check) =>
      check.content.type === "TEXT"
        ? { action: "REWRITE", text: check.content.text.replace("darn", "****") }
        : { action: "ALLOW" };
    expect(await toB("oh darn it")).toMatchObject({ code: 0 });
    const history = await delivered();
    expect(history).toContain("oh **** it");
    expect(history).not.toContain("oh darn it");
    expect(await sentTexts()).toEqual(["oh **** it"]);
  });

  it("a REWRITE of a custom message is answered as ALLOW: delivered unchanged", async () => {
    app.decide = () => ({ action: "REWRITE", text: "replaced" });
    expect(await toB('{"k":"custom body"}', 200)).toMatchObject({ code: 0 });
    expect(app.checks[0]?.content.type).toBe("CUSTOM");
    expect((await delivered()).some((m) => m.includes("custom body"))).toBe(true);
  });

  it("asks about group sends as GROUP conversations", async () => {
    app.decide = () => ({ action: "BLOCK", reason: "no" });
    const sent = await clientSend(loop.emulator.url, {
      UserId: "a",
      ConvType: 2,
      ConvId: "g",
      MessageType: 1,
      MessageBody: { Message: "to the group" },
    });
    expect(sent).toMatchObject({ code: 6000230 });
    expect(app.checks.map((c) => c.conversation)).toEqual([{ type: "GROUP", id: "g" }]);
  });

  it("no answer in time: ZIM asks twice, then drops the message (onNoAnswer: drop)", async () => {
    app.decide = () => "hang";
    expect(await toB("too slow")).toMatchObject({ code: 6000230 });
    expect(app.checks).toHaveLength(2);
    expect(await delivered()).not.toContain("too slow");
  });

  it("server-API sends are never asked (preSend covers client sends only)", async () => {
    app.decide = () => ({ action: "BLOCK", reason: "no" });
    const [sent] = await loop.adapter.sendMessage({
      from: "a",
      to: { type: "USERS", userIds: ["b"] },
      content: { type: "TEXT", text: "from the server" },
    });
    expect(sent?.ok).toBe(true);
    expect(app.checks).toEqual([]);
    expect(await delivered()).toContain("from the server");
  });
});

describe("a pre-send callback signed with another secret", () => {
  let forged: RunningEmulator;
  afterAll(() => forged?.close());

  it("is refused by the parser, so ZIM's fallback drops the message", async () => {
    forged = await startZego({
      rateLimits: false,
      app: {
        callbackUrl: app.url,
        callbackSecret: "not-the-secret",
        beforeSend: { timeoutMs: TIMEOUT_MS },
      },
    });
    forged.seed({ users: [{ userId: "a" }, { userId: "b" }] });
    forged.login({ userId: "a" });
    app.events.length = 0;
    app.refused.length = 0;
    const sent = await clientSend(forged.url, {
      UserId: "a",
      ConvType: 0,
      ConvId: "b",
      MessageType: 1,
      MessageBody: { Message: "forged" },
    });
    expect(sent).toMatchObject({ code: 6000230 });
    expect(app.checks).toEqual([]);
    // The question (twice) refused; the login's user_action too.
    expect(app.refused.length).toBeGreaterThanOrEqual(2);
  });
});
