/** The shape of one ZEGO Action implementation. */
import type { RateRule } from "../../framework/index.js";
import type { ZegoCallbacks } from "../callbacks.js";
import type { Product } from "../envelope.js";
import { ZIM } from "../errors.js";
import type { Params } from "../params.js";
import type { AppState } from "../state.js";

export interface ActionContext {
  app: AppState;
  p: Params;
  /** Emulated time of the request, ms. */
  now: number;
  callbacks: ZegoCallbacks;
  /**
   * Spend a scoped limit (per group, per room: zego.md §1.10) under this Action's route key;
   * throws ZegoError(code) when exceeded.
   */
  limit(scope: string, rules: RateRule[], code: number, cost?: number): void;
  /** At most one call per `everyMs` for this scope (windows the framework cannot express). */
  throttle(scope: string, everyMs: number, code: number): void;
}

/** Success fields (ZIM: top level; RTC: under Data); undefined = the bare envelope. */
export type ActionResult = Record<string, unknown> | undefined;

export interface ActionRate {
  rules: RateRule[];
  code: number;
  cost?: (p: Params) => number;
}

export interface ActionDef {
  product: Product;
  /** The documented method (§2.1, §4); the other one is accepted too (unverified, tolerant). */
  method: "GET" | "POST";
  /** App-level limit, checked right after authentication. */
  rate?: ActionRate;
  handle(ctx: ActionContext): ActionResult;
}

export type ActionTable = Record<string, ActionDef>;

export const perSecond = (limit: number): RateRule[] => [{ limit, window: "second" }];

/** `limit` ZIM calls per second per app, refused with `code`. */
export const zimRate = (limit: number, code: number = ZIM.appRate): ActionRate => ({
  rules: perSecond(limit),
  code,
});

/** The app-level limit of most ZIM Actions: 20 calls per second (zego.md §1.10). */
export const APP_20 = zimRate(20);

/** A ZIM Action; its app-level limit is APP_20 unless another one is given. */
export function zimAction(
  method: ActionDef["method"],
  handle: ActionDef["handle"],
  rate: ActionRate = APP_20,
): ActionDef {
  return { product: "zim", method, rate, handle };
}
