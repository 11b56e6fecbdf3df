// Shared vitest settings: every package's tests run against the *sources* of the
// workspace packages they import (the "@imgraph/source" export condition), so a test
// never depends on a stale dist/ build.
import { defineConfig } from "vitest/config";

const conditions = ["@imgraph/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@imgraph/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
