import { createHash } from "node:crypto";
import { signRongCloudRequest } from "@imgraph/signing";
import { afterAll, describe, expect, it } from "vitest";
import { formBody } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";
import { startRongCloudEmulator } from "./index.js";

const fx = useRongCloud();
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const BODY = formBody({ userId: "u1" });

async function raw(path: string, headers: Record<string, string>, body = BODY, method = "POST") {
  const res = await fetch(`${fx.emu.url}${path}`, {
    method,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    ...(method === "GET" ? {} : { body }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}

const signed = (
  overrides: Partial<{ nonce: string; timestamp: string; secret: string; appKey: string }> = {},
) => {
  const nonce = overrides.nonce ?? "12345";
  const timestamp = overrides.timestamp ?? String(Math.floor(Date.now() / 1000));
  return {
    "App-Key": overrides.appKey ?? APP.appKey,
    Nonce: nonce,
    Timestamp: timestamp,
    Signature: sha1((overrides.secret ?? APP.appSecret) + nonce + timestamp),
  };
};

describe("authentication (rongcloud.md §1.3, §5 rows 2-5)", () => {
  it("accepts a correct signature with a seconds timestamp", async () => {
    const r = await raw("/user/checkOnline.json", signed());
    expect(r).toMatchObject({ status: 200, body: { code: 200, status: "0" } });
  });

  it("accepts a milliseconds timestamp", async () => {
    const r = await raw("/user/checkOnline.json", signed({ timestamp: String(Date.now()) }));
    expect(r.body.code).toBe(200);
  });

  it("accepts the RC- header names, in any case", async () => {
    const h = signed();
    const r = await raw("/user/checkOnline.json", {
      "rc-app-key": h["App-Key"],
      "RC-NONCE": h.Nonce,
      "Rc-Timestamp": h.Timestamp,
      "RC-Signature": h.Signature,
    });
    expect(r.body.code).toBe(200);
    const upper = await raw("/user/checkOnline.json", {
      "APP-KEY": h["App-Key"],
      NONCE: h.Nonce,
      TIMESTAMP: h.Timestamp,
      SIGNATURE: h.Signature,
    });
    expect(upper.body.code).toBe(200);
  });

  it("accepts a reused nonce + timestamp (the Node SDK signs once at init) and a 19-digit nonce", async () => {
    const old = signed({ nonce: "1234567890123456789", timestamp: "1500000000" });
    for (let i = 0; i < 3; i++)
      expect((await raw("/user/checkOnline.json", old)).body.code).toBe(200);
  });

  it("rejects a bad signature with 401 / 1004", async () => {
    const r = await raw("/user/checkOnline.json", signed({ secret: "wrong" }));
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(1004);
    expect(r.body.errorMessage).toMatch(/Signature/);
  });

  it("rejects an unknown app key and missing headers with 401 / 1004", async () => {
    const unknown = await raw("/user/checkOnline.json", signed({ appKey: "nope" }));
    expect(unknown).toMatchObject({ status: 401, body: { code: 1004 } });
    for (const drop of ["App-Key", "Nonce", "Timestamp", "Signature"] as const) {
      const h: Record<string, string> = signed();
      delete h[drop];
      const r = await raw("/user/checkOnline.json", h);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(1004);
      expect(r.body.errorMessage).toContain(drop);
    }
    const bad = await raw("/user/checkOnline.json", signed({ timestamp: "12ab" }));
    expect(bad.status).toBe(401);
  });

  it("has no freshness window by default", async () => {
    const r = await raw("/user/checkOnline.json", signed({ timestamp: "1000000000" })); // 2001
    expect(r.body.code).toBe(200);
  });
});

describe("timestampWindowSeconds option", () => {
  let emu: Awaited<ReturnType<typeof startRongCloudEmulator>> | undefined;
  afterAll(() => emu?.close());
  it("rejects timestamps outside the window with 401 / 1004, following the emulated clock", async () => {
    emu = await startRongCloudEmulator({ apps: [APP], timestampWindowSeconds: 300 });
    const post = (h: Record<string, string>) =>
      fetch(`${emu?.url}/user/checkOnline.json`, { method: "POST", headers: h, body: BODY }).then(
        (r) => r.status,
      );
    expect(await post(signRongCloudRequest({ ...APP, now: Date.now() - 200_000 }))).toBe(200);
    expect(await post(signRongCloudRequest({ ...APP, now: Date.now() - 400_000 }))).toBe(401);
    expect(await post(signRongCloudRequest({ ...APP, now: Date.now() + 400_000 }))).toBe(401);
    emu.setClock({ advanceMs: 400_000 });
    expect(await post(signRongCloudRequest({ ...APP, now: Date.now() + 400_000 }))).toBe(200);
  });
});

describe("envelope (§1.4, §5)", () => {
  it("answers unknown paths with 404 / {code: 404} before authentication", async () => {
    const r = await raw("/user/nothing.json", {});
    expect(r).toMatchObject({ status: 404, body: { code: 404 } });
    expect((await raw("/user/getToken.xml", signed())).status).toBe(404);
  });

  it("refuses non-POST methods", async () => {
    const r = await raw("/user/checkOnline.json", signed(), BODY, "GET");
    expect(r.status).toBe(405);
  });

  it("sends JSON with charset and echoes X-Request-ID (or generates one)", async () => {
    const r = await raw("/user/checkOnline.json", { ...signed(), "X-Request-ID": "req-123" });
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("x-request-id")).toBe("req-123");
    const rc = await raw("/user/checkOnline.json", { ...signed(), "RC-Request-Id": "rc-456" });
    expect(rc.headers.get("x-request-id")).toBe("rc-456");
    const gen = await raw("/user/checkOnline.json", signed());
    expect(gen.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const err = await raw("/user/checkOnline.json", {
      ...signed({ secret: "x" }),
      "X-Request-ID": "e1",
    });
    expect(err.headers.get("x-request-id")).toBe("e1");
  });

  it("answers an empty body with 400 / 1003 and a missing field with 1002 naming it", async () => {
    const empty = await raw("/user/getToken.json", signed(), "");
    expect(empty).toMatchObject({ status: 400, body: { code: 1003 } });
    const missing = await raw("/user/getToken.json", signed(), formBody({ userId: "u1" }));
    expect(missing).toMatchObject({ status: 400, body: { code: 1002 } });
    expect(missing.body.errorMessage).toContain("name");
  });

  it("accepts an empty body where nothing is required", async () => {
    expect((await raw("/user/block/query.json", signed(), "")).body.code).toBe(200);
  });

  it("answers a body over 1 MiB with 1508 and does not process it", async () => {
    const big = formBody({ userId: "u1", name: "x".repeat(1024 * 1024) });
    const r = await raw("/user/getToken.json", signed(), big);
    expect(r).toMatchObject({ status: 413, body: { code: 1508 } });
    expect(fx.emu.requests({ route: "/user/getToken.json" }).at(-1)?.status).toBe(413);
  });

  it("logs every request with its route, app and answer", async () => {
    await raw("/user/checkOnline.json", { ...signed(), "X-Request-ID": "log-1" });
    const [entry] = fx.emu.requests({ route: "/user/checkOnline.json" });
    expect(entry).toMatchObject({ app: APP.appKey, status: 200, body: BODY, method: "POST" });
    expect(entry?.headers["x-request-id"]).toBe("log-1");
    expect(JSON.parse(entry?.responseBody ?? "{}")).toEqual({ code: 200, status: "0" });
  });
});
