import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { GatewayMetrics } from "../metrics.js";
import { tracedGraphql } from "../tracing.js";
import { sendJson } from "./body.js";
import { listen } from "./listen.js";
import type { PlaygroundPrefill } from "./playground.js";
import type { Route } from "./route.js";
import { corsRoute } from "./routes/cors.js";
import { type GraphqlDeps, graphqlRoute, header } from "./routes/graphql.js";
import { healthRoute } from "./routes/health.js";
import { metricsRoute } from "./routes/metrics.js";
import { playgroundRoute } from "./routes/playground.js";

export const GRAPHQL_PATH = "/graphql";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** What the GraphQL route needs, and the rest of the server around it. */
export interface HttpDeps extends GraphqlDeps {
  /** What the playground prefills (demo mode). */
  playground?: PlaygroundPrefill;
  /** More routes (webhooks), tried after the gateway's own, before 404. */
  routes?: Route[];
  /** Prometheus metrics: GraphQL operations are recorded, and served at /metrics to this token. */
  metrics?: { metrics: GatewayMetrics; token: string };
}

export interface RunningHttp {
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace time), then closes. */
  drain(): Promise<void>;
  ready(): boolean;
}

/**
 * The gateway's HTTP server: a request id and one log line per request, routes tried in
 * order (health, playground, GraphQL, then the extra ones), 404 otherwise, and a drain on
 * shutdown. Each route does one job (http/routes/).
 */
export async function startHttp(deps: HttpDeps): Promise<RunningHttp> {
  const { config, log } = deps;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const routes: Route[] = [
    healthRoute(deps.apps, () => !draining),
    ...(config.playground ? [playgroundRoute(GRAPHQL_PATH, deps.playground)] : []),
    ...(deps.metrics ? [metricsRoute(deps.metrics.metrics, deps.metrics.token)] : []),
    ...(config.corsOrigins.length > 0 ? [corsRoute(GRAPHQL_PATH, config.corsOrigins)] : []),
    tracedGraphql(GRAPHQL_PATH, recorded(graphqlRoute(GRAPHQL_PATH, deps), deps.metrics?.metrics)),
    ...(deps.routes ?? []),
  ];

  // A request must arrive whole (headers and body) within twice its deadline, checked
  // every second: a client trickling its body would otherwise hold a socket for minutes.
  const arrival = 2 * config.requestTimeoutMs;
  const server = createServer(
    { requestTimeout: arrival, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      inFlight++;
      const started = performance.now();
      const requestId = pickRequestId(req.headers["x-request-id"]);
      res.setHeader("x-request-id", requestId);
      const done = (meta: Record<string, unknown>) => {
        log.info(
          {
            requestId,
            method: req.method,
            path: (req.url ?? "").split("?")[0],
            status: res.statusCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            ...meta,
          },
          "request",
        );
      };
      const request = { req, res, url: new URL(req.url ?? "/", "http://localhost"), requestId };
      dispatch(routes, request)
        .then((meta) => {
          if (meta) return done(meta);
          sendJson(res, 404, { error: "not found" });
          done({ outcome: "not_found" });
        })
        .catch((error: unknown) => {
          // The request ended before it was read (the client went, or it arrived too slowly
          // and Node answered 408): nothing went wrong here, and no one is left to answer.
          if (req.destroyed && !res.headersSent) {
            // 408: what Node answers a request that did not arrive in time (one whose client
            // left gets nothing at all).
            done({ outcome: "aborted", status: 408 });
            return;
          }
          log.error({ requestId, err: error }, "unhandled request error");
          if (!res.headersSent) sendJson(res, 500, { error: "internal error", requestId });
          else res.destroy();
          done({ outcome: "error" });
        })
        .finally(() => {
          inFlight--;
          if (inFlight === 0) idle?.();
        });
    },
  );
  server.keepAliveTimeout = 65_000;
  // Node enforces requestTimeout only while headersTimeout is not longer (an idle
  // keep-alive socket answers to keepAliveTimeout alone, in Node 20).
  server.headersTimeout = Math.min(66_000, arrival);

  const authority = await listen(server, config.port, config.host);

  return {
    server,
    url: `http://${authority}${GRAPHQL_PATH}`,
    ready: () => !draining,
    async drain() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            idle = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The GraphQL route, each answer also counted in the metrics (when there are metrics). */
function recorded(route: Route, metrics: GatewayMetrics | undefined): Route {
  if (!metrics) return route;
  return async (request) => {
    const started = performance.now();
    const meta = await route(request);
    if (meta) metrics.graphql(meta, (performance.now() - started) / 1000);
    return meta;
  };
}

/** The first route that answers; null when none does. */
export async function dispatch(
  routes: readonly Route[],
  request: Parameters<Route>[0],
): Promise<Record<string, unknown> | null> {
  for (const route of routes) {
    const meta = await route(request);
    if (meta) return meta;
  }
  return null;
}

function pickRequestId(value: string | string[] | undefined): string {
  const id = header(value);
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}
