import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// `pnpm bench --smoke`: every benchmark for a few seconds on the built packages, writing
// nothing. It fails only when benchmark code is broken (a crash, a failed or wrong answer),
// never on timings. run.mjs bounds each benchmark in time and kills what it started.
it("runs every benchmark in smoke mode", async () => {
  let output = "";
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["run.mjs", "--smoke"], {
      cwd: fileURLToPath(new URL(".", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 375_000,
    });
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (exitCode) => resolve(exitCode));
  });
  expect(code, output.slice(-4000)).toBe(0);
  expect(output).toMatch(/gateway: ok/);
});
