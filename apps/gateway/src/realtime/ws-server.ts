import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { ImError } from "@imgraph/core";
import { type Context, context } from "@opentelemetry/api";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  subscribe,
  validate,
} from "graphql";
import { CloseCode, type SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import type { AppRegistry } from "../apps.js";
import type { Authenticator } from "../auth/authenticate.js";
import type { Viewer } from "../auth/viewer.js";
import type { ServerConfig } from "../config/types.js";
import { createContext } from "../context.js";
import { formatError } from "../errors.js";
import {
  checkLimits,
  MAX_SYNTAX_NESTING,
  measureOperation,
  nestingError,
  syntaxNesting,
} from "../limits.js";
import type { SubscriptionOutcome } from "../metrics.js";
import { type SubscriptionTrace, traceSubscription } from "../tracing.js";
import type { RealtimeServices } from "./services.js";
import { LAGGED_CODE } from "./stream.js";

/** setTimeout's ceiling (about 24.8 days); later expiries are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WsDeps {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  config: ServerConfig;
  /** Running subscriptions an end user may hold on this instance (admins: no bound). */
  maxSubscriptionsPerUser: number;
  apps: AppRegistry;
  auth: Authenticator;
  realtime: RealtimeServices;
  log: Logger;
  /** Told each subscription's start, refusal (with its error code) and completion (metrics). */
  onSubscription?: (outcome: SubscriptionOutcome, code?: string) => void;
}

export interface RunningWs {
  /** Open sockets and armed expiry timers (both 0 when nothing is connected). */
  stats(): { sockets: number; timers: number };
  close(): Promise<void>;
}

interface ConnectionState {
  viewer?: Viewer;
  /** graphql-ws's own registry of the socket's running subscriptions, by id. */
  running?: Readonly<Record<string, unknown>>;
  abort?: AbortController;
  /** Running subscriptions by id: their span, and whether they are ending for lag. */
  subscriptions: Map<string, { trace: SubscriptionTrace; lagged: boolean }>;
}

/**
 * GraphQL subscriptions over graphql-ws, on the HTTP server's port and GraphQL path.
 * `connection_init` carries the same credentials as HTTP (`authorization` / `x-api-key`
 * in the payload); bad ones close the socket with 4403. A socket whose token expires is
 * closed with 4403 at the token's `exp`. Only subscriptions run here: queries and
 * mutations go over HTTP, where the request log and limits apply.
 */
