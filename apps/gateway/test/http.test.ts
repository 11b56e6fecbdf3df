import type { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoGateway, startDemo } from "../src/demo/start.js";
import { admin, gql, logSink } from "./helpers.js";
import { until } from "./ws-helpers.js";

// The HTTP surface: limits, playground, health, request ids, logs.

let g: DemoGateway;
beforeAll(async () => {
  g = await startDemo({
    server: {
      port: 0,
      host: "127.0.0.1",
      maxDepth: 6,
      maxCost: 500,
      maxAliases: 3,
      bodyLimitBytes: 4096,
    },
    logLevel: "silent",
  });
});
afterAll(async () => {
  await g?.close();
});

const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  r.errors?.[0]?.extensions?.code;

describe("query limits", () => {
  it("refuses a query nested too deep, even through fragments", async () => {
    const deep =
      '{ group(id: "demogroup") { owner { id } members { nodes { userId } pageInfo { endCursor } } } }';
    expect(code(await gql(g.url, deep, {}, admin(g)))).toBeUndefined();
    const viaFragment = `
      query { group(id: "demogroup") { ...A } }
      fragment A on Group { members { edges { node { userId } } pageInfo { hasNextPage } } owner { ...B } }
      fragment B on User { id name avatarUrl extra presence }`;
    expect(code(await gql(g.url, viaFragment, {}, admin(g)))).toBeUndefined();
    const tooDeep = `query { group(id: "demogroup") { ...A } }
      fragment A on Group { members { edges { node { userId } } } }`;
    const limited = await startDemoLimit();
    expect(code(await gql(limited.url, tooDeep, {}, admin(limited)))).toBe("QUERY_TOO_COMPLEX");
    await limited.close();
  });

  it("counts list sizes (variables included) against the cost limit", async () => {
    const nested =
      'query($n: Int) { groups(userId: "alice", first: $n) { nodes { members(first: $n) { nodes { userId } } } } }';
    const r = await gql(g.url, nested, { n: 100 }, admin(g));
    expect(code(r)).toBe("QUERY_TOO_COMPLEX");
    expect(r.errors?.[0]?.message).toMatch(/costs \d+.*at most 500/);
    expect((await gql(g.url, nested, { n: 5 }, admin(g))).errors).toBeUndefined();
    // The walk over the document is kept per operation; the sizes come from each request.
    expect(code(await gql(g.url, nested, { n: 100 }, admin(g)))).toBe("QUERY_TOO_COMPLEX");
    const small = await gql(
      g.url,
      "query($ids: [ID!]!) { users(ids: $ids) { id } }",
      { ids: ["alice"] },
      admin(g),
    );
    expect(small.errors).toBeUndefined();
  });

  it("sizes a list by its longest list argument, whatever the order, inputs' fields included", async () => {
    // maxCost is 500 here: 300 ids with two fields each is over it, however it is written.
    const ids = Array.from({ length: 300 }, (_, i) => `u${i}`);
    for (const query of [
      "mutation($u: [ID!]!) { muteUsers(userIds: $u, scopes: [GROUPS]) { key ok } }",
      "mutation($u: [ID!]!) { muteUsers(scopes: [GROUPS], userIds: $u) { key ok } }",
    ]) {
      expect(code(await gql(g.url, query, { u: ids }, admin(g)))).toBe("QUERY_TOO_COMPLEX");
    }
    const send = await gql(
      g.url,
      "mutation($i: SendMessageInput!) { sendMessage(input: $i) { recipientId messageId } }",
      { i: { from: "alice", toUserIds: ids, content: { text: { text: "x" } } } },
      admin(g),
    );
    expect(code(send)).toBe("QUERY_TOO_COMPLEX");
  });

  it("lets the playground's full introspection query through", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const r = await gql(g.url, getIntrospectionQuery(), {}, admin(g));
    expect(r.errors).toBeUndefined();
  });

  it("refuses a subscription sent over plain HTTP, naming graphql-ws (not an internal error)", async () => {
    const r = await gql(g.url, "subscription { events { __typename } }", {}, admin(g));
    expect(code(r)).toBe("BAD_REQUEST");
    expect(r.errors?.[0]?.message).toContain("graphql-ws");
    expect(r.data).toBeUndefined();
  });

  it("refuses too many aliases", async () => {
    const r = await gql(
      g.url,
      "{ a: viewer { role } b: viewer { role } c: viewer { role } d: viewer { role } }",
      {},
      admin(g),
    );
    expect(code(r)).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses a body over the size limit with 413", async () => {
    const r = await fetch(g.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...admin(g) },
      body: JSON.stringify({ query: `{ viewer { role } } # ${"x".repeat(5000)}` }),
    });
    expect(r.status).toBe(413);
  });

  it("answers document and variable errors 200 to application/json clients, 400 to graphql-response+json ones", async () => {
    const post = (accept: string, body: Record<string, unknown>) =>
      fetch(g.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept, ...admin(g) },
        body: JSON.stringify(body),
      });
    const bad = [
      [{ query: "{ viewer { role }" }, "GRAPHQL_PARSE_FAILED"],
      [{ query: "{ noSuchField }" }, "GRAPHQL_VALIDATION_FAILED"],
      [
        { query: "query($id: ID!) { user(id: $id) { id } }", variables: { id: { x: 1 } } },
        "BAD_USER_INPUT",
      ],
    ] as const;
    for (const [body, code] of bad) {
      const legacy = await post("application/json", body);
      expect(legacy.status, code).toBe(200);
      const answer = (await legacy.json()) as {
        data?: unknown;
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(answer.data, code).toBeUndefined();
      expect(answer.errors[0]?.extensions.code).toBe(code);
      const modern = await post("application/graphql-response+json", body);
      expect(modern.status, code).toBe(400);
    }
    // A request that is not GraphQL at all stays a 400 for everyone.
    const notGraphql = await post("application/json", { nothing: true });
    expect(notGraphql.status).toBe(400);
  });

  it("prevents CSRF: a simple GET without a preflight header is refused", async () => {
    const r = await fetch(`${g.url}?query=${encodeURIComponent("{ viewer { role } }")}`, {
      headers: { ...admin(g) },
    });
    expect(r.status).toBe(400);
    const ok = await fetch(`${g.url}?query=${encodeURIComponent("{ viewer { role } }")}`, {
      headers: { ...admin(g), "apollo-require-preflight": "1" },
    });
    expect(ok.status).toBe(200);
  });
});

