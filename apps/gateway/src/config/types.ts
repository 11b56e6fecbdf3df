import type { RateLimit, Vendor } from "@imgraph/core";
import type { ModerationRules } from "../moderation/rules.js";
import type { ReadCacheConfig } from "../read-cache/read-cache.js";

/** The gateway's configuration after validation (secrets resolved, defaults applied). */

export interface ServerConfig {
  host: string;
  port: number;
  /** Serve introspection (and so typed-client generation) to anyone allowed to query. */
  introspection: boolean;
  /** Serve the GraphiQL playground to browsers at the GraphQL path. */
  playground: boolean;
  bodyLimitBytes: number;
  /** Per-request deadline, passed down to every vendor call. */
  requestTimeoutMs: number;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Drain time for in-flight requests on SIGTERM. */
  shutdownGraceMs: number;
  /**
   * Profile and presence reads of different requests arriving within this many ms become
   * one vendor batch call (0: each request reads alone).
   */
  readCoalesceMs: number;
  /**
   * Browser origins (`https://app.example.com`, or "*") whose pages may call the GraphQL
   * path across origins (CORS); none: same-origin pages and non-browser clients only.
   */
  corsOrigins: string[];
}

export interface JwtConfig {
  issuer?: string;
  audience?: string;
  /** HS256 shared secret. */
  secret?: string;
  /** RS256 / ES256 public key (PEM). */
  publicKey?: string;
  jwksUrl?: string;
  /** Claim that carries the caller's role. */
  roleClaim: string;
  /** Role values that make the caller an admin. */
  adminRoles: string[];
}

export interface ApiKeyConfig {
  name: string;
  /** Hex SHA-256 of the key: the key itself is never stored. */
  sha256: string;
}

export interface AuthConfig {
  jwt?: JwtConfig;
  apiKeys: ApiKeyConfig[];
}

/** One vendor account. `options` go to that vendor's adapter, checked by its own schema. */
export interface AppConfig {
  id: string;
  vendor: Vendor;
  options: Record<string, unknown>;
  /** Who may deliver this app's callbacks, beyond the vendor's signature. */
  webhook?: AppWebhookConfig;
  /** How the app's vendor calls are kept under the vendor's limits; absent: the defaults. */
  rateLimits?: AppRateLimits;
  /** The rules the vendor's pre-send callbacks are answered by; absent: allow everything. */
  moderation?: ModerationRules;
}

/**
 * Vendor rate shaping of one app: token buckets from the vendor's published limits (shared
 * through Redis when configured), and the limits the config raises or lowers per API.
 */
export interface AppRateLimits {
  enabled: boolean;
  /** Per API name (as the adapter names it, e.g. "openim/sendmsg"): the limits to use instead. */
  apis: Record<string, RateLimit[]>;
}

/**
 * What authenticates a callback besides the vendor's signature. A vendor whose signature
 * does not bind the body (Tencent signs only a time) needs at least one of these.
 */
export interface AppWebhookConfig {
  /** Addresses or CIDR ranges callbacks may come from. */
  allowedSources: string[];
  /** Also allow the addresses the vendor publishes through its API, refreshed periodically. */
  vendorSources: boolean;
  /** How often the vendor's list is read again, minutes. */
  vendorSourcesRefreshMinutes: number;
  /**
   * PEM of the CA that must have issued the vendor's client certificate: callbacks are then
   * accepted only on the TLS listener (`realtime.webhookTls`) with such a certificate.
   */
  clientCa?: string;
  /**
   * Accept a vendor whose signature does not bind the body with neither a source list nor a
   * client certificate: anyone who sees one signed callback URL can then post other bodies
   * within its time window. Off unless set on purpose.
   */
  acceptUnboundBodies: boolean;
}

/** A second listener, HTTPS only, for callbacks that must present a client certificate. */
export interface WebhookTlsConfig {
  host: string;
  port: number;
  /** PEM certificate chain and key the listener presents. */
  cert: string;
  key: string;
}

/** Callbacks in, subscriptions out. */
export interface RealtimeConfig {
  /** Redis for fan-out across instances and the shared replay store; in-memory without. */
  redisUrl?: string;
  /** Prefix of every Redis key and channel. */
  keyPrefix: string;
  /** Largest callback body accepted. */
  webhookBodyLimitBytes: number;
  /** Events a slow subscriber may fall behind before it is disconnected. */
  maxBufferedEvents: number;
  /**
   * Subscriptions one end user may run at once on an instance, over all their sockets:
   * every event is checked and sent once per subscription, so the count is the cost.
   */
  maxSubscriptionsPerUser: number;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names a callback's
   * source; without them the connection's peer address is the source.
   */
  trustedProxies: string[];
  /** The mutual-TLS callback listener, when any app requires client certificates. */
  webhookTls?: WebhookTlsConfig;
}

export const REALTIME_DEFAULTS: RealtimeConfig = {
  keyPrefix: "imgraph:",
  webhookBodyLimitBytes: 512 * 1024,
  maxBufferedEvents: 1000,
  maxSubscriptionsPerUser: 20,
  trustedProxies: [],
};

export interface GatewayConfig {
  server: ServerConfig;
  auth: AuthConfig;
  apps: AppConfig[];
  defaultApp: string;
  /** Keys opaque ids (message ids) so clients cannot forge them. */
  idSecret?: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Demo mode: emulators in-process, demo credentials printed. */
  demo: boolean;
  /** Defaults when absent. */
  realtime?: RealtimeConfig;
  /** `GET /metrics` (Prometheus), served only with this section. */
  metrics?: MetricsConfig;
  /** Profiles and group info served from a cache within a staleness bound (off when absent). */
  readCache?: ReadCacheConfig;
  /** Registered operations served by id; with `only`, the only operations served. */
  trustedDocuments?: TrustedDocumentsConfig;
}

export interface TrustedDocumentsConfig {
  /** The manifest's text (an Apollo persisted-query manifest or a `{ id: document }` map). */
  manifest: string;
  only: boolean;
}

export interface MetricsConfig {
  /** The bearer token a scraper must present (at least 16 characters). */
  token: string;
}

export const SERVER_DEFAULTS: ServerConfig = {
  host: "127.0.0.1",
  port: 4000,
  introspection: true,
  playground: true,
  bodyLimitBytes: 1024 * 1024,
  requestTimeoutMs: 15_000,
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 30,
  shutdownGraceMs: 10_000,
  readCoalesceMs: 2,
  corsOrigins: [],
};