export function startWs(deps: WsDeps): RunningWs {
  const { log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.bodyLimitBytes });
  const timers = new Map<WebSocket, NodeJS.Timeout>();
  const states = new WeakMap<WebSocket, ConnectionState>();
  // Each subscription's trace context, by its context value, for its subscribe step.
  const traceContexts = new WeakMap<object, Context>();
  // End users' sockets on this instance, by user id (whatever app a token is bound to):
  // their running subscriptions are counted from graphql-ws's registries, which a complete,
  // a refusal or a closed socket clears, so no count can drift.
  const socketsOf = new Map<string, Set<ConnectionState>>();
  const runningOf = (userId: string) => {
    let n = 0;
    for (const s of socketsOf.get(userId) ?? []) n += Object.keys(s.running ?? {}).length;
    return n;
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== deps.path) {
      socket.end("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  deps.server.on("upgrade", onUpgrade);

  const expireAt = (ws: WebSocket, at: number) => {
    const wait = at - Date.now();
    if (wait <= 0) {
      ws.close(CloseCode.Forbidden, "Forbidden: the token has expired");
      return;
    }
    const timer = setTimeout(
      () => {
        timers.delete(ws);
        expireAt(ws, at);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    timer.unref();
    timers.set(ws, timer);
  };

  wss.on("connection", (ws) => {
    const state: ConnectionState = { subscriptions: new Map() };
    states.set(ws, state);
    ws.once("close", () => {
      if (state.viewer?.role === "USER") {
        const sockets = socketsOf.get(state.viewer.userId);
        sockets?.delete(state);
        if (sockets?.size === 0) socketsOf.delete(state.viewer.userId);
      }
      const timer = timers.get(ws);
      if (timer) clearTimeout(timer);
      timers.delete(ws);
      state.abort?.abort(new Error("socket closed"));
    });
  });

  const disposable = useServer(
    {
      schema: deps.schema,
      // Close reasons never carry an internal error's message.
      isProd: true,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        let viewer: Viewer;
        try {
          viewer = await deps.auth.authenticate({
            authorization: param(params, "authorization"),
            apiKey: param(params, "x-api-key"),
          });
        } catch (error) {
          if (error instanceof ImError) return false; // graphql-ws closes with 4403
          throw error;
        }
        if (viewer.role === "ANONYMOUS") return false;
        const socket = ctx.extra.socket;
        const state = states.get(socket);
        if (!state) return false;
        state.viewer = viewer;
        state.running = ctx.subscriptions;
        state.abort = new AbortController();
        if (viewer.role === "USER") {
          const sockets = socketsOf.get(viewer.userId) ?? new Set();
          sockets.add(state);
          socketsOf.set(viewer.userId, sockets);
        }
        if (viewer.expiresAt !== null) expireAt(socket, viewer.expiresAt);
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const answer = prepare(ctx.extra.socket, payload);
        const span = traceSubscription(ctx.extra.request.headers, operationName(payload, answer));
        if (Array.isArray(answer)) {
          const code = String(answer[0]?.extensions?.code ?? "UNKNOWN");
          span.end("refused", code);
          deps.onSubscription?.("refused", code);
        } else {
          states.get(ctx.extra.socket)?.subscriptions.set(id, { trace: span, lagged: false });
          traceContexts.set(answer.contextValue as object, span.context);
          deps.onSubscription?.("started");
        }
        return answer;
      },
      subscribe: (args) =>
        context.with(traceContexts.get(args.contextValue as object) ?? context.active(), () =>
          subscribe(args),
        ),
      onComplete: (ctx, id) => {
        const subscriptions = states.get(ctx.extra.socket)?.subscriptions;
        const running = subscriptions?.get(id);
        subscriptions?.delete(id);
        const outcome = running?.lagged ? "lagged" : "completed";
        running?.trace.end(outcome);
        deps.onSubscription?.(outcome);
      },
      onNext: (ctx, id, _payload, _args, result) => {
        if (result.errors?.some((e) => e.extensions?.code === LAGGED_CODE)) {
          const running = states.get(ctx.extra.socket)?.subscriptions.get(id);
          if (running) running.lagged = true;
        }
        return formatResult(result);
      },
      // Errors are shown as over HTTP: deliberate ones as they are, the rest masked.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wss,
  );

  /** A subscription's execution arguments, or why it is refused. */
  function prepare(socket: WebSocket, payload: SubscribePayload) {
    const state = states.get(socket);
    if (!state?.viewer || !state.abort) return [refused("Not connected.", "UNAUTHENTICATED")];
    // graphql-ws has registered this subscription already: it is one of those counted.
    const max = deps.maxSubscriptionsPerUser;
    if (state.viewer.role === "USER" && runningOf(state.viewer.userId) > max) {
      return [
        refused(
          `You already run ${max} subscriptions, the most one user may; end one (complete it) before starting another.`,
          "TOO_MANY_SUBSCRIPTIONS",
        ),
      ];
    }
    if (syntaxNesting(payload.query) > MAX_SYNTAX_NESTING)
      return [refused(nestingError().message, "GRAPHQL_PARSE_FAILED")];
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [refused((error as GraphQLError).message, "GRAPHQL_PARSE_FAILED")];
    }
    const errors = validate(deps.schema, document);
    if (errors.length > 0)
      return errors.map((e) => refused(e.message, "GRAPHQL_VALIDATION_FAILED"));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [refused("No operation to run.", "BAD_REQUEST")];
    if (operation.operation !== "subscription") {
      return [
        refused("Only subscriptions run over WebSocket; use HTTP for the rest.", "BAD_REQUEST"),
      ];
    }
    const variables = payload.variables ?? undefined;
    const limit = checkLimits(
      measureOperation(deps.schema, document, operation, variables),
      deps.config,
    );
    if (limit) return [refused(limit.message, "QUERY_TOO_COMPLEX")];
    const requestId = randomUUID();
    return {
      schema: deps.schema,
      document,
      operationName: payload.operationName ?? null,
      variableValues: variables ?? null,
      contextValue: {
        ...createContext({
          viewer: state.viewer,
          apps: deps.apps,
          requestId,
          signal: state.abort.signal,
          log: log.child({ requestId }),
          events: deps.realtime.pubsub,
        }),
        realtime: deps.realtime,
      },
    };
  }

  return {
    stats: () => ({ sockets: wss.clients.size, timers: timers.size }),
    async close() {
      deps.server.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.close(1001, "Going away");
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function param(params: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}

/** The operation's name: as the client named it, else from the document when it was read. */
function operationName(
  payload: SubscribePayload,
  answer: readonly GraphQLError[] | { document: DocumentNode },
): string | null {
  if (payload.operationName) return payload.operationName;
  if ("document" in answer) return getOperationAST(answer.document)?.name?.value ?? null;
  return null;
}

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Errors in a pushed result are shown the same way as over HTTP (masked when unexpected). */
function formatResult<T extends { errors?: readonly unknown[] }>(result: T): T {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((e) => formatError((e as GraphQLError).toJSON(), e)),
  };
}
