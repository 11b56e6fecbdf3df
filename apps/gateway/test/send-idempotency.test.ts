import { ImError, type ItemResult, type SentMessage } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { storedSendResults } from "../src/resolvers/stored-results.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, withDemo } from "./helpers.js";

// sendMessage's idempotencyKey holds on every vendor: the gateway answers a repeat with the
// first send's results and sends nothing again (RongCloud and ZEGO have no key of their own).

const APPS = ["rongcloud", "tencent", "zego"] as const;
const SEND = `mutation($app: ID, $from: ID!, $to: [ID!]!, $text: String!, $key: String) {
  sendMessage(app: $app, input: { from: $from, toUserIds: $to, content: { text: { text: $text } },
    idempotencyKey: $key }) { recipientId messageId sentAt repeated error { code } } }`;

type Sent = {
  sendMessage: Array<{ recipientId: string; messageId: string; sentAt: string; repeated: boolean }>;
};

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe.each(APPS)("sendMessage idempotencyKey on %s", (app) => {
  const { q, as, register, vendorRequests } = inDemoApp(() => g, app, "ik");

  it("a repeat answers the first send's results and sends nothing again", async () => {
    const [me, a, b] = (await register(3)) as [string, string, string];
    const headers = await as(me);
    const send = (text: string, key: string | null = "order-1") =>
      q<Sent>(SEND, { from: me, to: [a, b], text, key }, headers);
    const before = vendorRequests();
    const first = ok(await send("hi"));
    const calls = vendorRequests() - before;
    expect(calls).toBeGreaterThan(0);
    expect(first.sendMessage.map((r) => r.repeated)).toEqual([false, false]);
    const again = ok(await send("hi"));
    expect(again.sendMessage).toEqual(first.sendMessage.map((r) => ({ ...r, repeated: true })));
    // Concurrent repeats too.
    const more = await Promise.all([1, 2, 3].map(() => send("hi")));
    for (const r of more)
      expect(ok(r).sendMessage[0]?.messageId).toBe(first.sendMessage[0]?.messageId);
    expect(vendorRequests() - before).toBe(calls);
    // The same key with another message is refused, before any vendor call.
    const other = await send("another");
    expect(firstError(other)).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    expect(vendorRequests() - before).toBe(calls);
    // Without a key, the same message is sent again.
    const plain = ok(await send("hi", null));
    expect(plain.sendMessage[0]?.messageId).not.toBe(first.sendMessage[0]?.messageId);
  });

  it("an end user's keys are their own", async () => {
    const [me, you, peer] = (await register(3)) as [string, string, string];
    const send = async (from: string) =>
      q<Sent>(SEND, { from, to: [peer], text: "same", key: "shared-key" }, await as(from));
    const mine = ok(await send(me)).sendMessage[0];
    const yours = ok(await send(you)).sendMessage[0];
    expect(yours?.repeated).toBe(false);
    expect(yours?.messageId).not.toBe(mine?.messageId);
    // The admin's key of the same name is another key as well.
    const admins = ok(
      await q<Sent>(SEND, { from: me, to: [peer], text: "same", key: "shared-key" }),
    ).sendMessage[0];
    expect(admins?.repeated).toBe(false);
  });

  it("a malformed key is refused before any vendor call", async () => {
    const [me, peer] = (await register(2)) as [string, string];
    const before = vendorRequests();
    for (const key of ["", "has space", "x".repeat(65), "ключ"]) {
      const r = await q(SEND, { from: me, to: [peer], text: "hi", key });
      expect(firstError(r), key).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    }
    expect(vendorRequests()).toBe(before);
  });
});

describe("stored send results", () => {
  it("come back with their dates and errors as they were answered", () => {
    const results: ItemResult<SentMessage>[] = [
      {
        key: "a",
        ok: true,
        value: { recipientId: "a", messageId: "m1", sentAt: new Date(1_700_000_000_123) },
      },
      {
        key: "b",
        ok: false,
        error: new ImError("RATE_LIMITED", "Slow down.", { retryAfter: 2, vendor: "zego" }),
      },
    ];
    const back = storedSendResults(JSON.parse(JSON.stringify(results)));
    expect(back[0]).toEqual(results[0]);
    expect(back[1]?.ok).toBe(false);
    const error = back[1]?.ok === false ? back[1].error : null;
    expect(error).toBeInstanceOf(ImError);
    expect(error?.toJSON()).toEqual({
      code: "RATE_LIMITED",
      message: "Slow down.",
      retryAfter: 2,
      vendor: "zego",
    });
  });
});
