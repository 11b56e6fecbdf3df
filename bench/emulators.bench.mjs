// @ts-check
// Load benchmark of the RongCloud emulator (the built package): authenticated
// `/user/checkOnline.json` requests per second over keep-alive connections. The emulator
// runs in a child process (its own core); autocannon drives it from this one. Loopback
// only, bounded in time and in request count.
//
//   node emulators.bench.mjs           measure, print, rewrite the emulators section of ../BENCHMARKS.md
//   node emulators.bench.mjs --smoke   a short run that checks every answer is 200, writes nothing
//
// Run through `pnpm bench:emulators` (builds the package first).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { benchSection } from "./report.mjs";

const SMOKE = process.argv.includes("--smoke");
const CONNECTIONS = 50;
const DURATION_SECONDS = SMOKE ? 1 : 5;
const WARMUP_SECONDS = SMOKE ? 0 : 1;
const MAX_REQUESTS = 2_000_000;
const TARGET = 5_000;
const REPORT = benchSection("emulators");
const APP = { appKey: "benchappkey", appSecret: "bench-secret" };
const ZEGO_APP = { appId: 1234567890, serverSecret: "benchzegoserversecret00000000000" };
const TENCENT_APP = { sdkAppId: 1400000000, key: "bench-tencent-key" };

if (process.argv.includes("--serve")) {
  await serve();
} else {
  await measure();
}

/** Child process: start the emulator (rate limits off) and report its URL to the parent. */
async function serve() {
  const { startRongCloudEmulator } = await import("@imgraph/emulators");
  const { startZegoEmulator } = await import("@imgraph/emulators");
  const emu = await startRongCloudEmulator({ apps: [APP], rateLimits: false });
  const zego = await startZegoEmulator({ apps: [ZEGO_APP], rateLimits: false });
  const { startTencentEmulator } = await import("@imgraph/emulators");
  const tencent = await startTencentEmulator({ apps: [TENCENT_APP], rateLimits: false });
  zego.login({ userId: "bench-user" }); // online, so the answer is Code 0
  process.send?.({ url: emu.url, zegoUrl: zego.url, tencentUrl: tencent.url });
  process.on(
    "disconnect",
    () =>
      void Promise.all([emu.close(), zego.close(), tencent.close()]).then(() => process.exit(0)),
  );
}

async function measure() {
  const { signRongCloudRequest, signZegoRequest, generateUserSig } = await import(
    "@imgraph/signing"
  );
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const { url, zegoUrl, tencentUrl } = await new Promise((resolve, reject) => {
      child.once("message", (m) =>
        resolve(/** @type {{ url: string, zegoUrl: string, tencentUrl: string }} */ (m)),
      );
      child.once("exit", (code) => reject(new Error(`emulator exited early (${code})`)));
    });
    // Signed once and reused, like the official Node SDK: the server still verifies each one.
    const headers = {
      ...signRongCloudRequest(APP),
      "content-type": "application/x-www-form-urlencoded",
    };
    /** @type {import("autocannon").Options} */
    const options = {
      url: `${url}/user/checkOnline.json`,
      method: "POST",
      headers,
      body: "userId=bench-user",
      connections: CONNECTIONS,
      pipelining: 1,
      duration: DURATION_SECONDS,
      maxOverallRequests: MAX_REQUESTS,
    };
    const rongcloud = await saturate("RongCloud", "/user/checkOnline.json", options);
    // ZEGO: a signed GET (MD5 signature verified on every request; valid for 10 minutes).
    const zegoQuery = new URLSearchParams({
      Action: "QueryUserOnlineState",
      ...signZegoRequest(ZEGO_APP),
      "UserId[]": "bench-user",
    });
    const zegoProbe = await (await fetch(`${zegoUrl}/?${zegoQuery}`)).json();
    if (zegoProbe.Code !== 0) throw new Error(`ZEGO: ${JSON.stringify(zegoProbe)}`);
    /** @type {import("autocannon").Options} */
    const zegoOptions = { ...options, url: `${zegoUrl}/?${zegoQuery}`, method: "GET", headers: {} };
    delete zegoOptions.body;
    const zego = await saturate("ZEGO", "QueryUserOnlineState", zegoOptions);
    // Tencent: POST with the admin UserSig in the query, reused like the official SDKs do
    // (decoded and its HMAC verified once, then cached per token; expiry checked each time).
    const tencentQuery = new URLSearchParams({
      sdkappid: String(TENCENT_APP.sdkAppId),
      identifier: "administrator",
      usersig: generateUserSig({ ...TENCENT_APP, userId: "administrator", expireSeconds: 86_400 }),
      random: "1",
      contenttype: "json",
    });
    const tencentUrlFull = `${tencentUrl}/v4/openim/query_online_status?${tencentQuery}`;
    const tencentBody = JSON.stringify({ To_Account: ["administrator"] });
    const probe = await fetch(tencentUrlFull, { method: "POST", body: tencentBody });
    const probeBody = await probe.json();
    if (probeBody.ActionStatus !== "OK") throw new Error(`Tencent: ${JSON.stringify(probeBody)}`);
    /** @type {import("autocannon").Options} */
    const tencentOptions = { ...options, url: tencentUrlFull, headers: {}, body: tencentBody };
    const tencent = await saturate("Tencent", "openim/query_online_status", tencentOptions);
    if (SMOKE) return;
    writeReport(rongcloud, zego, tencent);
  } finally {
    child.disconnect();
  }
}

