import type { IncomingHttpHeaders } from "node:http";
import type { AttemptInfo } from "@imgraph/core";
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Route, RouteRequest } from "./http/route.js";
import { OperationNames, operationTypeLabel, type SubscriptionOutcome } from "./metrics.js";

/** What a route returns for its request's log line. */
type RouteMeta = Awaited<ReturnType<Route>>;

const TRACER = "@imgraph/gateway";
export const DEFAULT_SERVICE_NAME = "imgraph-gateway";

/** The process's tracing: on (an OTLP/HTTP exporter) or the API's no-op. */
export interface Tracing {
  readonly enabled: boolean;
  /** Exports the spans ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and unregisters the SDK (the API falls back to its no-op). */
  shutdown(): Promise<void>;
}

const NO_TRACING: Tracing = {
  enabled: false,
  flush: async () => {},
  shutdown: async () => {},
};

let active: Tracing | undefined;

/**
 * Sets up OpenTelemetry tracing once, at startup, when the usual environment asks for it
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces; the
 * service is OTEL_SERVICE_NAME, default imgraph-gateway): spans go over OTLP/HTTP (JSON) through a
 * batch processor, W3C `traceparent` is read from requests, and the active span follows
 * each request through AsyncLocalStorage. Without those variables nothing is registered and
 * every span is the API's no-op.
 */
export function setupTracing(env: NodeJS.ProcessEnv = process.env): Tracing {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const url = traces || (base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined);
  if (!url || env.OTEL_SDK_DISABLED === "true") return NO_TRACING;
  if (active) return active;

  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      "service.name": env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME,
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  let stopping: Promise<void> | undefined;
  const tracing: Tracing = {
    enabled: true,
    flush: () => provider.forceFlush(),
    shutdown() {
      stopping ??= provider.shutdown().finally(() => {
        trace.disable();
        propagation.disable();
        context.disable();
        if (active === tracing) active = undefined;
      });
      return stopping;
    },
  };
  active = tracing;
  return tracing;
}

/**
 * The GraphQL route, each request in a server span (a child of the caller's `traceparent`)
 * that is the active context while the route runs. The span carries the operation type, its
 * bounded name (as in the metrics), the outcome and the error codes; never variables, the
 * document, credentials or message text.
 */
export function tracedGraphql(path: string, route: Route): Route {
  const names = new OperationNames();
  return async (request) => {
    if (request.url.pathname !== path) return route(request);
    const attributes = { "http.request.method": request.req.method ?? "", "http.route": path };
    return inServerSpan("graphql", attributes, route, request, (span, meta) => {
      const type = operationTypeLabel(meta?.operationType);
      const name = names.label(typeof meta?.operationName === "string" ? meta.operationName : null);
      const outcome = typeof meta?.outcome === "string" ? meta.outcome : "error";
      span.updateName(`graphql ${type} ${name}`);
      span.setAttributes({
        "graphql.operation.type": type,
        "graphql.operation.name": name,
        "imgraph.outcome": outcome,
        "http.response.status_code": request.res.statusCode,
      });
      const codes = Array.isArray(meta?.errorCodes) ? meta.errorCodes.map(String) : [];
      if (codes.length > 0) span.setAttribute("imgraph.error_codes", codes);
      if (outcome !== "ok") span.setStatus({ code: SpanStatusCode.ERROR });
    });
  };
}

/**
 * The webhook route, each vendor callback in a server span (vendors send no `traceparent`,
 * so it starts a trace; the vendor calls a callback leads to are its children): the app it
 * was for, how it ended (the bounded reason of the metrics), the status and the number of
 * events published; never the body, its signature or the source address.
 */
