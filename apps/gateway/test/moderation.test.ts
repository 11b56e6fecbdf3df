import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BLOCKED_WORD } from "../src/demo/apps.js";
import { type DemoGateway, startDemo } from "../src/demo/start.js";
import { gql, uniqueIds } from "./helpers.js";
import { collect, sleep, wsClient } from "./ws-helpers.js";

// Pre-send moderation end to end: the demo's emulators ask the gateway before delivering
// (Tencent's before-send callbacks, RongCloud's message callback service), the demo's
// rules block one word, and the vendor acts on the answer.

const BLOCKED = `subscription($app: ID) { events(app: $app, types: [MESSAGE_BLOCKED]) {
  ... on MessageBlockedEvent { type app senderId conversation { type id } rule reason }
} }`;

const SEND = `mutation($app: ID, $input: SendMessageInput!) {
  sendMessage(app: $app, input: $input) { recipientId messageId error { code message } }
}`;

const HISTORY = `query($app: ID, $conversation: ConversationInput!) {
  messages(app: $app, conversation: $conversation, first: 50) {
    nodes { senderId content { ... on TextContent { text } } }
  }
}`;

describe("pre-send moderation on the demo's vendors", () => {
  let g: DemoGateway;
  const lines: string[] = [];
  const id = uniqueIds();
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    g = await startDemo({
      server: { port: 0, host: "127.0.0.1" },
      log: pino({ level: "info" }, sink),
    });
  });
  afterAll(async () => {
    await g?.close();
  });

  const admin = () => ({ "x-api-key": g.adminKey });
  const send = (app: string, text: string) =>
    gql<{
      sendMessage: Array<{
        messageId: string | null;
        error: { code: string; message: string } | null;
      }>;
    }>(
      g.url,
      SEND,
      { app, input: { from: "alice", toUserIds: ["bob"], content: { text: { text } } } },
      admin(),
    );
  const history = async (app: string) => {
    await g.flushCallbacks();
    const r = await gql<{ messages: { nodes: Array<{ content: { text?: string } }> } }>(
      g.url,
      HISTORY,
      { app, conversation: { type: "USER", userId: "alice", id: "bob" } },
      admin(),
    );
    return (r.data?.messages.nodes ?? []).map((n) => n.content.text);
  };

  it("tencent: a blocked word is refused to the sender with the reason, and never delivered", async () => {
    const client = wsClient(g.url, admin());
    const bob = wsClient(g.url, { authorization: `Bearer ${await g.tokenFor("bob")}` });
    const blocked = collect(client, BLOCKED, { app: "tencent" });
    const bobs = collect(bob, BLOCKED, { app: "tencent" });
    await sleep(200);
    const text = `what a ${DEMO_BLOCKED_WORD} ${id("t")}`;
    const r = await send("tencent", text);
    const [result] = r.data?.sendMessage ?? [];
    expect(result?.messageId ?? null).toBeNull();
    expect(result?.error?.code).toBe("VENDOR_REJECTED");
    expect(result?.error?.message).toContain(`the demo blocks the word "${DEMO_BLOCKED_WORD}"`);
    expect(await history("tencent")).not.toContain(text);

    const [event] = await blocked.waitFor(1);
    expect(event).toEqual({
      type: "MESSAGE_BLOCKED",
      app: "tencent",
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
      rule: "blocked_word",
      reason: `Not sent: the demo blocks the word "${DEMO_BLOCKED_WORD}".`,
    });
    // Admins only: the recipient hears nothing of it.
    await sleep(200);
    expect(bobs.events).toHaveLength(0);
    await client.dispose();
    await bob.dispose();
  });

  it("tencent: a disguised blocked word is caught too; a clean message is delivered", async () => {
    const disguised = `a S C A M ${id("d")}`;
    const [refused] = (await send("tencent", disguised)).data?.sendMessage ?? [];
    expect(refused?.error?.code).toBe("VENDOR_REJECTED");
    const clean = `hello ${id("c")}`;
    const [sent] = (await send("tencent", clean)).data?.sendMessage ?? [];
    expect(sent?.error).toBeNull();
    expect(await history("tencent")).toContain(clean);
  });

  it("rongcloud: the message callback service drops a blocked message before delivery", async () => {
    const text = `what a ${DEMO_BLOCKED_WORD} ${id("r")}`;
    await send("rongcloud", text);
    const clean = `hello ${id("rc")}`;
    const [sent] = (await send("rongcloud", clean)).data?.sendMessage ?? [];
    expect(sent?.error).toBeNull();
    const texts = await history("rongcloud");
    expect(texts).toContain(clean);
    expect(texts).not.toContain(text);
  });

  it("zego: a client's send holding a blocked word is refused with the reason", async () => {
    const zego = g.emulators.find((e) => e.vendor === "zego");
    if (!zego) throw new Error("no zego emulator");
    await zego.login({ userId: "alice" });
    const clientSend = async (text: string) => {
      const res = await fetch(new URL("/zim-client/send", zego.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          UserId: "alice",
          ConvType: 0,
          ConvId: "bob",
          MessageType: 1,
          MessageBody: { Message: text },
        }),
      });
      return (await res.json()) as { code: number; reason?: string };
    };
    const refused = await clientSend(`what a ${DEMO_BLOCKED_WORD} ${id("z")}`);
    expect(refused.code).toBe(6000230);
    expect(refused.reason).toBe(`Not sent: the demo blocks the word "${DEMO_BLOCKED_WORD}".`);
    expect((await clientSend(`hello ${id("zc")}`)).code).toBe(0);
  });

  it("logs every decision without the message's text", async () => {
    const secretText = `a ${DEMO_BLOCKED_WORD} no log may show ${id("l")}`;
    await send("tencent", secretText);
    await sleep(100);
    const decisions = lines.filter((l) => l.includes("pre-send decision"));
    expect(decisions.length).toBeGreaterThan(0);
    const last = JSON.parse(decisions.at(-1) as string);
    expect(last.moderation).toMatchObject({
      app: "tencent",
      action: "BLOCK",
      rule: "blocked_word",
    });
    expect(lines.join("\n")).not.toContain("no log may show");
  });
});
