import type { Logger } from "pino";
import { createApollo } from "./apollo.js";
import { AppRegistry } from "./apps.js";
import { Authenticator } from "./auth/authenticate.js";
import { type GatewayConfig, REALTIME_DEFAULTS } from "./config/types.js";
import type { PlaygroundPrefill } from "./http/playground.js";
import type { Route } from "./http/route.js";
import { GRAPHQL_PATH, type RunningHttp, startHttp } from "./http/server.js";
import { type RunningWebhookTls, startWebhookTls } from "./http/webhook-tls.js";
import { createLogger } from "./logger.js";
import { GatewayMetrics } from "./metrics.js";
import { Moderation, moderationRules } from "./moderation/service.js";
import { rateShaping } from "./rate-shaping.js";
import { ReadCache } from "./read-cache/read-cache.js";
import { MemoryCacheStore, RedisCacheStore } from "./read-cache/store.js";
import { createRealtime, type Realtime } from "./realtime/index.js";
import { guardFromConfig, type WebhookGuard } from "./realtime/webhook-guard.js";
import { WEBHOOK_PREFIX, webhookRoute } from "./realtime/webhooks.js";
import { type RunningWs, startWs } from "./realtime/ws-server.js";
import { buildGatewaySchema } from "./resolvers/index.js";
import { tracedWebhooks, traceHeaders, traceVendorAttempt } from "./tracing.js";
import { TrustedDocuments } from "./trusted-documents.js";

export interface GatewayOptions {
  log?: Logger;
  /** What the playground prefills (demo mode: the admin key, a query over the demo data). */
  playground?: PlaygroundPrefill;
  /** Extra HTTP routes, tried after the webhooks. */
  routes?: Route[];
  /** Called when a callback's events were accepted (benchmarks). */
  onWebhookAccepted?: (events: number, receivedAt: number) => void;
}

export interface RunningGateway {
  url: string;
  apps: AppRegistry;
  http: RunningHttp;
  log: Logger;
  /** Fan-out, replay store and the WebSocket server (counters for tests). */
  realtime: Realtime;
  ws: RunningWs;
  /** The mutual-TLS callback listener, when configured. */
  webhookTls?: RunningWebhookTls;
  /** Settles once every vendor-published callback address list was read once (or failed). */
  webhookGuardReady: Promise<void>;
  /** Drains in-flight requests, then releases vendor connections. */
  close(): Promise<void>;
}

