import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RateLimitedError, VendorRejectedError } from "../errors.js";
import { type RateEvent, RateShaper } from "../rate/shaper.js";
import { MemoryRateStore } from "../rate/store.js";
import { markDeadline } from "./deadline.js";
import type { Decoded, VendorResponse } from "./types.js";
import { VendorClient } from "./vendor-client.js";

// The client and the shaper together, over real HTTP to a local server that plays a vendor
// with a rate limit (code 1008 over it, like RongCloud).

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A server that answers 429 to the first `refusals` requests, then 200; logs arrival times. */
async function vendor(refusals = 0): Promise<{ origin: string; arrivals: number[] }> {
  const arrivals: number[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      arrivals.push(Date.now());
      const refuse = arrivals.length <= refusals;
      res.writeHead(refuse ? 429 : 200, {
        "content-type": "application/json",
        ...(refuse ? { "retry-after": "1" } : {}),
      });
      res.end(JSON.stringify({ code: refuse ? 1008 : 200 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => new Promise((r) => server.close(r)));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals };
}

function decode(response: VendorResponse): Decoded {
  const code = (response.body as { code: number }).code;
  if (code === 200) return { ok: true, value: code };
  if (code === 1008) return { ok: false, error: new RateLimitedError("slow down"), retry: "safe" };
  return { ok: false, error: new VendorRejectedError("rongcloud", String(code), "no") };
}

function shapedClient(origin: string, perSecond: number, deadlineMs = 10_000) {
  const events: RateEvent[] = [];
  const shaper = new RateShaper({
    app: "chat",
    vendor: "rongcloud",
    limits: { api: (r) => r.path, default: [{ limit: perSecond, windowSeconds: 1 }], apis: {} },
    store: new MemoryRateStore(),
    onEvent: (e) => events.push(e),
  });
  const client = new VendorClient({
    vendor: "rongcloud",
    origins: [origin],
    sign: () => ({}),
    decode,
    deadlineMs,
    shaper,
    retryBaseDelayMs: 1,
  });
  closers.push(() => client.close());
  return { client, events };
}

const call = { operation: "getUser", path: "/user/info.json", idempotent: true };

describe("VendorClient with a rate shaper", () => {
  it("spaces a burst of calls to the limit instead of sending them to fail", async () => {
    const v = await vendor();
    const { client, events } = shapedClient(v.origin, 5);
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.call(call)));
    expect(answers).toEqual(Array(8).fill(200));
    // 5 per second, paced one per 200 ms: the 8th goes no sooner than 1.4 s after the first
    // (a busy machine only makes sends later; 200 ms allowed for the first one's lateness).
    const span = (v.arrivals.at(-1) as number) - (v.arrivals[0] as number);
    expect(span).toBeGreaterThanOrEqual(1_200);
    expect(events.filter((e) => e.waitMs > 0).length).toBeGreaterThanOrEqual(7);
  });

  it("answers RATE_LIMITED with retryAfter, without calling, when the deadline is too short", async () => {
    const v = await vendor();
    const { client } = shapedClient(v.origin, 1, 800);
    await client.call(call);
    const error = await client.call(call).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfter: 1, operation: "getUser" });
    expect(v.arrivals).toHaveLength(1);
  });

  it("a vendor 429 shrinks the bucket: the retry waits out the vendor's retry-after", async () => {
    const v = await vendor(1);
    const { client, events } = shapedClient(v.origin, 100);
    expect(await client.call(call)).toBe(200);
    expect(v.arrivals).toHaveLength(2);
    expect((v.arrivals[1] as number) - (v.arrivals[0] as number)).toBeGreaterThanOrEqual(900);
    expect(events.map((e) => e.outcome)).toEqual(["sent", "backoff", "sent"]);
  });
});

describe("the caller's deadline", () => {
  /** A client of one call a second that has made its call: the next one waits about 1 s. */
  async function spentClient() {
    const v = await vendor();
    const { client } = shapedClient(v.origin, 1);
    await client.call(call);
    return { v, client };
  }

  it("bounds the wait for tokens: RATE_LIMITED at once rather than an abort later", async () => {
    const { client } = await spentClient();
    // The client's own budget is 10 s, but the caller's request ends in 600 ms.
    const controller = new AbortController();
    markDeadline(controller.signal, Date.now() + 600);
    const started = Date.now();
    const error = await client.call({ ...call, signal: controller.signal }).catch((e) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(Date.now() - started).toBeLessThan(300);
  });

  it("a wait for tokens cut short by the caller's abort answers RATE_LIMITED, not unavailable", async () => {
    const { v, client } = await spentClient();
    // The wait (~1 s) fits the deadline, but the request is aborted while it waits.
    const controller = new AbortController();
    markDeadline(controller.signal, Date.now() + 5_000);
    setTimeout(() => controller.abort(new Error("deadline")), 200);
    const error = await client.call({ ...call, signal: controller.signal }).catch((e) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfter: 1, operation: "getUser" });
    expect(v.arrivals).toHaveLength(1);
  });
});
