import type { ImError, ImEvent, Message } from "@imgraph/core";
import { signRongCloudCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { adapterFor, TEST_APP } from "./test-support.js";
import { preSendLoop } from "./testing/pre-send-loop.js";

const loop = preSendLoop();

const send = async (
  text: string,
  to: { type: "USERS"; userIds: string[] } | { type: "GROUP"; groupId: string } = {
    type: "USERS",
    userIds: ["bob"],
  },
) => {
  const [sent] = await loop.im.sendMessage({ from: "alice", to, content: { type: "TEXT", text } });
  if (!sent?.ok) throw new Error("send failed");
  return sent.value.messageId;
};
const delivered = async (): Promise<Message[]> =>
  (await loop.events())
    .filter((e): e is ImEvent & { type: "MESSAGE_SENT" } => e.type === "MESSAGE_SENT")
    .map((e) => e.message);

describe("pre-send loop: RongCloud's message callback answered by the adapter", () => {
  it("builds the neutral check from the callback", async () => {
    await send("hello");
    expect(loop.checks).toEqual([
      {
        senderId: "alice",
        conversation: { type: "USER", id: "bob" },
        content: { type: "TEXT", text: "hello" },
        vendorMessageKey: expect.any(String),
      },
    ]);
  });

  it("ALLOW delivers the message as sent", async () => {
    await send("hello");
    expect((await delivered()).map((m) => m.content)).toEqual([{ type: "TEXT", text: "hello" }]);
  });

  it("BLOCK stops delivery: no routing, nothing stored, the reason kept for the sender", async () => {
    loop.decide = () => ({ action: "BLOCK", reason: "no spam here" });
    await send("spam spam");
    expect(await delivered()).toEqual([]);
    expect(loop.emu.moderation({}).moderated).toMatchObject([
      { by: "message-callback", extra: "no spam here", targetId: "bob" },
    ]);
  });

  it("REWRITE changes the delivered text (history and routing)", async () => {
    loop.decide = () => ({ action: "REWRITE", text: "hello ***" });
    const id = await send("hello idiot", { type: "GROUP", groupId: "g1" });
    const [m] = await delivered();
    expect(m?.content).toEqual({ type: "TEXT", text: "hello ***" });
    expect(m?.id).toBe(id);
    expect(loop.checks[0]?.conversation).toEqual({ type: "GROUP", id: "g1" });
  });

  it("REWRITE of a non-text message is answered as ALLOW", async () => {
    loop.decide = () => ({ action: "REWRITE", text: "nope" });
    const [sent] = await loop.im.sendMessage({
      from: "alice",
      to: { type: "USERS", userIds: ["bob"] },
      content: { type: "CUSTOM", customType: "App:Card", data: { n: 1 } },
    });
    expect(sent?.ok).toBe(true);
    expect((await delivered()).map((m) => m.content)).toEqual([
      { type: "CUSTOM", customType: "App:Card", data: { n: 1 } },
    ]);
  });

  it("no answer in time: RongCloud delivers the message as sent", async () => {
    loop.decide = () => "hang";
    await send("late");
    expect((await delivered()).map((m) => m.content)).toEqual([{ type: "TEXT", text: "late" }]);
    expect(loop.emu.moderation({}).preSendLog).toMatchObject([{ outcome: "timeout" }]);
  });
});

describe("pre-send callbacks are authenticated like the others", () => {
  const im = adapterFor({ url: "http://127.0.0.1:1" } as never);
  const body = new URLSearchParams({
    appKey: TEST_APP.appKey,
    fromUserId: "alice",
    targetId: "bob",
    msgType: "RC:TxtMsg",
    content: JSON.stringify({ content: "hi" }),
    channelType: "PERSON",
    msgTimeStamp: String(Date.now()),
    messageId: "BVDS-1234-5678-90AB",
    os: "iOS",
  }).toString();
  const request = (query: Record<string, string>, receivedAt = Date.now(), rawBody = body) => ({
    method: "POST",
    query: new URLSearchParams(query),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    rawBody,
    receivedAt,
  });
  const { appKey: _unused, ...signed } = signRongCloudCallback({ ...TEST_APP });

  it("reads a genuine one (no appKey in the query, as RongCloud sends it)", () => {
    const result = im.parseWebhook(request(signed));
    expect(result.events).toEqual([]);
    expect(result.preSend?.check.senderId).toBe("alice");
    expect(result.replayKey).toContain(signed.signature);
    expect(JSON.parse(result.preSend?.answer({ action: "BLOCK", reason: "r" }).body ?? "")).toEqual(
      {
        pass: 0,
        extra: "r",
      },
    );
  });

  it("refuses a forged signature, a stale one and another app's", () => {
    const refused = (q: Record<string, string>, at?: number, raw?: string) => {
      try {
        im.parseWebhook(request(q, at, raw));
      } catch (err) {
        return (err as ImError).code;
      }
      return "accepted";
    };
    expect(refused({ ...signed, signature: "0".repeat(40) })).toBe("UNAUTHENTICATED");
    expect(refused(signed, Date.now() + 3_600_000)).toBe("UNAUTHENTICATED");
    const other = signRongCloudCallback({ appKey: "other", appSecret: "other-secret" });
    expect(refused(other)).toBe("UNAUTHENTICATED");
    // Signed with our secret but naming another app in its body: not ours either.
    const otherBody = body.replace(TEST_APP.appKey, "otherkey");
    expect(refused(signed, undefined, otherBody)).toBe("UNAUTHENTICATED");
  });
});
