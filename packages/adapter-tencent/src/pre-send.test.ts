import type {
  ModerationDecision,
  PreSendCheck,
  WebhookAck,
  WebhookRequest,
  WebhookResult,
} from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import { asWebhookRequest, type LocalServer, serveLocally } from "@imgraph/emulators/testing";
import { tencentCallbackSign } from "@imgraph/signing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TencentAdapter } from "./adapter.js";
import { tencentModule } from "./module.js";
import { adapterFor, SDK_APP_ID, seedUsers, startEmulator, uid } from "./testing/emulator.js";

const TOKEN = "pre-send-token";
// Long enough that a cold first callback on a loaded machine is answered in time; only the
// "no answer" case waits it out.
const TIMEOUT_MS = 1_500;

// The loop: the emulator's before-send callbacks go to a sink that runs the adapter's
// parser and answers preSend.answer(decide(check)) — what the gateway does.
let decide: (check: PreSendCheck) => ModerationDecision | "hang" = () => ({ action: "ALLOW" });
const checks: PreSendCheck[] = [];
let sink: LocalServer | undefined;
let emulator: RunningEmulator | undefined;
let adapter: TencentAdapter | undefined;
const env = () => ({ emulator: emulator!, adapter: adapter! });
const parse = (request: WebhookRequest): WebhookResult => {
  const reader = env().adapter.parseWebhook;
  if (!reader) throw new Error("the Tencent adapter reads callbacks");
  return reader.call(env().adapter, request);
};

beforeAll(async () => {
  sink = await serveLocally("/cb", (incoming): WebhookAck | "hang" => {
    let result: WebhookResult;
    try {
      result = parse(asWebhookRequest(incoming));
    } catch {
      return { status: 401, contentType: "text/plain", body: "" };
    }
    if (!result.preSend) return result.ack;
    checks.push(result.preSend.check);
    const decision = decide(result.preSend.check);
    return decision === "hang" ? "hang" : result.preSend.answer(decision);
  });
  emulator = await startEmulator(
    { callbackUrl: sink.url, callbackToken: TOKEN, beforeSendCallbacks: true },
    { beforeSendTimeoutMs: TIMEOUT_MS },
  );
  adapter = adapterFor([emulator.url], { callbackToken: TOKEN });
});
afterAll(async () => {
  await adapter?.close();
  await emulator?.close();
  await sink?.close();
});
beforeEach(() => {
  checks.length = 0;
  decide = () => ({ action: "ALLOW" });
});

async function pair() {
  const [a, b] = seedUsers(env().emulator, 2, "u");
  return { a: a!, b: b! };
}
const sendText = (from: string, to: string, text: string) =>
  env().adapter.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content: { type: "TEXT", text },
  });
const texts = async (a: string, b: string) =>
  (
    await env().adapter.listMessages({ conversation: { type: "USER", userId: a, peerId: b } })
  ).items.map((m) => (m.content.type === "TEXT" ? m.content.text : m.content.type));

