/** The shape of one RongCloud endpoint implementation. */
import type { RateRule } from "../framework/index.js";
import type { RongCloudCallbacks } from "./callbacks.js";
import type { ResolvedAppConfig, RongCloudFeatures } from "./options.js";
import { type Params, REF_RULE } from "./params.js";
import type { AppState } from "./state.js";

export interface RouteContext {
  app: AppState;
  p: Params;
  /** Emulated time of the request, ms. */
  now: number;
  callbacks: RongCloudCallbacks;
  /** Run an asynchronous server-side job (e.g. deactivation) after the answer; gets the time. */
  later(job: (now: number) => void): void;
  /** How long the message callback service waits for the app server (#18 §1), ms. */
  preSendTimeoutMs: number;
  /** Origin of the file host that serves history log downloads (a separate host, like RongCloud's). */
  downloadOrigin: string;
}

/** Success fields beyond `code: 200` (undefined = just `{code: 200}`). */
export type RouteResult = Record<string, unknown> | undefined;

export interface RouteDef {
  /** Sends that ask the app server first (message callback) answer later. */
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
  /** JSON-bodied endpoint (rongcloud.md §1.2); default form-encoded. */
  json?: boolean;
  /**
   * A GET endpoint (the 2025 conversation tag and attribute reads): parameters in the query
   * string. A form POST is accepted too (U12).
   */
  get?: boolean;
  /** Separately sold service: 430/1009 when the app does not have it. */
  feature?: keyof RongCloudFeatures;
  /** Only in a development environment (430/1009 otherwise). */
  devOnly?: boolean;
  /** Has no required parameter, so an empty body is fine. */
  emptyOk?: boolean;
  /**
   * The quota the rate rules count in, where endpoints share one (RongCloud counts pushes
   * and broadcasts together); default the endpoint's own path.
   */
  rateKey?: string;
  /** Rate rules and request cost; default 100 requests/s (§1.7). */
  limit?: (p: Params, app: ResolvedAppConfig) => { rules: RateRule[]; cost: number };
}

export type RouteTable = Record<string, RouteDef>;

export const DEFAULT_LIMIT: RateRule[] = [{ limit: 100, window: "second" }];

/** `limit` helper: `perValue(6000, "minute", "toUserId")` costs one per value of the field. */
export function perValue(limit: number, window: RateRule["window"], field: string) {
  return (p: Params) => ({ rules: [{ limit, window }], cost: Math.max(1, p.values(field).length) });
}

/** An endpoint that takes up to 20 `param` ids out of `from(app)`; an id not in it is fine. */
export function deleteEach(
  param: string,
  from: (app: AppState) => { delete(id: string): boolean },
): RouteDef {
  return {
    handle({ app, p }) {
      const ids = p.list(param, { required: true, max: 20, ...REF_RULE });
      const target = from(app);
      for (const id of ids) target.delete(id);
      return undefined;
    },
  };
}
