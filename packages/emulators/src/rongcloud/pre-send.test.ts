import { verifyRongCloudCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { useLocalServer } from "../testing/local-server.js";
import { ok, textMessage } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

/** The app server's message callback endpoint: records each request, answers `reply`. */
interface Asked {
  query: URLSearchParams;
  contentType: string;
  form: URLSearchParams;
}
let reply: (asked: Asked) => { status?: number; body: string } | "hang" = () => ({
  body: JSON.stringify({ pass: 1 }),
});
const asked: Asked[] = [];
const app = useLocalServer(
  "/msgcb",
  (request) => {
    const a = {
      query: request.url.searchParams,
      contentType: String(request.headers["content-type"]),
      form: new URLSearchParams(request.body),
    };
    asked.push(a);
    const r = reply(a);
    if (r === "hang") return "hang";
    return { status: r.status ?? 200, contentType: "application/json", body: r.body };
  },
  () => {
    asked.length = 0;
    reply = () => ({ body: JSON.stringify({ pass: 1 }) });
  },
);

const routing = useCallbackSink();
const fx = useRongCloud(() => ({
  preSendTimeoutMs: 300,
  apps: [
    {
      ...APP,
      callbackUrls: { routing: routing.url, preSend: app.url },
      moderateServerMessages: true,
    },
  ],
}));

const sendText = async (text: string) =>
  ok(await fx.rc.publish("private", { fromUserId: "a", toUserId: "b", ...textMessage(text) }))
    .messageUIDs[0].messageUID as string;
const routed = async (uid: string) => {
  await fx.emu.flushCallbacks();
  return routing.received
    .map((c) => new URLSearchParams(c.body))
    .filter((f) => f.get("msgUID") === uid);
};

describe("message callback service (#18 §1)", () => {
  it("posts the message, form-encoded, signed like every callback but without appKey", async () => {
    const uid = await sendText("hello");
    const [a] = asked;
    expect(a?.contentType).toBe("application/x-www-form-urlencoded");
    expect(a?.query.has("appKey")).toBe(false);
    expect(verifyRongCloudCallback(a?.query ?? new URLSearchParams(), APP.appSecret).ok).toBe(true);
    expect(Object.fromEntries(a?.form ?? [])).toMatchObject({
      appKey: APP.appKey,
      fromUserId: "a",
      targetId: "b",
      msgType: "RC:TxtMsg",
      content: JSON.stringify({ content: "hello" }),
      channelType: "PERSON",
      messageId: uid,
      os: "Server",
    });
    expect(a?.form.get("msgTimeStamp")).toMatch(/^\d{13}$/);
  });

  it("pass 1 delivers as sent: stored and routed", async () => {
    const uid = await sendText("hello");
    expect(fx.emu.storedMessage({ msgUID: uid })?.content).toBe(
      JSON.stringify({ content: "hello" }),
    );
    expect(await routed(uid)).toHaveLength(1);
    expect(fx.emu.moderation({}).preSendLog).toMatchObject([{ uid, outcome: "answered", pass: 1 }]);
  });

  it("pass 0 keeps the message from recipients: the send answers 200, nothing stored or routed", async () => {
    reply = () => ({ body: JSON.stringify({ pass: 0, extra: "not allowed here" }) });
    const uid = await sendText("bad words");
    expect(fx.emu.storedMessage({ msgUID: uid })).toBeNull();
    expect(await routed(uid)).toEqual([]);
    expect(fx.emu.moderation({}).moderated).toMatchObject([
      { uid, by: "message-callback", extra: "not allowed here" },
    ]);
  });

  it("replaceContent replaces what history and routing hold", async () => {
    const replaced = JSON.stringify({ content: "hello ***" });
    reply = () => ({ body: JSON.stringify({ pass: 1, replaceContent: replaced }) });
    const uid = await sendText("hello you");
    expect(fx.emu.storedMessage({ msgUID: uid })?.content).toBe(replaced);
    expect((await routed(uid))[0]?.get("content")).toBe(replaced);
  });

  it("delivers as sent when the app server is slow (one attempt, no retry)", async () => {
    reply = () => "hang";
    const uid = await sendText("hello");
    expect(fx.emu.storedMessage({ msgUID: uid })).not.toBeNull();
    expect(asked).toHaveLength(1);
    expect(fx.emu.moderation({}).preSendLog).toMatchObject([{ uid, outcome: "timeout" }]);
  });

  it("delivers as sent on an HTTP error or an answer it cannot read", async () => {
    reply = () => ({ status: 500, body: JSON.stringify({ pass: 0 }) });
    const failed = await sendText("one");
    reply = () => ({ body: "<html>no</html>" });
    const garbage = await sendText("two");
    reply = () => ({ body: JSON.stringify({ pass: 7 }) });
    const wrong = await sendText("three");
    for (const uid of [failed, garbage, wrong])
      expect(fx.emu.storedMessage({ msgUID: uid })).not.toBeNull();
    expect(fx.emu.moderation({}).preSendLog.map((r) => r.outcome)).toEqual([
      "http-error",
      "unreadable",
      "unreadable",
    ]);
  });

  it("asks about group and chatroom sends too, not about system or status messages", async () => {
    ok(await fx.rc.publish("group", { toGroupId: "g1", ...textMessage("g") }));
    ok(await fx.rc.publish("chatroom", { toChatroomId: "r1", ...textMessage("r") }));
    ok(await fx.rc.publish("system", { toUserId: "b", ...textMessage("s") }));
    ok(
      await fx.rc.post("/statusmessage/private/publish.json", {
        fromUserId: "a",
        toUserId: "b",
        ...textMessage("typing"),
      }),
    );
    expect(asked.map((a) => [a.form.get("channelType"), a.form.get("targetId")])).toEqual([
      ["GROUP", "g1"],
      ["TEMPGROUP", "r1"],
    ]);
  });

  it("asks after the sensitive-word filter: a blocked word never reaches the app server", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "spam" }));
    fx.emu.setClock({ advanceMs: 15 * 60_000 });
    const uid = await sendText("spam");
    expect(asked).toEqual([]);
    expect(fx.emu.moderation({}).moderated).toMatchObject([{ uid, by: "sensitive-word" }]);
  });
});
