/**
 * The ZEGOCLOUD emulator: ZIM (In-app Chat) and RTC room server APIs on one port.
 * Flow per request: product (Host / Action) → Action → common params + signature →
 * business params (GET query / POST JSON) → rate limits → Action → envelope.
 */
import type { IncomingHttpHeaders } from "node:http";
import {
  type ClientSessionInput,
  ControlError,
  definedFields,
  type EmulatorContext,
  type FaultSpec,
  type RunningEmulator,
  SHARED_OPTIONS,
  startEmulator,
  type VendorAnswer,
  type VendorEmulator,
  type VendorRequest,
} from "../framework/index.js";
import { findAction, productOfAction } from "./actions/index.js";
import type { ActionContext } from "./actions/types.js";
import { authenticate, type ProductChoice, productOf } from "./auth.js";
import { ZegoCallbacks } from "./callbacks.js";
import { CLIENT_SEND_PATH, clientError, clientSend } from "./client-send.js";
import { envelope, type Product, RequestIds } from "./envelope.js";
import { GATEWAY, ZegoError } from "./errors.js";
import {
  type ResolvedApp,
  resolveApp,
  ZEGO_CALLBACK_RETRY,
  type ZegoEmulatorOptions,
} from "./options.js";
import { type ParamCodes, Params, RTC_PARAM_CODES, ZIM_PARAM_CODES } from "./params.js";
import { PreSendAsker } from "./pre-send.js";
import { seed } from "./seed.js";
import { login, logout } from "./sessions.js";
import { AppState } from "./state.js";

/** Loopback callers have no product Host; the framework passes the raw request (with headers) at runtime. */
type RouteInput = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers?: IncomingHttpHeaders;
};

export interface ZegoVendorOptions {
  product: ProductChoice;
  windowSeconds: number;
  requireLoginToken: boolean;
}

export class ZegoVendor implements VendorEmulator {
  readonly vendor = "zego";
  private readonly configs = new Map<number, ResolvedApp>();
  private readonly apps = new Map<number, AppState>();
  private readonly ids = new RequestIds();
  private readonly callbacks: ZegoCallbacks;
  private readonly asker: PreSendAsker;

  constructor(
    private readonly ctx: EmulatorContext,
    apps: ResolvedApp[],
    private readonly options: ZegoVendorOptions,
  ) {
    this.callbacks = new ZegoCallbacks(ctx.callbacks, ctx.clock);
    this.asker = new PreSendAsker(this.callbacks);
    for (const app of apps) {
      if (this.configs.has(app.appId)) throw new TypeError(`duplicate appId ${app.appId}`);
      this.configs.set(app.appId, app);
      this.apps.set(app.appId, new AppState(app, ctx.clock.now()));
    }
  }

  private product(req: RouteInput): Product | "bad-host" {
    return productOf(
      req.headers,
      productOfAction(req.query.get("Action") ?? ""),
      this.options.product,
    );
  }

  /** `zim:<Action>` / `rtc:<Action>`; the simulated client send is `zim-client:SendMessage`. */
  routeKey(req: RouteInput): string {
    if (req.path === CLIENT_SEND_PATH) return "zim-client:SendMessage";
    const product = this.product(req);
    return `${product === "bad-host" ? "zim" : product}:${req.query.get("Action") ?? ""}`;
  }

  private productOfKey(routeKey: string): Product {
    return routeKey.startsWith("rtc:") ? "rtc" : "zim";
  }

  handle(req: VendorRequest): VendorAnswer | Promise<VendorAnswer> {
    if (req.path === CLIENT_SEND_PATH) return this.clientSend(req);
    const rid = this.ids.next(req.receivedAt);
    const product = this.product(req);
    const answerAs = product === "bad-host" ? this.productOfKey(req.routeKey) : product;
    const fail = (code: number, message: string, app?: string) =>
      envelope(answerAs, rid, code, message, undefined, app);
    if (product === "bad-host") return fail(GATEWAY.hostWrong, "Host header wrong");
    const action = req.query.get("Action") ?? "";
    if (action === "") return fail(GATEWAY.actionMissing, "Action is missing");
    const def = findAction(product, action);
    if (!def) return fail(GATEWAY.actionUnsupported, `Action ${action} is not supported`);

    const secretFor = (id: number) => this.configs.get(id)?.serverSecret;
    const auth = authenticate(req.query, secretFor, req.receivedAt, this.options.windowSeconds);
    if (!auth.ok) return fail(auth.code, auth.message);
    const app = this.apps.get(auth.appId) as AppState;
    if (!app.config.services.has(product)) {
      return fail(GATEWAY.serviceDisabled, `the app has no ${product} service`, app.key);
    }
    const p = readParams(req, product === "zim" ? ZIM_PARAM_CODES : RTC_PARAM_CODES);
    // An unreadable body is a gateway failure (100000012) rather than 660000002 (unverified).
    if (!p) return fail(GATEWAY.bodyUnreadable, "HTTP body is not a JSON object", app.key);

    const now = req.receivedAt;
    const limits = this.ctx.limits;
    const actx: ActionContext = {
      app,
      p,
      now,
      callbacks: this.callbacks,
      limit(scope, rules, code, cost = 1) {
        if (!limits.consume(app.key, `${req.routeKey}#${scope}`, rules, cost, now).ok) {
          throw new ZegoError(code, "call frequency over the group- or room-level limit");
        }
      },
      throttle(scope, everyMs, code) {
        if (!limits.enabled) return;
        const key = `${req.routeKey}#${scope}`;
        const last = app.throttles.get(key);
        if (last !== undefined && now - last < everyMs) {
          throw new ZegoError(code, "call frequency over the room-level limit");
        }
        app.throttles.set(key, now);
      },
    };
    try {
      if (def.rate) {
        const cost = def.rate.cost?.(p) ?? 1;
        if (!limits.consume(app.key, req.routeKey, def.rate.rules, cost, now).ok) {
          throw new ZegoError(def.rate.code, "call frequency over the limit");
        }
      }
      return envelope(product, rid, 0, "success", def.handle(actx), app.key);
    } catch (err) {
      if (!(err instanceof ZegoError)) throw err;
      return envelope(product, rid, err.code, err.message, err.extra, app.key);
    }
  }