/** Builds the schema, the apps and the HTTP server from a validated config, and starts serving. */
export async function startGateway(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const log = options.log ?? createLogger(config.logLevel);
  const metrics = config.metrics ? new GatewayMetrics() : undefined;
  // Real time first: with Redis, the apps' rate buckets live there too.
  const realtime = await createRealtime(
    config.realtime,
    log,
    metrics ? { waited: (seconds) => metrics.eventWaited(seconds) } : undefined,
  );
  const shaping = rateShaping(
    realtime,
    config.realtime?.keyPrefix ?? REALTIME_DEFAULTS.keyPrefix,
    (event) => {
      metrics?.rate(event);
      if (event.outcome === "backoff") log.warn({ rate: event }, "vendor rate limit met");
    },
  );
  let apps: AppRegistry;
  let guard: WebhookGuard;
  try {
    apps = AppRegistry.fromConfig(config.apps, config.defaultApp, {
      ...(config.idSecret ? { idSecret: config.idSecret } : {}),
      onAttempt: (attempt) => {
        metrics?.vendorAttempt(attempt);
        traceVendorAttempt(attempt);
        if (attempt.outcome !== "ok") log.warn({ vendorCall: attempt }, "vendor call failed");
        else log.debug({ vendorCall: attempt }, "vendor call");
      },
      contextHeaders: traceHeaders,
      readCoalesceMs: config.server.readCoalesceMs,
      ...(config.readCache
        ? {
            readCache: new ReadCache(
              realtime.redis ? new RedisCacheStore(realtime.redis) : new MemoryCacheStore(),
              config.readCache,
              config.realtime?.keyPrefix ?? REALTIME_DEFAULTS.keyPrefix,
            ),
          }
        : {}),
      rateShaping: shaping,
      idempotency: realtime.replay,
      sightings: realtime.sightings,
    });
  } catch (error) {
    await realtime.close();
    throw error;
  }
  try {
    guard = guardFromConfig(config, apps, log);
  } catch (error) {
    await apps.close();
    await realtime.close();
    throw error;
  }
  const schema = buildGatewaySchema();
  const apollo = createApollo(schema, config.server, log);
  const auth = new Authenticator(config.auth);
  metrics?.watchRateLimits(() => apps.shapers);
  // Pre-send decisions; per-sender buckets share the rate store (Redis when configured).
  const moderation = new Moderation(moderationRules(config.apps), {
    store: shaping.store,
    keyPrefix: shaping.keyPrefix,
    pubsub: realtime.pubsub,
    log,
    ...(metrics
      ? { onDecision: (app, v) => metrics.moderation(app, v.decision.action, v.rule) }
      : {}),
  });
  metrics?.countListeners(() => realtime.pubsub.stats().listeners);
  if (metrics && realtime.redisReady) metrics.watchRedis(realtime.redisReady);
  await apollo.start();
  const webhooks = tracedWebhooks(
    WEBHOOK_PREFIX,
    webhookRoute({
      apps,
      pubsub: realtime.pubsub,
      replay: realtime.replay,
      presence: realtime.presence,
      log,
      bodyLimitBytes: config.realtime?.webhookBodyLimitBytes ?? 512 * 1024,
      guard,
      moderation,
      ...(apps.cache ? { cache: apps.cache } : {}),
      ...(metrics
        ? {
            onOutcome: (appId, reason) => metrics.webhook(appId, reason),
            onPresence: (appId, published, folded) => metrics.presence(appId, published, folded),
          }
        : {}),
      ...(options.onWebhookAccepted
        ? {
            onAccepted: (result, receivedAt) =>
              options.onWebhookAccepted?.(result.events.length, receivedAt),
          }
        : {}),
    }),
  );
  const http = await startHttp({
    config: config.server,
    apollo,
    apps,
    auth,
    log,
    events: realtime.pubsub,
    ...(config.trustedDocuments
      ? {
          documents: new TrustedDocuments(
            config.trustedDocuments.manifest,
            config.trustedDocuments.only,
          ),
        }
      : {}),
    ...(options.playground ? { playground: options.playground } : {}),
    routes: [webhooks, ...(options.routes ?? [])],
    ...(metrics && config.metrics ? { metrics: { metrics, token: config.metrics.token } } : {}),
  });
  const ws = startWs({
    server: http.server,
    path: GRAPHQL_PATH,
    schema,
    config: config.server,
    maxSubscriptionsPerUser:
      config.realtime?.maxSubscriptionsPerUser ?? REALTIME_DEFAULTS.maxSubscriptionsPerUser,
    apps,
    auth,
    realtime,
    log,
    ...(metrics ? { onSubscription: (outcome, code) => metrics.subscription(outcome, code) } : {}),
  });
  const tls = config.realtime?.webhookTls;
  const webhookTls = tls
    ? await startWebhookTls(
        tls,
        config.apps.flatMap((a) => (a.webhook?.clientCa ? [a.webhook.clientCa] : [])),
        webhooks,
        log,
      )
    : undefined;
  // Vendor address lists load in the background; callbacks relying on one get 503 until then.
  const guardReady = guard.start();
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    apps,
    http,
    log,
    realtime,
    ws,
    ...(webhookTls ? { webhookTls } : {}),
    webhookGuardReady: guardReady,
    close() {
      closing ??= (async () => {
        guard.close();
        await ws.close();
        await webhookTls?.close();
        await http.drain();
        await apollo.stop();
        await realtime.close();
        await moderation.close();
        await apps.close();
      })();
      return closing;
    },
  };
}
