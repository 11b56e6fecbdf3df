// @ts-check
// Real-time benchmark (built packages): how long a vendor callback takes to reach a
// GraphQL subscriber. Loopback only; bounded in count and time; every process it starts
// is stopped at the end, also on error.
//
//   node realtime.bench.mjs           measure, print, rewrite the realtime section of ../BENCHMARKS.md
//   node realtime.bench.mjs --smoke   a few callbacks per setup, checks delivery, writes nothing
//
// Each gateway runs in a process of its own (roles.mjs); this process signs RongCloud
// online-status callbacks, POSTs them one at a time and holds the graphql-ws subscribers.
// Latency = POST sent → event received by the subscriber, so it includes the callback's
// own HTTP request: an upper bound of "callback received → subscriber". Setups: one
// instance, in-memory fan-out; one instance through Redis; two instances through Redis
// (callback into A, subscribers on A and on B).
import { randomBytes } from "node:crypto";
import { signRongCloudCallback } from "@imgraph/signing";
import { createClient } from "graphql-ws";
import { Agent } from "undici";
import WebSocket from "ws";
import { apiKeyAuth, benchServer } from "./config.mjs";
import { startRole } from "./load.mjs";
import { startRedis } from "./redis.mjs";
import { benchSection } from "./report.mjs";

const SMOKE = process.argv.includes("--smoke");
const WARMUP = SMOKE ? 5 : 300;
const SAMPLES = SMOKE ? 20 : 3000;
const TARGET_P99_MS = 10;
const REPORT = benchSection("realtime");
const API_KEY = `bench_${randomBytes(12).toString("hex")}`;
const APP = { appKey: "benchkey", appSecret: randomBytes(16).toString("hex") };
const SUBSCRIPTION = `subscription { events(app: "chat") { ... on PresenceChangedEvent { userId } } }`;
/** Keep-alive connections for the callbacks, as a vendor's pusher would hold. */
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });

const log = (/** @type {string} */ line) => console.log(line);

/** @param {string | undefined} redisUrl */
function gatewayConfig(redisUrl) {
  return {
    server: benchServer(),
    auth: apiKeyAuth(API_KEY),
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
    realtime: {
      keyPrefix: "bench:",
      webhookBodyLimitBytes: 512 * 1024,
      maxBufferedEvents: 1000,
      ...(redisUrl ? { redisUrl } : {}),
    },
  };
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A subscriber that records when each user's event arrives.
 * @param {string} httpUrl
 */
async function subscriber(httpUrl) {
  /** @type {Map<string, number>} */
  const arrived = new Map();
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { "x-api-key": API_KEY },
    retryAttempts: 0,
  });
  const stop = client.subscribe(
    { query: SUBSCRIPTION },
    {
      next: (value) => {
        const userId = /** @type {any} */ (value.data)?.events?.userId;
        if (typeof userId === "string") arrived.set(userId, performance.now());
      },
      error: (error) => console.error("subscription error", error),
      complete: () => undefined,
    },
  );
  return {
    arrived,
    async close() {
      stop();
      await client.dispose();
    },
  };
}

/**
 * One online-status event, as RongCloud sends it.
 * @param {string} userId @param {string} sessionId
 */
function statusEvent(userId, sessionId) {
  return {
    userid: userId,
    status: "0",
    os: "iOS",
    time: Date.now(),
    clientIp: "127.0.0.1:1",
    sessionId,
  };
}

/**
 * POSTs a signed online-status callback of these events; answers when it was sent.
 * @param {string} httpUrl @param {object[]} events
 */
