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

/** One vendor account. `options` go to that vendor's adapter unchanged. */
export interface AppConfig {
  id: string;
  vendor: "rongcloud" | "tencent" | "zego";
  options: Record<string, unknown>;
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
}

export const REALTIME_DEFAULTS: RealtimeConfig = {
  keyPrefix: "imgraph:",
  webhookBodyLimitBytes: 512 * 1024,
  maxBufferedEvents: 1000,
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
};
