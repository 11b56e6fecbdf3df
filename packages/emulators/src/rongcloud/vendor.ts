/**
 * The RongCloud server emulated behind the framework: checks in the order of
 * rongcloud.md §5 — path (404), method, authentication (401), service enabled (430),
 * body, rate limit (429), then the endpoint's own validation and state.
 */
import { randomUUID } from "node:crypto";
import { verifyRongCloudRequest } from "@imgraph/signing";
import {
  ControlError,
  type EmulatorContext,
  type FaultSpec,
  type VendorAnswer,
  type VendorEmulator,
  type VendorRequest,
} from "../framework/index.js";
import { RongCloudCallbacks } from "./callbacks.js";
import { type ChatroomView, chatroomView, sweepChatrooms } from "./chatroom-state.js";
import {
  type ConversationRef,
  type ConversationStateView,
  conversationState,
} from "./conversation-state.js";
import { conversationTagsView, type TaggedConversation } from "./conversation-tags.js";
import { noPostData, notEnabled, RcError } from "./errors.js";
import { findHistoryLogFile } from "./history-log-file.js";
import { type ResolvedAppConfig, type RongCloudEmulatorOptions, resolveApp } from "./options.js";
import { Params } from "./params.js";
import { DEFAULT_LIMIT, type RouteTable } from "./route.js";
import { routes as defaultRoutes } from "./routes/index.js";
import { applySeed, type RongCloudSeed } from "./seed.js";
import { type LoginInput, type LogoutInput, login, logout } from "./sessions.js";
import {
  type AppState,
  createAppState,
  dumpState,
  type PushRecord,
  type StoredMessage,
} from "./state.js";

/** HTTP status of each business code (rongcloud.md §1.5–1.6), for injected vendor errors. */
const STATUS_OF_CODE: Record<number, number> = {
  200: 200,
  400: 400,
  404: 404,
  1000: 500,
  1001: 401,
  1002: 400,
  1003: 400,
  1004: 401,
  1005: 400,
  1006: 401,
  1007: 401,
  1008: 429,
  1009: 430,
  1015: 200,
  1016: 403,
  1050: 504,
  1508: 413,
  2007: 403,
};

