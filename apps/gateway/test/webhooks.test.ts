import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { type Vendor, vendors } from "./callback-signers.js";
import { withDemo } from "./helpers.js";
import { collect, EVENTS, sleep, until, wsClient } from "./ws-helpers.js";

describe("POST /webhooks/:app", () => {
  let g: DemoGateway;
  withDemo({ seed: false }, (started) => {
    g = started;
  });

  async function post(
    app: Vendor,
    signed: { query: URLSearchParams; extra: Record<string, unknown> },
    body: { type: string; text: string },
  ) {
    // ZEGO signs inside the body: merge the signature fields into it.
    const text =
      app === "zego" ? JSON.stringify({ ...signed.extra, ...JSON.parse(body.text) }) : body.text;
    const url = new URL(`/webhooks/${app}?${signed.query}`, g.url);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": body.type },
      body: text,
    });
    return { status: res.status, text: await res.text() };
  }

  it.each(
    Object.keys(vendors) as Vendor[],
  )("%s: forged, stale, replayed and malformed callbacks are refused and nothing is published", async (app) => {
    const v = vendors[app];
    const client = wsClient(g.url, { "x-api-key": g.adminKey });
    onTestFinished(() => client.dispose());
    const sub = collect(client, EVENTS, { app, types: ["PRESENCE_CHANGED"] });
    await until(() => g.realtime.pubsub.stats().listeners === 1);

    const forged = v.sign();
    v.forge(forged.query, forged.extra);
    expect((await post(app, forged, v.body("forged"))).status).toBe(401);

    const stale = v.sign(Date.now() - 15 * 60_000);
    expect((await post(app, stale, v.body("stale"))).status).toBe(401);

    const future = v.sign(Date.now() + 15 * 60_000);
    expect((await post(app, future, v.body("future"))).status).toBe(401);

    expect((await post(app, v.sign(), v.malformed)).status).toBe(401);

    // Unsigned: no signature at all.
    const res = await fetch(new URL(`/webhooks/${app}`, g.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: v.body("unsigned").text,
    });
    expect(res.status).toBe(401);

    // A good one is published once; the same delivery again (a vendor retry, or a
    // verbatim replay) is acknowledged but not published again.
    const good = v.sign();
    const goodBody = v.body("good");
    const first = await post(app, good, goodBody);
    expect(first.status).toBe(200);
    const again = await post(app, good, goodBody);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    // Its signature on another body: refused (except Tencent, whose Sign covers no
    // nonce and whose deliveries are told apart by their body).
    const reused = await post(app, good, v.body("reused"));
    expect(reused.status).toBe(app === "tencent" ? 200 : 401);

    const expected = app === "tencent" ? ["good", "reused"] : ["good"];
    await sub.waitFor(expected.length);
    await sleep(100);
    expect(sub.events.map((e) => e.userId)).toEqual(expected);
    await client.dispose();
    await until(() => g.realtime.pubsub.stats().listeners === 0);
  });

  it("answers Tencent in its envelope", async () => {
    const ok = await post("tencent", vendors.tencent.sign(), vendors.tencent.body("x"));
    expect(JSON.parse(ok.text)).toEqual({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
    const forged = vendors.tencent.sign();
    vendors.tencent.forge(forged.query);
    const refused = await post("tencent", forged, vendors.tencent.body("x"));
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 1 });
    // Nothing about why (no signature, no secret) is told to the caller.
    expect(refused.text).not.toMatch(/Sign|token/i);
  });

  it("refuses callbacks for another app id", async () => {
    const signed = vendors.tencent.sign();
    signed.query.set("SdkAppid", "1400000001");
    expect((await post("tencent", signed, vendors.tencent.body("x"))).status).toBe(401);
    const z = vendors.zego.sign();
    z.extra.appid = "42";
    expect((await post("zego", z, vendors.zego.body("x"))).status).toBe(401);
  });

  it("caps the body, answers only POST, and 404s unknown apps", async () => {
    const big = "x".repeat(600 * 1024);
    const signed = vendors.rongcloud.sign();
    expect((await post("rongcloud", signed, { type: "application/json", text: big })).status).toBe(
      413,
    );
    expect((await fetch(new URL("/webhooks/rongcloud", g.url))).status).toBe(405);
    expect((await fetch(new URL("/webhooks/nope", g.url), { method: "POST" })).status).toBe(404);
  });
});
