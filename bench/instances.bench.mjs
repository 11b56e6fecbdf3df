// @ts-check
// Three gateway instances sharing Redis, overloaded (issue #19). One Tencent emulator with
// its rate limits on (200 calls/s per API), three gateway processes with the same app
// config and REDIS_URL (one realtime.keyPrefix, so one set of rate buckets), each driven
// past the vendor's budget at once: per instance, readers asking for the profile of a
// user of their own (read merging off, so every read is its own vendor call and merging
// cannot hide the load) and senders of one-to-one text messages. Reported: the
// emulator's calls per API in every one-second window (its fixed windows, as it counts,
// and the busiest sliding one), against the limit; the callers' outcomes (answered,
// RATE_LIMITED with retryAfter, and answers later than the request deadline).
//
//   node instances.bench.mjs           measure, print, rewrite the instances section of ../BENCHMARKS.md
//   node instances.bench.mjs --smoke   a short run that checks the answers, writes nothing
//
// Redis: REDIS_URL when set, else a redis-server started here on a free loopback port
// (skipped, with a message, when there is none).
import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { AppRegistry } from "@imgraph/gateway";
import { Pool } from "undici";
import { apiKeyAuth, benchServer, tencentApp } from "./config.mjs";
import { startRole } from "./load.mjs";
import { startRedis } from "./redis.mjs";
import { benchSection } from "./report.mjs";

const SMOKE = process.argv.includes("--smoke");
const INSTANCES = SMOKE ? 2 : 3; // the smoke run: two (the same code, one start less)
const READERS = SMOKE ? 10 : 100; // per instance
const SENDERS = SMOKE ? 5 : 50; // per instance
const SECONDS = SMOKE ? 1.5 : 20;
/** The gateway's request deadline (server.requestTimeoutMs): a call may wait for its token until 1 s before it. */
const DEADLINE_MS = 2_000;
/** An answer this much after the deadline still counts as in time (the machine is loaded). */
const SLACK_MS = 250;
/** Tencent's published limit per API, and what the emulator enforces. */
const LIMIT = 200;
const REPORT = benchSection("instances");
const API_KEY = `bench_${randomBytes(12).toString("hex")}`;
const READ = 'query($id: ID!) { user(app: "tencent", id: $id) { id name } }';
const SEND =
  'mutation($input: SendMessageInput!) { sendMessage(input: $input, app: "tencent") { recipientId messageId error { code message retryAfter } } }';
const log = (/** @type {string} */ line) => console.log(line);

/** @typedef {{ vendor: string, demo: Record<string, string>, url: string }} EmulatorInfo */

/** @param {EmulatorInfo} emulator @param {string} redisUrl @param {string} keyPrefix */
function gatewayConfig(emulator, redisUrl, keyPrefix) {
  return {
    // Merging off: each read its own vendor call, so three instances can overload the API.
    server: benchServer({ readCoalesceMs: 0, requestTimeoutMs: DEADLINE_MS }),
    auth: apiKeyAuth(API_KEY),
    apps: [tencentApp(emulator)],
    defaultApp: "tencent",
    logLevel: "warn",
    demo: false,
    realtime: {
      redisUrl,
      keyPrefix,
      webhookBodyLimitBytes: 512 * 1024,
      maxBufferedEvents: 1000,
      trustedProxies: [],
    },
  };
}

/** REDIS_URL, or a redis-server of our own; undefined when neither. */
async function redis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  return startRedis();
}

/**
 * @typedef {object} Tally
 * @property {number} ok            answered with the data asked for
 * @property {number} limited       RATE_LIMITED, as a request error with retryAfter
 * @property {number} limitedNoRetryAfter  RATE_LIMITED without retryAfter (a per-item error)
 * @property {Record<string, number>} other  other error codes
 * @property {number} late          answered later than the deadline + slack
 * @property {number} veryLate      answered more than 1 s after the deadline
 * @property {number} unanswered    no answer at all (connection error, client timeout)
 * @property {number} slowest       ms
 */

/** @returns {Tally} */
const tally = () => ({
  ok: 0,
  limited: 0,
  limitedNoRetryAfter: 0,
  other: {},
  late: 0,
  veryLate: 0,
  unanswered: 0,
  slowest: 0,
});

