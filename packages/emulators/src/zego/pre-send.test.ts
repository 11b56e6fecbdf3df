import { verifyZegoCallback } from "@imgraph/signing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientSend } from "../testing/zego-client.js";
import { useAnsweringServer } from "./test-answering-server.js";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

const CALLBACK_SECRET = "cbsecret0123";
// Long enough for a cold first callback on a loaded machine; only the "no answer" cases
// wait it out.
const TIMEOUT_MS = 1_000;
const app = useAnsweringServer();
const fx = useZego({ callbackRetry: { backoffMs: 10 } }, () => ({
  callbackUrl: app.url,
  callbackSecret: CALLBACK_SECRET,
  beforeSend: { timeoutMs: TIMEOUT_MS },
}));

const text = (Message: string, ExtendedData?: string) => ({
  MessageType: 1,
  MessageBody: { Message, ...(ExtendedData !== undefined ? { ExtendedData } : {}) },
});
const toB = (Message: string, ExtendedData?: string) =>
  clientSend(fx.emu.url, { UserId: "a", ConvType: 0, ConvId: "b", ...text(Message, ExtendedData) });

type Msg = { body: string; extendedData: string; msgId: number };
async function peerHistory(): Promise<Msg[]> {
  const state = (await fx.emu.state(String(TEST_APP_ID))) as {
    peerConversations: { messages: Msg[] }[];
  };
  return state.peerConversations.flatMap((c) => c.messages);
}
async function sentCallbacks(): Promise<Record<string, unknown>[]> {
  await fx.emu.flushCallbacks();
  return app.received.filter((b) => b.event === "send_msg");
}

// A test's after-send callbacks must not reach the next test's server record.
afterEach(() => fx.emu.flushCallbacks());

beforeEach(async () => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
  await fx.emu.login({ userId: "a" });
});

