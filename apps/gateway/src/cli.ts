#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AppRegistry } from "./apps.js";
import { signUserToken } from "./auth/sign.js";
import { ConfigError } from "./config/errors.js";
import { findConfigPath, loadConfigFile } from "./config/load.js";
import type { GatewayConfig } from "./config/types.js";
import { startDemo } from "./demo/start.js";
import { formatDoctor, runDoctor } from "./doctor.js";
import { type RunningGateway, startGateway } from "./gateway.js";
import { importUsers } from "./import-users.js";
import { demoLogsPretty } from "./logger.js";
import { progressBar } from "./progress-bar.js";
import { rateShaping } from "./rate-shaping.js";
import { gatewaySdl } from "./resolvers/index.js";
import { setupTracing, type Tracing } from "./tracing.js";

const USAGE = `imgraph — one GraphQL API over RongCloud, Tencent Cloud Chat and ZEGOCLOUD

Usage: imgraph [command] [options]

Commands:
  serve          serve with the config file (IMGRAPH_CONFIG or ./imgraph.config.yaml|json)
  demo           demo mode: in-process emulators, seeded apps, demo credentials
  schema         print the GraphQL schema (SDL)
  check-config   validate the config and print a summary (no secrets)
  doctor         check every configured app against its vendor: the host resolves, one signed
                 read is accepted; one line per app: ok, bad secret, unreachable,
                 feature not enabled or failed (exit 0 only when every app is ok)
  credential     issue a client credential: --user <id> [--app <id>] [--ttl <seconds>]
                 --token: a gateway bearer JWT for the user instead (HS256 auth.jwt);
                 with --app it is bound to that app (claim "app"), --ttl default 3600
  import-users   register users from a JSON-lines file: --file <path> [--app <id>]; one
                 {"id","name","avatarUrl","extra"} per line; a progress bar on a terminal,
                 a summary (imported, failed, bad lines, first problems) as JSON; exit 0
                 only when every line was imported
  (none)         serve when a config file exists, else demo

Environment: IMGRAPH_CONFIG (config path), PORT, HOST (override server.port / server.host);
OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (serve, demo: OpenTelemetry
traces over OTLP/HTTP), OTEL_SERVICE_NAME (default imgraph-gateway).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: "string" },
      app: { type: "string" },
      ttl: { type: "string" },
      token: { type: "boolean" },
      file: { type: "string" },
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
    case "doctor": {
      const results = await runDoctor(loadConfig());
      console.log(formatDoctor(results));
      return results.every((r) => r.verdict === "ok") ? 0 : 1;
    }
    case "import-users": {
      if (!values.file) throw new ConfigError("--file", "the JSON-lines file of users to import");
      const config = loadConfig();
      // Paced to the vendor's limits, so a long import meets no rate refusal on the way.
      const apps = AppRegistry.fromConfig(config.apps, config.defaultApp, {
        ...(config.idSecret ? { idSecret: config.idSecret } : {}),
        rateShaping: rateShaping({}, ""),
      });
      try {
        const text = readFileSync(values.file, "utf8");
        const bar = progressBar(process.stderr);
        const summary = await importUsers(apps.get(values.app), text, bar.update);
        bar.stop();
        console.log(JSON.stringify(summary, null, 2));
        return summary.failed === 0 && summary.invalidLines === 0 ? 0 : 1;
      } finally {
        await apps.close();
      }
    }
    case "credential": {
      if (!values.user) throw new ConfigError("--user", "the user id to issue a credential for");
      const config = loadConfig();
      if (values.token) {
        const minted = await gatewayToken(config, values.user, values.app, values.ttl);
        console.log(JSON.stringify(minted, null, 2));
        return 0;
      }
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
    case "serve": {
      const config = loadConfig();
      const tracing = setupTracing();
      return serve(await startGateway(config), tracing);
    }
    case "demo": {
      const started = performance.now();
      const tracing = setupTracing();
      const demo = await startDemo({
        prettyLogs: demoLogsPretty(process.env, process.stdout.isTTY === true),
      });
      const ms = Math.round(performance.now() - started);
      // A token bound to one app (not the default one), to try app scoping by hand.
      const boundApp =
        demo.apps.list().find((a) => a.id !== demo.apps.defaultAppId)?.id ?? demo.apps.defaultAppId;
      const boundToken = await demo.tokenFor("alice", { app: boundApp });
      // The banner comes last: after every startup log line, right where the eye lands.
      const serving = serve(demo, tracing);
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
  Demo user JWT (alice, app ${boundApp} only): ${boundToken}
      (its claim "app" binds it to ${boundApp}: other apps answer FORBIDDEN; with a config,
       imgraph credential --token --user <id> --app <id> mints such tokens)

Try:  curl -s ${demo.url} -H 'content-type: application/json' -H 'X-API-Key: ${demo.adminKey}' \\
        -d '{"query":"{ apps { id vendor } users(ids: [\\"alice\\", \\"bob\\"]) { id name } }"}'
`);
      return serving;
    }
    default:
      console.error(`imgraph: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/**
 * A gateway bearer JWT for an end user, signed with the config's HS256 secret; `app` binds it
 * to that one app. Gateways on RS256/ES256 keys or a JWKS take tokens from their identity
 * provider instead.
 */
async function gatewayToken(
  config: GatewayConfig,
  userId: string,
  app: string | undefined,
  ttlText: string | undefined,
) {
  const jwt = config.auth.jwt;
  if (!jwt?.secret) {
    throw new ConfigError(
      "auth.jwt.secretEnv",
      "an HS256 secret to sign gateway tokens with (--token); a gateway on public keys or a JWKS gets its tokens from its identity provider",
    );
  }
  if (app !== undefined && !config.apps.some((a) => a.id === app)) {
    throw new ConfigError(
      "--app",
      `one of the configured apps (${config.apps.map((a) => a.id).join(", ")})`,
    );
  }
  const ttl = ttlText === undefined ? 3600 : Number(ttlText);
  if (!Number.isInteger(ttl) || ttl < 1)
    throw new ConfigError("--ttl", "a lifetime in whole seconds");
  const token = await signUserToken({ ...jwt, secret: jwt.secret }, userId, {
    expiresIn: `${ttl}s`,
    ...(app !== undefined ? { app } : {}),
  });
  return {
    tokenType: "Bearer",
    token,
    userId,
    app: app ?? null,
    expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
  };
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
function serve(gateway: RunningGateway, tracing: Tracing): Promise<number> {
  gateway.log.info({ url: gateway.url }, "imgraph gateway listening");
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      gateway.log.info({ signal }, "draining");
      gateway
        .close()
        .then(() => tracing.shutdown())
        .then(
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