export function tracedWebhooks(prefix: string, route: Route): Route {
  return async (request) => {
    if (!request.url.pathname.startsWith(prefix)) return route(request);
    return inServerSpan("webhook", {}, route, request, (span, meta) => {
      // Only a configured app's id names the span: ids from unknown paths stay out.
      if (typeof meta?.app === "string") {
        span.updateName(`webhook ${meta.app}`);
        span.setAttribute("imgraph.app", meta.app);
      }
      if (typeof meta?.reason === "string")
        span.setAttribute("imgraph.webhook.reason", meta.reason);
      if (typeof meta?.events === "number") span.setAttribute("imgraph.events", meta.events);
      span.setAttribute("http.response.status_code", request.res.statusCode);
      if (request.res.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    });
  };
}

/**
 * Runs a route in a server span, a child of the request's `traceparent`, that is the active
 * context while the route runs; `annotate` records what the route's log line says, and the
 * span ends however the route ends.
 */
async function inServerSpan(
  name: string,
  attributes: Attributes,
  route: Route,
  request: RouteRequest,
  annotate: (span: Span, meta: RouteMeta) => void,
): Promise<RouteMeta> {
  const parent = propagation.extract(ROOT_CONTEXT, request.req.headers);
  const span = trace
    .getTracer(TRACER)
    .startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  try {
    const meta = await context.with(trace.setSpan(parent, span), () => route(request));
    annotate(span, meta);
    return meta;
  } catch (error) {
    // The error's message may quote the request: only its kind is recorded.
    span.setAttribute("error.type", error instanceof Error ? error.name : "unknown");
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** A subscription's span: its context (where its subscribe step runs) and its end. */
export interface SubscriptionTrace {
  readonly context: Context;
  end(outcome: Exclude<SubscriptionOutcome, "started">, code?: string): void;
}

const subscriptionNames = new OperationNames();

/**
 * A subscription over graphql-ws in a server span from its start to its end, a child of the
 * `traceparent` of the WebSocket upgrade when it had one: its bounded name, its outcome and a
 * refusal's error code; never the document, variables or connection parameters.
 */
export function traceSubscription(
  headers: IncomingHttpHeaders,
  operationName: string | null | undefined,
): SubscriptionTrace {
  const tracer = trace.getTracer(TRACER);
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const name = subscriptionNames.label(operationName ?? null);
  const span = tracer.startSpan(
    `graphql subscription ${name}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "graphql.operation.type": "subscription", "graphql.operation.name": name },
    },
    parent,
  );
  return {
    context: trace.setSpan(parent, span),
    end(outcome, code) {
      span.setAttribute("imgraph.outcome", outcome);
      if (code) span.setAttribute("imgraph.error_codes", [code]);
      if (outcome !== "completed") span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * One vendor call attempt (VendorClient's `onAttempt`, called in the request's async
 * context when it ends) as a client span under the active span: vendor, neutral operation,
 * attempt number, HTTP status, outcome and the origin's host; never the path, its query
 * string (signatures, user signatures), headers or bodies.
 */
export function traceVendorAttempt(attempt: AttemptInfo): void {
  const tracer = trace.getTracer(TRACER);
  const end = Date.now();
  const host = hostOf(attempt.origin);
  const span = tracer.startSpan(`vendor ${attempt.vendor} ${attempt.operation}`, {
    kind: SpanKind.CLIENT,
    startTime: end - attempt.durationMs,
    attributes: {
      "imgraph.vendor": attempt.vendor,
      "imgraph.vendor.operation": attempt.operation,
      "imgraph.vendor.attempt": attempt.attempt,
      "imgraph.outcome": attempt.outcome,
      ...(attempt.status !== null ? { "http.response.status_code": attempt.status } : {}),
      ...(host ? { "server.address": host } : {}),
    },
  });
  if (attempt.outcome !== "ok") {
    span.setAttribute("error.type", attempt.outcome);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end(end);
}

/**
 * The active trace context as W3C headers (`traceparent`, and `tracestate` when set) for a
 * vendor call, so a trace continues past the gateway; nothing when tracing is off.
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname || undefined;
  } catch {
    return undefined;
  }
}
