import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppRegistry } from "../src/apps.js";
import { validateConfig } from "../src/config/validate.js";
import { createLogger } from "../src/logger.js";
import { guardFromConfig } from "../src/realtime/webhook-guard.js";
import { configError, sourcesOf } from "./config-helpers.js";

const base = {
  apps: [{ id: "chat", vendor: "rongcloud", appKey: "k", appSecretEnv: "RC_SECRET" }],
};
const sources = (
  env: Record<string, string> = { RC_SECRET: "s3cret" },
  files: Record<string, string> = {},
) => sourcesOf(env, files);
const error = (raw: unknown, s = sources()) => configError(raw, s);

describe("config validation", () => {
  it("resolves secrets from the environment or files, with defaults", () => {
    const config = validateConfig(base, sources());
    expect(config.apps[0]).toEqual({
      id: "chat",
      vendor: "rongcloud",
      options: { appKey: "k", appSecret: "s3cret" },
      rateLimits: { enabled: true, apis: {} },
    });
    expect(config.defaultApp).toBe("chat");
    expect(config.server.port).toBe(4000);
    const fromFile = validateConfig(
      { apps: [{ id: "t", vendor: "tencent", sdkAppId: 1400000001, keyFile: "tencent.key" }] },
      sources({}, { "/etc/imgraph/tencent.key": "abc\n" }),
    );
    expect(fromFile.apps[0]?.options.key).toBe("abc");
  });

  it("reads an app's rate limits: on by default, limits replaced per API", () => {
    const app = (rateLimits: unknown) => ({ apps: [{ ...base.apps[0], rateLimits }] });
    const config = validateConfig(
      app({
        apis: {
          "/user/getToken.json": { limit: 500 },
          "/message/private/publish.json": [
            { limit: 300, windowSeconds: 1 },
            { limit: 9000, windowSeconds: 60, counts: "items" },
          ],
        },
      }),
      sources(),
    );
    expect(config.apps[0]?.rateLimits).toEqual({
      enabled: true,
      apis: {
        "/user/getToken.json": [{ limit: 500, windowSeconds: 1 }],
        "/message/private/publish.json": [
          { limit: 300, windowSeconds: 1 },
          { limit: 9000, windowSeconds: 60, counts: "items" },
        ],
      },
    });
    expect(validateConfig(app({ enabled: false }), sources()).apps[0]?.rateLimits).toEqual({
      enabled: false,
      apis: {},
    });
    expect(error(app({ enabled: "yes" })).message).toMatch(/apps\[0\]\.rateLimits\.enabled/);
    expect(error(app({ burst: 3 })).message).toMatch(/apps\[0\]\.rateLimits\.burst: not a known/);
    expect(error(app({ apis: { "/a": { limit: 0 } } })).message).toMatch(
      /rateLimits\.apis\.\/a\.limit: a whole number from 1/,
    );
    expect(error(app({ apis: { "/a": { limit: 5, windowSeconds: -1 } } })).message).toMatch(
      /windowSeconds/,
    );
    expect(error(app({ apis: { "/a": [] } })).message).toMatch(/at least one limit/);
    expect(error(app({ apis: { "/a": [{ limit: 5, counts: "bytes" }] } })).message).toMatch(
      /apis\.\/a\[0\]\.counts: one of calls, items/,
    );
    expect(error(app({ apis: { "bad name!": { limit: 5 } } })).message).toMatch(/an API name/);
    expect(error(app({ apis: { "/a": { windowSeconds: 1 } } })).message).toMatch(/\.limit/);
    // A daily quota counted from the vendor's midnight.
    const daily = { limit: 10, windowSeconds: 86_400, window: "fixed", utcOffsetHours: 8 };
    expect(
      validateConfig(app({ apis: { "/push.json": daily } }), sources()).apps[0]?.rateLimits,
    ).toEqual({ enabled: true, apis: { "/push.json": [daily] } });
    expect(error(app({ apis: { "/a": { limit: 5, window: "calendar" } } })).message).toMatch(
      /apis\.\/a\.window: one of sliding, fixed/,
    );
    expect(error(app({ apis: { "/a": { limit: 5, utcOffsetHours: 15 } } })).message).toMatch(
      /utcOffsetHours/,
    );
  });

  it("reads an app's moderation rules and refuses bad ones by name", () => {
    const app = (moderation: unknown) => ({ apps: [{ ...base.apps[0], moderation }] });
    const config = validateConfig(
      app({
        blockedWords: ["scam"],
        patterns: ["\\d{16}"],
        senderRate: { limit: 5, windowSeconds: 10 },
        hook: { url: "https://mod.example.com/check", failMode: "closed", secretEnv: "HOOK_KEY" },
      }),
      sources({ RC_SECRET: "s", HOOK_KEY: "hook-secret" }),
    );
    expect(config.apps[0]?.moderation).toMatchObject({
      blockedWords: ["scam"],
      maskedWords: [],
      patterns: ["\\d{16}"],
      maxTextLength: null,
      senderRate: { limit: 5, windowSeconds: 10 },
      hook: {
        url: "https://mod.example.com/check",
        timeoutMs: 800,
        failMode: "closed",
        allowNetworks: [],
        secret: "hook-secret",
      },
    });
    const bad = (moderation: unknown) => error(app(moderation)).message;
    expect(bad({ patterns: ["("] })).toMatch(
      /moderation\.patterns\[0\]: a valid regular expression/,
    );
    expect(bad({ blockedWords: [""] })).toMatch(/moderation\.blockedWords\[0\]/);
    expect(bad({ words: [] })).toMatch(/moderation\.words: not a known setting/);
    expect(bad({ hook: { url: "https://x.example" } })).toMatch(
      /hook\.failMode: one of open, closed/,
    );
    expect(bad({ hook: { url: "ftp://x", failMode: "open" } })).toMatch(/hook\.url/);
    expect(
      bad({ hook: { url: "https://x.example", failMode: "open", allowNetworks: ["nope"] } }),
    ).toMatch(/hook\.allowNetworks/);
    expect(bad({ hook: { url: "https://x.example", failMode: "open", secret: "inline" } })).toMatch(
      /hook\.secret: secrets are read only from the environment or a file/,
    );
    expect(bad({ senderRate: { limit: 0 } })).toMatch(/senderRate\.limit/);
  });

  it("PORT and HOST from the environment win", () => {
    const config = validateConfig(base, sources({ RC_SECRET: "x", PORT: "5005", HOST: "0.0.0.0" }));
    expect(config.server).toMatchObject({ port: 5005, host: "0.0.0.0" });
  });

  it("names the bad key and says what is expected", () => {
    expect(error({ ...base, apps: [{ ...base.apps[0], appSecret: "literal" }] })).toMatchObject({
      key: "apps[0].appSecret",
      expected: expect.stringContaining("appSecretEnv or appSecretFile"),
    });
    expect(error(base, sources({}))).toMatchObject({
      key: "apps[0].appSecretEnv",
      expected: expect.stringContaining("RC_SECRET"),
    });
    expect(error({ apps: [] })).toMatchObject({ key: "apps" });
    expect(error({ apps: [{ id: "x", vendor: "skype" }] })).toMatchObject({
      key: "apps[0].vendor",
      expected: "one of rongcloud, tencent, zego",
    });
    expect(
      error(
        { apps: [{ id: "t", vendor: "tencent", sdkAppId: "abc", keyEnv: "K" }] },
        sources({ K: "k" }),
      ),
    ).toMatchObject({ key: "apps[0].sdkAppId" });
    expect(error({ ...base, server: { port: 70000 } })).toMatchObject({ key: "server.port" });
    expect(error({ ...base, srever: {} })).toMatchObject({
      key: "srever",
      expected: expect.stringContaining("not a known setting"),
    });
    expect(error({ ...base, defaultApp: "other" })).toMatchObject({ key: "defaultApp" });
    expect(error({ apps: [base.apps[0], base.apps[0]] })).toMatchObject({ key: "apps[1].id" });
    expect(
      error({ ...base, auth: { apiKeys: [{ name: "b", sha256: "plain-key" }] } }),
    ).toMatchObject({ key: "auth.apiKeys[0].sha256" });
    expect(
      error(
        { ...base, auth: { jwt: { secretEnv: "J" } } },
        sources({ RC_SECRET: "x", J: "short" }),
      ),
    ).toMatchObject({ key: "auth.jwt.secretEnv" });
    expect(error({ ...base, auth: { jwt: {} } })).toMatchObject({ key: "auth.jwt" });
  });

  it("reads each app's callback guard and the TLS listener", () => {
    const pem = (label: string) => `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`;
    const ca = readFileSync(new URL("./fixtures/tls/vendor-ca.crt", import.meta.url), "utf8");
    const files = {
      "/etc/imgraph/ca.pem": ca,
      "/etc/imgraph/c.pem": pem("CERTIFICATE"),
      "/etc/imgraph/k.pem": pem("PRIVATE KEY"),
    };
    const tencent = { id: "t", vendor: "tencent", sdkAppId: 1400000001, keyEnv: "K" };
    const config = validateConfig(
      {
        apps: [
          {
            ...tencent,
            webhook: {
              allowedSources: ["10.0.0.0/8", "2001:db8::1"],
              vendorSources: true,
              clientCaFile: "ca.pem",
            },
          },
        ],
        realtime: {
          trustedProxies: ["127.0.0.1"],
          webhookTls: { port: 8443, certFile: "c.pem", keyFile: "k.pem" },
        },
      },
      sources({ K: "k" }, files),
    );
    expect(config.apps[0]?.webhook).toEqual({
      allowedSources: ["10.0.0.0/8", "2001:db8::1"],
      vendorSources: true,
      vendorSourcesRefreshMinutes: 60,
      acceptUnboundBodies: false,
      clientCa: ca.trim(),
    });
    expect(config.apps[0]?.options).not.toHaveProperty("webhook");
    expect(config.realtime).toMatchObject({
      trustedProxies: ["127.0.0.1"],
      webhookTls: { host: "0.0.0.0", port: 8443 },
    });
    const bad = (webhook: unknown, realtime?: unknown) =>
      error(
        { apps: [{ ...tencent, webhook }], ...(realtime ? { realtime } : {}) },
        sources({ K: "k" }, files),
      );
    expect(bad({ allowedSources: ["10.0.0.0/33"] })).toMatchObject({
      key: "apps[0].webhook.allowedSources[0]",
    });
    expect(bad({ allowedSources: ["tencent.com"] })).toMatchObject({
      key: "apps[0].webhook.allowedSources[0]",
    });
    expect(bad({ allowedSource: [] })).toMatchObject({ key: "apps[0].webhook.allowedSource" });
    expect(bad({ clientCaFile: "c.pem" })).toMatchObject({ key: "apps[0].webhook.clientCaFile" });
    // Client certificates need the TLS listener.
    expect(bad({ clientCaFile: "ca.pem" })).toMatchObject({ key: "realtime.webhookTls" });
    expect(bad({}, { trustedProxies: ["*"] })).toMatchObject({ key: "realtime.trustedProxies[0]" });
    expect(
      bad({}, { webhookTls: { port: 1, certFile: "c.pem", keyFile: "ca.pem" } }),
    ).toMatchObject({
      key: "realtime.webhookTls.keyFile",
    });
  });

  it("refuses a Tencent app whose callbacks nothing but the signature would authenticate", () => {
    const app = {
      id: "t",
      vendor: "tencent",
      sdkAppId: 1400000001,
      keyEnv: "K",
      callbackTokenEnv: "T",
    };
    const check = (extra: Record<string, unknown>) => {
      const config = validateConfig({ apps: [{ ...app, ...extra }] }, sources({ K: "k", T: "t" }));
      const apps = AppRegistry.fromConfig(config.apps, config.defaultApp);
      try {
        guardFromConfig(config, apps, createLogger("silent")).close();
      } finally {
        void apps.close();
      }
    };
    expect(() => check({})).toThrow(
      /apps\[0\]\.webhook: allowedSources, vendorSources or clientCaFile/,
    );
    expect(() => check({ webhook: { vendorSources: true } })).not.toThrow();
    expect(() => check({ webhook: { allowedSources: ["203.0.113.0/24"] } })).not.toThrow();
    expect(() => check({ webhook: { acceptUnboundBodies: true } })).not.toThrow();
    // RongCloud publishes no address list through an API.
    const rc = validateConfig(
      { apps: [{ ...base.apps[0], webhook: { vendorSources: true } }] },
      sources(),
    );
    const rcApps = AppRegistry.fromConfig(rc.apps, rc.defaultApp);
    expect(() => guardFromConfig(rc, rcApps, createLogger("silent"))).toThrow(/vendorSources/);
    void rcApps.close();
  });

  it("checks each vendor's own settings with its adapter's schema, naming the key", () => {
    for (const [app, env] of [
      [{ ...base.apps[0], apKey: "typo" }, { RC_SECRET: "s" }],
      [
        { id: "t", vendor: "tencent", sdkAppId: 1400000001, keyEnv: "K", apKey: "typo" },
        { K: "k" },
      ],
      [
        { id: "z", vendor: "zego", appId: 1, serverSecretEnv: "Z", apKey: "typo" },
        { Z: "z".repeat(32) },
      ],
    ] as const) {
      expect(error({ apps: [app] }, sources(env))).toMatchObject({ key: "apps[0].apKey" });
    }
    expect(
      error(
        { apps: [{ id: "t", vendor: "tencent", sdkAppId: 0, keyEnv: "K" }] },
        sources({ K: "k" }),
      ),
    ).toMatchObject({ key: "apps[0].sdkAppId" });
  });

  it("never puts a secret value in an error message", () => {
    const e = error({ ...base, apps: [{ ...base.apps[0], appSecret: "do-not-echo-me" }] });
    expect(e.message).not.toContain("do-not-echo-me");
  });
});

describe("example configs in examples/", () => {
  it("are all valid", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const dir = new URL("../../../examples/", import.meta.url);
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const env = new Proxy({} as Record<string, string>, {
      get: (_t, key) =>
        typeof key === "string" && !["PORT", "HOST", "REDIS_URL"].includes(key)
          ? "x".repeat(32)
          : undefined,
    });
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8");
      const raw = file.endsWith(".json") ? JSON.parse(text) : parse(text);
      const config = validateConfig(raw, { env, baseDir: "/", readFile: () => "f".repeat(32) });
      expect(config.apps.length, file).toBeGreaterThan(0);
      // What the gateway checks at start: every callback is authenticated beyond a signature
      // that binds no body.
      const apps = AppRegistry.fromConfig(config.apps, config.defaultApp);
      guardFromConfig(config, apps, createLogger("silent")).close();
      await apps.close();
    }
  });
});
