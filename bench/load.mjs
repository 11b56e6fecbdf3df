// @ts-check
// Load helpers shared by the gateway benchmark: autocannon driven as a library with
// sub-millisecond latencies, an in-process loop with the same shape (concurrency, optional
// fixed rate) for calling code directly, percentiles, medians, child processes that are
// always cleaned up. Everything is bounded in time and in request count.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

/**
 * @typedef {object} LoadResult
 * @property {number} rps       completed requests per second
 * @property {number} p50       ms
 * @property {number} p99       ms
 * @property {number} count     completed requests
 * @property {number} failures  errors, timeouts, non-2xx answers and answers that failed the check
 */

/** Latencies kept per run (more are counted but not kept). */
const LATENCY_CAP = 1_000_000;

/**
 * autocannon as a library. Its own latency histogram has 1 ms resolution, too coarse for a
 * 1 ms budget, so every answer's exact duration (autocannon's own hrtime measurement, from
 * the moment the request is written) is also taken from its `response` event.
 *
 * @param {Omit<import("autocannon").Options, "requests"> & { check?: (body: string) => boolean, requests?: object[] }} options
 *   `duration` is required; `overallRate` makes it a fixed-rate run.
 * @returns {Promise<LoadResult>}
 */
export function cannon(options) {
  const { check, ...rest } = options;
  const latencies = new Float64Array(LATENCY_CAP);
  let kept = 0;
  return new Promise((resolve, reject) => {
    /** @type {import("autocannon").Options} */
    const full = /** @type {any} */ ({
      pipelining: 1,
      maxOverallRequests: 5_000_000,
      timeout: 10,
      ...rest,
      ...(check ? { verifyBody: (/** @type {unknown} */ body) => check(String(body)) } : {}),
    });
    const instance = autocannon(full, (error, result) => {
      if (error) return reject(error);
      const seconds = Math.max(result.duration, 1e-3);
      resolve({
        ...percentiles(latencies.subarray(0, kept)),
        rps: result.requests.total / seconds,
        count: result.requests.total,
        failures: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
      });
    });
    instance.on("response", (_client, _status, _bytes, ms) => {
      if (kept < LATENCY_CAP) latencies[kept++] = ms;
    });
  });
}

/**
 * The in-process equivalent of an autocannon run: `concurrency` workers each call `op` in
 * a loop (saturation), or at `rate / concurrency` calls per second each (fixed rate, the way
 * autocannon paces each connection for `overallRate`), until `seconds` pass or `max` calls
 * were started. A call that throws or resolves false is a failure.
 *
 * @param {{ op: () => Promise<boolean>, concurrency: number, seconds: number, rate?: number, max?: number }} options
 * @returns {Promise<LoadResult>}
 */
export async function loop({ op, concurrency, seconds, rate, max = 5_000_000 }) {
  const latencies = new Float64Array(LATENCY_CAP);
  let kept = 0;
  let started = 0;
  let failures = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const interval = rate ? (concurrency * 1000) / rate : 0;
  /** @param {number} worker */
  const work = async (worker) => {
    let next = t0 + (interval * worker) / concurrency;
    while (started < max) {
      if (interval > 0) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        next = Math.max(next + interval, performance.now());
      }
      if (performance.now() >= end) return;
      started++;
      const t = performance.now();
      let ok = false;
      try {
        ok = await op();
      } catch {
        ok = false;
      }
      if (!ok) failures++;
      else if (kept < LATENCY_CAP) latencies[kept++] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => work(i)));
  const elapsed = (performance.now() - t0) / 1000;
  return {
    ...percentiles(latencies.subarray(0, kept)),
    rps: kept / elapsed,
    count: kept,
    failures,
  };
}

/** @param {Float64Array} values */
export function percentiles(values) {
  const sorted = Float64Array.from(values).sort();
  /** @param {number} p */
  const at = (p) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

/** @param {number[]} values */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/**
 * Forks `node roles.mjs <role>` and waits for its first IPC message (what it serves). The
 * child exits when this process disconnects; `stop()` disconnects, then kills after a grace.
 *
 * @template T
 * @param {string} role
 * @param {{ execArgv?: string[], env?: NodeJS.ProcessEnv, input?: unknown, startTimeoutMs?: number }} [options]
 * @returns {Promise<{ info: T, child: import("node:child_process").ChildProcess, ask: (message: object) => Promise<any>, stop: () => Promise<void> }>}
 */
export async function startRole(role, options = {}) {
  // The child's stdout (the gateway's request log) is dropped unless BENCH_CHILD_STDOUT is set.
  const child = fork(fileURLToPath(new URL("./roles.mjs", import.meta.url)), [role], {
    stdio: ["ignore", process.env.BENCH_CHILD_STDOUT ? "inherit" : "ignore", "inherit", "ipc"],
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
  });
  children.add(child);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    children.delete(child);
  };
  try {
    const info = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${role} did not start in time`)),
        options.startTimeoutMs ?? 30_000,
      );
      child.once("message", (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${role} exited early (${code})`));
      });
      if (options.input !== undefined) child.send(/** @type {any} */ (options.input));
    });
    /** @param {object} message */
    const ask = (message) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${role} did not answer`)), 30_000);
        child.once("message", (m) => {
          clearTimeout(timer);
          resolve(m);
        });
        child.send(message);
      });
    return { info: /** @type {T} */ (info), child, ask, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