/** @typedef {{ rps: number, result: import("autocannon").Result }} Saturation */

/**
 * One endpoint at saturation: a warm-up (full runs only), then the measured run. Any failed
 * request is an error: the benchmark would be measuring the wrong thing.
 * @param {string} vendor @param {string} endpoint @param {import("autocannon").Options} options
 * @returns {Promise<Saturation>}
 */
async function saturate(vendor, endpoint, options) {
  if (WARMUP_SECONDS > 0) await autocannon({ ...options, duration: WARMUP_SECONDS });
  const result = await autocannon(options);
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    throw new Error(`${vendor}: ${failures} failed requests (errors/timeouts/non-2xx)`);
  }
  const rps = Math.round(result.requests.average);
  console.log(
    `${vendor} emulator, ${endpoint}: ${count(rps)} req/s (${count(result.requests.total)} requests in ${DURATION_SECONDS} s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms)`,
  );
  return { rps, result };
}

/** A count with thousands separators. (A declaration: measure() runs before later consts exist.) */
function count(/** @type {number} */ n) {
  return n.toLocaleString("en-US");
}

/** A table row: the endpoint's rate and latencies against TARGET. @param {string} endpoint @param {Saturation} s */
function row(endpoint, { rps, result }) {
  return `| ${endpoint} | ${count(rps)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ≥ ${count(TARGET)} | ${rps >= TARGET ? "pass" : "**FAIL**"} |`;
}

/** @param {Saturation} rongcloud @param {Saturation} zego @param {Saturation} tencent */
function writeReport(rongcloud, zego, tencent) {
  const section = [
    REPORT.start,
    "## Emulators (`@imgraph/emulators`)",
    "",
    `Authenticated RongCloud \`/user/checkOnline.json\` requests (SHA-1 signature verified on`,
    `every request, request log on, rate limits off) over ${CONNECTIONS} keep-alive connections for`,
    `${DURATION_SECONDS} s after a ${WARMUP_SECONDS} s warm-up; the emulator runs in its own process, autocannon in`,
    `another, on loopback. Target: ≥ ${count(TARGET)} req/s.`,
    "",
    ...REPORT.facts({ load: false }),
    "",
    "| Endpoint | req/s (mean) | p50 latency | p99 latency | Target | Result |",
    "|---|---:|---:|---:|---:|---|",
    row("RongCloud `/user/checkOnline.json`", rongcloud),
    row("ZEGO `QueryUserOnlineState` (GET, MD5 signature)", zego),
    row("Tencent `openim/query_online_status` (POST, UserSig; HMAC cached per token)", tencent),
    REPORT.end,
  ].join("\n");
  REPORT.write(section);
}
