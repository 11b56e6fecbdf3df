#!/usr/bin/env node
// Committed entry point, so package managers can link the command before the build has run.
await import("../dist/cli.js");
