// Shared vitest settings: every package's tests run against the *sources* of the
// workspace packages they import (the "@imgraph/source" export condition), so a test
// never depends on a stale dist/ build.
import { createRequire } from "node:module";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

const conditions = ["@imgraph/source", "node", "import", "default"];

// graphql ships both index.mjs and index.js without an "exports" map: Vite would pick the
// .mjs for our code while CommonJS dependencies (type-graphql) load the .js, and graphql
// refuses to run as two copies. Point Vite at the copy Node itself loads.
function nodeResolved(name: string): Array<{ find: RegExp; replacement: string }> {
  try {
    const path = createRequire(join(process.cwd(), "package.json")).resolve(name);
    return [{ find: new RegExp(`^${name}$`), replacement: path }];
  } catch {
    return [];
  }
}

export default defineConfig({
  resolve: { conditions, alias: nodeResolved("graphql") },
  ssr: { resolve: { conditions, externalConditions: ["@imgraph/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The JSON report feeds scripts/test-summary.mjs (one closing line for the whole repo).
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
