#!/usr/bin/env node
import { spawnSync } from "node:child_process";
// `pnpm start`: build the gateway (and what it depends on), then start it. With no
// config this is demo mode. Until the gateway package exists, say so and exit non-zero.
import { existsSync } from "node:fs";

const gateway = new URL("../apps/gateway/package.json", import.meta.url);
if (!existsSync(gateway)) {
  console.error("imgraph: the gateway (apps/gateway) is not built yet — nothing to start.");
  process.exit(1);
}
const build = spawnSync(
  "pnpm",
  ["turbo", "run", "build", "--filter=@imgraph/gateway...", "--output-logs=errors-only"],
  { stdio: "inherit" },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync("node", ["apps/gateway/dist/bin.js", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
