import type { WebhookRequest } from "@imgraph/core";
import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { TEST_APP } from "./test-support.js";
import { callbackLoop, signedCallback } from "./testing/callbacks.js";

// One-to-one read receipts (RC:ReadNtf) through full message routing → CONVERSATION_READ:
// the parser alone, then the emulator's routing callback after a publish.

const NOW = 1_700_000_000_000;
const parser = new RongCloudAdapter({ id: "rc", ...TEST_APP, origins: ["http://127.0.0.1:9"] });

function routed(fields: Record<string, string>): WebhookRequest {
  return signedCallback({
    body: new URLSearchParams({
      fromUserId: "reader",
      toUserId: "peer",
      objectName: "RC:ReadNtf",
      content: JSON.stringify({ lastMessageSendTime: NOW - 60_000, type: 1 }),
      channelType: "PERSON",
      msgTimestamp: String(NOW - 5),
      msgUID: "UID-R",
      ...fields,
    }).toString(),
    app: TEST_APP,
    receivedAt: NOW,
    contentType: "application/x-www-form-urlencoded",
  });
}

describe("RongCloud read receipts in message routing", () => {
  it("reads RC:ReadNtf as CONVERSATION_READ by the sender, up to lastMessageSendTime", () => {
    expect(parser.parseWebhook(routed({})).events).toEqual([
      {
        type: "CONVERSATION_READ",
        appId: "rc",
        at: new Date(NOW - 5),
        userId: "reader",
        conversation: { type: "USER", id: "peer" },
        readUpTo: new Date(NOW - 60_000),
      },
    ]);
  });

  it("reads a receipt without a usable time as read up to the callback's time", () => {
    const [e] = parser.parseWebhook(routed({ content: JSON.stringify({ type: 1 }) })).events;
    expect(e).toMatchObject({ type: "CONVERSATION_READ", readUpTo: new Date(NOW - 5) });
    // A time no Date holds (the content is the client's) is no usable time either.
    const far = JSON.stringify({ lastMessageSendTime: Number.MAX_SAFE_INTEGER, type: 1 });
    const [f] = parser.parseWebhook(routed({ content: far })).events;
    expect(f).toMatchObject({ type: "CONVERSATION_READ", readUpTo: new Date(NOW - 5) });
  });

  it("refuses receipt content that is not a JSON object", () => {
    expect(() => parser.parseWebhook(routed({ content: "nope" }))).toThrow(/not JSON/);
    expect(() => parser.parseWebhook(routed({ content: "5" }))).toThrow(/not an object/);
  });

  it("leaves other signal messages as they were: a group RC:ReadNtf is a message", () => {
    const [e] = parser.parseWebhook(routed({ channelType: "GROUP", toUserId: "g1" })).events;
    expect(e?.type).toBe("MESSAGE_SENT");
    const [x] = parser.parseWebhook(
      routed({ objectName: "RC:MsgExMsg", content: JSON.stringify({ put: { k: "v" } }) }),
    ).events;
    expect(x?.type).toBe("MESSAGE_SENT");
  });

  it("says its callbacks report one-to-one reads only", () => {
    expect(parser.reportsByCallback("CONVERSATION_READ", "USER")).toBe(true);
    expect(parser.reportsByCallback("CONVERSATION_READ", "GROUP")).toBe(false);
    for (const type of ["MESSAGE_EDITED", "MESSAGE_DELETED", "REACTION_CHANGED"] as const)
      expect(parser.reportsByCallback(type, "USER")).toBe(false);
  });
});

describe("the emulator's routing callback of an RC:ReadNtf", () => {
  const env = callbackLoop((callbackUrl) => ({ app: { callbackUrl } }));

  it("parses into CONVERSATION_READ of the reader", async () => {
    env.emu.seed({ users: [{ userId: "reader" }, { userId: "peer" }] });
    const sentAt = Date.now() - 1000;
    const res = await fetch(`${env.emu.url}/message/private/publish.json`, {
      method: "POST",
      headers: {
        ...signRongCloudRequest(TEST_APP),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        fromUserId: "reader",
        toUserId: "peer",
        objectName: "RC:ReadNtf",
        content: JSON.stringify({ lastMessageSendTime: sentAt, type: 1 }),
      }).toString(),
    });
    expect(await res.json()).toMatchObject({ code: 200 });
    expect(await env.events()).toMatchObject([
      {
        type: "CONVERSATION_READ",
        userId: "reader",
        conversation: { type: "USER", id: "peer" },
        readUpTo: new Date(sentAt),
      },
    ]);
  });
});
