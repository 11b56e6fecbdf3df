import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { Vendor, VendorModule } from "@imgraph/core";
import { VENDOR_MODULES } from "../apps.js";
import type { ModerationRules } from "../moderation/rules.js";
import type { ReadCacheConfig } from "../read-cache/read-cache.js";
import { parseRange } from "../realtime/addresses.js";
import { TrustedDocuments } from "../trusted-documents.js";
import { ConfigError } from "./errors.js";
import { appModeration } from "./moderation.js";
import { appRateLimits } from "./rate-limits.js";
import {
  type ApiKeyConfig,
  type AppConfig,
  type AppWebhookConfig,
  type AuthConfig,
  type GatewayConfig,
  type JwtConfig,
  type MetricsConfig,
  REALTIME_DEFAULTS,
  type RealtimeConfig,
  SERVER_DEFAULTS,
  type ServerConfig,
  type TrustedDocumentsConfig,
  type WebhookTlsConfig,
} from "./types.js";
import { allowOnly, array, bool, int, object, oneOf, type Raw, string, url } from "./values.js";

export interface ConfigSources {
  env: NodeJS.ProcessEnv;
  /** Relative secret files resolve against this folder (the config file's). */
  baseDir: string;
  readFile?: (path: string) => string;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const APP_ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
/** An app's settings the gateway keeps; the rest are the vendor's options. */
const GATEWAY_APP_KEYS = new Set(["id", "vendor", "webhook", "rateLimits", "moderation"]);

/** Validates a raw config (from YAML/JSON) and resolves secrets from the environment or files. */
export function validateConfig(raw: unknown, sources: ConfigSources): GatewayConfig {
  const root = object(raw, "(root)");
  allowOnly(root, "(root)", [
    "server",
    "auth",
    "apps",
    "defaultApp",
    "idSecretEnv",
    "idSecretFile",
    "logLevel",
    "realtime",
    "metrics",
    "trustedDocuments",
    "readCache",
  ]);
  const server = serverConfig(root.server, sources.env);
  const auth = authConfig(root.auth, sources);
  const apps = appsConfig(root.apps, sources);
  const defaultApp =
    root.defaultApp === undefined ? apps[0]?.id : string(root.defaultApp, "defaultApp");
  if (!defaultApp || !apps.some((a) => a.id === defaultApp)) {
    throw new ConfigError(
      "defaultApp",
      `the id of one of the configured apps (${apps.map((a) => a.id).join(", ")})`,
    );
  }
  const idSecret = secret(root, "idSecret", "(root)", sources, false);
  const logLevel =
    root.logLevel === undefined ? "info" : oneOf(root.logLevel, "logLevel", LOG_LEVELS);
  const realtime = realtimeConfig(root.realtime, sources);
  const needsTls = apps.findIndex((a) => a.webhook?.clientCa !== undefined);
  if (needsTls >= 0 && !realtime.webhookTls)
    throw new ConfigError(
      "realtime.webhookTls",
      `a TLS listener for callbacks (apps[${needsTls}].webhook.clientCaFile asks for client certificates)`,
    );
  const metrics = root.metrics === undefined ? undefined : metricsConfig(root.metrics, sources);
  const trustedDocuments =
    root.trustedDocuments === undefined
      ? undefined
      : documentsConfig(root.trustedDocuments, sources);
  const readCache = root.readCache === undefined ? undefined : readCacheConfig(root.readCache);
  return {
    ...(readCache ? { readCache } : {}),
    realtime,
    server,
    auth,
    apps,
    defaultApp,
    ...(idSecret ? { idSecret } : {}),
    logLevel,
    demo: false,
    ...(metrics ? { metrics } : {}),
    ...(trustedDocuments ? { trustedDocuments } : {}),
  };
}

/** The registered operations: a manifest file, checked here, and whether only they run. */
function documentsConfig(raw: unknown, sources: ConfigSources): TrustedDocumentsConfig {
  const d = object(raw, "trustedDocuments");
  allowOnly(d, "trustedDocuments", ["file", "only"]);
  const file = string(d.file, "trustedDocuments.file");
  const full = isAbsolute(file) ? file : resolve(sources.baseDir, file);
  let manifest: string;
  try {
    manifest = (sources.readFile ?? ((p) => readFileSync(p, "utf8")))(full);
  } catch {
    throw new ConfigError("trustedDocuments.file", `a readable file (cannot read ${file})`);
  }
  const only = d.only === undefined ? false : bool(d.only, "trustedDocuments.only");
  try {
    new TrustedDocuments(manifest, only);
  } catch (error) {
    throw new ConfigError(
      "trustedDocuments.file",
      `a manifest of operations (${(error as Error).message})`,
    );
  }
  return { manifest, only };
}

export const MIN_METRICS_TOKEN = 16;

function metricsConfig(raw: unknown, sources: ConfigSources): MetricsConfig {
  const m = object(raw, "metrics");
  allowOnly(m, "metrics", ["token", "tokenEnv", "tokenFile"]);
  const token = secret(m, "token", "metrics", sources, true) as string;
  if (token.length < MIN_METRICS_TOKEN) {
    const key = m.tokenFile !== undefined ? "metrics.tokenFile" : "metrics.tokenEnv";
    throw new ConfigError(key, `a token of at least ${MIN_METRICS_TOKEN} characters`);
  }
  return { token };
}

function serverConfig(raw: unknown, env: NodeJS.ProcessEnv): ServerConfig {
  const s = raw === undefined ? {} : object(raw, "server");
  allowOnly(s, "server", Object.keys(SERVER_DEFAULTS));
  const out: ServerConfig = { ...SERVER_DEFAULTS };
  if (s.host !== undefined) out.host = string(s.host, "server.host");
  if (s.port !== undefined) out.port = int(s.port, "server.port", 0, 65535);
  for (const key of ["introspection", "playground"] as const) {
    if (s[key] !== undefined) out[key] = bool(s[key], `server.${key}`);
  }
  for (const key of [
    "bodyLimitBytes",
    "requestTimeoutMs",
    "maxDepth",
    "maxCost",
    "maxAliases",
    "shutdownGraceMs",
  ] as const) {
    if (s[key] !== undefined) out[key] = int(s[key], `server.${key}`, 1, 1_000_000_000);
  }
  // A few milliseconds at most: every read waits this long for company.
  if (s.readCoalesceMs !== undefined)
    out.readCoalesceMs = int(s.readCoalesceMs, "server.readCoalesceMs", 0, 20);
  if (s.corsOrigins !== undefined) out.corsOrigins = corsOrigins(s.corsOrigins);
  // The environment wins, so one config file serves many deployments.
  if (env.PORT !== undefined && env.PORT !== "")
    out.port = int(Number(env.PORT), "PORT (environment)", 0, 65535);
  if (env.HOST !== undefined && env.HOST !== "") out.host = env.HOST;
  return out;
}

/** "*" or origins as browsers send them: scheme, host and port, nothing more. */
function corsOrigins(raw: unknown): string[] {
  const what = 'a list of origins such as "https://app.example.com" (no path), or "*"';
  if (!Array.isArray(raw) || raw.length > 100) throw new ConfigError("server.corsOrigins", what);
  return raw.map((origin, i) => {
    if (origin === "*") return origin;
    let parsed: URL | null = null;
    try {
      parsed = typeof origin === "string" ? new URL(origin) : null;
    } catch {}
    const ok =
      parsed !== null &&
      (parsed.protocol === "https:" || parsed.protocol === "http:") &&
      parsed.origin === origin;
    if (!ok) throw new ConfigError(`server.corsOrigins[${i}]`, what);
    return origin as string;
  });
}

function realtimeConfig(raw: unknown, sources: ConfigSources): RealtimeConfig {
  const r = raw === undefined ? {} : object(raw, "realtime");
  // "redisUrl" is listed so that a literal URL gets the "secrets only from..." answer.
  allowOnly(r, "realtime", [
    "redisUrl",
    "redisUrlEnv",
    "redisUrlFile",
    "keyPrefix",
    "webhookBodyLimitBytes",
    "maxBufferedEvents",
    "maxSubscriptionsPerUser",
    "trustedProxies",
    "webhookTls",
  ]);
  const out: RealtimeConfig = { ...REALTIME_DEFAULTS };
  if (r.trustedProxies !== undefined)
    out.trustedProxies = ranges(r.trustedProxies, "realtime.trustedProxies");
  if (r.webhookTls !== undefined) out.webhookTls = webhookTlsConfig(r.webhookTls, sources);
  // A Redis URL may hold a password: environment or file only, like every secret.
  const redisUrl = secret(r, "redisUrl", "realtime", sources, false) ?? sources.env.REDIS_URL;
  if (redisUrl) {
    const key = r.redisUrlFile !== undefined ? "realtime.redisUrlFile" : "realtime.redisUrlEnv";
    try {
      const u = new URL(redisUrl);
      if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new Error();
    } catch {
      throw new ConfigError(
        r.redisUrlEnv === undefined && r.redisUrlFile === undefined
          ? "REDIS_URL (environment)"
          : key,
        "a redis:// or rediss:// URL",
      );
    }
    out.redisUrl = redisUrl;
  }
  if (r.keyPrefix !== undefined) {
    out.keyPrefix = string(r.keyPrefix, "realtime.keyPrefix");
    if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(out.keyPrefix))
      throw new ConfigError("realtime.keyPrefix", "1-64 letters, digits or : _ . -");
  }
  if (r.webhookBodyLimitBytes !== undefined)
    out.webhookBodyLimitBytes = int(
      r.webhookBodyLimitBytes,
      "realtime.webhookBodyLimitBytes",
      1024,
      16 * 1024 * 1024,
    );
  if (r.maxBufferedEvents !== undefined)
    out.maxBufferedEvents = int(r.maxBufferedEvents, "realtime.maxBufferedEvents", 1, 1_000_000);
  if (r.maxSubscriptionsPerUser !== undefined)
    out.maxSubscriptionsPerUser = int(
      r.maxSubscriptionsPerUser,
      "realtime.maxSubscriptionsPerUser",
      1,
      10_000,
    );
  return out;
}

