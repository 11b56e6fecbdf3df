import {
  BadUserInputError,
  type PreSendQuestion,
  UnauthenticatedError,
  type WebhookRequest,
} from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { zegoModule } from "./module.js";
import { callbackReader as adapter, NOW, signedCallback } from "./testing/signed-callbacks.js";

/** A before_send_msg as the docs' example shows it, signed with `secret` at `at`. */
function beforeSend(
  fields: Record<string, unknown> = {},
  o: { at?: number; secret?: string } = {},
): WebhookRequest {
  return signedCallback(
    {
      event: "before_send_msg",
      from_user_id: "sender",
      conv_id: "receiver",
      request_id: "3501907290370176",
      msg_id: "1234232421343",
      conv_type: 0,
      // The example's timestamp is a number (the signature reads its digits).
      timestamp: Math.floor((o.at ?? NOW) / 1000),
      msg_body: "msg_body",
      msg_type: 1,
      sub_msg_type: 0,
      payload: "payload",
      ...fields,
    },
    { now: o.at, secret: o.secret },
  );
}

function question(fields: Record<string, unknown> = {}): PreSendQuestion {
  const q = adapter.parseWebhook?.(beforeSend(fields))?.preSend;
  if (!q) throw new Error("not read as a pre-send question");
  return q;
}

const answerOf = (q: PreSendQuestion, d: Parameters<PreSendQuestion["answer"]>[0]) => {
  const ack = q.answer(d);
  expect(ack.status).toBe(200);
  expect(ack.contentType).toContain("application/json");
  return JSON.parse(ack.body) as Record<string, unknown>;
};

describe("ZIM before_send_msg (docs/vendors/zego.md #18)", () => {
  it("reads the docs' example as a question about a one-to-one text", () => {
    const r = adapter.parseWebhook?.(beforeSend());
    expect(r?.events).toEqual([]);
    expect(r?.preSend?.check).toEqual({
      senderId: "sender",
      conversation: { type: "USER", id: "receiver" },
      content: { type: "TEXT", text: "msg_body" },
      vendorMessageKey: "1234232421343",
    });
    // Same replay key as every ZEGO callback: the delivery's signature.
    expect(r?.replayKey).toMatch(/^zego:1234567890:[0-9a-f]{40}$/);
    // Where the gateway does not decide (a repeated delivery): "do not send", ZIM's own default.
    expect(JSON.parse(r?.ack.body ?? "")).toEqual({ result: 3 });
  });

  it("reads room (1) and group (2) sends; a community channel (3) gets no objection unasked; refuses other types", () => {
    expect(question({ conv_type: 1, conv_id: "r" }).check.conversation).toEqual({
      type: "ROOM",
      id: "r",
    });
    expect(question({ conv_type: 2, conv_id: "g" }).check.conversation).toEqual({
      type: "GROUP",
      id: "g",
    });
    // A refusal would make ZIM drop every channel message: no question, "no objection".
    const channel = adapter.parseWebhook?.(beforeSend({ conv_type: 3, conv_id: "c" }));
    expect(channel?.preSend).toBeUndefined();
    expect(JSON.parse(channel?.ack.body ?? "")).toEqual({ result: 0 });
    expect(() => adapter.parseWebhook?.(beforeSend({ conv_type: 4 }))).toThrow(BadUserInputError);
  });

  it("answers ALLOW 0 (no objection: ZIM's own moderation still decides), BLOCK 3 with the reason, REWRITE 1 with new_msg_body", () => {
    const q = question();
    expect(answerOf(q, { action: "ALLOW" })).toEqual({ result: 0 });
    expect(answerOf(q, { action: "BLOCK", reason: "spam" })).toEqual({ result: 3, reason: "spam" });
    expect(answerOf(q, { action: "REWRITE", text: "m*g" })).toEqual({
      result: 1,
      new_msg_body: "m*g",
    });
  });

  it("answers a REWRITE of content that is not text as ALLOW", () => {
    const q = question({ msg_type: 200, sub_msg_type: 7, msg_body: '{"a":1}' });
    expect(q.check.content.type).toBe("CUSTOM");
    expect(answerOf(q, { action: "REWRITE", text: "x" })).toEqual({ result: 0 });
  });

  it("refuses a forged or stale question before anything is asked", () => {
    expect(() => adapter.parseWebhook?.(beforeSend({}, { secret: "forged" }))).toThrow(
      UnauthenticatedError,
    );
    expect(() => adapter.parseWebhook?.(beforeSend({}, { at: NOW - 3_600_000 }))).toThrow(
      UnauthenticatedError,
    );
    expect(() => adapter.parseWebhook?.(beforeSend({ appid: "42" }))).toThrow(UnauthenticatedError);
  });

  it("declares the callback: client sends only, 2.5 s, dropped without an answer", () => {
    expect(zegoModule.preSend).toMatchObject({
      conversations: ["USER", "GROUP", "ROOM"],
      timeoutMs: 2_500,
      onNoAnswer: "drop",
    });
  });
});
