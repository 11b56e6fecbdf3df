import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { inDemoApp } from "./demo-app.js";
import { admin, ok, withDemo } from "./helpers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

// A message and its edits reach subscribers once each, and an edit never as a new message —
// also where the vendor calls an edit back as a send of the same message (ZIM's send_msg,
// docs/vendors/zego.md §4.2), whether the edit was made through the gateway or elsewhere.

const APPS = ["rongcloud", "tencent", "zego"] as const;
const EDIT = `mutation($app: ID, $m: ID!, $text: String!) {
  editMessage(app: $app, messageId: $m, content: { text: { text: $text } }) }`;
const TYPES = ["MESSAGE_SENT", "MESSAGE_EDITED"];

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe.each(APPS)("edits on %s", (app) => {
  const { q, as, supported, register, send } = inDemoApp(() => g, app, "ee");

  async function listen() {
    const before = g.realtime.pubsub.stats().listeners;
    const client = wsClient(g.url, admin(g));
    onTestFinished(() => client.dispose());
    const sub = collect<Record<string, unknown>>(client, EVENTS, { app, types: TYPES });
    await until(() => g.realtime.pubsub.stats().listeners === before + 1);
    return sub;
  }

  /** What subscribers heard, once every callback reached the gateway and went out. */
  async function settled(sub: { events: Record<string, unknown>[] }) {
    await g.flushCallbacks();
    await sleep(300);
    return sub.events.map((e) =>
      e.type === "MESSAGE_SENT"
        ? ["SENT", (e.message as { content: { text: string } }).content.text]
        : ["EDITED", (e.content as { text: string } | null)?.text ?? null, e.editorId],
    );
  }

  it("an edit through the gateway is told once, as an edit, with its editor", async (t) => {
    if (!supported("EDIT_MESSAGE")) t.skip();
    // Told by the gateway, the editor is known; by Tencent's callback, only "the server".
    const editor = (me: string) =>
      g.apps.get(app).reportsByCallback?.("MESSAGE_EDITED", "USER") ? null : me;
    const [me, peer] = (await register(2)) as [string, string];
    const sub = await listen();
    const m = await send(me, peer, "first");
    await sub.waitFor(1);
    ok(await q(EDIT, { m, text: "second" }, await as(me)));
    expect(await settled(sub)).toEqual([
      ["SENT", "first"],
      ["EDITED", "second", editor(me)],
    ]);
  });

  it("an edit made outside the gateway is told as an edit, once", async (t) => {
    if (!supported("EDIT_MESSAGE")) t.skip();
    const adapter = g.apps.get(app);
    // Vendors that report no edit made elsewhere (no callback for it): a declared skip.
    if (
      !adapter.editsReportedAsSendsForMs &&
      !adapter.reportsByCallback?.("MESSAGE_EDITED", "USER")
    )
      t.skip();
    const [me, peer] = (await register(2)) as [string, string];
    const sub = await listen();
    const m = await send(me, peer, "first");
    await sub.waitFor(1);
    // Another holder of the app's secret (or a client) edits it: the vendor's call only.
    await adapter.editMessage({ messageId: m, content: { type: "TEXT", text: "third" } });
    const heard = await settled(sub);
    expect(heard.map(([type, text]) => [type, text])).toEqual([
      ["SENT", "first"],
      ["EDITED", "third"],
    ]);
    expect(sub.events[1]).toMatchObject({ messageId: m, senderId: me });
  });
});