function webhookTlsConfig(raw: unknown, sources: ConfigSources): WebhookTlsConfig {
  const t = object(raw, "realtime.webhookTls");
  allowOnly(t, "realtime.webhookTls", ["host", "port", "certFile", "keyFile", "keyEnv"]);
  if (t.port === undefined) throw new ConfigError("realtime.webhookTls.port", "a port");
  return {
    host: t.host === undefined ? "0.0.0.0" : string(t.host, "realtime.webhookTls.host"),
    port: int(t.port, "realtime.webhookTls.port", 0, 65535),
    cert: pem(
      secret(t, "cert", "realtime.webhookTls", sources, true) as string,
      "realtime.webhookTls.certFile",
      "CERTIFICATE",
    ),
    key: pem(
      secret(t, "key", "realtime.webhookTls", sources, true) as string,
      "realtime.webhookTls.keyFile",
      "PRIVATE KEY",
    ),
  };
}

/** Per app: what authenticates its callbacks besides the vendor's signature. */
function webhookConfig(raw: unknown, path: string, sources: ConfigSources): AppWebhookConfig {
  const w = object(raw, path);
  allowOnly(w, path, [
    "allowedSources",
    "vendorSources",
    "vendorSourcesRefreshMinutes",
    "clientCaFile",
    "acceptUnboundBodies",
  ]);
  const out: AppWebhookConfig = {
    allowedSources:
      w.allowedSources === undefined ? [] : ranges(w.allowedSources, `${path}.allowedSources`),
    vendorSources:
      w.vendorSources === undefined ? false : bool(w.vendorSources, `${path}.vendorSources`),
    vendorSourcesRefreshMinutes:
      w.vendorSourcesRefreshMinutes === undefined
        ? 60
        : int(w.vendorSourcesRefreshMinutes, `${path}.vendorSourcesRefreshMinutes`, 1, 1440),
    acceptUnboundBodies:
      w.acceptUnboundBodies === undefined
        ? false
        : bool(w.acceptUnboundBodies, `${path}.acceptUnboundBodies`),
  };
  const ca = secret(w, "clientCa", path, sources, false);
  if (ca !== undefined) {
    const text = pem(ca, `${path}.clientCaFile`, "CERTIFICATE");
    try {
      new X509Certificate(text);
    } catch {
      throw new ConfigError(`${path}.clientCaFile`, "a PEM CA certificate");
    }
    out.clientCa = text;
  }
  return out;
}

