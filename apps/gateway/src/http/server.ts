import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { ImError } from "@imgraph/core";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import type { AppRegistry } from "../apps.js";
import type { Authenticator } from "../auth/authenticate.js";
import type { ServerConfig } from "../config/types.js";
import { createContext, type GatewayContext, type RequestMeta } from "../context.js";
import { MAX_SYNTAX_NESTING, nestingError, syntaxNesting } from "../limits.js";
import { readBody, sendJson, TOO_LARGE } from "./body.js";
import { playgroundAsset, playgroundHtml } from "./playground.js";

export const GRAPHQL_PATH = "/graphql";
const ASSETS_PATH = "/playground-assets";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const WWW_AUTHENTICATE = 'Bearer realm="imgraph"';

export interface HttpDeps {
  config: ServerConfig;
  apollo: ApolloServer<GatewayContext>;
  apps: AppRegistry;
  auth: Authenticator;
  log: Logger;
  /** Headers the playground prefills (demo mode). */
  playgroundHeaders?: Record<string, string>;
  /** Extra routes (webhooks), tried before 404. Return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<boolean>;
}

export interface RunningHttp {
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace time), then closes. */
  drain(): Promise<void>;
  ready(): boolean;
}

/** The gateway's HTTP server: GraphQL, the offline playground, health checks. */
export async function startHttp(deps: HttpDeps): Promise<RunningHttp> {
  const { config, log } = deps;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const server = createServer((req, res) => {
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
    route(req, res, requestId, done)
      .catch((error: unknown) => {
        log.error({ requestId, err: error }, "unhandled request error");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error", requestId });
        else res.destroy();
        done({ outcome: "error" });
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) idle?.();
      });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    done: (meta: Record<string, unknown>) => void,
  ): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/healthz") {
      sendJson(res, 200, { status: "ok" });
      return done({ outcome: "ok" });
    }
    if (path === "/readyz") {
      const ready = !draining;
      sendJson(res, ready ? 200 : 503, {
        status: ready ? "ready" : "draining",
        apps: deps.apps.list().length,
      });
      return done({ outcome: ready ? "ok" : "draining" });
    }
    if (path.startsWith(`${ASSETS_PATH}/`) && config.playground) {
      const asset = playgroundAsset(path.slice(ASSETS_PATH.length + 1));
      if (!asset) {
        sendJson(res, 404, { error: "not found" });
        return done({ outcome: "not_found" });
      }
      res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
      res.end(asset.body);
      return done({ outcome: "ok" });
    }
    if (path === GRAPHQL_PATH) {
      if (req.method === "GET" && config.playground && wantsHtml(req)) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(
          playgroundHtml({
            endpoint: GRAPHQL_PATH,
            assetsPath: ASSETS_PATH,
            ...(deps.playgroundHeaders ? { headers: deps.playgroundHeaders } : {}),
          }),
        );
        return done({ outcome: "playground" });
      }
      return graphql(req, res, url, requestId, done);
    }
    if (deps.extraRoutes && (await deps.extraRoutes(req, res, requestId))) {
      return done({ outcome: "ok" });
    }
    sendJson(res, 404, { error: "not found" });
    done({ outcome: "not_found" });
  }

  async function graphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    done: (meta: Record<string, unknown>) => void,
  ): Promise<void> {
    if (req.method !== "GET" && req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      sendJson(res, 405, { error: "method not allowed" });
      return done({ outcome: "bad_method" });
    }
    const body = req.method === "POST" ? await readBody(req, config.bodyLimitBytes) : undefined;
    if (body === TOO_LARGE) {
      sendJson(res, 413, {
        errors: [
          {
            message: `Request body over ${config.bodyLimitBytes} bytes.`,
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      });
      return done({ outcome: "too_large" });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsed: unknown;
    if (typeof body === "string" && body.length > 0) {
      const type = headers.get("content-type") ?? "";
      if (type.includes("application/json")) {
        try {
          parsed = JSON.parse(body);
        } catch {
          sendJson(res, 400, {
            errors: [
              {
                message: "The request body is not valid JSON.",
                extensions: { code: "BAD_REQUEST" },
              },
            ],
          });
          return done({ outcome: "bad_json" });
        }
      } else {
        parsed = body;
      }
    }

    const query =
      req.method === "GET" ? url.searchParams.get("query") : (parsed as { query?: unknown })?.query;
    if (typeof query === "string" && syntaxNesting(query) > MAX_SYNTAX_NESTING) {
      const error = nestingError();
      sendJson(res, 400, {
        errors: [
          { message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED", requestId } },
        ],
      });
      return done({ outcome: "too_deep" });
    }

    // The request's deadline, also passed to every vendor call; a client that goes away aborts it.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error("deadline")),
      config.requestTimeoutMs,
    );
    const onClose = () => {
      if (!res.writableEnded) controller.abort(new Error("client closed"));
    };
    res.on("close", onClose);
    const meta: RequestMeta = { operationName: null, operationType: null, errorCodes: [] };
    let viewerRole = "unknown";
    try {
      const response = await deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method, headers, search: url.search, body: parsed },
        context: async () => {
          const viewer = await authenticate(deps.auth, req);
          viewerRole = viewer.role;
          return createContext({
            meta,
            viewer,
            apps: deps.apps,
            requestId,
            signal: controller.signal,
            log: log.child({ requestId }),
          });
        },
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      // No credentials where they are needed answers like wrong ones: 401 (the body still
      // carries whatever public fields resolved), so clients handle one case.
      if (res.statusCode === 200 && meta.errorCodes.includes("UNAUTHENTICATED"))
        res.statusCode = 401;
      if (res.statusCode === 401) res.setHeader("www-authenticate", WWW_AUTHENTICATE);
      if (response.body.kind === "complete") {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } finally {
      clearTimeout(timer);
      res.off("close", onClose);
    }
    done({
      operationName: meta.operationName,
      operationType: meta.operationType,
      outcome: meta.errorCodes.length > 0 || res.statusCode >= 400 ? "error" : "ok",
      ...(meta.errorCodes.length > 0 ? { errorCodes: meta.errorCodes } : {}),
      viewer: viewerRole,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    server,
    url: `http://${host}:${address.port}${GRAPHQL_PATH}`,
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

async function authenticate(auth: Authenticator, req: IncomingMessage) {
  try {
    return await auth.authenticate({
      authorization: header(req.headers.authorization),
      apiKey: header(req.headers["x-api-key"]),
    });
  } catch (error) {
    if (error instanceof ImError) {
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: 401 } },
      });
    }
    throw error;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pickRequestId(value: string | string[] | undefined): string {
  const id = header(value);
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}

function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? "";
  return accept.includes("text/html");
}
