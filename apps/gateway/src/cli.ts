#!/usr/bin/env node
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { AppRegistry } from "./apps.js";
import { ConfigError } from "./config/errors.js";
import { findConfigPath, loadConfigFile } from "./config/load.js";
import type { GatewayConfig } from "./config/types.js";
import { startDemo } from "./demo/start.js";
import { type RunningGateway, startGateway } from "./gateway.js";
import { gatewaySdl } from "./schema/build.js";

const USAGE = `imgraph — one GraphQL API over RongCloud, Tencent Cloud Chat and ZEGOCLOUD

Usage: imgraph [command] [options]

Commands:
  serve          serve with the config file (IMGRAPH_CONFIG or ./imgraph.config.yaml|json)
  demo           demo mode: in-process emulators, seeded apps, demo credentials
  schema         print the GraphQL schema (SDL)
  check-config   validate the config and print a summary (no secrets)
  credential     issue a client credential: --user <id> [--app <id>] [--ttl <seconds>]
  (none)         serve when a config file exists, else demo

Environment: IMGRAPH_CONFIG (config path), PORT, HOST (override server.port / server.host).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: "string" },
      app: { type: "string" },
      ttl: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0] ?? (findConfig() ? "serve" : "demo");
  switch (command) {
    case "schema":
      process.stdout.write(gatewaySdl());
      return 0;
    case "check-config": {
      const config = loadConfig();
      console.log(
        JSON.stringify(
          {
            ok: true,
            server: { host: config.server.host, port: config.server.port },
            defaultApp: config.defaultApp,
            apps: config.apps.map((a) => ({ id: a.id, vendor: a.vendor })),
            auth: { jwt: Boolean(config.auth.jwt), apiKeys: config.auth.apiKeys.length },
          },
          null,
          2,
        ),
      );
      return 0;
    }
    case "credential": {
      if (!values.user) throw new ConfigError("--user", "the user id to issue a credential for");
      const config = loadConfig();
      const apps = AppRegistry.fromConfig(config.apps, config.defaultApp);
      try {
        const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
        const credential = await apps
          .get(values.app)
          .issueChatCredential({ userId: values.user, ...(ttl ? { ttlSeconds: ttl } : {}) });
        console.log(JSON.stringify(credential, null, 2));
      } finally {
        await apps.close();
      }
      return 0;
    }
    case "serve":
      return serve(await startGateway(loadConfig()));
    case "demo": {
      const started = performance.now();
      const demo = await startDemo();
      const ms = Math.round(performance.now() - started);
      console.log(`
imgraph demo is ready in ${ms} ms — emulated vendors, no account or internet needed.

  GraphQL + playground:  ${demo.url}
  Subscriptions:         ${demo.url.replace(/^http/, "ws")} (graphql-ws; the emulators' callbacks feed them)
  Apps:                  ${demo.apps
    .list()
    .map((a) => a.id)
    .join(", ")}
  Demo admin API key:    ${demo.adminKey}
      (header  X-API-Key: ${demo.adminKey})
  Demo user JWT (alice): ${demo.userToken}
      (header  Authorization: Bearer <token>)

Try:  curl -s ${demo.url} -H 'content-type: application/json' -H 'X-API-Key: ${demo.adminKey}' \\
        -d '{"query":"{ apps { id vendor } users(ids: [\\"alice\\", \\"bob\\"]) { id name } }"}'
`);
      return serve(demo);
    }
    default:
      console.error(`imgraph: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function findConfig(): string | undefined {
  return findConfigPath(process.env, process.cwd(), existsSync);
}

function loadConfig(): GatewayConfig {
  const path = findConfig();
  if (!path) {
    throw new ConfigError(
      "IMGRAPH_CONFIG",
      "a config file (set IMGRAPH_CONFIG or create imgraph.config.yaml); without one, run `imgraph demo`",
    );
  }
  return loadConfigFile(path, process.env);
}

/** Serves until SIGTERM/SIGINT, then drains in-flight requests and exits. */
function serve(gateway: RunningGateway): Promise<number> {
  gateway.log.info({ url: gateway.url }, "imgraph gateway listening");
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      gateway.log.info({ signal }, "draining");
      gateway.close().then(
        () => resolve(0),
        (error: unknown) => {
          gateway.log.error({ err: error }, "shutdown failed");
          resolve(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
