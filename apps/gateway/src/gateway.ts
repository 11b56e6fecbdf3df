import type { Logger } from "pino";
import { createApollo } from "./apollo.js";
import { AppRegistry } from "./apps.js";
import { Authenticator } from "./auth/authenticate.js";
import type { GatewayConfig } from "./config/types.js";
import { type HttpDeps, type RunningHttp, startHttp } from "./http/server.js";
import { createLogger } from "./logger.js";
import { buildGatewaySchema } from "./schema/build.js";

export interface GatewayOptions {
  log?: Logger;
  /** Headers the playground prefills (demo mode). */
  playgroundHeaders?: Record<string, string>;
  /** Extra HTTP routes (webhooks). */
  extraRoutes?: HttpDeps["extraRoutes"];
}

export interface RunningGateway {
  url: string;
  apps: AppRegistry;
  http: RunningHttp;
  log: Logger;
  /** Drains in-flight requests, then releases vendor connections. */
  close(): Promise<void>;
}

/** Builds the schema, the apps and the HTTP server from a validated config, and starts serving. */
export async function startGateway(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const log = options.log ?? createLogger(config.logLevel);
  const apps = AppRegistry.fromConfig(config.apps, config.defaultApp, {
    ...(config.idSecret ? { idSecret: config.idSecret } : {}),
    onAttempt: (attempt) => {
      if (attempt.outcome !== "ok") log.warn({ vendorCall: attempt }, "vendor call failed");
      else log.debug({ vendorCall: attempt }, "vendor call");
    },
  });
  const apollo = createApollo(buildGatewaySchema(), config.server);
  await apollo.start();
  const http = await startHttp({
    config: config.server,
    apollo,
    apps,
    auth: new Authenticator(config.auth),
    log,
    ...(options.playgroundHeaders ? { playgroundHeaders: options.playgroundHeaders } : {}),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    apps,
    http,
    log,
    close() {
      closing ??= (async () => {
        await http.drain();
        await apollo.stop();
        await apps.close();
      })();
      return closing;
    },
  };
}
