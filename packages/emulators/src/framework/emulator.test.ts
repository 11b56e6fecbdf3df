import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { controlRequest } from "../testing/control.js";
import { type ToyState, toyVendor } from "../testing/toy-vendor.js";
import { type RunningEmulator, startEmulator } from "./index.js";

const state: ToyState = { counts: new Map(), online: new Set(), seeded: [] };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator(toyVendor(state), {
    maxBodyBytes: 64,
    faults: [{ route: "/start-fault", kind: "http-error", status: 502 }],
  });
});
afterAll(() => emu.close());
afterEach(() => emu.reset());

const count = (app = "a", init: RequestInit = {}) =>
  fetch(`${emu.url}/count`, { method: "POST", headers: { "x-app": app }, ...init });
const control = (path: string, method = "GET", body?: unknown) =>
  controlRequest(emu.url, method, path, body);

describe("vendor requests", () => {
  it("routes to the vendor, keeps connections alive and logs each request", async () => {
    const r1 = await count();
    expect(r1.headers.get("connection")).toBe("keep-alive");
    expect(await r1.json()).toMatchObject({ count: 1 });
    expect(await (await count()).json()).toMatchObject({ count: 2 });
    const log = emu.requests({ route: "/count" });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: "POST",
      path: "/count",
      app: "a",
      status: 200,
      outcome: "answered",
    });
    expect(log[1]?.responseBody).toContain('"count":2');
  });

  it("answers bodies over the cap with the vendor's error and does not run the handler", async () => {
    const res = await fetch(`${emu.url}/echo`, { method: "POST", body: "x".repeat(65) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ err: "big" });
    const ok = await fetch(`${emu.url}/echo`, { method: "POST", body: "y".repeat(64) });
    expect(await ok.json()).toEqual({ body: "y".repeat(64) });
  });

  it("applies faults given at start", async () => {
    const res = await fetch(`${emu.url}/start-fault`, { method: "POST" });
    expect(res.status).toBe(502);
    expect(res.headers.get("x-toy")).toBe("1");
  });
});