function ranges(v: unknown, key: string): string[] {
  return array(v, key).map((item, i) => {
    const range = parseRange(string(item, `${key}[${i}]`));
    if (typeof range === "string")
      throw new ConfigError(`${key}[${i}]`, `an IP address or CIDR range (${range})`);
    return item as string;
  });
}

function pem(text: string, key: string, label: string): string {
  if (!text.includes(`-----BEGIN`) || !text.includes(label))
    throw new ConfigError(key, `a PEM file with a ${label}`);
  return text;
}

function authConfig(raw: unknown, sources: ConfigSources): AuthConfig {
  const a = raw === undefined ? {} : object(raw, "auth");
  allowOnly(a, "auth", ["jwt", "apiKeys"]);
  const apiKeys: ApiKeyConfig[] =
    a.apiKeys === undefined
      ? []
      : array(a.apiKeys, "auth.apiKeys").map((k, i) => {
          const key = object(k, `auth.apiKeys[${i}]`);
          allowOnly(key, `auth.apiKeys[${i}]`, ["name", "sha256"]);
          const sha256 = string(key.sha256, `auth.apiKeys[${i}].sha256`).toLowerCase();
          if (!/^[0-9a-f]{64}$/.test(sha256)) {
            throw new ConfigError(
              `auth.apiKeys[${i}].sha256`,
              "the hex SHA-256 of the key (64 hex characters), never the key itself",
            );
          }
          return { name: string(key.name, `auth.apiKeys[${i}].name`), sha256 };
        });
  let jwt: JwtConfig | undefined;
  if (a.jwt !== undefined) {
    const j = object(a.jwt, "auth.jwt");
    allowOnly(j, "auth.jwt", [
      "issuer",
      "audience",
      "secretEnv",
      "secretFile",
      "publicKeyFile",
      "publicKeyEnv",
      "jwksUrl",
      "roleClaim",
      "adminRoles",
    ]);
    const jwtSecret = secret(j, "secret", "auth.jwt", sources, false);
    const publicKey = secret(j, "publicKey", "auth.jwt", sources, false);
    const jwksUrl = j.jwksUrl === undefined ? undefined : url(j.jwksUrl, "auth.jwt.jwksUrl");
    const kinds = [jwtSecret, publicKey, jwksUrl].filter(Boolean).length;
    if (kinds !== 1) {
      throw new ConfigError(
        "auth.jwt",
        "exactly one of secretEnv/secretFile (HS256), publicKeyEnv/publicKeyFile (RS256/ES256) or jwksUrl",
      );
    }
    if (jwtSecret && Buffer.byteLength(jwtSecret) < 32) {
      throw new ConfigError("auth.jwt.secretEnv", "an HS256 secret of at least 32 bytes");
    }
    jwt = {
      ...(j.issuer !== undefined ? { issuer: string(j.issuer, "auth.jwt.issuer") } : {}),
      ...(j.audience !== undefined ? { audience: string(j.audience, "auth.jwt.audience") } : {}),
      ...(jwtSecret ? { secret: jwtSecret } : {}),
      ...(publicKey ? { publicKey } : {}),
      ...(jwksUrl ? { jwksUrl } : {}),
      roleClaim: j.roleClaim === undefined ? "role" : string(j.roleClaim, "auth.jwt.roleClaim"),
      adminRoles:
        j.adminRoles === undefined
          ? ["admin"]
          : array(j.adminRoles, "auth.jwt.adminRoles").map((r, i) =>
              string(r, `auth.jwt.adminRoles[${i}]`),
            ),
    };
  }
  return { ...(jwt ? { jwt } : {}), apiKeys };
}

