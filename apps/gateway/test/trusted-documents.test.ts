import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config/validate.js";
import type { DemoGateway } from "../src/demo/start.js";
import { TrustedDocuments } from "../src/trusted-documents.js";
import { configError, sourcesOf } from "./config-helpers.js";
import { withDemo } from "./helpers.js";

const USER = 'query Alice { user(id: "alice") { id name } }';
const APPS = "query Apps { apps { id } }";
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const apolloManifest = JSON.stringify({
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: [{ id: "alice-v1", name: "Alice", type: "query", body: USER }],
});

async function post(url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("TrustedDocuments", () => {
  it("reads Apollo's manifest and graphql-codegen's map, by id and by the text's hash", () => {
    for (const manifest of [apolloManifest, JSON.stringify({ [sha(USER)]: USER })]) {
      const d = new TrustedDocuments(manifest, false);
      expect(
        d.resolve({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(USER) } } }),
      ).toEqual({
        query: USER,
      });
    }
    expect(new TrustedDocuments(apolloManifest, false).resolve({ documentId: "alice-v1" })).toEqual(
      {
        query: USER,
      },
    );
  });

  it("refuses what is not listed when only listed operations run", () => {
    const d = new TrustedDocuments(apolloManifest, true);
    expect(d.resolve({ query: USER })).toEqual({ query: USER });
    expect(d.resolve({ query: APPS })).toMatchObject({ code: "PERSISTED_QUERY_NOT_IN_LIST" });
    expect(d.resolve({ documentId: "nope" })).toMatchObject({
      code: "PERSISTED_QUERY_NOT_IN_LIST",
    });
    const open = new TrustedDocuments(apolloManifest, false);
    expect(open.resolve({ query: APPS })).toEqual({ query: APPS });
    expect(open.resolve({ documentId: "nope" })).toMatchObject({
      code: "PERSISTED_QUERY_NOT_FOUND",
    });
  });

  it("refuses a manifest that lists nothing or holds no text", () => {
    expect(() => new TrustedDocuments("[]", true)).toThrow(/lists no operations/);
    expect(() => new TrustedDocuments('{"a": 1}', true)).toThrow(/operation a has no document/);
    expect(() => new TrustedDocuments("{", true)).toThrow(/not JSON/);
    const bad = configError(
      {
        apps: [{ id: "c", vendor: "rongcloud", appKey: "k", appSecretEnv: "S" }],
        trustedDocuments: { file: "ops.json" },
      },
      sourcesOf({ S: "s" }, { "/etc/imgraph/ops.json": "[]" }),
    );
    expect(bad.message).toMatch(/trustedDocuments\.file: a manifest of operations/);
    const good = validateConfig(
      {
        apps: [{ id: "c", vendor: "rongcloud", appKey: "k", appSecretEnv: "S" }],
        trustedDocuments: { file: "ops.json", only: true },
      },
      sourcesOf({ S: "s" }, { "/etc/imgraph/ops.json": apolloManifest }),
    );
    expect(good.trustedDocuments).toEqual({ manifest: apolloManifest, only: true });
  });
});

describe("a gateway serving registered operations only", () => {
  let g: DemoGateway;
  withDemo({ trustedDocuments: { manifest: apolloManifest, only: true } }, (started) => {
    g = started;
  });

  it("runs a registered operation named by its id, with no text sent", async () => {
    const r = await post(g.url, { documentId: "alice-v1" }, { "x-api-key": g.adminKey });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ user: { id: "alice", name: "Alice" } });
  });

  it("refuses any other document, before running it", async () => {
    const r = await post(g.url, { query: APPS }, { "x-api-key": g.adminKey });
    expect(r.status).toBe(400);
    expect(r.body.errors).toMatchObject([{ extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST" } }]);
  });
});

describe("automatic persisted queries (no manifest)", () => {
  let g: DemoGateway;
  withDemo((started) => {
    g = started;
  });

  it("answers a known hash without the text, once the text was sent with it", async () => {
    const q = `query Apq { apps { id } } # ${Math.random()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha(q) } };
    const headers = { "x-api-key": g.adminKey };
    const first = await post(g.url, { extensions }, headers);
    expect(first.body.errors).toMatchObject([
      { extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
    ]);
    expect((await post(g.url, { query: q, extensions }, headers)).body.data).toBeDefined();
    const again = await post(g.url, { extensions }, headers);
    expect(again.status).toBe(200);
    expect((again.body.data as { apps: unknown[] }).apps.length).toBeGreaterThan(0);
  });

  it("a hash that does not match the text, or an unknown version, is the client's error", async () => {
    const headers = { "x-api-key": g.adminKey };
    const wrong = await post(
      g.url,
      {
        query: "{ apps { id } }",
        extensions: { persistedQuery: { version: 1, sha256Hash: sha("other") } },
      },
      headers,
    );
    const version = await post(
      g.url,
      { extensions: { persistedQuery: { version: 2, sha256Hash: "abc" } } },
      headers,
    );
    for (const r of [wrong, version]) {
      expect(r.status).toBe(400);
      expect(r.body.errors).toMatchObject([{ extensions: { code: "BAD_REQUEST" } }]);
    }
    expect(JSON.stringify(wrong.body)).toContain("provided sha does not match query");
  });
});
