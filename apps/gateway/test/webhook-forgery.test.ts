import { readFileSync } from "node:fs";
import { get } from "node:https";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { AppWebhookConfig } from "../src/config/types.js";
import { type DemoGateway, type DemoOptions, startDemo } from "../src/demo/start.js";
import { type PostOptions, postCallback, type Vendor, vendors } from "./callback-signers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

// Captured-and-modified callbacks against every vendor, with the guards the gateway adds
// where a vendor's signature does not bind the body: a source allowlist (behind a trusted
// proxy too) and client certificates on the mutual-TLS listener.

const APPS = Object.keys(vendors) as Vendor[];
const VENDOR_HOST = "127.0.0.1"; // where the "vendor" sends from
const OUTSIDER = "127.0.0.2"; // another host (a loopback alias)
const PROXY = "127.0.0.3"; // our reverse proxy

const tls = (name: string) =>
  readFileSync(new URL(`./fixtures/tls/${name}`, import.meta.url), "utf8");

function guard(over: Partial<AppWebhookConfig>): AppWebhookConfig {
  return {
    allowedSources: [],
    vendorSources: false,
    vendorSourcesRefreshMinutes: 60,
    acceptUnboundBodies: false,
    ...over,
  };
}

/** A demo gateway whose every app has the same callback guard. */
function guardedDemo(over: Partial<AppWebhookConfig>, realtime: DemoOptions["realtime"]) {
  return startDemo({
    server: { port: 0, host: "127.0.0.1" },
    logLevel: "silent",
    seed: false,
    webhooks: Object.fromEntries(APPS.map((app) => [app, guard(over)])),
    realtime,
  });
}

/** Subscribes as admin to one app's presence events; returns the user ids published. */
async function watch(g: DemoGateway, app: Vendor) {
  const client = wsClient(g.url, { "x-api-key": g.adminKey });
  onTestFinished(() => client.dispose());
  const sub = collect(client, EVENTS, { app, types: ["PRESENCE_CHANGED"] });
  await until(() => g.realtime.pubsub.stats().listeners === 1);
  return {
    async published(expected: string[]) {
      if (expected.length > 0) await sub.waitFor(expected.length);
      await sleep(150); // nothing more arrives
      return sub.events.map((e) => e.userId);
    },
    async done() {
      await client.dispose();
      await until(() => g.realtime.pubsub.stats().listeners === 0);
    },
  };
}