  /** A client-SDK send (client-send.ts): JSON in, the SDK's result out. */
  private async clientSend(req: VendorRequest): Promise<VendorAnswer> {
    const answer = (status: number, value: unknown, app?: AppState): VendorAnswer => ({
      status,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(value),
      ...(app ? { app: app.key } : {}),
    });
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody);
    } catch {
      return answer(400, { code: 6000001, message: "the body is not JSON" });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return answer(400, { code: 6000001, message: "the body is not a JSON object" });
    const fields = body as Record<string, unknown>;
    let app: AppState;
    try {
      app = this.appOf({ app: fields.AppId });
    } catch (err) {
      const status = err instanceof ControlError ? err.status : 400;
      return answer(status, { code: 6000003, message: (err as Error).message });
    }
    const deps = {
      app,
      callbacks: this.callbacks,
      asker: this.asker,
      now: () => this.ctx.clock.now(),
    };
    try {
      return answer(200, await clientSend(deps, new Params(fields, false, ZIM_PARAM_CODES)), app);
    } catch (err) {
      if (!(err instanceof ZegoError)) throw err;
      return answer(200, clientError(err), app);
    }
  }

  close(): void {
    this.asker.close();
  }

  faultAnswer(fault: FaultSpec, req: VendorRequest): VendorAnswer {
    const code =
      typeof fault.code === "string" && /^-?\d+$/.test(fault.code)
        ? Number(fault.code)
        : fault.code;
    return envelope(
      this.productOfKey(req.routeKey),
      this.ids.next(req.receivedAt),
      code as number,
      fault.message ?? "injected fault",
      undefined,
      undefined,
      fault.status ?? 200,
    );
  }

  bodyTooLarge(req: VendorRequest): VendorAnswer {
    const rid = this.ids.next(req.receivedAt);
    return envelope(
      this.productOfKey(req.routeKey),
      rid,
      GATEWAY.bodyUnreadable,
      "HTTP body too large",
      undefined,
    );
  }

  private appOf(input: Record<string, unknown> | undefined): AppState {
    const key = input?.app;
    if (key === undefined || key === null || key === "") {
      if (this.apps.size === 1) return this.apps.values().next().value as AppState;
      throw new ControlError(400, "app (the AppId) is required when several apps are configured");
    }
    const app = this.apps.get(Number(key));
    if (!app) throw new ControlError(404, `unknown app ${String(key)}`);
    return app;
  }

  reset(app?: string): void {
    for (const [id, config] of this.configs) {
      if (app === undefined || String(id) === app)
        this.apps.set(id, new AppState(config, this.ctx.clock.now()));
    }
  }

  seed(data: unknown): unknown {
    if (typeof data !== "object" || data === null)
      throw new ControlError(400, "seed data must be an object");
    const input = data as Record<string, unknown>;
    return seed(this.appOf(input), input, this.ctx.clock.now());
  }

  state(app?: string): unknown {
    if (app !== undefined) return this.appOf({ app }).dump();
    return { apps: Object.fromEntries([...this.apps].map(([id, a]) => [String(id), a.dump()])) };
  }

  login(input: ClientSessionInput): unknown {
    const app = this.appOf(input);
    return login(app, this.callbacks, input, this.ctx.clock.now(), this.options.requireLoginToken);
  }

  logout(input: ClientSessionInput): unknown {
    return logout(this.appOf(input), this.callbacks, input, this.ctx.clock.now());
  }
}

/**
 * Business parameters: the JSON body of a POST, else (GET, or a POST without a body:
 * tolerant, unverified) the query string. undefined = the body is not a JSON object.
 */
function readParams(req: VendorRequest, codes: ParamCodes): Params | undefined {
  if (req.method !== "POST" || req.rawBody.trim() === "") return Params.query(req.query, codes);
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  return new Params(body as Record<string, unknown>, false, codes);
}

export async function startZegoEmulator(options: ZegoEmulatorOptions): Promise<RunningEmulator> {
  if (!Array.isArray(options.apps) || options.apps.length === 0)
    throw new TypeError("at least one app is required");
  const apps = options.apps.map(resolveApp);
  const vendorOptions: ZegoVendorOptions = {
    product: options.product ?? "auto",
    windowSeconds: options.signatureWindowSeconds ?? 600,
    requireLoginToken: options.requireLoginToken ?? false,
  };
  return startEmulator((ctx) => new ZegoVendor(ctx, apps, vendorOptions), {
    ...definedFields(options, SHARED_OPTIONS),
    callbackRetry: { ...ZEGO_CALLBACK_RETRY, ...options.callbackRetry },
  });
}