describe("before_send_msg (docs/vendors/zego.md #18)", () => {
  it("asks about a client send with the documented fields, signed like every callback", async () => {
    const sent = await toB("hello", "ext");
    expect(sent).toMatchObject({ code: 0 });
    const [asked] = app.asked();
    expect(asked).toMatchObject({
      appid: String(TEST_APP_ID),
      event: "before_send_msg",
      from_user_id: "a",
      conv_id: "b",
      conv_type: 0,
      msg_id: sent.msgId,
      request_id: expect.any(String),
      msg_type: 1,
      sub_msg_type: 0,
      msg_body: "hello",
      payload: "ext",
    });
    expect(verifyZegoCallback(asked ?? {}, CALLBACK_SECRET).ok).toBe(true);
  });

  it("result 1 delivers: stored, and send_msg without `source` (a client send)", async () => {
    const sent = await toB("hello");
    expect((await peerHistory()).map((m) => m.body)).toEqual(["hello"]);
    const [after] = await sentCallbacks();
    expect(after).toMatchObject({ msg_body: "hello", send_result: 0, msg_id: sent.msgId });
    expect(after).not.toHaveProperty("source");
  });

  it("result 3 refuses: the sender gets 6000230 and the reason; nothing stored; send_msg says 660500010", async () => {
    app.answer = () => ({ json: { result: 3, reason: "no swearing" } });
    expect(await toB("darn")).toMatchObject({ code: 6000230, reason: "no swearing" });
    expect(await peerHistory()).toEqual([]);
    expect((await sentCallbacks()).map((c) => c.send_result)).toEqual([660500010]);
  });

  it("new_msg_body and new_payload replace what is stored and called back", async () => {
    app.answer = () => ({ json: { result: 0, new_msg_body: "h*llo", new_payload: "p2" } });
    expect(await toB("hello", "p1")).toMatchObject({ code: 0 });
    expect(await peerHistory()).toMatchObject([{ body: "h*llo", extendedData: "p2" }]);
    expect(await sentCallbacks()).toMatchObject([{ msg_body: "h*llo", payload: "p2" }]);
  });

  it("result 2 sends silently: the sender is told sent, nobody receives it", async () => {
    app.answer = () => ({ json: { result: 2 } });
    expect(await toB("psst")).toMatchObject({ code: 0 });
    expect(await peerHistory()).toEqual([]);
    expect((await sentCallbacks()).map((c) => c.send_result)).toEqual([660500009]);
  });

  it("an unknown result is neutral: delivered", async () => {
    app.answer = () => ({ json: { result: 7 } });
    expect(await toB("odd")).toMatchObject({ code: 0 });
    expect((await peerHistory()).map((m) => m.body)).toEqual(["odd"]);
  });

  it("no answer in time: asked twice, then not sent (the documented default)", async () => {
    app.answer = () => "hang";
    const started = Date.now();
    expect(await toB("slow")).toMatchObject({ code: 6000230 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 20);
    expect(app.asked()).toHaveLength(2);
    expect(await peerHistory()).toEqual([]);
    expect(await sentCallbacks()).toEqual([]);
  });

  it("a non-2xx answer is retried once; two failures drop the message", async () => {
    app.answer = () => ({ status: 500 });
    expect(await toB("x")).toMatchObject({ code: 6000230 });
    expect(app.asked()).toHaveLength(2);
    let n = 0;
    app.answer = () => (n++ === 0 ? { status: 503 } : { json: { result: 1 } });
    expect(await toB("y")).toMatchObject({ code: 0 });
    expect((await peerHistory()).map((m) => m.body)).toEqual(["y"]);
  });

  it("an unreadable 2xx answer is the app's failure: not sent", async () => {
    app.answer = () => ({ raw: "<html>oops</html>" });
    expect(await toB("x")).toMatchObject({ code: 6000230 });
    expect(await peerHistory()).toEqual([]);
  });

  it("asks about group and room sends (conv_type 2 and 1), not about command messages", async () => {
    await fx.emu.login({ userId: "a", roomId: "r" });
    const group = await clientSend(fx.emu.url, {
      UserId: "a",
      ConvType: 2,
      ConvId: "g",
      ...text("to g"),
    });
    const room = await clientSend(fx.emu.url, {
      UserId: "a",
      ConvType: 1,
      ConvId: "r",
      ...text("to r"),
    });
    const command = await clientSend(fx.emu.url, {
      UserId: "a",
      ConvType: 0,
      ConvId: "b",
      MessageType: 2,
      MessageBody: { Message: "signal" },
    });
    expect([group.code, room.code, command.code]).toEqual([0, 0, 0]);
    expect(app.asked().map((b) => [b.conv_type, b.conv_id])).toEqual([
      [2, "g"],
      [1, "r"],
    ]);
  });

  it("never asks about server-API sends", async () => {
    const res = await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b"],
      Priority: 1,
      ...text("from the server"),
    });
    expect(res.body.Code).toBe(0);
    await fx.emu.flushCallbacks();
    expect(app.asked()).toEqual([]);
  });

  it("refuses a sender who is not logged in, or posts where it is no member", async () => {
    expect(
      await clientSend(fx.emu.url, { UserId: "b", ConvType: 0, ConvId: "a", ...text("hi") }),
    ).toMatchObject({ code: 6000121 });
    fx.emu.seed({ groups: [{ groupId: "other", owner: "b" }] });
    expect(
      await clientSend(fx.emu.url, { UserId: "a", ConvType: 2, ConvId: "other", ...text("hi") }),
    ).toMatchObject({ code: 6000204 });
    expect(app.asked()).toEqual([]);
  });
});

describe("before_send_msg fallback switched to send (a ZEGO support setting)", () => {
  it("delivers when the app's server does not answer", async () => {
    app.answer = () => ({ status: 500 });
    const { emu } = await startTestEmulator(
      {},
      { callbackUrl: app.url, beforeSend: { timeoutMs: TIMEOUT_MS, onFailure: "send" } },
    );
    try {
      emu.seed({ users: [{ userId: "a" }, { userId: "b" }] });
      await emu.login({ userId: "a" });
      const sent = await clientSend(emu.url, {
        UserId: "a",
        ConvType: 0,
        ConvId: "b",
        ...text("hi"),
      });
      expect(sent).toMatchObject({ code: 0 });
      expect(app.asked()).toHaveLength(2);
    } finally {
      await emu.close();
    }
  });
});
