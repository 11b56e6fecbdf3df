// @ts-check
// Micro-benchmark of @imgraph/signing (the built package): operations per second on one
// core for every generator and verifier, median of several timed rounds after warm-up.
//
//   node signing.bench.mjs           measure, print, rewrite the signing section of ../BENCHMARKS.md
//   node signing.bench.mjs --smoke   run each operation a few hundred times, check results, write nothing
//
// Run through `pnpm bench:signing` (builds the package first).
import {
  generatePrivateMapKey,
  generateToken04,
  generateUserSig,
  signRongCloudCallback,
  signRongCloudRequest,
  signZegoRequest,
  tencentCallbackSign,
  verifyRongCloudCallback,
  verifyRongCloudRequest,
  verifyTencentCallback,
  verifyToken04,
  verifyUserSig,
  verifyZegoCallback,
  verifyZegoRequest,
  zegoCallbackSignature,
} from "@imgraph/signing";
import { benchSection } from "./report.mjs";

const SMOKE = process.argv.includes("--smoke");
const SMOKE_ITERATIONS = 300;
const ROUNDS = 9;
const ROUND_SECONDS = 0.25;
const WARMUP_SECONDS = 0.3;
const REQUEST_TARGET = 200_000;
const CREDENTIAL_TARGET = 50_000;
const REPORT = benchSection("signing");

// ---- fixtures (fixed clock, so verifiers never see an expired input) ---------------------

const NOW = 1_700_000_000_000;
const RC = { appKey: "c9kqb3rdkbb8j", appSecret: "uTNrkYskbNC" };
const ZEGO = { appId: 1234567890, serverSecret: "fa94dd0f974cf2e293728a526b028271" };
const ZEGO_CALLBACK_SECRET = "cbsecret0123";
const TENCENT = {
  sdkAppId: 1400000000,
  key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
};
const TENCENT_CALLBACK_TOKEN = "xxxxyyyy";

const rcHeaders = signRongCloudRequest({ ...RC, now: NOW });
const rcSecretFor = (/** @type {string} */ appKey) =>
  appKey === RC.appKey ? RC.appSecret : undefined;
const rcCallback = signRongCloudCallback({ ...RC, now: NOW });
const zegoParams = new URLSearchParams({
  Action: "QueryUserInfos",
  ...signZegoRequest({ ...ZEGO, now: NOW }),
});
const zegoSecretFor = (/** @type {number} */ appId) =>
  appId === ZEGO.appId ? ZEGO.serverSecret : undefined;
const zegoCallback = {
  event: "send_msg",
  timestamp: "1700000000",
  nonce: "987654",
  signature: zegoCallbackSignature(ZEGO_CALLBACK_SECRET, "1700000000", "987654"),
};
const tencentQuery = new URLSearchParams({
  SdkAppid: String(TENCENT.sdkAppId),
  CallbackCommand: "C2C.CallbackAfterSendMsg",
  RequestTime: "1700000000",
  Sign: tencentCallbackSign(TENCENT_CALLBACK_TOKEN, "1700000000"),
});
const userSigInput = { ...TENCENT, userId: "administrator", expireSeconds: 86400, now: NOW };
const userSig = generateUserSig(userSigInput);
const userSigZlib = generateUserSig({ ...userSigInput, compression: "zlib" });
const token04Input = {
  appId: ZEGO.appId,
  userId: "user1",
  serverSecret: ZEGO.serverSecret,
  effectiveTimeInSeconds: 3600,
  now: NOW,
};
const token04 = generateToken04(token04Input);

/**
 * @typedef {{ name: string; kind: "request" | "credential"; run: () => unknown }} Operation
 */

