import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type ImError, RateLimitedError, VendorRejectedError } from "../errors.js";
import { ExactInteger } from "./exact-integers.js";
import type { AttemptInfo, Decoded, VendorResponse } from "./types.js";
import { VendorClient, type VendorClientOptions } from "./vendor-client.js";

// A tiny local HTTP server whose behaviour each test scripts. This tests our own
// client's transport logic; vendor protocols are tested against the emulators.
type Script = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

interface TestServer {
  origin: string;
  hits: Array<{ path: string; headers: IncomingMessage["headers"]; body: string }>;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
const clients: VendorClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: Script): Promise<TestServer> {
  const hits: TestServer["hits"] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      hits.push({ path: req.url ?? "", headers: req.headers, body });
      script(req, res, body, hits.length);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  servers.push(handle);
  return handle;
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

// Envelope like RongCloud's: success is code 200 in the body, whatever the HTTP status.
function decode(response: VendorResponse): Decoded {
  const body = response.body as { code?: number };
  if (body.code === 200) return { ok: true, value: body };
  if (body.code === 1008) {
    return {
      ok: false,
      error: new RateLimitedError("slow down", { retryAfter: 0 }),
      retry: "safe",
    };
  }
  return { ok: false, error: new VendorRejectedError("rongcloud", String(body.code), "rejected") };
}

async function failure(call: Promise<unknown>): Promise<ImError> {
  try {
    await call;
  } catch (error) {
    return error as ImError;
  }
  throw new Error("expected the call to fail");
}

let signatures = 0;
function client(origins: string[], extra: Partial<VendorClientOptions> = {}): VendorClient {
  const c = new VendorClient({
    vendor: "rongcloud",
    origins,
    sign: () => ({ headers: { signature: `sig-${++signatures}` } }),
    decode,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...extra,
  });
  clients.push(c);
  return c;
}

async function deadOrigin(): Promise<string> {
  // Listen, note the port, close: connecting to it is refused.
  const s = await serve(() => undefined);
  await s.close();
  servers.splice(servers.indexOf(s), 1);
  return s.origin;
}

describe("VendorClient", () => {
  it("decodes the in-body code, not the HTTP status", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 1002, errorMessage: "bad" }));
    await expect(
      client([s.origin]).call({ operation: "op", path: "/x", idempotent: true }),
    ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
    // A vendor rejection is an answer: never repeated.
    expect(s.hits).toHaveLength(1);
  });

  it("sends form bodies with repeated keys, the query, and a request id", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200, ok: 1 }));
    const value = await client([s.origin]).call({
      operation: "op",
      path: "/p.json",
      query: { a: "1" },
      body: { type: "form", fields: { userId: ["u1", "u2"], name: "x y" } },
      idempotent: false,
      requestId: "req-123",
    });
    expect(value).toEqual({ code: 200, ok: 1 });
    expect(s.hits[0]?.path).toBe("/p.json?a=1");
    expect(s.hits[0]?.body).toBe("userId=u1&userId=u2&name=x+y");
    expect(s.hits[0]?.headers["x-request-id"]).toBe("req-123");
    expect(s.hits[0]?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
  });

  it("replaces a request id that is not plain or too long", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200 }));
    await client([s.origin]).call({
      operation: "op",
      path: "/",
      idempotent: true,
      requestId: "a\r\nInjected: 1",
    });
    expect(s.hits[0]?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.hits[0]?.headers.injected).toBeUndefined();
  });

  it("signs every attempt afresh", async () => {
    const s = await serve((_q, res, _b, n) =>
      n === 1 ? json(res, 503, { code: 1000 }) : json(res, 200, { code: 200 }),
    );
    await client([s.origin]).call({ operation: "op", path: "/", idempotent: true });
    expect(s.hits).toHaveLength(2);
    expect(s.hits[0]?.headers.signature).not.toBe(s.hits[1]?.headers.signature);
  });

  it("retries a read after 5xx but never repeats a write that may have been applied", async () => {
    const s = await serve((_q, res) => json(res, 500, { code: 1000 }));
    await expect(
      client([s.origin]).call({ operation: "read", path: "/", idempotent: true }),
    ).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(s.hits).toHaveLength(3);
    s.hits.length = 0;
    const error = await failure(
      client([s.origin]).call({ operation: "send", path: "/", idempotent: false }),
    );
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(error.message).toContain("may have applied");
    expect(s.hits).toHaveLength(1);
  });

  it("does not repeat a write whose connection was reset after it was sent", async () => {
    const s = await serve((req) => req.socket.destroy());
    await expect(
      client([s.origin]).call({ operation: "send", path: "/", idempotent: false }),
    ).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(s.hits).toHaveLength(1);
  });

  it("fails a write over to the backup when the primary refuses connections", async () => {
    const primary = await deadOrigin();
    const backup = await serve((_q, res) => json(res, 200, { code: 200, from: "backup" }));
    const c = client([primary, backup.origin]);
    await expect(c.call({ operation: "send", path: "/", idempotent: false })).resolves.toEqual({
      code: 200,
      from: "backup",
    });
    expect(backup.hits).toHaveLength(1);
    // The primary is cooling down: the next call goes straight to the backup.
    await c.call({ operation: "send", path: "/", idempotent: false });
    expect(backup.hits).toHaveLength(2);
  });

  it("fails a read over to the backup after a 5xx from the primary, and says so", async () => {
    const primary = await serve((_q, res) => json(res, 502, {}));
    const backup = await serve((_q, res) => json(res, 200, { code: 200 }));
    const attempts: AttemptInfo[] = [];
    await client([primary.origin, backup.origin], {
      onAttempt: (a) => attempts.push(a),
    }).call({
      operation: "read",
      path: "/",
      idempotent: true,
    });
    expect(primary.hits).toHaveLength(1);
    expect(backup.hits).toHaveLength(1);
    expect(attempts.map((a) => [a.origin, a.failover])).toEqual([
      [primary.origin, false],
      [backup.origin, true],
    ]);
  });

  it("passes the caller's context headers on every attempt, and tells a vendor's own code", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 1002 }));
    const attempts: AttemptInfo[] = [];
    await expect(
      client([s.origin], {
        contextHeaders: () => ({
          traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        }),
        onAttempt: (a) => attempts.push(a),
      }).call({ operation: "read", path: "/", idempotent: true }),
    ).rejects.toMatchObject({ vendorCode: "1002" });
    expect(s.hits[0]?.headers.traceparent).toBe(
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    );
    expect(attempts.at(-1)).toMatchObject({ outcome: "vendor_error", vendorCode: "1002" });
  });

  it("retries a rate-limited write (the vendor refused before acting) honouring Retry-After", async () => {
    const s = await serve((_q, res, _b, n) =>
      n === 1
        ? json(res, 429, { code: 1008 }, { "retry-after": "1" })
        : json(res, 200, { code: 200 }),
    );
    const started = Date.now();
    await client([s.origin]).call({ operation: "send", path: "/", idempotent: false });
    expect(s.hits).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("gives up on a rate limit whose Retry-After does not fit the deadline", async () => {
    const s = await serve((_q, res) => json(res, 429, { code: 1008 }, { "retry-after": "30" }));
    await expect(
      client([s.origin]).call({
        operation: "send",
        path: "/",
        idempotent: false,
        deadlineMs: 2000,
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(s.hits).toHaveLength(1);
  });

  it("enforces the deadline on a vendor that never answers", async () => {
    const s = await serve(() => undefined);
    const started = Date.now();
    const error = await failure(
      client([s.origin]).call({ operation: "read", path: "/", idempotent: true, deadlineMs: 300 }),
    );
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(error.message).toContain("deadline");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("stops when the caller's signal aborts (the client went away), long before the deadline", async () => {
    const s = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("client closed")), 100);
    const started = Date.now();
    const error = await failure(
      client([s.origin]).call({
        operation: "read",
        path: "/",
        idempotent: true,
        deadlineMs: 10_000,
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(s.hits).toHaveLength(1);
  });

  it("sends nothing for a caller whose signal has already aborted", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200 }));
    const error = await failure(
      client([s.origin]).call({
        operation: "read",
        path: "/",
        idempotent: true,
        signal: AbortSignal.abort(new Error("gone")),
      }),
    );
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(s.hits).toHaveLength(0);
  });

  it("leaves no listener on the caller's signal once calls are over", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200 }));
    const c = client([s.origin]);
    const request = new AbortController(); // one signal for many calls, like a GraphQL request
    await Promise.all(
      Array.from({ length: 20 }, () =>
        c.call({ operation: "read", path: "/", idempotent: true, signal: request.signal }),
      ),
    );
    expect(getEventListeners(request.signal, "abort")).toHaveLength(0);
  });

  it("sends and reads uint64 values exactly when asked", async () => {
    const big = "18446744073709551615";
    const s = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"code":200,"Next":${big},"Other":${big}}`);
    });
    const value = (await client([s.origin]).call({
      operation: "read",
      path: "/",
      idempotent: true,
      body: { type: "json", value: { Next: new ExactInteger(big) } },
      exactIntegerKeys: ["Next"],
    })) as { Next: unknown; Other: unknown };
    expect(s.hits[0]?.body).toBe(`{"Next":${big}}`);
    expect(value.Next).toBe(big);
    expect(value.Other).not.toBe(big); // not asked for: read as a (rounded) number
  });

  it("treats a malformed body as unavailable and retries only reads", async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    await expect(
      client([s.origin]).call({ operation: "send", path: "/", idempotent: false }),
    ).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(s.hits).toHaveLength(1);
  });

  it("cuts off an answer larger than the cap", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200, pad: "x".repeat(5000) }));
    await expect(
      client([s.origin], { maxResponseBytes: 1000 }).call({
        operation: "send",
        path: "/",
        idempotent: false,
      }),
    ).rejects.toThrow(/too large/);
  });

  it("keeps connections alive across calls", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200 }));
    const c = client([s.origin], { connections: 1 });
    for (let i = 0; i < 5; i++) await c.call({ operation: "op", path: "/", idempotent: true });
    const ports = new Set(s.hits.map((h) => h.headers.host));
    expect(ports.size).toBe(1);
  });

  it("puts no signature or query secret in error messages", async () => {
    const s = await serve((_q, res) => json(res, 500, {}));
    const c = new VendorClient({
      vendor: "tencent",
      origins: [s.origin],
      sign: () => ({ query: { usersig: "SECRET-SIG", identifier: "admin" } }),
      decode,
      maxAttempts: 1,
    });
    clients.push(c);
    const error = await failure(c.call({ operation: "op", path: "/v4/x", idempotent: true }));
    expect(JSON.stringify(error.toJSON())).not.toContain("SECRET-SIG");
    expect(error.message).not.toContain("SECRET-SIG");
  });

  it("rejects calls after close", async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 200 }));
    const c = client([s.origin]);
    await c.close();
    await expect(c.call({ operation: "op", path: "/", idempotent: true })).rejects.toMatchObject({
      code: "VENDOR_UNAVAILABLE",
    });
  });
});
