import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { demo } from "./helpers.js";

// Cross-origin calls from browser pages (server.corsOrigins): a listed origin's preflight is
// answered and its answers carry Access-Control-Allow-Origin; any other origin gets no CORS
// headers, so its browser withholds the answer. Checked over HTTP, then in Chromium.

const APP = "https://app.example";
const QUERY = JSON.stringify({ query: "{ apps { id } }" });

describe("CORS for listed browser origins", () => {
  let g: DemoGateway;
  beforeAll(async () => {
    g = await demo({ server: { corsOrigins: [APP] } });
  });
  afterAll(async () => {
    await g?.close();
  });

  const preflight = (origin: string) =>
    fetch(g.url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-api-key",
      },
    });

  it("answers a listed origin's preflight, and refuses another's as before", async () => {
    const ok = await preflight(APP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(ok.headers.get("access-control-allow-headers")).toContain("x-api-key");
    expect(ok.headers.get("vary")).toContain("Origin");
    const other = await preflight("https://evil.example");
    expect(other.status).toBe(405);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("marks a listed origin's answers, errors included, and no one else's", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(g.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": g.adminKey, ...headers },
        body: QUERY,
      });
    const listed = await post({ origin: APP });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(listed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(listed.headers.get("vary")).toContain("Origin");
    const refused = await post({ origin: APP, "x-api-key": "wrong" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe(APP);
    for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
      const r = await post(headers);
      expect(r.status).toBe(200);
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
describe.skipIf(!existsSync(CHROMIUM))("CORS in headless Chromium", () => {
  let page: Server;
  let g: DemoGateway;
  let origin: string;
  beforeAll(async () => {
    // The app's page, on an origin of its own.
    page = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>app</title>");
    });
    await new Promise<void>((r) => page.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    g = await demo({ server: { corsOrigins: [origin] } });
  });
  afterAll(async () => {
    await g?.close();
    await new Promise((r) => page?.close(r));
  });

  it("lets the listed origin's page read the answer, and not another's", async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const tab = await browser.newPage();
      const call = (url: string, key: string) =>
        tab.evaluate(
          async ([u, k, q]) => {
            try {
              const r = await fetch(u as string, {
                method: "POST",
                headers: { "content-type": "application/json", "x-api-key": k as string },
                body: q as string,
              });
              return JSON.stringify(await r.json());
            } catch (error) {
              return `failed: ${(error as Error).message}`;
            }
          },
          [url, key, QUERY],
        );
      await tab.goto(origin);
      expect(await call(g.url, g.adminKey)).toContain('"apps"');
      // The same page on a name the gateway does not list: the browser withholds the answer.
      await tab.goto(origin.replace("127.0.0.1", "localhost"));
      expect(await call(g.url, g.adminKey)).toMatch(/^failed: /);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
