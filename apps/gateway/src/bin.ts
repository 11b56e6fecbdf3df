#!/usr/bin/env node
// The `imgraph` command. Production mode unless told otherwise: graphql-js skips its
// development-only checks, which the benchmarks show cost ~20% on large answers. It must
// be set before graphql loads, hence this tiny entry point.
process.env.NODE_ENV ??= "production";
await import("./cli.js");
