import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BucketSpend, RedisRateStore } from "@imgraph/core";
import { type RunningEmulator, startTencentEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./built-cli.js";
import { GatewayProcesses } from "./gateway-processes.js";
import { gql } from "./helpers.js";
import { hasRedisServer, startRedis, type TestRedis, withRedis } from "./redis-server.js";

// In CI these must run (.ci/run installs redis-server); elsewhere they need it installed.
const available = hasRedisServer();
if (!available && process.env.CI) throw new Error("redis-server is required in CI");
if (!available)
  console.warn("skipping the Redis rate-shaping tests: redis-server is not installed");

const spend = (key: string, intervalMs: number, burst: number, cost = 1): BucketSpend => ({
  key,
  intervalMs,
  burst,
  cost,
});

describe.skipIf(!available)("rate buckets in Redis", () => {
  let redis: TestRedis;
  let store: RedisRateStore;
  withRedis((started) => {
    redis = started;
    store = new RedisRateStore(redis.client);
  });

  it("gives the burst at once, then a wait per token, and refuses past the wait allowed", async () => {
    const key = "t:rate:{a:b}:burst";
    for (let i = 0; i < 3; i++) {
      expect(await store.reserve([spend(key, 1000, 3)], 0)).toMatchObject({ ok: true, waitMs: 0 });
    }
    const refused = await store.reserve([spend(key, 1000, 3)], 100);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(900);
    const waited = await store.reserve([spend(key, 1000, 3)], 5_000);
    expect(waited.ok && waited.waitMs).toBeGreaterThan(900);
    const next = await store.reserve([spend(key, 1000, 3)], 5_000);
    expect(next.ok && next.waitMs).toBeGreaterThan(1900);
    // The bucket is a hash that expires once it is full again (plus the recovery time).
    const ttl = await redis.client.pttl(key);
    expect(ttl).toBeGreaterThan(30_000);
    expect(ttl).toBeLessThan(35_000);
  });

  it("takes nothing from any bucket when one refuses", async () => {
    await store.reserve([spend("t:calls", 1000, 1)], 0);
    expect(
      (await store.reserve([spend("t:items", 1000, 2), spend("t:calls", 1000, 1)], 0)).ok,
    ).toBe(false);
    expect((await store.reserve([spend("t:items", 1000, 2, 2)], 0)).ok).toBe(true);
  });

  it("reports the level left, as the memory store does", async () => {
    const r = await store.reserve([spend("t:level", 100, 4)], 0);
    expect(r).toMatchObject({ ok: true, levels: [{ fill: 0.75 }] });
    expect(r.ok && r.levels[0]?.refillMs).toBeGreaterThan(90);
  });

  it("counts a fixed-window quota per window, refusing until the window ends", async () => {
    const HOUR = 3_600_000;
    const quota = { ...spend("t:quota", HOUR / 2, 2), windowMs: HOUR, offsetMs: 0 };
    const endsIn = HOUR - (Date.now() % HOUR);
    expect(await store.reserve([quota], 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.reserve([quota], 0)).toMatchObject({ ok: true, levels: [{ fill: 0 }] });
    const refused = await store.reserve([quota], 0);
    expect(refused.ok).toBe(false);
    // Redis's clock and this one agree within a second here.
    expect(Math.abs((refused.ok ? 0 : refused.retryAfterMs) - endsIn)).toBeLessThan(1_000);
    expect(await redis.client.hget("t:quota", "c")).toBe("2");
    expect(Math.abs((await redis.client.pttl("t:quota")) - endsIn)).toBeLessThan(1_000);
    // A vendor refusal spends the window: a fresh quota key is refused at once after it.
    const other = { ...quota, key: "t:quota2" };
    await store.penalize([other], 1_000);
    expect((await store.reserve([other], 0)).ok).toBe(false);
  });

  it("a vendor refusal pauses the bucket and halves its rate", async () => {
    await store.penalize([spend("t:pen", 100, 1)], 1_000);
    const paused = await store.reserve([spend("t:pen", 100, 1)], 0);
    expect(paused.ok ? 0 : paused.retryAfterMs).toBeGreaterThan(900);
    expect(await redis.client.hget("t:pen", "f")).toBe("0.5");
    // Refusals of the same overload (within a second) cut the rate once.
    await store.penalize([spend("t:pen", 100, 1)], 1_000);
    expect(await redis.client.hget("t:pen", "f")).toBe("0.5");
  });
});

const API_KEY = "rate-test-admin-key";
const SDK_APP_ID = 1400000077;
const KEY = "rate-test-key-0123456789abcdef";

describe.skipIf(!available)("two gateway processes sharing one app's buckets", () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  const gateways = new GatewayProcesses();
  let urls: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedis();
    // The emulator enforces Tencent's published 200 calls/s per API (60007 above it).
    emulator = await startTencentEmulator({
      host: "127.0.0.1",
      apps: [{ sdkAppId: SDK_APP_ID, key: KEY, admins: ["administrator"] }],
      rateLimits: true,
    });
    const dir = mkdtempSync(join(tmpdir(), "imgraph-rate-"));
    const config = join(dir, "imgraph.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        server: { host: "127.0.0.1", port: 0, playground: false, requestTimeoutMs: 5_000 },
        auth: {
          apiKeys: [{ name: "t", sha256: createHash("sha256").update(API_KEY).digest("hex") }],
        },
        apps: [
          {
            id: "chat",
            vendor: "tencent",
            sdkAppId: SDK_APP_ID,
            keyEnv: "RATE_TEST_KEY",
            origins: [emulator.url],
          },
          {
            // The same account, paced by the config at 400 group reads a minute.
            id: "paced",
            vendor: "tencent",
            sdkAppId: SDK_APP_ID,
            keyEnv: "RATE_TEST_KEY",
            origins: [emulator.url],
            rateLimits: {
              apis: { "group_open_http_svc/get_group_info": { limit: 400, windowSeconds: 60 } },
            },
          },
          {
            // The same account with a tight limit set in the config: one read per 10 s.
            id: "tight",
            vendor: "tencent",
            sdkAppId: SDK_APP_ID,
            keyEnv: "RATE_TEST_KEY",
            origins: [emulator.url],
            rateLimits: { apis: { "profile/portrait_get": { limit: 1, windowSeconds: 10 } } },
          },
        ],
        realtime: { redisUrlEnv: "RATE_TEST_REDIS" },
        logLevel: "info",
      }),
    );
    const env = { RATE_TEST_KEY: KEY, RATE_TEST_REDIS: redis.url };
    urls = await Promise.all([gateways.serve(config, env), gateways.serve(config, env)]);
  }, 120_000);

  afterAll(async () => {
    await gateways.stopAll();
    await emulator?.close();
    await redis?.stop();
  });

  it("a token spent through one instance is gone for the other", async () => {
    const read = (url: string) =>
      gql(url, `query { user(app: "tight", id: "u1") { id } }`, {}, { "x-api-key": API_KEY });
    const [a, b] = urls as [string, string];
    expect((await read(a)).errors).toBeUndefined();
    // Instance B has never read, but the app's bucket is shared: its next token is ~10 s
    // away, past B's 5 s deadline, so B answers RATE_LIMITED without calling the vendor.
    const before = emulator.requests().length;
    const refused = await read(b);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      vendor: "tencent",
    });
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(5);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(emulator.requests().length).toBe(before);
  });

  it("overloaded together, they send no more than the one shared budget allows", async () => {
    emulator.clearRequests();
    // Group reads: one vendor call per request (profile reads would be merged across
    // requests into fewer calls). "paced" allows 400 of them a minute: a burst of 19, then
    // one every 60000 / 362 ms. 30 reads through each instance at once, each with 5 s to
    // live: those that cannot have a token in time answer RATE_LIMITED at once, the others
    // are paced by the one shared budget. Two unshared budgets would send twice the burst
    // and twice the pace.
    const reads = urls.flatMap((url) =>
      Array.from({ length: 30 }, (_, i) =>
        gql(url, `query { group(app: "paced", id: "g${i}") { id } }`, {}, { "x-api-key": API_KEY }),
      ),
    );
    const answers = await Promise.all(reads);
    const sent = answers.filter((a) => a.errors === undefined);
    const refused = answers.filter((a) => a.errors !== undefined);
    for (const a of refused) {
      expect(a.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", vendor: "tencent" });
      expect(a.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    }
    expect(sent.length).toBeGreaterThanOrEqual(19);
    const times = emulator
      .requests()
      .filter((r) => r.path.includes("get_group_info"))
      .map((r) => r.time);
    expect(times).toHaveLength(sent.length);
    // The shared budget's bound over the calls' span, with 300 ms for a busy machine's lag.
    const span = Math.max(...times) - Math.min(...times);
    expect(sent.length).toBeLessThanOrEqual(19 + Math.floor((span + 300) / (60_000 / 362)) + 1);
    expect(refused.length).toBeGreaterThan(0);
  }, 30_000);
});
