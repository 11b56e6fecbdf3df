import { defineConfig } from "vitest/config";

// The benchmarks run on the built packages (dist/), in child processes; the only test here
// runs them all in smoke mode.
export default defineConfig({
  test: {
    include: ["*.test.ts"],
    environment: "node",
    // run.mjs's smoke bounds sum to 360 s.
    testTimeout: 380_000,
    // Feeds scripts/test-summary.mjs, like every other package (see vitest.shared.ts).
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
