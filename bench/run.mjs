// @ts-check
// `pnpm bench`: every benchmark of this package, one after another, each in a process
// group of its own with a time limit (killed, with everything it started, when over it),
// then the header of ../BENCHMARKS.md. Each benchmark rewrites its own section.
//
//   node run.mjs           build what the benchmarks import, run them all, write BENCHMARKS.md
//   node run.mjs --smoke   every benchmark's smoke mode (no build, writes nothing): fails only
//                          when benchmark code is broken, never on timings
//
// The benchmarks are the `bench:<name>` scripts of package.json, in the order below (a
// script that does not exist yet is skipped); each script's `node …` command is run
// directly, its build steps replaced by one build of the whole package's dependencies.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, platform } from "node:os";
import { fileURLToPath } from "node:url";

const SMOKE = process.argv.includes("--smoke");
const HERE = fileURLToPath(new URL(".", import.meta.url));
const REPORT = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
/** Name → time limit in seconds for a full run. */
const BENCHMARKS = {
  signing: 120,
  emulators: 120,
  gateway: 480,
  realtime: 180,
  moderation: 120,
  scale: 240,
  instances: 120,
  direct: 240,
  profile: 150,
};
/**
 * Name → time limit in seconds for a smoke run. The gateway's smoke run takes ~45 s on an
 * idle 2-core machine and ~90 s while `pnpm check` runs the other packages' tests beside
 * it; its bound leaves room for that. The others' bounds are about twice what they took
 * on this machine shared with other work (2026-12-06, load average 9–17: signing 1 s,
 * emulators 5, realtime 9–13, moderation 8–11, scale 20–32, instances 16–25, direct
 * 8–26, profile 14–16). The sum (370) stays under smoke.test.ts's timeout (375).
 */
/** @type {Record<string, number>} */
const SMOKE_LIMITS = {
  signing: 10,
  emulators: 20,
  gateway: 145,
  realtime: 25,
  moderation: 20,
  scale: 45,
  instances: 40,
  direct: 35,
  profile: 30,
};
const BUILD_LIMIT = 600;

/** @type {import("node:child_process").ChildProcess | undefined} */
let current;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    killGroup(current);
    process.exit(130);
  });
}

/**
 * Signals the child's whole process group (it and everything it started). The group can
 * outlive its leader, so this is also sent after the child exits.
 * @param {import("node:child_process").ChildProcess | undefined} child
 */
function killGroup(child, signal = /** @type {NodeJS.Signals} */ ("SIGTERM")) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs `command args` in its own process group; kills the group after `limit` seconds.
 * @param {string} command @param {string[]} args @param {number} limit
 * @returns {Promise<{ code: number | null, timedOut: boolean }>}
 */
function run(command, args, limit) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: HERE, stdio: "inherit", detached: true });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
      setTimeout(() => killGroup(child, "SIGKILL"), 5_000).unref();
    }, limit * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      // Whatever it started and left behind goes with it.
      killGroup(child, "SIGKILL");
      current = undefined;
      resolve({ code, timedOut });
    });
    child.on("error", () => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: -1, timedOut: false });
    });
  });
}

/** The `node …` part of a `build && node file.mjs` script, as argv. */
function nodeCommand(/** @type {string} */ script) {
  const last = script.split("&&").at(-1)?.trim() ?? "";
  const argv = last.split(/\s+/);
  return argv[0] === "node" ? argv.slice(1) : undefined;
}

const pkg = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));
/** @type {Record<string, string>} */
const scripts = pkg.scripts ?? {};
const started = Date.now();
/** @type {{ name: string, seconds: number, outcome: string }[]} */
const outcomes = [];

if (!SMOKE) {
  console.log("== build (turbo, cached) ==");
  const build = await run(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@imgraph/bench...", "--output-logs=errors-only"],
    BUILD_LIMIT,
  );
  if (build.code !== 0) {
    console.error("build failed");
    process.exit(1);
  }
}

for (const [name, limit] of Object.entries(BENCHMARKS)) {
  const script = scripts[`bench:${name}`];
  if (!script) {
    console.log(`== ${name}: no bench:${name} script, skipped ==`);
    continue;
  }
  const argv = nodeCommand(script);
  const t0 = Date.now();
  console.log(`== ${name} ==`);
  const result = argv
    ? await run(
        process.execPath,
        [...argv, ...(SMOKE ? ["--smoke"] : [])],
        SMOKE ? (SMOKE_LIMITS[name] ?? 60) : limit,
      )
    : await run(
        "pnpm",
        ["run", `bench:${name}`, ...(SMOKE ? ["--smoke"] : [])],
        SMOKE ? (SMOKE_LIMITS[name] ?? 60) : limit,
      );
  const outcome = result.timedOut
    ? "timed out"
    : result.code === 0
      ? "ok"
      : `failed (${result.code})`;
  outcomes.push({ name, seconds: (Date.now() - t0) / 1000, outcome });
}

console.log("\n== summary ==");
for (const o of outcomes) console.log(`${o.name}: ${o.outcome} in ${o.seconds.toFixed(1)} s`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (!SMOKE) writeHeader();
process.exit(outcomes.every((o) => o.outcome === "ok") ? 0 : 1);

/** The paragraph between the title and the first section: how, where and when this was measured. */
function writeHeader() {
  const text = readFileSync(REPORT, "utf8");
  const first = text.indexOf("<!-- ");
  if (first === -1) return;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const header = [
    "# Benchmarks",
    "",
    "Measured with the scripts in `bench/`. `pnpm bench` runs them all one after another,",
    "on loopback, each bounded in time, and rewrites every section below; a section's own",
    "command reruns just that one. The machines are shared and noisy: comparisons are made",
    "side by side in one run and quoted as ratios of medians of several rounds.",
    "",
    `Last full run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpu},`,
    `${cpus().length} cores, Node ${process.version}, ${platform()} ${arch()};`,
    `${outcomes.map((o) => `${o.name} ${o.outcome}`).join(", ")}. Command: \`pnpm bench\`.`,
    "",
    "",
  ].join("\n");
  writeFileSync(REPORT, header + text.slice(first));
}