/**
 * One caller: requests in a loop until `end`; after RATE_LIMITED it waits retryAfter
 * (at most 1 s), as a client should.
 * @param {Pool} pool @param {() => { body: string, check: (b: any) => string }} next
 * @param {number} end @param {Tally} t
 */
async function caller(pool, next, end, t) {
  while (Date.now() < end) {
    const { body, check } = next();
    const t0 = performance.now();
    let outcome;
    try {
      const res = await pool.request({
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/json", "x-api-key": API_KEY },
        body,
        signal: AbortSignal.timeout(DEADLINE_MS + 10_000),
      });
      outcome = check(await res.body.json());
    } catch {
      outcome = "unanswered";
    }
    const ms = performance.now() - t0;
    t.slowest = Math.max(t.slowest, ms);
    if (ms > DEADLINE_MS + SLACK_MS) t.late++;
    if (ms > DEADLINE_MS + 1_000) t.veryLate++;
    if (outcome === "ok") t.ok++;
    else if (outcome === "unanswered") t.unanswered++;
    else if (outcome.startsWith("RATE_LIMITED:")) {
      t.limited++;
      const seconds = Number(outcome.slice("RATE_LIMITED:".length));
      await new Promise((r) => setTimeout(r, Math.min(1_000, Math.max(0, seconds * 1000))));
    } else if (outcome === "RATE_LIMITED") {
      t.limitedNoRetryAfter++;
      await new Promise((r) => setTimeout(r, 200));
    } else t.other[outcome] = (t.other[outcome] ?? 0) + 1;
  }
}

/** The first message seen per error code, printed at the end. @type {Map<string, string>} */
const examples = new Map();

/** The first error's code (with retryAfter for RATE_LIMITED), or "ok". @param {any} body */
function requestOutcome(body) {
  const error = body?.errors?.[0];
  if (!error) return undefined;
  const code = String(error.extensions?.code ?? "UNKNOWN");
  if (!examples.has(code))
    examples.set(code, `${error.message} ${JSON.stringify(error.extensions)}`);
  const retryAfter = error.extensions?.retryAfter;
  return code === "RATE_LIMITED" && typeof retryAfter === "number"
    ? `RATE_LIMITED:${retryAfter}`
    : code;
}

/**
 * Per route: calls in every fixed second (epoch-aligned, as the emulator counts) from
 * `from` to `to`, the busiest sliding one-second window, refusals.
 * @param {{ time: number, route: string, refused: boolean }[]} calls @param {number} from @param {number} to
 */
function windows(calls, from, to) {
  /** @type {Map<string, number[]>} */
  const byRoute = new Map();
  let refused = 0;
  for (const c of calls) {
    if (c.time < from || c.time > to) continue;
    if (c.refused) refused++;
    const list = byRoute.get(c.route) ?? [];
    list.push(c.time);
    byRoute.set(c.route, list);
  }
  const first = Math.floor(from / 1000);
  const last = Math.floor(to / 1000);
  return {
    refused,
    routes: [...byRoute].map(([route, times]) => {
      times.sort((a, b) => a - b);
      const perSecond = Array.from({ length: last - first + 1 }, () => 0);
      for (const t of times) {
        const at = Math.floor(t / 1000) - first;
        perSecond[at] = (perSecond[at] ?? 0) + 1;
      }
      let sliding = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while ((times[i] ?? 0) - (times[j] ?? 0) >= 1000) j++;
        sliding = Math.max(sliding, i - j + 1);
      }
      return { route, total: times.length, perSecond, sliding };
    }),
  };
}

