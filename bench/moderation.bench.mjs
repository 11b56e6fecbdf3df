// @ts-check
// Moderation benchmark (built packages): how fast the gateway answers vendors' pre-send
// callbacks from its local rules. Loopback only; bounded in time; the gateway runs in a
// process of its own (roles.mjs), this process is the vendor.
//
//   node moderation.bench.mjs           measure, print, rewrite the moderation section of ../BENCHMARKS.md
//   node moderation.bench.mjs --smoke   a short run that checks the answers, writes nothing
//
// The vendor here is Tencent (C2C.CallbackBeforeSendMsg, signed as Tencent signs): each
// callback carries a fresh message, 90% clean text, 5% with a blocked word (disguised:
// spaced letters, look-alikes), 5% with a masked word. The rules: 500 blocked words, 50
// masked words, 3 patterns, a size limit and a per-sender rate. Paced at a fixed rate;
// latency = request sent → answer read.
import { randomBytes } from "node:crypto";
import { tencentCallbackSign } from "@imgraph/signing";
import { Pool } from "undici";
import { apiKeyAuth, benchServer } from "./config.mjs";
import { loop, startRole } from "./load.mjs";
import { benchSection } from "./report.mjs";

const SMOKE = process.argv.includes("--smoke");
const RATE = SMOKE ? 200 : 1000;
const SECONDS = SMOKE ? 2 : 15;
const TARGET_P99_MS = 5;
const REPORT = benchSection("moderation");
const SDK_APP_ID = 1400000999;
const TOKEN = randomBytes(16).toString("hex");
const log = (/** @type {string} */ line) => console.log(line);

/**
 * Deterministic pseudo-words, so runs compare.
 * @param {number} n @param {number} seed
 */
function words(n, seed) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const out = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    let w = "";
    const len = 5 + (i % 6);
    for (let k = 0; k < len; k++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += letters[x % 26];
    }
    out.push(w);
  }
  return out;
}

const BLOCKED = words(500, 7);
const MASKED = words(50, 11);

/** The moderation rules measured. */
const RULES = {
  blockedWords: BLOCKED,
  maskedWords: MASKED,
  patterns: [
    "\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b",
    "https?://\\S+\\.ru\\b",
    "(.)\\1{20,}",
  ],
  maxTextLength: 2000,
  senderRate: { limit: 1_000_000, windowSeconds: 1 },
  blockReason: "Not sent.",
  hook: null,
};

/**
 * A Tencent app whose callbacks come from loopback. Pre-send answers need no vendor call:
 * the origin is never reached.
 * @param {string} id
 */
function tencentApp(id) {
  return {
    id,
    vendor: "tencent",
    options: {
      sdkAppId: SDK_APP_ID,
      key: "k".repeat(64),
      callbackToken: TOKEN,
      origins: ["http://127.0.0.1:9"],
    },
    webhook: {
      allowedSources: ["127.0.0.1"],
      vendorSources: false,
      vendorSourcesRefreshMinutes: 60,
      acceptUnboundBodies: false,
    },
    rateLimits: { enabled: false, apis: {} },
  };
}

function gatewayConfig() {
  return {
    server: benchServer(),
    auth: apiKeyAuth("unused"),
    apps: [
      // With the rules, and the same app without them (what the callback path costs alone).
      { ...tencentApp("chat"), moderation: RULES },
      tencentApp("bare"),
    ],
    defaultApp: "chat",
    logLevel: "warn",
    demo: false,
  };
}

let seq = 0;
/** One callback's body: a fresh message each time (the replay store sees each once). */
function nextBody() {
  const n = seq++;
  const kind = n % 20;
  const text =
    kind === 0
      ? `look at this ${BLOCKED[n % BLOCKED.length]?.split("").join(" ")} offer`
      : kind === 1
        ? `well ${MASKED[n % MASKED.length]} it`
        : `message ${n}: see you at the station at ${n % 24}:00, bring the tickets please`;
  return JSON.stringify({
    CallbackCommand: "C2C.CallbackBeforeSendMsg",
    From_Account: `user${n % 5000}`,
    To_Account: `user${(n + 1) % 5000}`,
    MsgSeq: n,
    MsgRandom: n * 7,
    MsgTime: Math.floor(Date.now() / 1000),
    MsgKey: `${n}_${n * 7}_${Date.now()}`,
    OnlineOnlyFlag: 0,
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
    CloudCustomData: "",
    EventTime: Date.now(),
  });
}

/** @param {string} app */
function nextPath(app) {
  const t = String(Math.floor(Date.now() / 1000));
  const q = new URLSearchParams({
    SdkAppid: String(SDK_APP_ID),
    CallbackCommand: "C2C.CallbackBeforeSendMsg",
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "RESTAPI",
    RequestTime: t,
    Sign: tencentCallbackSign(TOKEN, t),
  });
  return `/webhooks/${app}?${q}`;
}

