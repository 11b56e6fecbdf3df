import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signRongCloudCallback } from "@imgraph/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayConfig, REALTIME_DEFAULTS, SERVER_DEFAULTS } from "../src/config/types.js";
import { type RunningGateway, startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { ensureBuilt } from "./built-cli.js";
import { GatewayProcesses } from "./gateway-processes.js";
import { hasRedisServer, type TestRedis, withRedis } from "./redis-server.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

// In CI these must run (.ci/run installs redis-server); elsewhere they need it installed.
const available = hasRedisServer();
if (!available && process.env.CI) throw new Error("redis-server is required in CI");
if (!available) console.warn("skipping the Redis tests: redis-server is not installed");

const API_KEY = "redis-test-admin-key";
const METRICS_TOKEN = "redis-test-metrics-token-0123456789";
const APP = { appKey: "rtkey", appSecret: "rt-secret-for-tests" };

function onlineStatus(
  userId: string,
  status = "0",
  sessionId = "s1",
): { query: string; body: string } {
  const q = signRongCloudCallback({ appKey: APP.appKey, appSecret: APP.appSecret });
  return {
    query: new URLSearchParams({ ...q }).toString(),
    body: JSON.stringify([
      { userid: userId, status, os: "iOS", time: Date.now(), clientIp: "1.2.3.4:5", sessionId },
    ]),
  };
}

async function postCallback(url: string, c: { query: string; body: string }): Promise<number> {
  const res = await fetch(new URL(`/webhooks/chat?${c.query}`, url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: c.body,
  });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(!available)("real-time across instances through Redis", () => {
  let redis: TestRedis;
  withRedis((started) => {
    redis = started;
  });

  describe("two gateway processes", () => {
    const gateways = new GatewayProcesses();
    let urls: string[] = [];

    beforeAll(async () => {
      ensureBuilt();
      const dir = mkdtempSync(join(tmpdir(), "imgraph-redis-"));
      const config = join(dir, "imgraph.config.json");
      writeFileSync(
        config,
        JSON.stringify({
          server: { host: "127.0.0.1", port: 0, playground: false },
          auth: {
            apiKeys: [{ name: "test", sha256: createHash("sha256").update(API_KEY).digest("hex") }],
          },
          apps: [
            {
              id: "chat",
              vendor: "rongcloud",
              appKey: APP.appKey,
              appSecretEnv: "RT_APP_SECRET",
              origins: ["http://127.0.0.1:9"],
            },
          ],
          realtime: { redisUrlEnv: "RT_REDIS_URL" },
          metrics: { tokenEnv: "RT_METRICS_TOKEN" },
          logLevel: "info",
        }),
      );
      const env = {
        RT_APP_SECRET: APP.appSecret,
        RT_REDIS_URL: redis.url,
        RT_METRICS_TOKEN: METRICS_TOKEN,
      };
      urls = await Promise.all([gateways.serve(config, env), gateways.serve(config, env)]);
    }, 120_000);

    afterAll(async () => {
      await gateways.stopAll();
    });

    it("reports Redis as up in each instance's metrics", async () => {
      for (const url of urls) {
        const res = await fetch(`${new URL(url).origin}/metrics`, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        });
        expect(res.status).toBe(200);
        expect(await res.text()).toMatch(/^imgraph_redis_up 1$/m);
      }
    });

    it("a callback into instance A reaches subscribers on A and on B exactly once", async () => {
      const [a, b] = urls as [string, string];
      const clients = [a, b].map((u) => wsClient(u, { "x-api-key": API_KEY }));
      const subs = clients.map((c) => collect(c, EVENTS, { app: "chat" }));
      // Both instances hold their SUBSCRIBE once their subscriber is registered.
      await until(async () => {
        const [, n] = (await redis.client.pubsub("NUMSUB", "imgraph:events:chat")) as [
          string,
          number,
        ];
        return Number(n) === 2;
      });
      const callback = onlineStatus("alice");
      expect(await postCallback(a, callback)).toBe(200);
      // The vendor retrying the same delivery on B: acknowledged, not published again.
      expect(await postCallback(b, callback)).toBe(200);
      for (const s of subs) await s.waitFor(1);
      await sleep(200);
      for (const s of subs) {
        expect(s.events).toHaveLength(1);
        expect(s.events[0]).toMatchObject({
          type: "PRESENCE_CHANGED",
          app: "chat",
          userId: "alice",
        });
      }
      await Promise.all(clients.map((c) => c.dispose()));
      await until(async () => {
        const [, n] = (await redis.client.pubsub("NUMSUB", "imgraph:events:chat")) as [
          string,
          number,
        ];
        return Number(n) === 0;
      });
    });

    it("presence is per user across instances: one device's logout on B is not news", async () => {
      const [a, b] = urls as [string, string];
      const client = wsClient(b, { "x-api-key": API_KEY });
      const sub = collect(client, EVENTS, { app: "chat", types: ["PRESENCE_CHANGED"] });
      await until(async () => {
        const [, n] = (await redis.client.pubsub("NUMSUB", "imgraph:events:chat")) as [
          string,
          number,
        ];
        return Number(n) >= 1;
      });
      expect(await postCallback(a, onlineStatus("hana", "0", "phone"))).toBe(200);
      expect(await postCallback(b, onlineStatus("hana", "0", "desk"))).toBe(200);
      expect(await postCallback(b, onlineStatus("hana", "2", "phone"))).toBe(200);
      await sub.waitFor(1);
      await sleep(200);
      expect(sub.events.map((e) => e.status)).toEqual(["ONLINE"]);
      expect(await postCallback(a, onlineStatus("hana", "1", "desk"))).toBe(200);
      const events = await sub.waitFor(2);
      expect(events.map((e) => [e.userId, e.status])).toEqual([
        ["hana", "ONLINE"],
        ["hana", "OFFLINE"],
      ]);
      await client.dispose();
    });
  });

  describe("one instance", () => {
    let g: RunningGateway;
    beforeAll(async () => {
      const config: GatewayConfig = {
        server: { ...SERVER_DEFAULTS, port: 0, playground: false },
        auth: {
          apiKeys: [{ name: "t", sha256: createHash("sha256").update(API_KEY).digest("hex") }],
        },
        apps: [
          {
            id: "chat",
            vendor: "rongcloud",
            options: { ...APP, origins: ["http://127.0.0.1:9"] },
          },
        ],
        defaultApp: "chat",
        logLevel: "silent",
        demo: false,
        realtime: { ...REALTIME_DEFAULTS, redisUrl: redis.url, keyPrefix: "one:" },
      };
      g = await startGateway(config, { log: createLogger("silent") });
    });
    afterAll(async () => {
      await g?.close();
    });

    it("1,000 subscribe / disconnect cycles leave no listeners, timers or Redis subscriptions", async () => {
      const numsub = async () => {
        const [, n] = (await redis.client.pubsub("NUMSUB", "one:events:chat")) as [string, number];
        return Number(n);
      };
      let client = wsClient(g.url, { "x-api-key": API_KEY });
      for (let i = 0; i < 1000; i++) {
        const sub = collect(client, EVENTS, { app: "chat" });
        await until(() => g.realtime.pubsub.stats().listeners === 1);
        if (i % 10 === 9) {
          await client.dispose();
          client = wsClient(g.url, { "x-api-key": API_KEY });
        } else {
          sub.stop();
        }
        await until(() => g.realtime.pubsub.stats().listeners === 0);
      }
      await client.dispose();
      await until(() => g.ws.stats().sockets === 0);
      await until(async () => (await numsub()) === 0);
      expect(g.realtime.pubsub.stats()).toEqual({ listeners: 0, channels: 0 });
      expect(g.ws.stats()).toEqual({ sockets: 0, timers: 0 });
      expect(await redis.client.pubsub("CHANNELS", "one:*")).toEqual([]);
      // The replay store lives in Redis too, with an expiry on every key.
      const callback = onlineStatus("bob");
      expect(await postCallback(g.url, callback)).toBe(200);
      const keys = await redis.client.keys("one:replay:*");
      expect(keys).toHaveLength(1);
      expect(await redis.client.pttl(keys[0] as string)).toBeGreaterThan(0);
    }, 60_000);
  });
});