function appsConfig(raw: unknown, sources: ConfigSources): AppConfig[] {
  const list = array(raw, "apps");
  if (list.length === 0) throw new ConfigError("apps", "at least one app");
  const seen = new Set<string>();
  return list.map((item, i) => {
    const path = `apps[${i}]`;
    const app = object(item, path);
    const id = string(app.id, `${path}.id`);
    if (!APP_ID.test(id))
      throw new ConfigError(`${path}.id`, "1-32 letters, digits, _ or -, starting with a letter");
    if (seen.has(id)) throw new ConfigError(`${path}.id`, `a unique id ("${id}" is used twice)`);
    seen.add(id);
    const vendor = oneOf(app.vendor, `${path}.vendor`, Object.keys(VENDOR_MODULES) as Vendor[]);
    // What a vendor's app may set, and which settings are secrets, is its adapter's to say.
    const module = VENDOR_MODULES[vendor];
    const secretNames = [...module.secrets.required, ...module.secrets.optional];
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(app)) {
      if (GATEWAY_APP_KEYS.has(key)) continue;
      if (secretNames.some((s) => key === s || key === `${s}Env` || key === `${s}File`)) continue;
      options[key] = value;
    }
    for (const s of module.secrets.required) {
      options[s] = secret(app, s, path, sources, true);
    }
    for (const s of module.secrets.optional) {
      const value = secret(app, s, path, sources, false);
      if (value) options[s] = value;
    }
    const checked = module.configSchema.safeParse(options);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const at = [...(issue?.path ?? []).map(String), ...(issue?.keys?.slice(0, 1) ?? [])];
      throw new ConfigError(
        [path, ...at].join("."),
        issue?.keys ? "not a known setting" : (issue?.message ?? "a valid setting"),
      );
    }
    const webhook =
      app.webhook === undefined
        ? undefined
        : webhookConfig(app.webhook, `${path}.webhook`, sources);
    const moderation = appModeration(app.moderation, `${path}.moderation`, (obj, name, at) =>
      secret(obj, name, at, sources, false),
    );
    if (moderation) checkPreSend(module, moderation, `${path}.moderation`);
    return {
      id,
      vendor,
      options: checked.data as Record<string, unknown>,
      ...(webhook ? { webhook } : {}),
      rateLimits: appRateLimits(app.rateLimits, `${path}.rateLimits`),
      ...(moderation ? { moderation } : {}),
    };
  });
}

