import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The built CLI entry (dist/cli.js). */
export const BUILT_CLI = join(ROOT, "dist/cli.js");

/**
 * Builds the gateway when a source file is newer than the built CLI (turbo builds only the
 * dependencies before tests). Built aside and renamed into place, so that other test files
 * never see half a dist.
 */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= newest(join(ROOT, "src"))) return;
  const aside = join(ROOT, `dist-build-${randomUUID()}`);
  const tsc = spawnSync(
    process.execPath,
    [
      createRequire(BUILT_CLI).resolve("typescript/bin/tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      aside,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (tsc.status !== 0) {
    rmSync(aside, { recursive: true, force: true });
    throw new Error("building the gateway failed");
  }
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  renameSync(aside, join(ROOT, "dist"));
}