describe("webhook forgery: source allowlist", () => {
  let g: DemoGateway;
  beforeAll(async () => {
    g = await guardedDemo({ allowedSources: [`${VENDOR_HOST}/32`] }, { trustedProxies: [PROXY] });
  });
  afterAll(async () => {
    await g?.close();
  });

  const post = (
    app: Vendor,
    signed: ReturnType<(typeof vendors)[Vendor]["sign"]>,
    body: { type: string; text: string },
    options: PostOptions = { from: VENDOR_HOST },
  ) => postCallback(new URL(g.url).origin, app, signed, body, options);

  it.each(APPS)("%s: unsigned, wrong secret and stale callbacks are refused", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    const unsigned = await postCallback(
      new URL(g.url).origin,
      app,
      { query: new URLSearchParams(), extra: {} },
      v.body("unsigned"),
      { from: VENDOR_HOST },
    );
    expect(unsigned.status).toBe(401);
    const wrong = v.sign(Date.now(), undefined, "a-secret-that-is-not-the-apps");
    expect((await post(app, wrong, v.body("wrong-secret"))).status).toBe(401);
    expect((await post(app, v.sign(Date.now() - 15 * 60_000), v.body("stale"))).status).toBe(401);
    expect(await w.published([])).toEqual([]);
    await w.done();
  });

  it.each(APPS)("%s: a replay is acknowledged once more but not published again", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    const signed = v.sign();
    const body = v.body(`replayed-${app}`);
    const first = await post(app, signed, body);
    expect(first.status).toBe(200);
    expect(await post(app, signed, body)).toEqual(first);
    expect(await w.published([`replayed-${app}`])).toEqual([`replayed-${app}`]);
    await w.done();
  });

  it.each(APPS)("%s: a signature moved to another body", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    const signed = v.sign();
    expect((await post(app, signed, v.body(`real-${app}`))).status).toBe(200);
    // From an outside host: refused on every vendor, before the signature is read.
    expect((await post(app, signed, v.body("forged-outside"), { from: OUTSIDER })).status).toBe(
      401,
    );
    // From the vendor's own address: RongCloud and ZEGO sign a per-delivery nonce, which the
    // replay store binds to its first body. Tencent signs only the second, and legitimately
    // sends several bodies under one Sign: this residual case is what the README states.
    const moved = await post(app, signed, v.body("forged-inside"));
    const expected = app === "tencent" ? [`real-${app}`, "forged-inside"] : [`real-${app}`];
    expect(moved.status).toBe(app === "tencent" ? 200 : 401);
    expect(await w.published(expected)).toEqual(expected);
    await w.done();
  });

  it.each(
    APPS,
  )("%s: a well-signed callback from a wrong source address is refused", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    const refused = await post(app, v.sign(), v.body("outsider"), { from: OUTSIDER });
    expect(refused.status).toBe(401);
    expect(refused.text).not.toMatch(/127\.0\.0|source|address/i); // says nothing of why
    expect(await w.published([])).toEqual([]);
    await w.done();
  });

  it.each(APPS)("%s: behind a trusted proxy, X-Forwarded-For names the source", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    const via = (xff: string, from = PROXY) =>
      post(app, v.sign(), v.body(`via-${xff}-${from}`), {
        from,
        headers: { "x-forwarded-for": xff },
      });
    // The proxy saw the vendor: allowed.
    expect((await via(VENDOR_HOST)).status).toBe(200);
    // The proxy saw someone else (who claimed to be the vendor further left): refused.
    expect((await via(`${VENDOR_HOST}, 203.0.113.9`)).status).toBe(401);
    // An untrusted host claiming a forwarded address: its own address counts.
    expect((await via(VENDOR_HOST, OUTSIDER)).status).toBe(401);
    const published = await w.published([`via-${VENDOR_HOST}-${PROXY}`]);
    expect(published).toEqual([`via-${VENDOR_HOST}-${PROXY}`]);
    await w.done();
  });
});

describe("webhook forgery: client certificates on the mutual-TLS listener", () => {
  let g: DemoGateway;
  let tlsOrigin: string;
  const ca = tls("server.crt").concat(tls("vendor-ca.crt"));
  beforeAll(async () => {
    g = await guardedDemo(
      { clientCa: tls("vendor-ca.crt") },
      {
        webhookTls: { host: "127.0.0.1", port: 0, cert: tls("server.crt"), key: tls("server.key") },
      },
    );
    tlsOrigin = g.webhookTls?.origin ?? "";
  });
  afterAll(async () => {
    await g?.close();
  });

  it.each(APPS)("%s: only a certificate from the app's CA gets a callback in", async (app) => {
    const v = vendors[app];
    const w = await watch(g, app);
    // The plain listener: the signature alone no longer suffices.
    const plain = await postCallback(new URL(g.url).origin, app, v.sign(), v.body("plain"));
    expect(plain.status).toBe(401);
    // TLS without a client certificate, or with someone else's.
    expect(
      (await postCallback(tlsOrigin, app, v.sign(), v.body("nocert"), { tls: { ca } })).status,
    ).toBe(401);
    const other = { ca, cert: tls("other-client.crt"), key: tls("other-client.key") };
    expect(
      (await postCallback(tlsOrigin, app, v.sign(), v.body("othercert"), { tls: other })).status,
    ).toBe(401);
    // The vendor's certificate: in.
    const good = { ca, cert: tls("vendor-client.crt"), key: tls("vendor-client.key") };
    expect(
      (await postCallback(tlsOrigin, app, v.sign(), v.body("mtls"), { tls: good })).status,
    ).toBe(200);
    expect(await w.published(["mtls"])).toEqual(["mtls"]);
    await w.done();
  });

  it("serves nothing but callbacks on the TLS listener", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      get(
        `${tlsOrigin}/graphql?query=%7B__typename%7D`,
        { ca, cert: tls("vendor-client.crt"), key: tls("vendor-client.key") },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ).on("error", reject);
    });
    expect(status).toBe(404);
  });
});
