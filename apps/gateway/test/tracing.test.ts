import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { emulatorRegistry } from "@imgraph/emulators";
import { trace } from "@opentelemetry/api";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type DemoGateway, startDemo } from "../src/demo/start.js";
import { setupTracing, type Tracing, traceVendorAttempt } from "../src/tracing.js";
import { admin, bearer, gql } from "./helpers.js";
import { collect, until } from "./ws-helpers.js";

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; arrayValue?: unknown };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
}

/** An OTLP/HTTP trace receiver (JSON): every body as text, and its spans. */
async function startReceiver() {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      bodies.push(
        (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8"),
      );
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const spans = (): OtlpSpan[] =>
    bodies.flatMap((b) =>
      (
        JSON.parse(b) as {
          resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
        }
      ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
    );
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    bodies,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined);
};

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

describe("tracing on (OTLP/HTTP to an in-process receiver)", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tracing: Tracing;
  let g: DemoGateway;
  beforeAll(async () => {
    receiver = await startReceiver();
    tracing = setupTracing({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "imgraph-test",
    });
    g = await startDemo({ server: { port: 0, host: "127.0.0.1" }, logLevel: "silent" });
  });
  afterAll(async () => {
    await g?.close();
    await tracing?.shutdown();
    await receiver?.close();
  });

  it("is on, and exports the service name", async () => {
    expect(tracing.enabled).toBe(true);
    await tracing.flush();
    expect(receiver.bodies.join("\n")).toContain('"imgraph-test"');
  });

  it("records a GraphQL span under the caller's traceparent, vendor attempts under it", async () => {
    const traceId = hex(16);
    const callerSpan = hex(8);
    const r = await gql(
      g.url,
      'query Users { user(id: "alice") { id } }',
      {},
      {
        ...admin(g),
        traceparent: `00-${traceId}-${callerSpan}-01`,
      },
    );
    expect(r.errors).toBeUndefined();
    await tracing.flush();

    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    const request = spans.find((s) => s.name === "graphql query Users");
    expect(request).toBeDefined();
    if (!request) return;
    expect(request.parentSpanId).toBe(callerSpan);
    expect(request.kind).toBe(2); // SERVER
    expect(attr(request, "graphql.operation.type")).toBe("query");
    expect(attr(request, "graphql.operation.name")).toBe("Users");
    expect(attr(request, "imgraph.outcome")).toBe("ok");
    expect(attr(request, "http.response.status_code")).toBe(200);

    const vendor = g.apps.get(undefined).info.vendor;
    const calls = spans.filter((s) => s.name.startsWith(`vendor ${vendor} `));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.parentSpanId).toBe(request.spanId);
      expect(call.kind).toBe(3); // CLIENT
      expect(attr(call, "imgraph.vendor")).toBe(vendor);
      expect(call.name).toBe(`vendor ${vendor} ${attr(call, "imgraph.vendor.operation")}`);
      expect(attr(call, "imgraph.vendor.attempt")).toBe(1);
      expect(attr(call, "imgraph.outcome")).toBe("ok");
      expect(attr(call, "http.response.status_code")).toBe(200);
      expect(attr(call, "server.address")).toBe("127.0.0.1");
    }
  });

  it("passes the trace on to the vendor: each vendor request carries a traceparent of the trace", async () => {
    const traceId = hex(16);
    const r = await gql(
      g.url,
      'query Traced { user(id: "alice") { id } }',
      {},
      { ...admin(g), traceparent: `00-${traceId}-${hex(8)}-01` },
    );
    expect(r.errors).toBeUndefined();
    const vendor = g.apps.get(undefined).info.vendor;
    const emulator = g.emulators.find((e) => e.vendor === vendor);
    const seen = (emulator?.requests() ?? [])
      .map((entry) => entry.headers.traceparent)
      .filter((h): h is string => typeof h === "string" && h.includes(traceId));
    expect(seen.length).toBeGreaterThan(0);
    for (const header of seen) expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  /**
   * Spans matching `keep` (of those exported after the first `since`), flushing until at
   * least one is there: callbacks arrive after the request that caused them.
   */
  async function spansWhere(keep: (span: OtlpSpan) => boolean, since = 0): Promise<OtlpSpan[]> {
    await until(async () => {
      await tracing.flush();
      return receiver.spans().slice(since).some(keep);
    });
    return receiver.spans().slice(since).filter(keep);
  }

  it("records each vendor callback as a span: its app, reason and events", async () => {
    const app = g.apps.get(undefined).info.id;
    const before = receiver.spans().length;
    const sent = await gql(
      g.url,
      `mutation { sendMessage(input: { from: "alice", toUserIds: ["bob"], content: { text: { text: "hi" } } }) { messageId } }`,
      {},
      admin(g),
    );
    expect(sent.errors).toBeUndefined();
    const [delivered] = await spansWhere(
      (s) => s.name === `webhook ${app}` && attr(s, "imgraph.webhook.reason") === "delivered",
      before,
    );
    expect(delivered?.kind).toBe(2); // SERVER
    expect(delivered && attr(delivered, "imgraph.app")).toBe(app);
    expect(delivered && attr(delivered, "http.response.status_code")).toBe(200);
    expect(Number(delivered && attr(delivered, "imgraph.events"))).toBeGreaterThan(0);

    // A callback to no configured app names no app.
    const res = await fetch(`${new URL(g.url).origin}/webhooks/nosuchapp`, { method: "POST" });
    expect(res.status).toBe(404);
    const unknown = await spansWhere(
      (s) => s.name === "webhook" && attr(s, "http.response.status_code") === 404,
    );
    expect(unknown[0] && attr(unknown[0], "imgraph.app")).toBeUndefined();
  });

  it("records a subscription as a span from start to end, under the upgrade's traceparent", async () => {
    const traceId = hex(16);
    const callerSpan = hex(8);
    // Server-side clients can set headers on the upgrade (browsers cannot).
    class TracedSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
      }
    }
    const client = createClient({
      url: g.url.replace(/^http/, "ws"),
      webSocketImpl: TracedSocket,
      connectionParams: bearer(g.userToken),
      lazy: true,
      retryAttempts: 0,
    });
    try {
      // An end user's group subscription checks membership with the vendor: under the span.
      const watch = collect(
        client,
        `subscription Watch { events(conversation: { type: GROUP, id: "demogroup" }) { __typename } }`,
      );
      const refused = collect(client, "subscription Bad { nothingHere }");
      await until(() => refused.done || refused.errors.length > 0);
      await until(() => g.realtime.pubsub.stats().listeners === 1);
      expect(watch.errors).toEqual([]);
      watch.stop();
      await until(() => g.realtime.pubsub.stats().listeners === 0);
    } finally {
      await client.dispose();
    }
    const [span] = await spansWhere(
      (s) => s.traceId === traceId && s.name === "graphql subscription Watch",
    );
    expect(span?.parentSpanId).toBe(callerSpan);
    expect(span?.kind).toBe(2);
    expect(span && attr(span, "imgraph.outcome")).toBe("completed");
    const vendor = g.apps.get(undefined).info.vendor;
    const calls = receiver
      .spans()
      .filter((s) => s.traceId === traceId && s.name.startsWith(`vendor ${vendor} `));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.parentSpanId).toBe(span?.spanId);

    // Refused before its document was read: unnamed unless the client gave operationName.
    const [bad] = await spansWhere(
      (s) => s.traceId === traceId && s.name === "graphql subscription anonymous",
    );
    expect(bad && attr(bad, "imgraph.outcome")).toBe("refused");
    expect(JSON.stringify(bad?.attributes)).toContain("GRAPHQL_VALIDATION_FAILED");
  });

  it("exports no secret, credential, variable or message text (canary)", async () => {
    const canary = `canary${hex(12)}`;
    const text = `message text ${hex(8)} ${canary}`;
    const traceId = hex(16);
    const sent = await gql(
      g.url,
      `mutation Send($from: ID!, $to: [ID!], $text: String!) {
        sendMessage(input: { from: $from, toUserIds: $to, content: { text: { text: $text } } }) { messageId } }`,
      { from: "alice", to: ["bob"], text, note: canary },
      { ...admin(g), traceparent: `00-${traceId}-${hex(8)}-01` },
    );
    expect(sent.errors).toBeUndefined();
    // A user's bearer token, and a literal in the document.
    const read = await gql(
      g.url,
      `query Me { user(id: "${canary}") { id } }`,
      {},
      { authorization: `Bearer ${g.userToken}` },
    );
    expect(read.status).toBe(200);
    // An attempt whose path carries signatures and whose origin carries credentials.
    traceVendorAttempt({
      vendor: "tencent",
      operation: "getUsers",
      origin: `https://admin:${canary}@console.example.com:8443`,
      path: `/v4/profile/portrait_get?usersig=${canary}&signature=${canary}`,
      attempt: 2,
      status: 500,
      durationMs: 12,
      outcome: "http_error",
      failover: false,
      vendorCode: null,
      requestId: canary,
    });
    await tracing.flush();

    const exported = receiver.bodies.join("\n");
    expect(receiver.spans().some((s) => s.name === "graphql mutation Send")).toBe(true);
    expect(receiver.spans().some((s) => s.name === "graphql query Me")).toBe(true);
    const manual = receiver.spans().find((s) => s.name === "vendor tencent getUsers");
    expect(manual && attr(manual, "server.address")).toBe("console.example.com");
    expect(manual && attr(manual, "imgraph.vendor.attempt")).toBe(2);

    const secrets = emulatorRegistry.flatMap((r) =>
      Object.entries(r.demo)
        .filter(([key]) => /secret|key|token/i.test(key))
        .map(([, value]) => value),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of [canary, text, g.adminKey, g.userToken, ...secrets]) {
      expect(exported).not.toContain(secret);
    }
    expect(exported).not.toContain("usersig");
    expect(exported).not.toContain("signature");
  });
});

describe("tracing off (no OTEL variables)", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let g: DemoGateway;
  beforeAll(async () => {
    receiver = await startReceiver();
    g = await startDemo({ server: { port: 0, host: "127.0.0.1" }, logLevel: "silent" });
  });
  afterAll(async () => {
    await g?.close();
    await receiver?.close();
  });

  it("sets up nothing: the API's no-op tracer, and requests still work", async () => {
    const tracing = setupTracing({ OTEL_SERVICE_NAME: "imgraph-test" });
    expect(tracing.enabled).toBe(false);
    const span = trace.getTracer("test").startSpan("probe");
    expect(span.isRecording()).toBe(false);
    span.end();

    const r = await gql(
      g.url,
      'query Users { user(id: "alice") { id } }',
      {},
      {
        ...admin(g),
        traceparent: `00-${hex(16)}-${hex(8)}-01`,
      },
    );
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    await tracing.flush();
    await tracing.shutdown();
    expect(receiver.bodies).toEqual([]);
    // Nothing is passed on to the vendors either.
    const requests = g.emulators.flatMap((e) => e.requests());
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.some((entry) => entry.headers.traceparent !== undefined)).toBe(false);
  });
});