describe("faults (before vs after the handler)", () => {
  it("vendor-error uses the vendor envelope and does not touch state", async () => {
    emu.addFault({ route: "/count", kind: "vendor-error", code: 42, status: 418, times: 1 });
    const res = await count();
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ err: 42, message: "" });
    expect(state.counts.get("a")).toBeUndefined();
    expect(await (await count()).json()).toMatchObject({ count: 1 });
  });

  it("http-error answers a 5xx without processing", async () => {
    emu.addFault({ route: "*", kind: "http-error", times: 1 });
    const res = await count();
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("503");
    expect(state.counts.get("a")).toBeUndefined();
  });

  it("reset-before drops the connection and the request is never processed", async () => {
    emu.addFault({ route: "/count", kind: "reset-before", times: 1 });
    await expect(count()).rejects.toThrow();
    expect(state.counts.get("a")).toBeUndefined();
    expect(emu.requests({ route: "/count" })[0]).toMatchObject({
      outcome: "reset",
      fault: "reset-before",
    });
  });

  it("reset-after drops the connection after the state changed", async () => {
    emu.addFault({ route: "/count", kind: "reset-after", times: 1 });
    await expect(count()).rejects.toThrow();
    expect(state.counts.get("a")).toBe(1);
    expect(await (await count()).json()).toMatchObject({ count: 2 });
  });

  it("malformed answers 200 with invalid JSON after processing", async () => {
    emu.addFault({ route: "/count", kind: "malformed", times: 1 });
    const res = await count();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(state.counts.get("a")).toBe(1);
  });

  it("no-answer-before holds the request until the client gives up; not processed", async () => {
    emu.addFault({ route: "/count", kind: "no-answer-before", times: 1 });
    await expect(count("a", { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(state.counts.get("a")).toBeUndefined();
    expect(emu.requests({ route: "/count" })[0]?.outcome).toBe("no-answer");
  });

  it("no-answer-after holds the request but the state changed", async () => {
    emu.addFault({ route: "/count", kind: "no-answer-after", times: 1 });
    await expect(count("a", { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(state.counts.get("a")).toBe(1);
  });

  it("latency delays the answer (before or after the handler)", async () => {
    emu.addFault({ route: "/count", kind: "latency", ms: 120, times: 1 });
    let t = Date.now();
    expect((await count()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(110);
    emu.addFault({ route: "/count", kind: "latency", ms: 200, phase: "after", times: 1 });
    t = Date.now();
    await expect(count("a", { signal: AbortSignal.timeout(80) })).rejects.toThrow();
    expect(state.counts.get("a")).toBe(2); // processed even though the client gave up
    t = Date.now();
    expect((await count()).status).toBe(200);
    expect(Date.now() - t).toBeLessThan(100);
  });

  it("after/times through the control API", async () => {
    const added = await control("faults", "POST", {
      route: "/count",
      kind: "http-error",
      status: 500,
      after: 1,
      times: 1,
    });
    expect(added.body).toMatchObject({ faults: [{ route: "/count" }] });
    expect((await count()).status).toBe(200);
    expect((await count()).status).toBe(500);
    expect((await count()).status).toBe(200);
    const left = (await control("faults")).body.faults as { route: string }[];
    expect(left.map((f) => f.route)).toEqual(["/start-fault"]); // reset restores start faults
    const bad = await control("faults", "POST", { route: "/count", kind: "nope" });
    expect(bad.status).toBe(400);
    const f = await control("faults", "POST", [{ route: "/x", kind: "malformed" }]);
    const id = (f.body.faults as { id: string }[])[0]?.id;
    expect((await control(`faults/${id}`, "DELETE")).status).toBe(200);
    expect((await control(`faults/${id}`, "DELETE")).status).toBe(404);
  });
});

describe("control API", () => {
  it("health, seed, state, login/logout", async () => {
    expect((await control("health")).body).toMatchObject({ ok: true, vendor: "toy" });
    expect((await control("seed", "POST", { users: 1 })).body).toEqual({
      ok: true,
      result: { seeded: 1 },
    });
    expect((await control("clients/login", "POST", { userId: "u1" })).body.result).toEqual({
      online: 1,
    });
    expect((await control("clients/login", "POST", {})).status).toBe(400);
    await count("a");
    expect((await control("state")).body).toEqual({ counts: { a: 1 }, online: ["u1"] });
    expect((await control("clients/logout", "POST", { userId: "u1" })).body.result).toEqual({
      online: 0,
    });
    expect((await control("nope")).status).toBe(404);
  });

  it("requests: filter and clear", async () => {
    await count("a");
    await count("b");
    await fetch(`${emu.url}/echo?x=1&x=2`, { method: "POST", body: "hello" });
    const all = (await control("requests")).body.requests as { routeKey: string }[];
    expect(all.map((r) => r.routeKey)).toEqual(["/count", "/count", "/echo"]);
    const echo = (await control("requests?route=%2Fecho")).body.requests as Record<
      string,
      unknown
    >[];
    expect(echo[0]).toMatchObject({ body: "hello", query: { x: ["1", "2"] } });
    expect(((await control("requests?app=b")).body.requests as unknown[]).length).toBe(1);
    expect(((await control("requests?limit=1")).body.requests as unknown[]).length).toBe(1);
    await control("requests", "DELETE");
    expect((await control("requests")).body.requests).toEqual([]);
  });

  it("clock offset moves the time the vendor sees; reset puts it back", async () => {
    const before = Date.now();
    const set = await control("clock", "POST", { offsetMs: 3_600_000 });
    expect(set.body.offsetMs).toBe(3_600_000);
    const body = (await (await count()).json()) as { now: number };
    expect(body.now).toBeGreaterThanOrEqual(before + 3_600_000);
    await control("clock", "POST", { advanceMs: 1000 });
    expect((await control("clock")).body.offsetMs).toBe(3_601_000);
    const frozen = await control("clock", "POST", { now: 1_700_000_000_000, frozen: true });
    expect(frozen.body).toMatchObject({ now: 1_700_000_000_000, frozen: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(((await (await count()).json()) as { now: number }).now).toBe(1_700_000_000_000);
    await control("reset", "POST", {});
    expect(emu.setClock({})).toMatchObject({ offsetMs: 0, frozen: false });
  });

  it("rate limits can be switched off and on", async () => {
    // A frozen clock keeps all four requests in one one-second window: on a busy machine
    // they could otherwise straddle a boundary and the fourth would be let through.
    emu.setClock({ now: 1_700_000_000_500, frozen: true });
    for (let i = 0; i < 3; i++) expect((await count("r")).status).toBe(200);
    expect((await count("r")).status).toBe(429);
    expect((await control("rate-limits", "POST", { enabled: false })).body).toEqual({
      enabled: false,
    });
    expect((await count("r")).status).toBe(200);
    expect((await control("rate-limits", "POST", { enabled: "no" })).status).toBe(400);
    emu.setRateLimits(true);
    expect(emu.rateLimitsEnabled()).toBe(true);
  });

  it("reset of one app keeps the others", async () => {
    await count("a");
    await count("b");
    await control("reset", "POST", { app: "a" });
    expect(state.counts.has("a")).toBe(false);
    expect(state.counts.get("b")).toBe(1);
  });
});

describe("close()", () => {
  it("closes idle keep-alive and held connections and resolves", async () => {
    for (let i = 0; i < 5; i++) {
      const e = await startEmulator(toyVendor(), {
        faults: [{ route: "/hold", kind: "no-answer-before" }],
      });
      await fetch(`${e.url}/count`, { method: "POST" }); // leaves an idle keep-alive socket
      const held = new Promise<string>((resolve) => {
        const req = httpRequest(`${e.url}/hold`, { method: "POST" }, () => resolve("answered"));
        req.on("error", (err) => resolve(err.message));
        req.end();
      });
      await new Promise((r) => setTimeout(r, 20));
      const t = Date.now();
      await e.close();
      expect(Date.now() - t).toBeLessThan(1000);
      expect(await held).toMatch(/hang up|reset/i);
      await expect(fetch(`${e.url}/count`, { method: "POST" })).rejects.toThrow();
    }
  });
});