/** Fails loudly if a verifier rejects its fixture: a benchmark of the error path is worthless. */
function ok(/** @type {{ ok: boolean }} */ result) {
  if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result)}`);
  return result;
}

/** @type {Operation[]} */
const OPERATIONS = [
  { name: "RongCloud request sign", kind: "request", run: () => signRongCloudRequest(RC) },
  {
    name: "RongCloud request verify",
    kind: "request",
    run: () => ok(verifyRongCloudRequest(rcHeaders, rcSecretFor)),
  },
  {
    name: "RongCloud callback verify",
    kind: "request",
    run: () => ok(verifyRongCloudCallback(rcCallback, RC.appSecret)),
  },
  { name: "ZEGO request sign", kind: "request", run: () => signZegoRequest(ZEGO) },
  {
    name: "ZEGO request verify",
    kind: "request",
    run: () => ok(verifyZegoRequest(zegoParams, zegoSecretFor, { now: NOW })),
  },
  {
    name: "ZEGO callback verify",
    kind: "request",
    run: () => ok(verifyZegoCallback(zegoCallback, ZEGO_CALLBACK_SECRET)),
  },
  {
    name: "Tencent callback verify",
    kind: "request",
    run: () => ok(verifyTencentCallback(tencentQuery, TENCENT_CALLBACK_TOKEN, { now: NOW })),
  },
  { name: "UserSig generate", kind: "credential", run: () => generateUserSig(userSigInput) },
  {
    name: "UserSig verify",
    kind: "credential",
    run: () =>
      ok(verifyUserSig(userSig, { key: TENCENT.key, sdkAppId: TENCENT.sdkAppId, now: NOW })),
  },
  {
    name: "UserSig verify (zlib, as Node SDK)",
    kind: "credential",
    run: () =>
      ok(verifyUserSig(userSigZlib, { key: TENCENT.key, sdkAppId: TENCENT.sdkAppId, now: NOW })),
  },
  {
    name: "PrivateMapKey generate",
    kind: "credential",
    run: () =>
      generatePrivateMapKey({
        ...userSigInput,
        expireSeconds: 300,
        roomId: 10000,
        privilegeMap: 255,
      }),
  },
  { name: "Token04 generate", kind: "credential", run: () => generateToken04(token04Input) },
  {
    name: "Token04 verify",
    kind: "credential",
    run: () =>
      ok(verifyToken04(token04, { serverSecret: ZEGO.serverSecret, appId: ZEGO.appId, now: NOW })),
  },
];

// ---- measurement ----------------------------------------------------------------------------
//
// The machine may be shared (CI, other builds), so each round records both wall time and
// this process's CPU time (user + system, from process.cpuUsage). The verdict uses CPU
// time: operations per second of one busy core, which time-slicing by other processes
// does not distort. Rounds of all operations are interleaved, so a burst of outside load
// hits every operation alike instead of one operation's every round.

/** Keeps results alive so the work cannot be optimised away. */
let sink = 0;

/** Runs `run` n times; returns elapsed wall and CPU seconds. */
function timed(/** @type {() => unknown} */ run, /** @type {number} */ n) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    if (run() !== undefined) sink++;
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

/** Warms `op` up (JIT, pools) and returns a batch size that takes about ROUND_SECONDS. */
function calibrate(/** @type {Operation} */ op) {
  let n = 1000;
  let spent = timed(op.run, n).wall;
  while (spent < WARMUP_SECONDS) {
    n *= 2;
    spent = timed(op.run, n).wall;
  }
  return Math.max(1000, Math.round((n / spent) * ROUND_SECONDS));
}

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median ops/s (CPU time and wall time) of every operation over ROUNDS interleaved rounds. */
function measureAll(/** @type {Operation[]} */ ops) {
  const batches = ops.map(calibrate);
  /** @type {{ cpu: number[]; wall: number[] }[]} */
  const samples = ops.map(() => ({ cpu: [], wall: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    ops.forEach((op, i) => {
      const batch = batches[i] ?? 1000;
      const t = timed(op.run, batch);
      samples[i]?.cpu.push(batch / t.cpu);
      samples[i]?.wall.push(batch / t.wall);
    });
  }
  return ops.map((op, i) => ({
    op,
    rate: median(samples[i]?.cpu ?? []),
    wall: median(samples[i]?.wall ?? []),
  }));
}

function target(/** @type {Operation} */ op) {
  return op.kind === "request" ? REQUEST_TARGET : CREDENTIAL_TARGET;
}

const format = (/** @type {number} */ x) => Math.round(x).toLocaleString("en-US");

/** @param {{ op: Operation; rate: number; wall: number }[]} results */
function section(results) {
  const rows = results.map(({ op, rate, wall }) => {
    const goal = target(op);
    const verdict = rate >= goal ? "pass" : "**FAIL**";
    return `| ${op.name} | ${format(rate)} | ${format(wall)} | ≥ ${format(goal)} | ${verdict} |`;
  });
  return [
    REPORT.start,
    "## Signing (`@imgraph/signing`)",
    "",
    `Operations per second on one core, median of ${ROUNDS} interleaved rounds of ~${ROUND_SECONDS} s`,
    "per operation after warm-up, measured on the built package (`dist`). The verdict uses",
    "ops per CPU-second of the benchmark process (what one busy core does, undistorted by other",
    "load on a shared machine); wall-clock ops/s are shown beside it. Targets: request and",
    `callback signatures ≥ ${format(REQUEST_TARGET)}/s, client credentials (UserSig, PrivateMapKey,`,
    `Token04) ≥ ${format(CREDENTIAL_TARGET)}/s.`,
    "",
    ...REPORT.facts(),
    "",
    "| Operation | ops/s (CPU) | ops/s (wall) | Target | Result |",
    "|---|---:|---:|---:|---|",
    ...rows,
    REPORT.end,
  ].join("\n");
}

function main() {
  if (SMOKE) {
    for (const op of OPERATIONS) {
      const { wall } = timed(op.run, SMOKE_ITERATIONS);
      console.log(`${op.name}: ${SMOKE_ITERATIONS} runs in ${(wall * 1000).toFixed(1)} ms`);
    }
    if (sink !== OPERATIONS.length * SMOKE_ITERATIONS) {
      throw new Error("an operation returned nothing");
    }
    console.log(`smoke: ${OPERATIONS.length} operations ok, BENCHMARKS.md untouched`);
    return;
  }
  const results = measureAll(OPERATIONS);
  for (const { op, rate, wall } of results) {
    const verdict = rate >= target(op) ? "pass" : "FAIL";
    console.log(
      `${op.name.padEnd(34)} ${format(rate).padStart(11)} ops/s CPU ${format(wall).padStart(11)} wall  ${verdict}`,
    );
  }
  REPORT.write(section(results));
}

main();