async function startDemoLimit(): Promise<DemoGateway> {
  return startDemo({
    server: { port: 0, host: "127.0.0.1", maxDepth: 3 },
    logLevel: "silent",
    seed: false,
  });
}

describe("playground and health", () => {
  it("serves GraphiQL to browsers from local assets only, with the demo key prefilled", async () => {
    const html = await (await fetch(g.url, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("GraphiQL");
    expect(html).toContain(g.adminKey);
    const external = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1] as string)
      .filter((u) => /^(https?:)?\/\//.test(u));
    expect(external).toEqual([]);
    for (const asset of [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string)) {
      const r = await fetch(new URL(asset, g.url));
      expect(r.status, asset).toBe(200);
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it("answers 404 for asset names an object inherits, like any unknown asset", async () => {
    const base = new URL(g.url).origin;
    for (const name of ["constructor", "__proto__", "toString", "nope.js"]) {
      expect((await fetch(`${base}/playground-assets/${name}`)).status, name).toBe(404);
    }
  });

  it("reads media types case-insensitively", async () => {
    for (const type of ["Application/JSON", "APPLICATION/JSON; charset=utf-8"]) {
      const r = await fetch(g.url, {
        method: "POST",
        headers: { "content-type": type, ...admin(g) },
        body: JSON.stringify({ query: "{ apps { id } }" }),
      });
      expect(r.status, type).toBe(200);
      expect(((await r.json()) as { data: { apps: unknown[] } }).data.apps.length).toBe(3);
    }
  });

  it("answers /healthz and /readyz", async () => {
    const base = new URL(g.url).origin;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("returns the caller's X-Request-ID, or a new one", async () => {
    const given = await gql(g.url, "{ viewer { role } }", {}, { "x-request-id": "abc-123" });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const fresh = await gql(
      g.url,
      "{ viewer { role } }",
      {},
      { "x-request-id": "bad id with spaces" },
    );
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("logs", () => {
  it("a client gone while its read waits to be shared is its own doing, not an internal error", async () => {
    const { sink, lines } = logSink();
    // Reads wait 20 ms for company: the client leaves before its read goes.
    const gone = await startDemoWithLog(sink, { readCoalesceMs: 20 });
    const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const logged = (id: string) => entries().find((e) => e.requestId === id && e.msg === "request");
    // Leave 5 ms in; on a busy machine the request may not have reached the server by then
    // (no log line at all), so ask again until one did.
    let request: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 20 && request === undefined; attempt++) {
      const id = `gone-${attempt}`;
      const leaving = new AbortController();
      const asked = fetch(gone.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...admin(gone), "x-request-id": id },
        body: JSON.stringify({ query: '{ user(app: "tencent", id: "alice") { id } }' }),
        signal: leaving.signal,
      }).catch(() => null);
      setTimeout(() => leaving.abort(), 5);
      await asked;
      await until(() => logged(id) !== undefined, 500).catch(() => undefined);
      request = logged(id);
    }
    await gone.close();
    expect(request).toBeDefined();
    expect(entries().filter((e) => e.level === 50)).toEqual([]);
    expect(JSON.stringify(request)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("write one JSON line per request with id, operation, duration and outcome — and no secrets", async () => {
    const { sink, lines } = logSink();
    const demoWithSink = await startDemoWithLog(sink);
    await gql(
      demoWithSink.url,
      "query Who { viewer { role } }",
      {},
      { ...admin(demoWithSink), "x-request-id": "log-test-1" },
    );
    await gql(
      demoWithSink.url,
      'mutation { issueChatCredential(userId: "alice") { token } }',
      {},
      admin(demoWithSink),
    );
    await demoWithSink.close();
    const entries = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => e.msg === "request");
    const who = entries.find((e) => e.requestId === "log-test-1");
    expect(who, JSON.stringify(who)).toMatchObject({
      operationName: "Who",
      outcome: "ok",
      status: 200,
      method: "POST",
      path: "/graphql",
    });
    expect(typeof who?.durationMs).toBe("number");
    const all = lines.join("\n");
    expect(all).not.toContain(demoWithSink.adminKey);
    expect(all).not.toContain("demo-secret-not-for-production");
    expect(all).not.toMatch(/"token":"[^[]/);
  });
});

async function startDemoWithLog(
  sink: Writable,
  server: Record<string, unknown> = {},
): Promise<DemoGateway> {
  const { createLogger } = await import("../src/logger.js");
  return startDemo({
    server: { port: 0, host: "127.0.0.1", ...server },
    seed: false,
    log: createLogger("info", sink),
  });
}
