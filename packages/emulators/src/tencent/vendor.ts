/** The Tencent Cloud Chat vendor plugged into the emulator framework. */
import type {
  ClientSessionInput,
  EmulatorContext,
  FaultSpec,
  RateRule,
  VendorAnswer,
  VendorEmulator,
  VendorRequest,
} from "../framework/index.js";
import { authenticate } from "./auth.js";
import { askBeforeSend, BEFORE_SEND_TIMEOUT_MS } from "./before-send.js";
import { TencentCallbacks } from "./callbacks.js";
import { contactGroupDump } from "./contact-groups.js";
import { login, logout, seed } from "./control.js";
import { conversationDump } from "./conversation-control.js";
import { failAnswer, JSON_HEADERS, okAnswer } from "./envelope.js";
import { TimError } from "./errors.js";
import { badAccountField, Fields, isObject, type Json } from "./fields.js";
import { findDownload } from "./history-file.js";
import { readReceiptDump } from "./lifecycle-control.js";
import { liveRoomDump } from "./live-rooms.js";
import { type ResolvedApp, resolveApp, type TencentEmulatorOptions } from "./options.js";
import { DEFAULT_RULES } from "./route.js";
import { ROUTES } from "./routes.js";
import { type AppState, createAppState, dumpState } from "./state.js";
import { quoteUint64 } from "./uint64.js";

const V4_PATH = /^\/v4\/([^/]+)\/([^/]+)$/;

export class TencentVendor implements VendorEmulator {
  readonly vendor = "tencent";
  private readonly configs: ResolvedApp[];
  private readonly apps = new Map<number, AppState>();
  private readonly callbacks: TencentCallbacks;
  private readonly beforeSendTimeoutMs: number;

  constructor(
    private readonly ctx: EmulatorContext,
    options: TencentEmulatorOptions,
    /** Where history log files are downloaded from (framework/download-host.ts). */
    private readonly downloadOrigin = "",
  ) {
    this.configs = options.apps.map(resolveApp);
    this.callbacks = new TencentCallbacks(ctx.callbacks, ctx.clock);
    this.beforeSendTimeoutMs = options.beforeSendTimeoutMs ?? BEFORE_SEND_TIMEOUT_MS;
    this.reset();
  }

  routeKey(req: { path: string }): string {
    const m = V4_PATH.exec(req.path);
    return m ? `v4/${m[1]}/${m[2]}` : req.path;
  }

  async handle(req: VendorRequest): Promise<VendorAnswer> {
    const key = req.routeKey;
    const appId = req.query.get("sdkappid") ?? undefined;
    try {
      const route = ROUTES[key];
      if (!route) throw new TimError(60009, `unknown REST path ${req.path}`);
      if (req.method !== "POST") throw new TimError(60002, "only POST is supported");
      const { app, admin } = authenticate(req.query, this.apps, req.receivedAt);
      const appKey = String(app.config.sdkAppId);
      const spend = (bucket: string, rules: RateRule[], cost: number, code = 60007) => {
        const d = this.ctx.limits.consume(appKey, bucket, rules, cost, req.receivedAt);
        if (!d.ok) throw new TimError(code, "REST API call frequency over limit");
      };
      spend(key, route.rules ?? DEFAULT_RULES, 1);
      const body = parseBody(req.rawBody);
      const badField = badAccountField(body);
      if (badField) throw new TimError(60015, `${badField} must be a string account`);
      const result = await route.handle({
        app,
        f: new Fields(body, route.codes),
        query: req.query,
        nowMs: req.receivedAt,
        now: Math.floor(req.receivedAt / 1000),
        admin,
        callbacks: this.callbacks,
        downloadOrigin: this.downloadOrigin,
        beforeSend: (kind, body) =>
          askBeforeSend(app, kind, body, {
            timeoutMs: this.beforeSendTimeoutMs,
            now: this.ctx.clock.now(),
          }),
        limit: (bucket, rules, cost, scope = "route", code) =>
          spend(scope === "app" ? `#${bucket}` : `${key}#${bucket}`, rules, cost, code),
      });
      return okAnswer(key, result, appKey);
    } catch (err) {
      if (err instanceof TimError) return failAnswer(key, err.code, err.message, appId);
      throw err;
    }
  }

  faultAnswer(fault: FaultSpec, req: VendorRequest): VendorAnswer {
    const code = Number(fault.code);
    return failAnswer(
      req.routeKey,
      Number.isInteger(code) ? code : 70500,
      fault.message ?? "injected fault",
      req.query.get("sdkappid") ?? undefined,
      fault.status ?? 200,
    );
  }

  bodyTooLarge(req: VendorRequest): VendorAnswer {
    // Message commands say 93000 (JSON package too long); others a body parse error, 60003.
    const msg = /^v4\/(openim|all_member_push|timpush)\/|send_group_msg$/.test(req.routeKey);
    return failAnswer(
      req.routeKey,
      msg ? 93000 : 60003,
      "request body is too large",
      req.query.get("sdkappid") ?? undefined,
    );
  }

  baseHeaders(): Record<string, string> {
    return { ...JSON_HEADERS };
  }

  reset(app?: string): void {
    const now = Math.floor(this.ctx.clock.now() / 1000);
    for (const config of this.configs) {
      if (app === undefined || String(config.sdkAppId) === app) {
        this.apps.set(config.sdkAppId, createAppState(config, now));
      }
    }
  }

  seed(data: unknown): unknown {
    return seed(this.apps, this.callbacks, data, Math.floor(this.ctx.clock.now() / 1000));
  }

  state(app?: string): unknown {
    const now = Math.floor(this.ctx.clock.now() / 1000);
    const dump = (s: AppState) => ({
      ...dumpState(s),
      ...conversationDump(s, now),
      ...readReceiptDump(s),
      ...contactGroupDump(s),
      ...liveRoomDump(s, now),
    });
    if (app !== undefined) {
      const s = this.apps.get(Number(app));
      return s ? dump(s) : {};
    }
    return { apps: [...this.apps.values()].map(dump) };
  }

  login(input: ClientSessionInput): unknown {
    return login(this.apps, this.callbacks, input, this.ctx.clock.now());
  }

  logout(input: ClientSessionInput): unknown {
    return logout(this.apps, this.callbacks, input);
  }

  /** A history log file's bytes by its download path `/<SdkAppId>/<ChatType>/<MsgTime>/<token>.gz`. */
  download(path: string): Buffer | undefined {
    const m = /^\/(\d+)\/((?:C2C|Group)\/\d{10})\/([0-9a-f-]+)\.gz$/.exec(path);
    const app = m ? this.apps.get(Number(m[1])) : undefined;
    if (!m || !app) return undefined;
    return findDownload(app, m[2] ?? "", m[3] ?? "", this.ctx.clock.now());
  }
}

/** The body must be a JSON object; `{}` when there are no fields (§2.1, §5 row 14). */
function parseBody(raw: string): Json {
  if (raw.trim() === "")
    throw new TimError(60003, "request body is empty; send {} when there are no fields");
  let body: unknown;
  try {
    body = JSON.parse(quoteUint64(raw));
  } catch {
    throw new TimError(60003, "request body is not valid JSON");
  }
  if (!isObject(body)) throw new TimError(60003, "request body must be a JSON object");
  return body;
}