/**
 * Secrets come only from the environment (`<name>Env`: the variable's name) or a file
 * (`<name>File`): a literal value in the config file is refused.
 */
function secret(
  obj: Raw,
  name: string,
  path: string,
  sources: ConfigSources,
  required: boolean,
): string | undefined {
  if (obj[name] !== undefined) {
    throw new ConfigError(
      `${path}.${name}`,
      `secrets are read only from the environment or a file: use ${name}Env or ${name}File`,
    );
  }
  const envKey = obj[`${name}Env`];
  const fileKey = obj[`${name}File`];
  if (envKey !== undefined && fileKey !== undefined) {
    throw new ConfigError(`${path}.${name}Env`, `either ${name}Env or ${name}File, not both`);
  }
  if (envKey !== undefined) {
    const variable = string(envKey, `${path}.${name}Env`);
    const value = sources.env[variable];
    if (!value)
      throw new ConfigError(
        `${path}.${name}Env`,
        `the environment variable ${variable} to be set (it is empty or missing)`,
      );
    return value;
  }
  if (fileKey !== undefined) {
    const file = string(fileKey, `${path}.${name}File`);
    const full = isAbsolute(file) ? file : resolve(sources.baseDir, file);
    let value: string;
    try {
      value = (sources.readFile ?? ((p) => readFileSync(p, "utf8")))(full).trim();
    } catch {
      throw new ConfigError(`${path}.${name}File`, `a readable file (cannot read ${file})`);
    }
    if (!value) throw new ConfigError(`${path}.${name}File`, `a non-empty file (${file} is empty)`);
    return value;
  }
  if (required)
    throw new ConfigError(
      `${path}.${name}Env`,
      `the name of the environment variable holding ${name} (or ${name}File)`,
    );
  return undefined;
}

/** Moderation needs the vendor's pre-send callback, and a hook that answers within its timeout. */
function checkPreSend(module: VendorModule<unknown>, rules: ModerationRules, path: string): void {
  const support = module.preSend;
  if ("gap" in support) {
    throw new ConfigError(path, `no moderation here: ${module.vendor} ${support.gap}`);
  }
  if (rules.hook && rules.hook.timeoutMs >= support.timeoutMs) {
    throw new ConfigError(
      `${path}.hook.timeoutMs`,
      `less than ${module.vendor}'s pre-send timeout of ${support.timeoutMs} ms (the answer must reach the vendor in time)`,
    );
  }
}

/** The read cache's staleness bounds, ms (0: that kind is not cached). */
function readCacheConfig(raw: unknown): ReadCacheConfig {
  const c = object(raw, "readCache");
  allowOnly(c, "readCache", ["profilesTtlMs", "groupsTtlMs"]);
  const ttl = (key: "profilesTtlMs" | "groupsTtlMs") =>
    c[key] === undefined ? 0 : int(c[key], `readCache.${key}`, 0, 3_600_000);
  return { profilesTtlMs: ttl("profilesTtlMs"), groupsTtlMs: ttl("groupsTtlMs") };
}
