import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config/validate.js";
import type { DemoGateway } from "../src/demo/start.js";
import { GatewayMetrics, MAX_OPERATION_NAMES, MAX_VENDOR_CODES } from "../src/metrics.js";
import { configError, sourcesOf } from "./config-helpers.js";
import { admin, gql, withDemo } from "./helpers.js";
import { collect, EVENTS, until, wsClient } from "./ws-helpers.js";

const TOKEN = "metrics-token-0123456789abcdef";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1] as string] = l[2] as string;
    samples.push({ name: m[1] as string, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The value of the sample with exactly these labels (undefined when absent). */
function value(samples: Sample[], name: string, labels: Record<string, string>) {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples.find(
    (s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted,
  )?.value;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** GET /metrics of a demo gateway with the token: a text exposition, and its samples. */
async function scrape(g: DemoGateway): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`${new URL(g.url).origin}/metrics`, { headers: auth(TOKEN) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  return { text, samples: parse(text) };
}

/** imgraph_subscriptions_total for one outcome (and error code) of subscriptions over graphql-ws. */
async function subscriptions(g: DemoGateway, outcome: string, code = ""): Promise<number> {
  return value((await scrape(g)).samples, "imgraph_subscriptions_total", { outcome, code }) ?? 0;
}

describe("GET /metrics with a token configured", () => {
  let g: DemoGateway;
  let base: string;
  withDemo({ metricsToken: TOKEN }, (started) => {
    g = started;
    base = new URL(g.url).origin;
  });

  it("answers 401 without metrics to a missing or wrong bearer token", async () => {
    for (const headers of [{}, auth("wrong-token-0123456789abcdef"), auth(`${TOKEN}x`)]) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain("imgraph_");
    }
    const basic = await fetch(`${base}/metrics`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` },
    });
    expect(basic.status).toBe(401);
  });

  it("counts a GraphQL operation and the vendor calls it made", async () => {
    const before = (await scrape(g)).samples;
    const r = await gql(g.url, 'query Users { user(id: "alice") { id } }', {}, admin(g));
    expect(r.errors).toBeUndefined();
    const { text, samples } = await scrape(g);
    expect(text).toContain(
      'imgraph_graphql_operations_total{operation="Users",type="query",outcome="ok"} 1',
    );
    expect(
      value(samples, "imgraph_graphql_operation_duration_seconds_count", {
        operation: "Users",
        type: "query",
        outcome: "ok",
      }),
    ).toBe(1);

    // The default app's vendor answered at least one call for it, counted with its
    // neutral operation name, with a duration sample of the same vendor and operation.
    const vendor = g.apps.get(undefined).info.vendor;
    const grown = samples.filter(
      (s) =>
        s.name === "imgraph_vendor_calls_total" &&
        s.labels.vendor === vendor &&
        s.labels.outcome === "ok" &&
        s.value > (value(before, s.name, s.labels) ?? 0),
    );
    expect(grown.length).toBeGreaterThan(0);
    for (const s of grown) {
      expect(Object.keys(s.labels).sort()).toEqual(["operation", "outcome", "vendor"]);
      expect(s.labels.operation).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
      expect(
        value(samples, "imgraph_vendor_call_duration_seconds_count", {
          vendor,
          operation: s.labels.operation as string,
        }),
      ).toBeGreaterThanOrEqual(s.value);
    }

    // Every one of those calls took its rate-limit tokens first: the wait histogram counts
    // them per app, vendor and API, and the app's bucket level is on show.
    const app = g.apps.defaultAppId;
    const waits = samples.filter(
      (s) =>
        s.name === "imgraph_vendor_rate_wait_seconds_count" &&
        s.labels.app === app &&
        s.labels.vendor === vendor,
    );
    expect(waits.reduce((n, s) => n + s.value, 0)).toBeGreaterThanOrEqual(
      grown.reduce((n, s) => n + s.value - (value(before, s.name, s.labels) ?? 0), 0),
    );
    for (const s of waits) expect(Object.keys(s.labels).sort()).toEqual(["api", "app", "vendor"]);
    // Every vendor's adapter hands the shaper to its client (the demo seeding called each).
    for (const info of g.apps.list()) {
      expect(
        samples.some(
          (s) => s.name === "imgraph_vendor_rate_wait_seconds_count" && s.labels.app === info.id,
        ),
        info.id,
      ).toBe(true);
    }
    const fills = samples.filter(
      (s) => s.name === "imgraph_vendor_rate_bucket_fill" && s.labels.app === app,
    );
    expect(fills.length).toBeGreaterThan(0);
    for (const s of fills) {
      expect(s.labels.vendor).toBe(vendor);
      expect(s.value).toBeGreaterThanOrEqual(0);
      expect(s.value).toBeLessThanOrEqual(1);
    }
  });

  it("counts a refused operation as an error and a nameless one as anonymous", async () => {
    const denied = await gql(g.url, 'query Denied { user(id: "alice") { id } }');
    expect(denied.status).toBe(401);
    await gql(g.url, "{ __typename }", {}, admin(g));
    const { samples } = await scrape(g);
    expect(
      value(samples, "imgraph_graphql_operations_total", {
        operation: "Denied",
        type: "query",
        outcome: "error",
      }),
    ).toBe(1);
    expect(
      value(samples, "imgraph_graphql_operations_total", {
        operation: "anonymous",
        type: "query",
        outcome: "ok",
      }),
    ).toBe(1);
  });

  it("reports id-like, overlong and names past the first 100 as other", async () => {
    const typename = (name: string) => gql(g.url, `query ${name} { __typename }`, {}, admin(g));
    await typename("user_4815162342");
    await typename(`Q${"x".repeat(64)}`);
    // Fill the distinct names (some are already taken by the tests above), then one more.
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) await typename(`Op${i}`);
    await typename("OneTooMany");
    await typename("Users");
    const { text, samples } = await scrape(g);
    expect(text).not.toContain("4815162342");
    expect(text).not.toContain("xxxxxxxx");
    expect(text).not.toContain("OneTooMany");
    const named = new Set(
      samples
        .filter((s) => s.name === "imgraph_graphql_operations_total")
        .map((s) => s.labels.operation),
    );
    named.delete("other");
    named.delete("anonymous");
    expect(named.size).toBe(MAX_OPERATION_NAMES);
    // id-like, overlong, the names past the cap (at least OneTooMany and the last Op).
    expect(
      value(samples, "imgraph_graphql_operations_total", {
        operation: "other",
        type: "query",
        outcome: "ok",
      }),
    ).toBeGreaterThanOrEqual(4);
    // A name seen before the cap keeps its own label.
    expect(
      value(samples, "imgraph_graphql_operations_total", {
        operation: "Users",
        type: "query",
        outcome: "ok",
      }),
    ).toBe(2);
  });

  it("counts callbacks per app: accepted, and rejected by reason", async () => {
    const app = g.apps.get(undefined).info.id;
    const forged = await fetch(`${base}/webhooks/${app}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(forged.status).toBe(401);
    await fetch(`${base}/webhooks/${app}`);
    await fetch(`${base}/webhooks/nosuchapp`, { method: "POST", body: "{}" });
    const { samples } = await scrape(g);
    const webhooks = samples.filter((s) => s.name === "imgraph_webhooks_total");
    // The demo seed's callbacks arrived through the route.
    expect(
      value(samples, "imgraph_webhooks_total", {
        app,
        outcome: "accepted",
        reason: "delivered",
      }),
    ).toBeGreaterThan(0);
    const rejected = webhooks.filter(
      (s) => s.labels.app === app && s.labels.outcome === "rejected",
    );
    // An unsigned body is refused as not authenticated; a GET as a bad method.
    expect(Object.fromEntries(rejected.map((s) => [s.labels.reason, s.value]))).toEqual({
      bad_method: 1,
      unauthenticated: 1,
    });
    const apps = g.apps.list().map((a) => a.id);
    for (const s of webhooks) expect(apps).toContain(s.labels.app);
  });

  it("counts presence reports: published as the user's, or folded into it", async () => {
    const count = async (outcome: string) =>
      value((await scrape(g)).samples, "imgraph_presence_reports_total", {
        app: "rongcloud",
        outcome,
      }) ?? 0;
    const [published, folded] = [await count("published"), await count("folded")];
    const rongcloud = g.emulators[0];
    await rongcloud?.login({ userId: "mona", sessionId: "phone" });
    await rongcloud?.login({ userId: "mona", sessionId: "desk" });
    await rongcloud?.logout({ userId: "mona", sessionId: "desk" });
    // The second device's login and its logout are folded: mona stays online.
    await until(async () => (await count("folded")) === folded + 2);
    expect(await count("published")).toBe(published + 1);
  });

  it("reports the listeners of active subscriptions", async () => {
    const listeners = async () =>
      value((await scrape(g)).samples, "imgraph_subscription_listeners", {});
    expect(await listeners()).toBe(0);
    const client = wsClient(g.url, admin(g));
    const sub = collect(client, EVENTS);
    try {
      await until(() => g.realtime.pubsub.stats().listeners === 1);
      expect(await listeners()).toBe(1);
    } finally {
      sub.stop();
      await client.dispose();
    }
    await until(() => g.realtime.pubsub.stats().listeners === 0);
    expect(await listeners()).toBe(0);
  });

  it("counts subscriptions over graphql-ws: started, refused by code, completed", async () => {
    const before = {
      started: await subscriptions(g, "started"),
      refused: await subscriptions(g, "refused", "GRAPHQL_VALIDATION_FAILED"),
      completed: await subscriptions(g, "completed"),
    };
    const client = wsClient(g.url, admin(g));
    try {
      const sub = collect(client, EVENTS);
      const bad = collect(client, "subscription { nothingHere }");
      await until(() => bad.errors.length > 0 || bad.done);
      await until(() => g.realtime.pubsub.stats().listeners === 1);
      expect(await subscriptions(g, "started")).toBe(before.started + 1);
      expect(await subscriptions(g, "refused", "GRAPHQL_VALIDATION_FAILED")).toBe(
        before.refused + 1,
      );
      sub.stop();
      await until(async () => (await subscriptions(g, "completed")) === before.completed + 1);
    } finally {
      await client.dispose();
    }
  });

  it("does not serve /metrics to other methods", async () => {
    const res = await fetch(`${base}/metrics`, { method: "POST", headers: auth(TOKEN) });
    expect(res.status).toBe(405);
  });
});

describe("a subscriber that falls behind", () => {
  let g: DemoGateway;
  withDemo({ metricsToken: TOKEN, realtime: { maxBufferedEvents: 2 } }, (started) => {
    g = started;
  });

  it("gets SUBSCRIPTION_LAGGED, then the end, and counts as lagged (not completed)", async () => {
    const waits = async () =>
      value((await scrape(g)).samples, "imgraph_subscription_event_wait_seconds_count", {}) ?? 0;
    const before = {
      lagged: await subscriptions(g, "lagged"),
      completed: await subscriptions(g, "completed"),
    };
    const waitsBefore = await waits();
    const client = wsClient(g.url, admin(g));
    try {
      const sub = collect(client, EVENTS);
      await until(() => g.realtime.pubsub.stats().listeners === 1);
      const app = g.apps.list()[0]?.id as string;
      const at = new Date();
      // One callback's worth, pushed at once: the first is taken, two wait, the fourth is one
      // too many.
      await g.realtime.pubsub.publish(
        app,
        ["u1", "u2", "u3", "u4", "u5"].map((userId) => ({
          type: "PRESENCE_CHANGED" as const,
          appId: app,
          at,
          userId,
          status: "ONLINE" as const,
        })),
      );
      await until(() => sub.done);
      expect(sub.events.length).toBeLessThanOrEqual(1);
      expect(sub.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining("fell 2 events behind"),
          extensions: { code: "SUBSCRIPTION_LAGGED" },
        }),
      ]);
      expect(g.realtime.pubsub.stats().listeners).toBe(0);
      await until(async () => (await subscriptions(g, "lagged")) === before.lagged + 1);
      expect(await subscriptions(g, "completed")).toBe(before.completed);
      expect(await waits()).toBeGreaterThan(waitsBefore);
    } finally {
      await client.dispose();
    }
  });
});

describe("GET /metrics without a token configured", () => {
  let g: DemoGateway;
  withDemo((started) => {
    g = started;
  });

  it("answers 404", async () => {
    const res = await fetch(`${new URL(g.url).origin}/metrics`, { headers: auth(TOKEN) });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("imgraph_");
  });
});

describe("vendor attempts", () => {
  it("count retries (attempts after the first) per vendor and operation", async () => {
    const m = new GatewayMetrics();
    const attempt = {
      vendor: "tencent" as const,
      operation: "getUsers",
      origin: "https://example.invalid",
      path: "/v4/x",
      status: 500,
      durationMs: 250,
      requestId: "r1",
      failover: false,
      vendorCode: null,
    };
    m.vendorAttempt({ ...attempt, attempt: 1, outcome: "http_error" });
    m.vendorAttempt({ ...attempt, attempt: 2, outcome: "ok", status: 200 });
    const samples = parse((await m.scrape()).body);
    const labels = { vendor: "tencent", operation: "getUsers" };
    expect(value(samples, "imgraph_vendor_call_retries_total", labels)).toBe(1);
    expect(value(samples, "imgraph_vendor_calls_total", { ...labels, outcome: "http_error" })).toBe(
      1,
    );
    expect(value(samples, "imgraph_vendor_calls_total", { ...labels, outcome: "ok" })).toBe(1);
    expect(value(samples, "imgraph_vendor_call_duration_seconds_sum", labels)).toBe(0.5);
    // Its own registry: nothing lands in prom-client's global one.
    const { register } = await import("prom-client");
    expect(await register.getSingleMetric("imgraph_vendor_calls_total")).toBeUndefined();
  });

  it("count failovers, and vendor refusals by the vendor's code, bounded", async () => {
    const m = new GatewayMetrics();
    const attempt = {
      vendor: "zego" as const,
      operation: "sendMessage",
      origin: "https://backup.invalid",
      path: "/",
      status: 200,
      durationMs: 5,
      requestId: "r1",
      attempt: 2,
      outcome: "vendor_error" as const,
    };
    m.vendorAttempt({ ...attempt, failover: true, vendorCode: "660000002" });
    m.vendorAttempt({ ...attempt, failover: false, vendorCode: "660000002" });
    // Free text or an unbounded stream of codes never becomes a label.
    m.vendorAttempt({ ...attempt, failover: false, vendorCode: "user alice said hi" });
    for (let i = 0; i < MAX_VENDOR_CODES + 5; i++) {
      m.vendorAttempt({ ...attempt, failover: false, vendorCode: `c${i}` });
    }
    const samples = parse((await m.scrape()).body);
    expect(value(samples, "imgraph_vendor_failovers_total", { vendor: "zego" })).toBe(1);
    expect(
      value(samples, "imgraph_vendor_errors_total", { vendor: "zego", code: "660000002" }),
    ).toBe(2);
    const codes = samples.filter((s) => s.name === "imgraph_vendor_errors_total");
    expect(codes.length).toBe(MAX_VENDOR_CODES + 1); // the kept codes and "other"
    // One free-text code, and the six codes past the cap (the cap counts 660000002 too).
    expect(value(samples, "imgraph_vendor_errors_total", { vendor: "zego", code: "other" })).toBe(
      7,
    );
  });

  it("report Redis's health at each scrape", async () => {
    const m = new GatewayMetrics();
    let ready = true;
    m.watchRedis(() => ready);
    expect(value(parse((await m.scrape()).body), "imgraph_redis_up", {})).toBe(1);
    ready = false;
    expect(value(parse((await m.scrape()).body), "imgraph_redis_up", {})).toBe(0);
  });
});

describe("metrics config", () => {
  const base = {
    apps: [{ id: "chat", vendor: "rongcloud", appKey: "k", appSecretEnv: "RC_SECRET" }],
  };
  const env = (more: Record<string, string> = {}) => sourcesOf({ RC_SECRET: "s", ...more });

  it("reads the token from the environment variable the config names", () => {
    const config = validateConfig(
      { ...base, metrics: { tokenEnv: "METRICS_TOKEN" } },
      env({
        METRICS_TOKEN: TOKEN,
      }),
    );
    expect(config.metrics).toEqual({ token: TOKEN });
    expect(validateConfig(base, env()).metrics).toBeUndefined();
  });

  it("names the field of a short, missing or literal token", () => {
    expect(
      configError(
        { ...base, metrics: { tokenEnv: "METRICS_TOKEN" } },
        env({ METRICS_TOKEN: "short-token-15c" }),
      ),
    ).toMatchObject({ key: "metrics.tokenEnv", expected: expect.stringContaining("16") });
    expect(configError({ ...base, metrics: { tokenEnv: "METRICS_TOKEN" } }, env())).toMatchObject({
      key: "metrics.tokenEnv",
      expected: expect.stringContaining("METRICS_TOKEN"),
    });
    expect(configError({ ...base, metrics: {} }, env())).toMatchObject({
      key: "metrics.tokenEnv",
    });
    expect(configError({ ...base, metrics: { token: TOKEN } }, env())).toMatchObject({
      key: "metrics.token",
      expected: expect.stringContaining("tokenEnv"),
    });
    expect(configError({ ...base, metrics: { tokenEnv: "M", path: "/m" } }, env())).toMatchObject({
      key: "metrics.path",
    });
  });
});