async function main() {
  const store = await redis();
  if (!store) {
    log("instances: no REDIS_URL and no redis-server on PATH: skipped");
    return;
  }
  const emulatorRole = await startRole("tencent", { input: { rateLimits: true } });
  const emulator = /** @type {EmulatorInfo} */ (emulatorRole.info);
  const users = INSTANCES * READERS;
  /** @type {Array<Awaited<ReturnType<typeof startRole>>>} */
  const gateways = [];
  /** @type {Pool[]} */
  const pools = [];
  // This process's own event-loop delay: how late it can notice an answer.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const reads = tally();
  const sends = tally();
  let result;
  try {
    const setup = AppRegistry.fromConfig(/** @type {any} */ ([tencentApp(emulator)]), "tencent", {
      rateShaping: /** @type {any} */ (undefined),
    });
    const adapter = setup.get("tencent");
    for (let from = 0; from < users; from += 500) {
      const batch = Array.from({ length: Math.min(500, users - from) }, (_, i) => ({
        id: `u${from + i}`,
        name: `User ${from + i}`,
      }));
      if (!(await adapter.registerUsers(batch)).every((r) => r.ok)) {
        throw new Error("registering the users failed");
      }
    }
    await setup.close();
    const config = gatewayConfig(emulator, store.url, `bench${randomBytes(4).toString("hex")}:`);
    gateways.push(
      ...(await Promise.all(
        Array.from({ length: INSTANCES }, () => startRole("gateway", { input: { config } })),
      )),
    );
    for (const g of gateways) {
      const origin = new URL(/** @type {{ url: string }} */ (g.info).url).origin;
      pools.push(new Pool(origin, { connections: READERS + SENDERS, keepAliveTimeout: 30_000 }));
    }
    await new Promise((r) => setTimeout(r, 1_100)); // a fresh second of vendor budget
    const start = Date.now();
    const end = start + SECONDS * 1000;
    lag.enable();
    await Promise.all(
      pools.flatMap((pool, g) => [
        ...Array.from({ length: READERS }, (_, i) => {
          const id = `u${g * READERS + i}`;
          const body = JSON.stringify({ query: READ, variables: { id } });
          return caller(
            pool,
            () => ({
              body,
              check: (b) => requestOutcome(b) ?? (b?.data?.user?.id === id ? "ok" : "WRONG_USER"),
            }),
            end,
            reads,
          );
        }),
        ...Array.from({ length: SENDERS }, (_, i) =>
          caller(
            pool,
            () => {
              const to = `u${Math.floor(Math.random() * users)}`;
              return {
                body: JSON.stringify({
                  query: SEND,
                  variables: {
                    input: {
                      from: `u${(g * SENDERS + i) % users}`,
                      toUserIds: [to],
                      content: { text: { text: "overload" } },
                    },
                  },
                }),
                check: (b) => {
                  const top = requestOutcome(b);
                  if (top) return top;
                  const item = b?.data?.sendMessage?.[0];
                  if (item?.recipientId !== to) return "WRONG_RECIPIENT";
                  if (!item.error) return "ok";
                  const { code, retryAfter } = item.error;
                  return code === "RATE_LIMITED" && typeof retryAfter === "number"
                    ? `RATE_LIMITED:${retryAfter}`
                    : String(code);
                },
              };
            },
            end,
            sends,
          ),
        ),
      ]),
    );
    const stopped = Date.now();
    lag.disable();
    await new Promise((r) => setTimeout(r, 300)); // the last answers logged
    const { calls } = await emulatorRole.ask({ cmd: "calls", since: start });
    result = { ...windows(calls, start, stopped), seconds: (stopped - start) / 1000 };
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await Promise.all(gateways.map((g) => g.stop()));
    await emulatorRole.stop();
    await store.stop();
  }
  const describe = (/** @type {string} */ what, /** @type {Tally} */ t) =>
    `${what}: ${t.ok} ok, ${t.limited} RATE_LIMITED with retryAfter, ${t.limitedNoRetryAfter} RATE_LIMITED without, other ${JSON.stringify(t.other)}, late ${t.late} (by > 1 s ${t.veryLate}), unanswered ${t.unanswered}, slowest ${t.slowest.toFixed(0)} ms`;
  log(describe("reads", reads));
  log(describe("sends", sends));
  for (const r of result.routes) {
    log(
      `${r.route}: ${r.total} calls, per second [${r.perSecond.join(" ")}], busiest sliding 1 s ${r.sliding}`,
    );
  }
  log(`vendor refusals: ${result.refused}`);
  const lagP99 = lag.percentile(99) / 1e6;
  const lagMax = lag.max / 1e6;
  log(`load generator event-loop delay: p99 ${lagP99.toFixed(0)} ms, max ${lagMax.toFixed(0)} ms`);
  for (const [code, example] of examples) log(`first ${code}: ${example}`);
  const violations = reads.late + reads.unanswered + sends.late + sends.unanswered;
  const maxFixed = Math.max(0, ...result.routes.flatMap((r) => r.perSecond));
  if (SMOKE) {
    if (reads.ok === 0 || sends.ok === 0) throw new Error("no read or no send succeeded");
    const wrong = ["WRONG_USER", "WRONG_RECIPIENT"].some((w) => reads.other[w] || sends.other[w]);
    if (wrong) throw new Error("an answer was not the caller's own");
    return;
  }
  const pass = maxFixed <= LIMIT && result.refused === 0 && violations === 0;
  const api = (/** @type {string} */ route) => route.replace(/^v4\//, "");
  REPORT.write(
    [
      REPORT.start,
      "## Three instances sharing Redis, overloaded (`@imgraph/gateway`, issue #19)",
      "",
      `One Tencent emulator with its rate limits on (${LIMIT} calls/s per API, fixed one-second`,
      `windows), ${INSTANCES} gateway processes with the same app config and Redis (one`,
      "`realtime.keyPrefix`, so one set of rate buckets), all driven at once, each by",
      `${READERS} readers (each asking for the profile of a user of its own, \`user { id name }\`)`,
      `and ${SENDERS} senders (one-to-one text to a random user): ${INSTANCES * (READERS + SENDERS)} callers in closed loops for`,
      `${SECONDS} s. Read merging is off (\`readCoalesceMs: 0\`), so every read is its own vendor`,
      "call and merging cannot hide the load: the callers ask for several times the vendor's",
      `budget. Request deadline \`server.requestTimeoutMs\` = ${DEADLINE_MS} ms (a call waits for its token`,
      "until 1 s before it, then the caller gets RATE_LIMITED with retryAfter, after which it",
      `waits that long, at most 1 s). An answer later than the deadline + ${SLACK_MS} ms, or none,`,
      "is a violation. Calls are counted by the emulator, by arrival time (its request log).",
      "",
      ...REPORT.facts(),
      "",
      "| Vendor API | Calls | Calls/s (mean) | Busiest second | Busiest sliding 1 s | Limit |",
      "|---|---:|---:|---:|---:|---:|",
      ...result.routes.map(
        (r) =>
          `| \`${api(r.route)}\` | ${r.total} | ${(r.total / result.seconds).toFixed(0)} | ${Math.max(...r.perSecond)} | ${r.sliding} | ${LIMIT} |`,
      ),
      "",
      "Every one-second window, calls (the first and last are partial):",
      "",
      ...result.routes.map((r) => `- \`${api(r.route)}\`: ${r.perSecond.join(", ")}`),
      "",
      "| Callers | Answered | RATE_LIMITED (retryAfter) | RATE_LIMITED (no retryAfter) | Other errors | Late or unanswered | Of which > 1 s late | Slowest |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...[
        ["reads", reads],
        ["sends", sends],
      ].map(
        ([what, t]) =>
          `| ${what} | ${/** @type {Tally} */ (t).ok} | ${/** @type {Tally} */ (t).limited} | ${/** @type {Tally} */ (t).limitedNoRetryAfter} | ${
            Object.entries(/** @type {Tally} */ (t).other)
              .map(([c, n]) => `${c} ${n}`)
              .join(", ") || 0
          } | ${/** @type {Tally} */ (t).late + /** @type {Tally} */ (t).unanswered} | ${/** @type {Tally} */ (t).veryLate} | ${/** @type {Tally} */ (t).slowest.toFixed(0)} ms |`,
      ),
      "",
      `- Vendor refusals (rate) in the run: ${result.refused}.`,
      "- The vendor (and the emulator) counts calls per clock second. The busiest sliding second",
      "  can be above the limit by what the way from the shaper to the vendor bunches (the",
      "  gateways' event loops, HTTP): the shaper keeps 10% back for that on limits ≥ 20.",
      "- Sends report a refusal per recipient (`sendMessage` answers an item per recipient),",
      "  with its `retryAfter` in `ItemError` (a refusal without one makes its caller wait 200 ms).",
      `- The load generator's own event-loop delay in the run (it times the answers): p99 ${lagP99.toFixed(0)} ms, max ${lagMax.toFixed(0)} ms.`,
      `- ${pass ? "pass" : "**FAIL**"}: busiest second ${maxFixed} (≤ ${LIMIT}: ${maxFixed <= LIMIT ? "pass" : "FAIL"}), vendor refusals ${result.refused} (0: ${result.refused === 0 ? "pass" : "FAIL"}), answers later than the deadline + ${SLACK_MS} ms or none ${violations} (0: ${violations === 0 ? "pass" : "FAIL"}).`,
      REPORT.end,
    ].join("\n"),
  );
}

await main();