async function postStatus(httpUrl, events) {
  const q = signRongCloudCallback(APP);
  const body = JSON.stringify(events);
  const sent = performance.now();
  const res = await fetch(new URL(`/webhooks/chat?${new URLSearchParams({ ...q })}`, httpUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    // @ts-expect-error undici's dispatcher option (Node's fetch takes it)
    dispatcher: agent,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`callback answered ${res.status}`);
  return sent;
}

/** @param {string} httpUrl @param {string} userId */
function postCallback(httpUrl, userId) {
  return postStatus(httpUrl, [statusEvent(userId, "s")]);
}

/**
 * POSTs callbacks one at a time into `target`; measures each subscriber's arrival.
 * @param {string} target
 * @param {Array<{ arrived: Map<string, number> }>} subs
 * @param {string} tag
 */
async function measure(target, subs, tag) {
  // Let every subscriber register (and Redis SUBSCRIBE) before measuring.
  for (let i = 0; ; i++) {
    const id = `${tag}-ready-${i}`;
    await postCallback(target, id);
    await sleep(20);
    if (subs.every((s) => s.arrived.has(id))) break;
    if (i > 250) throw new Error("subscribers never received anything");
  }
  /** @type {number[][]} */
  const latencies = subs.map(() => []);
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const id = `${tag}-${i}`;
    const sent = await postCallback(target, id);
    const deadline = performance.now() + 2_000;
    while (!subs.every((s) => s.arrived.has(id))) {
      if (performance.now() > deadline) throw new Error(`event ${id} never arrived`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (i >= WARMUP) {
      subs.forEach((s, k) => {
        latencies[k]?.push(/** @type {number} */ (s.arrived.get(id)) - sent);
        s.arrived.delete(id);
      });
    } else {
      for (const s of subs) s.arrived.delete(id);
    }
  }
  return latencies.map(stats);
}

/** Status events in one batched callback (the RongCloud adapter reads up to 1,000). */
const BATCH = 1000;
const BATCH_ROUNDS = SMOKE ? 2 : 20;
/** RongCloud waits 5 s for an answer (rongcloud.md §3.2): a batch must be accepted well within. */
const TARGET_BATCH_MS = 1000;

/**
 * POSTs BATCH_ROUNDS callbacks of BATCH online-status events each and times POST → answer:
 * each event a new user's (`users` "many") or all of one user's sessions ("one"). The
 * gateway folds one user's reports in turn and different users' at once.
 * @param {string} httpUrl @param {string} tag @param {"many" | "one"} users
 */
async function measureBatch(httpUrl, tag, users) {
  /** @type {number[]} */
  const times = [];
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    const events = Array.from({ length: BATCH }, (_, i) =>
      statusEvent(users === "many" ? `${tag}-${round}-${i}` : `${tag}-${round}`, `s${i}`),
    );
    const sent = await postStatus(httpUrl, events);
    times.push(performance.now() - sent);
  }
  return stats(times);
}

/** @param {number[]} values */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ p) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return {
    n: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** @param {number} ms */
const fmt = (ms) => `${ms.toFixed(2)} ms`;

async function main() {
  /** @type {Array<{ setup: string, subscriber: string, s: ReturnType<typeof stats> }>} */
  const rows = [];
  /** @type {Array<{ setup: string, users: "many" | "one", s: ReturnType<typeof stats> }>} */
  const batches = [];
  /** @type {Array<() => Promise<void>>} */
  const cleanup = [];
  try {
    // One instance, in memory.
    {
      const gw = await startRole("gateway", { input: { config: gatewayConfig(undefined) } });
      cleanup.push(gw.stop);
      const url = /** @type {{ url: string }} */ (gw.info).url;
      const sub = await subscriber(url);
      cleanup.push(sub.close);
      const [s] = await measure(url, [sub], "mem");
      if (s) rows.push({ setup: "1 instance, in-memory", subscriber: "same instance", s });
      await sub.close();
      for (const users of /** @type {const} */ (["many", "one"])) {
        batches.push({
          setup: "in-memory",
          users,
          s: await measureBatch(url, `memb${users}`, users),
        });
      }
      await gw.stop();
    }
    const redis = await startRedis();
    if (!redis) {
      log("redis-server is not installed: the Redis setups are skipped");
    } else {
      cleanup.push(redis.stop);
      const config = gatewayConfig(redis.url);
      const a = await startRole("gateway", { input: { config } });
      cleanup.push(a.stop);
      const urlA = /** @type {{ url: string }} */ (a.info).url;
      for (const users of /** @type {const} */ (["many", "one"])) {
        batches.push({ setup: "Redis", users, s: await measureBatch(urlA, `rb${users}`, users) });
      }
      const subA = await subscriber(urlA);
      cleanup.push(subA.close);
      const [one] = await measure(urlA, [subA], "r1");
      if (one) rows.push({ setup: "1 instance, Redis", subscriber: "same instance", s: one });

      const b = await startRole("gateway", { input: { config } });
      cleanup.push(b.stop);
      const urlB = /** @type {{ url: string }} */ (b.info).url;
      const subB = await subscriber(urlB);
      cleanup.push(subB.close);
      const [onA, onB] = await measure(urlA, [subA, subB], "r2");
      if (onA)
        rows.push({
          setup: "2 instances, Redis",
          subscriber: "on A (received the callback)",
          s: onA,
        });
      if (onB)
        rows.push({ setup: "2 instances, Redis", subscriber: "on B (other instance)", s: onB });
    }
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await agent.close();
  }

  for (const r of rows) {
    log(
      `${r.setup.padEnd(22)} ${r.subscriber.padEnd(30)} p50 ${fmt(r.s.p50)}  p99 ${fmt(r.s.p99)}  max ${fmt(r.s.max)}`,
    );
  }
  for (const b of batches) {
    log(
      `batch of ${BATCH}, ${b.setup.padEnd(10)} ${b.users === "many" ? "1,000 users" : "one user  "}  p50 ${fmt(b.s.p50)}  max ${fmt(b.s.max)}`,
    );
  }
  if (SMOKE) return;
  const lines = [
    REPORT.start,
    "## Real-time delivery (`@imgraph/gateway` webhooks → subscriptions)",
    "",
    "Latency from a vendor callback to a GraphQL subscriber: a signed RongCloud online-status",
    "callback is POSTed to `/webhooks/<app>` (keep-alive), verified, published and pushed to",
    "a graphql-ws subscriber. One callback at a time; the time runs from sending the POST to",
    "the subscriber receiving the event, so it includes the callback's own HTTP request (an",
    "upper bound of receipt → subscriber). Each gateway is a process of its own; the callback",
    "sender and the subscribers share this process. Redis: a local `redis-server`. Each",
    "callback is a new user's first connection, so the gateway reads and writes that user's",
    "presence record (`realtime/presence.ts`; in Redis one GET and one compare-and-set).",
    `${WARMUP} warm-up callbacks, then ${SAMPLES} measured. Target: p99 < ${TARGET_P99_MS} ms on loopback.`,
    "",
    ...REPORT.facts(),
    "",
    "| Setup | Subscriber | p50 | p90 | p99 | max | Target p99 | Result |",
    "|---|---|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.setup} | ${r.subscriber} | ${fmt(r.s.p50)} | ${fmt(r.s.p90)} | ${fmt(r.s.p99)} | ${fmt(r.s.max)} | < ${TARGET_P99_MS} ms | ${r.s.p99 < TARGET_P99_MS ? "pass" : "FAIL"} |`,
    ),
    "",
    `A batched callback: ${BATCH} online-status events in one RongCloud callback (the most the`,
    "adapter reads), POST → answer, no subscribers. Each event is a new user's, or all are",
    "sessions of one user. The gateway folds one user's reports in turn and different users'",
    `at once, so "one user" is the in-turn cost. ${BATCH_ROUNDS} callbacks each. Target: max <`,
    `${TARGET_BATCH_MS} ms (RongCloud waits 5 s for the answer).`,
    "",
    "| Store | Events of | p50 | max | Target max | Result |",
    "|---|---|---:|---:|---:|---|",
    ...batches.map(
      (b) =>
        `| ${b.setup} | ${b.users === "many" ? `${BATCH} users` : "one user"} | ${fmt(b.s.p50)} | ${fmt(b.s.max)} | < ${TARGET_BATCH_MS} ms | ${b.s.max < TARGET_BATCH_MS ? "pass" : "FAIL"} |`,
    ),
    REPORT.end,
  ];
  REPORT.write(lines.join("\n"));
}

await main();
process.exit(0);
