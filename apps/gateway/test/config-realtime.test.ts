import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config/validate.js";
import { configError, sourcesOf } from "./config-helpers.js";

const rongcloud = { id: "rc", vendor: "rongcloud", appKey: "k", appSecretEnv: "RC_SECRET" };
const tencent = { id: "tc", vendor: "tencent", sdkAppId: 1400000000, keyEnv: "TC_KEY" };
const zego = { id: "zg", vendor: "zego", appId: 1, serverSecretEnv: "ZG_SECRET" };
const env = { RC_SECRET: "a", TC_KEY: "b", ZG_SECRET: "c".repeat(32) };
const sources = (extra: Record<string, string> = {}, files: Record<string, string> = {}) =>
  sourcesOf({ ...env, ...extra }, files);

function error(raw: unknown, s = sources()): string {
  const e = configError(raw, s);
  return `${e.key}: ${e.expected}`;
}

describe("config: real-time", () => {
  it("defaults to in-memory fan-out", () => {
    const c = validateConfig({ apps: [rongcloud] }, sources());
    expect(c.realtime?.redisUrl).toBeUndefined();
    expect(c.realtime?.webhookBodyLimitBytes).toBe(512 * 1024);
  });

  it("reads the Redis URL from the environment (REDIS_URL or a named variable) or a file", () => {
    expect(
      validateConfig({ apps: [rongcloud] }, sources({ REDIS_URL: "redis://h:6379" })).realtime
        ?.redisUrl,
    ).toBe("redis://h:6379");
    const named = validateConfig(
      { apps: [rongcloud], realtime: { redisUrlEnv: "MY_REDIS", keyPrefix: "app1:" } },
      sources({ MY_REDIS: "rediss://:pw@h:6380/2" }),
    );
    expect(named.realtime).toMatchObject({ redisUrl: "rediss://:pw@h:6380/2", keyPrefix: "app1:" });
    const file = validateConfig(
      { apps: [rongcloud], realtime: { redisUrlFile: "redis.url" } },
      sources({}, { "/etc/imgraph/redis.url": "redis://f:1\n" }),
    );
    expect(file.realtime?.redisUrl).toBe("redis://f:1");
  });

  it("refuses a literal Redis URL, a bad one, and unknown keys, naming the key", () => {
    expect(error({ apps: [rongcloud], realtime: { redisUrl: "redis://h" } })).toMatch(
      /^realtime\.redisUrl: secrets are read only/,
    );
    expect(
      error({ apps: [rongcloud], realtime: { redisUrlEnv: "R" } }, sources({ R: "http://h" })),
    ).toMatch(/^realtime\.redisUrlEnv: .*redis:\/\//);
    expect(error({ apps: [rongcloud] }, sources({ REDIS_URL: "nope" }))).toMatch(
      /^REDIS_URL \(environment\)/,
    );
    expect(error({ apps: [rongcloud], realtime: { keyPrefix: "a b" } })).toMatch(
      /^realtime\.keyPrefix/,
    );
    expect(error({ apps: [rongcloud], realtime: { redis: true } })).toMatch(/^realtime\.redis:/);
    expect(error({ apps: [rongcloud], realtime: { webhookBodyLimitBytes: 10 } })).toMatch(
      /^realtime\.webhookBodyLimitBytes/,
    );
    expect(error({ apps: [rongcloud], realtime: { maxSubscriptionsPerUser: 0 } })).toMatch(
      /^realtime\.maxSubscriptionsPerUser/,
    );
    const bounded = validateConfig(
      { apps: [rongcloud], realtime: { maxSubscriptionsPerUser: 5 } },
      sources({}),
    );
    expect(bounded.realtime?.maxSubscriptionsPerUser).toBe(5);
    expect(
      validateConfig({ apps: [rongcloud] }, sources({})).realtime?.maxSubscriptionsPerUser,
    ).toBe(20);
  });

  it("takes per-app callback secrets only from the environment or a file", () => {
    const c = validateConfig(
      {
        apps: [
          { ...tencent, callbackTokenEnv: "TC_CB" },
          { ...zego, callbackSecretFile: "/run/zego-cb" },
        ],
      },
      sources({ TC_CB: "token" }, { "/run/zego-cb": "secret" }),
    );
    expect(c.apps[0]?.options.callbackToken).toBe("token");
    expect(c.apps[1]?.options.callbackSecret).toBe("secret");
    expect(JSON.stringify(c.apps.map((a) => Object.keys(a.options)))).not.toContain("Env");
    expect(error({ apps: [{ ...tencent, callbackToken: "literal" }] })).toMatch(
      /^apps\[0\]\.callbackToken: secrets are read only/,
    );
    expect(error({ apps: [{ ...zego, callbackSecretEnv: "MISSING" }] })).toMatch(
      /^apps\[0\]\.callbackSecretEnv: the environment variable MISSING/,
    );
  });
});