export class RongCloudVendor implements VendorEmulator {
  readonly vendor = "rongcloud";
  private readonly configs: ResolvedAppConfig[];
  private readonly apps = new Map<string, AppState>();
  private readonly callbacks: RongCloudCallbacks;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly options: RongCloudEmulatorOptions,
    private readonly routes: RouteTable = defaultRoutes,
    /** Where history log files are downloaded from (framework/download-host.ts). */
    private readonly downloadOrigin = "",
  ) {
    this.configs = options.apps.map(resolveApp);
    if (this.configs.length === 0)
      throw new TypeError("the RongCloud emulator needs at least one app");
    for (const c of this.configs) this.apps.set(c.appKey, createAppState(c));
    this.callbacks = new RongCloudCallbacks(ctx.callbacks, ctx.clock);
  }

  routeKey(req: { path: string }): string {
    return req.path;
  }

  async handle(req: VendorRequest): Promise<VendorAnswer> {
    let appKey: string | undefined;
    try {
      const route = this.routes[req.path];
      if (!route) throw new RcError(404, 404, `no such endpoint: ${req.path}`);
      // The API is POST-only (§1.2) but for a few reads; answering 405 is unverified.
      const viaQuery = route.get === true && req.method === "GET";
      if (req.method !== "POST" && !viaQuery)
        throw new RcError(405, 405, `method ${req.method} not allowed, use POST`);

      const auth = verifyRongCloudRequest(
        req.headers,
        (key) => this.apps.get(key)?.config.appSecret,
        {
          now: req.receivedAt,
          ...(this.options.timestampWindowSeconds !== undefined
            ? { maxSkewSeconds: this.options.timestampWindowSeconds }
            : {}),
        },
      );
      // Missing/unknown App-Key: 1004 like a bad signature (1001 vs 1004 is unverified).
      if (!auth.ok) throw new RcError(401, 1004, `signature verification failed: ${auth.message}`);
      appKey = auth.value.appKey;
      const app = this.apps.get(appKey) as AppState;

      if (route.feature && !app.config.features[route.feature]) throw notEnabled(route.feature);
      if (route.devOnly && !app.config.devEnvironment)
        throw notEnabled(`${req.path} (development environment only)`);

      const p = viaQuery
        ? Params.form(req.query.toString())
        : route.json
          ? Params.json(req.rawBody)
          : Params.form(req.rawBody);
      // A GET has no body: its missing parameters are 1002 like any other.
      if (p.isEmpty && !route.emptyOk && !viaQuery) throw noPostData();

      const { rules, cost } = route.limit
        ? route.limit(p, app.config)
        : { rules: DEFAULT_LIMIT, cost: 1 };
      const decision = this.ctx.limits.consume(
        appKey,
        route.rateKey ?? req.routeKey,
        rules,
        cost,
        req.receivedAt,
      );
      if (!decision.ok) {
        throw new RcError(
          429,
          1008,
          `rate limit exceeded: ${decision.rule.limit} per ${decision.rule.window}`,
        );
      }

      const result = await route.handle({
        app,
        p,
        now: req.receivedAt,
        callbacks: this.callbacks,
        later: (job) => this.later(job),
        preSendTimeoutMs: this.options.preSendTimeoutMs ?? 3000,
        downloadOrigin: this.downloadOrigin,
      });
      return this.answer(req, 200, { code: 200, ...result }, appKey);
    } catch (err) {
      if (err instanceof RcError)
        return this.answer(
          req,
          err.status,
          { code: err.code, errorMessage: err.message, ...err.fields },
          appKey,
        );
      return this.answer(
        req,
        500,
        { code: 1000, errorMessage: `internal error: ${(err as Error).message}` },
        appKey,
      );
    }
  }

  faultAnswer(fault: FaultSpec, req: VendorRequest): VendorAnswer {
    const code = Number(fault.code);
    const status = fault.status ?? STATUS_OF_CODE[code] ?? 400;
    return this.answer(req, status, {
      code,
      errorMessage: fault.message ?? `injected error ${code}`,
    });
  }

  /** 1508 "HTTP body too large" comes from the 2019 table; its HTTP status is unverified. */
  bodyTooLarge(req: VendorRequest): VendorAnswer {
    return this.answer(req, 413, { code: 1508, errorMessage: "HTTP body too large" });
  }

  baseHeaders(req: VendorRequest): Record<string, string> {
    return { "X-Request-ID": requestId(req) };
  }

  private answer(
    req: VendorRequest,
    status: number,
    body: Record<string, unknown>,
    app?: string,
  ): VendorAnswer {
    return {
      status,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "X-Request-ID": requestId(req),
      },
      body: JSON.stringify(body),
      ...(app !== undefined ? { app } : {}),
    };
  }

  private later(job: (now: number) => void): void {
    this.ctx.jobs.schedule(() => job(this.ctx.clock.now()), this.options.asyncDelayMs ?? 0);
  }

  private app(key: unknown): AppState {
    const k = key === undefined ? this.configs[0]?.appKey : key;
    const app = typeof k === "string" ? this.apps.get(k) : undefined;
    if (!app) throw new ControlError(404, `unknown app: ${String(k)}`);
    return app;
  }

  reset(appKey?: string): void {
    for (const c of this.configs) {
      if (appKey === undefined || c.appKey === appKey) this.apps.set(c.appKey, createAppState(c));
    }
  }

  seed(data: unknown) {
    const seed = (data ?? {}) as RongCloudSeed;
    return applySeed(this.app(seed.app), seed, this.ctx.clock.now());
  }

  state(appKey?: string): unknown {
    const now = this.ctx.clock.now();
    if (appKey !== undefined) return dumpState(this.app(appKey), now);
    return { apps: Object.fromEntries([...this.apps].map(([k, a]) => [k, dumpState(a, now)])) };
  }

  /** `{app?, userId, token?, os?, clientIp?, sessionId?, chatroomId?}` */
  login(input: Record<string, unknown>) {
    const app = this.app(input.app ?? input.appKey);
    const now = this.ctx.clock.now();
    sweepChatrooms(app, now, this.callbacks);
    return login(app, input as unknown as LoginInput, now, this.callbacks);
  }

  /** `{app?, userId, sessionId?, chatroomId?, status?: "1" | "2"}` */
  logout(input: Record<string, unknown>) {
    const app = this.app(input.app ?? input.appKey);
    return logout(app, input as unknown as LogoutInput, this.ctx.clock.now(), this.callbacks);
  }

  /** One user's view of one conversation (control API; see conversation-state.ts). */
  conversationState(input: ConversationQuery): ConversationStateView | null {
    const { userId, ...conversation } = input;
    return conversationState(this.app(input.app), userId, conversation);
  }

  /** One user's conversation tags with the conversations each carries (control API). */
  conversationTags(input: { app?: string; userId: string }): ConversationTagView[] {
    return conversationTagsView(this.app(input.app), input.userId);
  }

  /** A chatroom's members, keep-alive and delivered messages (control API); null when absent. */
  chatroomView(input: { app?: string; chatroomId: string }): ChatroomView | null {
    const app = this.app(input.app);
    const now = this.ctx.clock.now();
    sweepChatrooms(app, now, this.callbacks);
    return chatroomView(app, input.chatroomId);
  }

  /** A stored message as it is now (after modifications); null when unknown. */
  /** What moderation kept from recipients and each message callback's outcome (#18). */
  moderation(input: { app?: string }): Pick<AppState, "moderated" | "preSendLog"> {
    const app = this.app(input.app);
    return { moderated: [...app.moderated], preSendLog: [...app.preSendLog] };
  }

  /** The push notifications the app's server accepted, oldest first (control API). */
  pushes(input: { app?: string }): PushRecord[] {
    return structuredClone(this.app(input.app).pushes);
  }

  storedMessage(input: { app?: string; msgUID: string }): StoredMessage | null {
    const msg = this.app(input.app).messages.get(input.msgUID);
    return msg ? structuredClone(msg) : null;
  }

  /** A history log file's bytes by its download path `/<appKey>/<date>/<id>.zip`. */
  download(path: string): Buffer | undefined {
    const m = /^\/([^/]+)\/(\d{10})\/([0-9a-f-]+)\.zip$/.exec(path);
    const app = m ? this.apps.get(safeDecode(m[1] ?? "")) : undefined;
    if (!m || !app) return undefined;
    return findHistoryLogFile(app, m[2] ?? "", m[3] ?? "", this.ctx.clock.now())?.bytes;
  }
}

/** One conversation tag of a user as the control API reports it. */
export interface ConversationTagView {
  tagId: string;
  tagName: string;
  conversations: TaggedConversation[];
}

/** Which user and conversation the control API reads (`app`: default the first app). */
export interface ConversationQuery extends ConversationRef {
  app?: string;
  userId: string;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return "";
  }
}

function requestId(req: VendorRequest): string {
  const given = req.headers["x-request-id"] ?? req.headers["rc-request-id"];
  const value = Array.isArray(given) ? given[0] : given;
  if (value) return value;
  // Generated once per request and remembered, so every answer path uses the same id.
  const cached = (req as VendorRequest & { _rid?: string })._rid;
  if (cached) return cached;
  const id = randomUUID();
  (req as VendorRequest & { _rid?: string })._rid = id;
  return id;
}
