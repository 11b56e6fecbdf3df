import { randomBytes } from "node:crypto";
import type { RunningEmulator } from "@imgraph/emulators";
import type { Logger } from "pino";
import { sha256Hex } from "../auth/authenticate.js";
import { signUserToken } from "../auth/sign.js";
import {
  type AppWebhookConfig,
  type GatewayConfig,
  REALTIME_DEFAULTS,
  type RealtimeConfig,
  SERVER_DEFAULTS,
  type ServerConfig,
} from "../config/types.js";
import { type RunningGateway, startGateway } from "../gateway.js";
import { createLogger } from "../logger.js";
import { demoApps } from "./apps.js";
import { startCallbackRelay } from "./callback-relay.js";
import { enterLiveRoom, prepareDemoEmulator } from "./clients.js";
import { startDemoEmulators } from "./emulators.js";
import { DEMO_QUERY, DEMO_USERS, seedApp } from "./seed.js";

export interface DemoGateway extends RunningGateway {
  /** Admin API key (X-API-Key) for this run. */
  adminKey: string;
  /** A bearer JWT for the demo user `alice`, valid 24 hours. */
  userToken: string;
  /**
   * Signs more demo user tokens; `app` binds one to that app (claim `app`: FORBIDDEN in any
   * other app), `role: "admin"` makes an admin.
   */
  tokenFor(
    userId: string,
    options?: { role?: string; expiresIn?: string; app?: string },
  ): Promise<string>;
  emulators: RunningEmulator[];
  /** Emulated clients of app `app` enter a live room (live rooms are entered from client SDKs). */
  enterLiveRoom(app: string, roomId: string, userIds: string[]): Promise<void>;
  /** Waits until every emulator's pending callbacks reached the gateway. */
  flushCallbacks(): Promise<void>;
}

export interface DemoOptions {
  server?: Partial<ServerConfig>;
  logLevel?: GatewayConfig["logLevel"];
  /** Skip seeding (tests that want empty apps). */
  seed?: boolean;
  /** Log destination (tests); default stdout at `logLevel`. */
  log?: Logger;
  /** Human-readable log lines instead of JSON (the CLI: on a terminal). */
  prettyLogs?: boolean;
  /** Callback guards per demo app id, replacing the demo's own (tests). */
  webhooks?: Record<string, AppWebhookConfig>;
  /** Real-time settings over the defaults (tests: trusted proxies, the TLS listener). */
  realtime?: Partial<RealtimeConfig>;
  /** Serve `GET /metrics` to this bearer token (tests). */
  metricsToken?: string;
  /** The read cache (tests). */
  readCache?: GatewayConfig["readCache"];
  /** Registered operations (tests of trusted documents). */
  trustedDocuments?: GatewayConfig["trustedDocuments"];
}

/**
 * Demo mode: every emulator starts in-process on loopback, one app per vendor is wired to
 * it and seeded, and fresh demo credentials are made for this run. No vendor account, no
 * internet.
 */
export async function startDemo(options: DemoOptions = {}): Promise<DemoGateway> {
  // The emulators' callbacks reach the gateway's /webhooks/<app> through a relay (the
  // gateway's URL is known only after the emulators started).
  const relay = await startCallbackRelay();
  const emulators = await startDemoEmulators(relay.url).catch(async (error: unknown) => {
    await relay.close();
    throw error;
  });
  const adminKey = `imgraph_demo_${randomBytes(18).toString("base64url")}`;
  const env = process.env;
  const server: ServerConfig = {
    ...SERVER_DEFAULTS,
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
    ...(env.HOST ? { host: env.HOST } : {}),
    ...options.server,
  };
  // Kept apart from the config: demo tokens are signed with these settings.
  const jwt = {
    secret: randomBytes(32).toString("base64url"),
    roleClaim: "role",
    adminRoles: ["admin"],
    issuer: "imgraph-demo",
    audience: "imgraph",
  };
  const config: GatewayConfig = {
    server,
    auth: { apiKeys: [{ name: "demo-admin", sha256: sha256Hex(adminKey) }], jwt },
    apps: demoApps(emulators).map((app) =>
      options.webhooks?.[app.id] ? { ...app, webhook: options.webhooks[app.id] } : app,
    ),
    ...(options.realtime ? { realtime: { ...REALTIME_DEFAULTS, ...options.realtime } } : {}),
    defaultApp: emulators[0]?.vendor ?? "rongcloud",
    idSecret: randomBytes(32).toString("base64url"),
    logLevel: options.logLevel ?? "info",
    demo: true,
    ...(options.metricsToken ? { metrics: { token: options.metricsToken } } : {}),
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
    ...(options.readCache ? { readCache: options.readCache } : {}),
  };
  const log =
    options.log ??
    createLogger(config.logLevel, undefined, { pretty: options.prettyLogs === true, sync: true });
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(config, {
      log,
      playground: { headers: { "X-API-Key": adminKey }, query: DEMO_QUERY },
    });
  } catch (error) {
    await Promise.all(emulators.map((e) => e.running.close()));
    await relay.close();
    throw error;
  }
  relay.setTarget(new URL(gateway.url).origin);
  await gateway.webhookGuardReady;
  for (const e of emulators) prepareDemoEmulator(e.running);
  if (options.seed !== false) {
    for (const info of gateway.apps.list()) {
      const emulator = emulators.find((e) => e.vendor === info.vendor)?.running;
      const enter = emulator
        ? (roomId: string, userIds: string[]) => enterLiveRoom(emulator, roomId, userIds)
        : undefined;
      await seedApp(gateway.apps.get(info.id), enter);
    }
    // The seed's callbacks reach the gateway before the demo says it is ready.
    await Promise.all(emulators.map((e) => e.running.flushCallbacks()));
  }
  const tokenFor: DemoGateway["tokenFor"] = (userId, o = {}) =>
    signUserToken(jwt, userId, {
      role: o.role ?? "user",
      expiresIn: o.expiresIn ?? "24h",
      ...(o.app ? { app: o.app } : {}),
    });
  const userToken = await tokenFor(DEMO_USERS[0]?.id ?? "alice");
  return {
    ...gateway,
    adminKey,
    userToken,
    tokenFor,
    emulators: emulators.map((e) => e.running),
    async enterLiveRoom(app, roomId, userIds) {
      const vendor = gateway.apps.get(app).vendor;
      const emulator = emulators.find((e) => e.vendor === vendor)?.running;
      if (!emulator) throw new Error(`no emulator serves app ${app}`);
      await enterLiveRoom(emulator, roomId, userIds);
    },
    async flushCallbacks() {
      await Promise.all(emulators.map((e) => e.running.flushCallbacks()));
    },
    async close() {
      await gateway.close();
      await Promise.all(emulators.map((e) => e.running.close()));
      await relay.close();
    },
  };
}
