import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ImAdapter, ImEvent, WebhookRequest, WebhookResult } from "@imgraph/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppRegistry } from "../src/apps.js";
import { createLogger } from "../src/logger.js";
import { MemoryPubSub } from "../src/realtime/pubsub.js";
import { MemoryReplayStore } from "../src/realtime/replay.js";
import { webhookRoute } from "../src/realtime/webhooks.js";

/** The route on its own, with an adapter that trusts everything and a PubSub that can fail. */
describe("webhook route: success only once the events are accepted", () => {
  const published: ImEvent[] = [];
  let failNext = 0;
  let server: Server;
  let base: string;

  const adapter = {
    info: { id: "app" },
    parseWebhook(request: WebhookRequest): WebhookResult {
      return {
        events: [
          {
            type: "PRESENCE_CHANGED",
            appId: "app",
            // A vendor's retry carries the body's own time again; receipt time otherwise.
            at: new Date(Number(request.query.get("at") || request.receivedAt)),
            userId: request.rawBody,
            status: "ONLINE",
            // A connection-keyed report when the test names one (folded per user).
            ...(request.query.get("conn")
              ? { connection: request.query.get("conn") as string }
              : {}),
          },
        ],
        replayKey: `k:${request.query.get("sig")}`,
        replayWindowMs: 60_000,
        ack: { status: 200, contentType: "text/plain", body: "ACK" },
      };
    },
    close: async () => undefined,
  } as unknown as ImAdapter;

  // A vendor whose edits come back as sends (ZIM): the body is the message's text.
  const zim = {
    info: { id: "zim" },
    editsReportedAsSendsForMs: 60_000,
    parseWebhook(request: WebhookRequest): WebhookResult {
      const at = new Date(request.receivedAt);
      const message = {
        id: "m1",
        conversation: { type: "USER" as const, id: "bob" },
        senderId: "alice",
        sentAt: at,
        content: { type: "TEXT" as const, text: request.rawBody },
        recalled: false,
      };
      return {
        events: [{ type: "MESSAGE_SENT", appId: "zim", at, message }],
        replayKey: `k:${request.query.get("sig")}`,
        replayWindowMs: 60_000,
        ack: { status: 200, contentType: "text/plain", body: "ACK" },
      };
    },
    close: async () => undefined,
  } as unknown as ImAdapter;

  beforeAll(async () => {
    const pubsub = new MemoryPubSub();
    const publish = pubsub.publish.bind(pubsub);
    pubsub.publish = async (appId, events) => {
      if (failNext > 0) {
        failNext--;
        throw new Error("pubsub down");
      }
      published.push(...events);
      return publish(appId, events);
    };
    const route = webhookRoute({
      apps: new AppRegistry([adapter, zim], "app"),
      pubsub,
      replay: new MemoryReplayStore(),
      log: createLogger("silent"),
      bodyLimitBytes: 1024,
    });
    server = createServer((req, res) => {
      route({ req, res, url: new URL(req.url ?? "/", "http://localhost"), requestId: "rid" }).then(
        (handled) => {
          if (!handled) res.writeHead(404).end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (sig: string, body: string, conn = "", app = "app") => {
    const res = await fetch(
      `${base}/webhooks/${app}?sig=${sig}&conn=${conn}&at=${conn ? 1_000 : ""}`,
      {
        method: "POST",
        body,
      },
    );
    return { status: res.status, text: await res.text() };
  };

  it("answers 503 when the PubSub refuses, so the vendor's retry is published (once)", async () => {
    failNext = 1;
    expect((await post("s1", "alice")).status).toBe(503);
    expect(published).toHaveLength(0);
    expect(await post("s1", "alice")).toEqual({ status: 200, text: "ACK" });
    expect(await post("s1", "alice")).toEqual({ status: 200, text: "ACK" });
    expect(published.map((e) => (e.type === "PRESENCE_CHANGED" ? e.userId : ""))).toEqual([
      "alice",
    ]);
    expect((await post("s1", "mallory")).status).toBe(401);
    expect(published).toHaveLength(1);
  });

  it("a connection's login whose first delivery was not published is published on the retry", async () => {
    failNext = 1;
    expect((await post("s2", "zoe", "phone")).status).toBe(503);
    expect(await post("s2", "zoe", "phone")).toEqual({ status: 200, text: "ACK" });
    // A second device of zoe's is not news.
    expect(await post("s3", "zoe", "desk")).toEqual({ status: 200, text: "ACK" });
    expect(
      published.filter((e) => e.type === "PRESENCE_CHANGED" && e.userId === "zoe"),
    ).toHaveLength(1);
  });

  it("a send whose first delivery was not published is still news on the retry", async () => {
    const told = () => published.filter((e) => e.appId === "zim").map((e) => e.type);
    failNext = 1;
    expect((await post("z1", "hi", "", "zim")).status).toBe(503);
    expect(await post("z1", "hi", "", "zim")).toEqual({ status: 200, text: "ACK" });
    // The same message again under another signature is not; an edit of it is.
    expect(await post("z2", "hi", "", "zim")).toEqual({ status: 200, text: "ACK" });
    expect(await post("z3", "hi!", "", "zim")).toEqual({ status: 200, text: "ACK" });
    expect(told()).toEqual(["MESSAGE_SENT", "MESSAGE_EDITED"]);
  });
});