describe("the before-send loop (emulator → parseWebhook → preSend.answer)", () => {
  it("ALLOW delivers; the check names sender, conversation, content and the MsgKey", async () => {
    const { a, b } = await pair();
    await sendText(a, b, "hello");
    expect(checks[0]).toMatchObject({
      senderId: a,
      conversation: { type: "USER", id: b },
      content: { type: "TEXT", text: "hello" },
    });
    expect(checks[0]?.vendorMessageKey).toMatch(/^\d+_\d+_\d+$/);
    expect(await texts(a, b)).toEqual(["hello"]);
  });

  it("BLOCK stops the message; the reason reaches the sender", async () => {
    const { a, b } = await pair();
    decide = () => ({ action: "BLOCK", reason: "no links please" });
    const sent = await sendText(a, b, "http://spam").catch((e: unknown) => e);
    expect(JSON.stringify(sent)).toContain("no links please");
    expect(await texts(a, b)).toEqual([]);
  });

  it("REWRITE changes the delivered text", async () => {
    const { a, b } = await pair();
    decide = () => ({ action: "REWRITE", text: "h***o" });
    await sendText(a, b, "hello");
    expect(await texts(a, b)).toEqual(["h***o"]);
  });

  it("REWRITE of content that is not text is answered as ALLOW", async () => {
    const { a, b } = await pair();
    decide = () => ({ action: "REWRITE", text: "x" });
    await env().adapter.sendMessage({
      from: a,
      to: { type: "USERS", userIds: [b] },
      content: { type: "CUSTOM", customType: "ping", data: { n: 1 } },
    });
    expect(await texts(a, b)).toEqual(["CUSTOM"]);
  });

  it("no answer in time: Tencent delivers (PreSendSupport onNoAnswer 'deliver')", async () => {
    expect(tencentModule.preSend).toMatchObject({ onNoAnswer: "deliver", timeoutMs: 2000 });
    const { a, b } = await pair();
    decide = () => "hang";
    await sendText(a, b, "late");
    expect(await texts(a, b)).toEqual(["late"]);
  });

  it("group sends are asked as GROUP conversations; BLOCK stops them", async () => {
    const { a } = await pair();
    const groupId = uid("G");
    await env().adapter.createGroup({ id: groupId, name: "G", ownerId: a, memberIds: [] });
    decide = () => ({ action: "BLOCK", reason: "quiet" });
    await expect(
      env().adapter.sendMessage({
        from: a,
        to: { type: "GROUP", groupId },
        content: { type: "TEXT", text: "hi" },
      }),
    ).rejects.toBeDefined();
    expect(checks[0]?.conversation).toEqual({ type: "GROUP", id: groupId });
    decide = () => ({ action: "ALLOW" });
    const history = await env().adapter.listMessages({ conversation: { type: "GROUP", groupId } });
    expect(history.items).toEqual([]);
  });
});

describe("a before-send callback is authenticated like every callback", () => {
  const body = {
    CallbackCommand: "C2C.CallbackBeforeSendMsg",
    From_Account: "a",
    To_Account: "b",
    MsgKey: "1_2_3",
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "hi" } }],
  };
  const signed = (token: string, now: number, fields = {}): WebhookRequest => {
    const t = String(Math.floor(now / 1000));
    return {
      method: "POST",
      query: new URLSearchParams({
        SdkAppid: String(SDK_APP_ID),
        CallbackCommand:
          (fields as { CallbackCommand?: string }).CallbackCommand ?? body.CallbackCommand,
        RequestTime: t,
        Sign: tencentCallbackSign(token, t),
      }),
      headers: {},
      rawBody: JSON.stringify({ ...body, ...fields, EventTime: now }),
      receivedAt: Date.now(),
    };
  };

  it("reads a valid one as a pre-send question (no events)", () => {
    const r = parse(signed(TOKEN, Date.now()));
    expect(r.events).toEqual([]);
    expect(r.preSend?.check.senderId).toBe("a");
    expect(JSON.parse(r.preSend?.answer({ action: "BLOCK", reason: "r" }).body ?? "")).toEqual({
      ActionStatus: "OK",
      ErrorCode: 120001,
      ErrorInfo: "r",
    });
  });

  it("maps a live group's (AVChatRoom) question to a ROOM conversation, other groups to GROUP", () => {
    const group = (Type: string) =>
      parse(
        signed(TOKEN, Date.now(), {
          CallbackCommand: "Group.CallbackBeforeSendMsg",
          GroupId: "g1",
          Type,
        }),
      ).preSend?.check.conversation;
    expect(group("AVChatRoom")).toEqual({ type: "ROOM", id: "g1" });
    expect(group("Public")).toEqual({ type: "GROUP", id: "g1" });
    const r = parse(
      signed(TOKEN, Date.now(), { CallbackCommand: "Group.CallbackBeforeSendMsg", GroupId: "g1" }),
    );
    expect(
      JSON.parse(r.preSend?.answer({ action: "BLOCK", reason: "x" }).body ?? "").ErrorCode,
    ).toBe(10100);
  });

  it("refuses a forged Sign and a stale RequestTime with UNAUTHENTICATED", () => {
    expect(() => parse(signed("forged", Date.now()))).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    expect(() => parse(signed(TOKEN, Date.now() - 10 * 60_000))).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
  });
});
