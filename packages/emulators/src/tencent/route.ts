/** The shape of one Tencent REST command implementation. */
import type { RateRule } from "../framework/index.js";
import type { BeforeSendKind, BeforeSendVerdict } from "./before-send.js";
import type { TencentCallbacks } from "./callbacks.js";
import { type ServiceCodes, TimError } from "./errors.js";
import type { Fields, Json } from "./fields.js";
import type { Account, AppState } from "./state.js";

export interface RouteContext {
  app: AppState;
  /** The request body, read with the route's service codes. */
  f: Fields;
  /** The URL's query (sdkappid, identifier, ... and command parameters such as nettype). */
  query: URLSearchParams;
  /** Emulated time of the request: ms and unix seconds. */
  nowMs: number;
  now: number;
  /** The admin `identifier` that called. */
  admin: string;
  callbacks: TencentCallbacks;
  /** Origin of the download host that serves files (history logs), e.g. http://127.0.0.1:port. */
  downloadOrigin: string;
  /**
   * The before-send callback for this message (before-send.ts): the verdict, or the
   * sender's TimError when the app's server refuses it.
   */
  beforeSend(kind: BeforeSendKind, body: Json): Promise<BeforeSendVerdict>;
  /**
   * Spend from an extra rate bucket (e.g. recipients per minute); throws 60007 when over.
   * Scope "route" (default) counts per route key, "app" is shared by routes naming it.
   * `code` replaces 60007 where the vendor documents its own (e.g. 10049 for attributes).
   */
  limit(
    bucket: string,
    rules: RateRule[],
    cost: number,
    scope?: "route" | "app",
    code?: number,
  ): void;
}

/** Success fields beyond the base envelope. */
export type RouteResult = Json | undefined;

export interface RouteDef {
  codes: ServiceCodes;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
  /** Per-API rate rules; default 200 calls/s (§2.6). */
  rules?: RateRule[];
}

export type RouteTable = Record<string, RouteDef>;

export const DEFAULT_RULES: RateRule[] = [{ limit: 200, window: "second" }];

/** The account, or the given error when it was never imported (or was deleted). */
export function account(app: AppState, id: string, code: number, what = "account"): Account {
  const a = app.accounts.get(id);
  if (!a) throw new TimError(code, `${what} ${id} is not imported`);
  return a;
}

/** The `*.CallbackAfterSendMsg` callback, unless the request's ForbidCallbackControl forbids it. */
export function afterSendCallback(ctx: RouteContext, command: string, body: Json): void {
  const forbid = ctx.f.raw.ForbidCallbackControl;
  if (Array.isArray(forbid) && forbid.includes("ForbidAfterSendMsgCallback")) return;
  ctx.callbacks.send(ctx.app, command, body);
}
