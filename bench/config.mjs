// @ts-check
// The gateway config pieces every benchmark shares: server limits as in production (the
// defaults of a config file), and API-key auth for the load generator's key.
import { createHash, randomInt } from "node:crypto";
import { generateUserSig } from "@imgraph/signing";

/**
 * The query string of a Tencent REST call as its admin, signed now (a fresh UserSig and
 * random) from the emulator's demo credentials.
 * @param {Record<string, string>} demo
 */
export function tencentAdminQuery(demo) {
  const admin = demo.admin ?? "administrator";
  return new URLSearchParams({
    sdkappid: demo.sdkAppId ?? "",
    identifier: admin,
    usersig: generateUserSig({
      sdkAppId: Number(demo.sdkAppId),
      key: demo.key ?? "",
      userId: admin,
      expireSeconds: 86_400,
    }),
    random: String(randomInt(1, 2 ** 31)),
    contenttype: "json",
  });
}

/**
 * The body of a Tencent `openim/sendmsg` of one text, as a direct SDK-style caller sends it
 * (fresh MsgSeq and MsgRandom, so no two are deduplicated).
 * @param {string} from
 * @param {string} to
 * @param {string} text
 */
export function tencentSendBody(from, to, text) {
  return JSON.stringify({
    SyncOtherMachine: 1,
    From_Account: from,
    To_Account: to,
    MsgSeq: randomInt(1, 2 ** 32),
    MsgRandom: randomInt(1, 2 ** 32),
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
  });
}

/**
 * A loopback server with the production limits; `overrides` for what a benchmark measures.
 * @param {Record<string, unknown>} [overrides]
 */
export function benchServer(overrides = {}) {
  return {
    host: "127.0.0.1",
    port: 0,
    introspection: false,
    playground: false,
    bodyLimitBytes: 1024 * 1024,
    requestTimeoutMs: 15_000,
    maxDepth: 12,
    maxCost: 20_000,
    maxAliases: 30,
    shutdownGraceMs: 1_000,
    readCoalesceMs: 2,
    corsOrigins: [],
    ...overrides,
  };
}

/** Auth by one API key (stored as its SHA-256, as the config does). @param {string} key */
export function apiKeyAuth(key) {
  return { apiKeys: [{ name: "bench", sha256: createHash("sha256").update(key).digest("hex") }] };
}

/** An app's vendor rate shaping off (for benchmarks that measure something else). */
export const NO_RATE_LIMITS = { rateLimits: { enabled: false, apis: {} } };

/**
 * The gateway's app for a benchmark's Tencent emulator (its demo app) at `origin`;
 * `extra` adds app settings (rate limits).
 * @param {{ demo: Record<string, string>, url: string }} emulator
 * @param {string} [origin] @param {Record<string, unknown>} [extra]
 */
export function tencentApp(emulator, origin = emulator.url, extra = {}) {
  return {
    id: "tencent",
    vendor: /** @type {const} */ ("tencent"),
    options: {
      sdkAppId: Number(emulator.demo.sdkAppId),
      key: emulator.demo.key,
      adminUserId: emulator.demo.admin ?? "administrator",
      origins: [origin],
    },
    ...extra,
  };
}