const fmt = (/** @type {number} */ ms) => `${ms.toFixed(2)} ms`;

/**
 * One signed callback with a fresh message, as the vendor's pusher sends it over its
 * keep-alive connections; answers whether the answer was a decision (and counts it).
 * @param {Pool} pool @param {Record<string, number>} answers @param {string} app
 */
async function callback(pool, answers, app = "chat") {
  const res = await pool.request({
    method: "POST",
    path: nextPath(app),
    body: nextBody(),
    headers: { "content-type": "application/json" },
  });
  const a = /** @type {{ ActionStatus?: string, ErrorCode?: number, MsgBody?: unknown }} */ (
    await res.body.json()
  );
  if (res.statusCode !== 200 || a.ActionStatus !== "OK") return false;
  const kind =
    a.ErrorCode === 120001
      ? "block"
      : a.MsgBody
        ? "rewrite"
        : a.ErrorCode === 0
          ? "allow"
          : "other";
  answers[kind] = (answers[kind] ?? 0) + 1;
  return kind !== "other";
}

async function main() {
  const gateway = await startRole("gateway", { input: { config: gatewayConfig() } });
  const url = /** @type {{ url: string }} */ (gateway.info).url;
  const origin = new URL(url).origin;
  const answers = { allow: 0, block: 0, rewrite: 0, other: 0 };
  try {
    const pool = new Pool(origin, { connections: 20, keepAliveTimeout: 30_000 });
    // Warm-up: compile the rules' paths and the JIT; then reset the counts.
    await loop({ op: () => callback(pool, answers), concurrency: 20, seconds: 2, rate: 200 });
    for (const key of Object.keys(answers)) answers[/** @type {keyof typeof answers} */ (key)] = 0;
    const result = await loop({
      op: () => callback(pool, answers),
      concurrency: 20,
      seconds: SECONDS,
      rate: RATE,
    });
    /** @type {Record<string, number>} */
    const bareAnswers = {};
    const bare = await loop({
      op: () => callback(pool, bareAnswers, "bare"),
      concurrency: 20,
      seconds: SECONDS,
      rate: RATE,
    });
    await pool.close();
    log(`the same without rules: p50 ${fmt(bare.p50)}, p99 ${fmt(bare.p99)}`);
    const total = answers.allow + answers.block + answers.rewrite + answers.other;
    log(
      `pre-send at ${RATE}/s for ${SECONDS} s: ${result.rps.toFixed(0)} answers/s, p50 ${fmt(result.p50)}, p99 ${fmt(result.p99)}, failures ${result.failures}; allow ${answers.allow}, block ${answers.block}, rewrite ${answers.rewrite}, other ${answers.other}`,
    );
    if (result.failures > 0 || answers.other > 0 || total === 0) {
      throw new Error("pre-send answers failed or were not decisions");
    }
    if (answers.block === 0 || answers.rewrite === 0) throw new Error("the rules never fired");
    if (SMOKE) return;
    const pass = result.p99 <= TARGET_P99_MS && result.rps >= RATE * 0.95;
    REPORT.write(
      [
        REPORT.start,
        "## Moderation (`@imgraph/gateway` pre-send callbacks)",
        "",
        "How fast the gateway answers a vendor's pre-send callback from its local rules: signed",
        "Tencent `C2C.CallbackBeforeSendMsg` callbacks POSTed to `/webhooks/<app>` at a fixed",
        "rate over 20 keep-alive connections (undici, paced at a fixed rate), each a fresh message:",
        "90% clean, 5% holding a blocked word written with spaced letters, 5% a masked word.",
        "Rules: 500 blocked words, 50 masked words, 3 patterns, a size limit, a per-sender rate.",
        "Latency: request written → answer read, so it includes the callback's own HTTP request",
        "and its signature and replay checks. The gateway runs in a process of its own; the load",
        "generator shares the machine. Target: p99 ≤ 5 ms at 1,000 callbacks/s. The same run",
        "against an app without rules shows what the rules add.",
        "",
        ...REPORT.facts(),
        "",
        "| App | Rate | Answers/s | p50 | p99 | Allowed | Blocked | Rewritten | Target | Result |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
        `| with the rules | ${RATE}/s for ${SECONDS} s | ${result.rps.toFixed(0)} | ${fmt(result.p50)} | ${fmt(result.p99)} | ${answers.allow} | ${answers.block} | ${answers.rewrite} | p99 ≤ ${TARGET_P99_MS} ms | ${pass ? "pass" : "FAIL"} |`,
        `| no rules (the callback path alone) | ${RATE}/s for ${SECONDS} s | ${bare.rps.toFixed(0)} | ${fmt(bare.p50)} | ${fmt(bare.p99)} | ${bareAnswers.allow ?? 0} | — | — | — | — |`,
        REPORT.end,
      ].join("\n"),
    );
  } finally {
    await gateway.stop();
  }
}

await main();
