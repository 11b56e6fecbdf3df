import type { CallOptions, ImAdapter } from "@imgraph/core";
import type { Logger } from "pino";
import type { AppRegistry } from "./apps.js";
import { policy } from "./auth/policy.js";
import type { Viewer } from "./auth/viewer.js";
import { Loaders } from "./loaders.js";
import type { PubSub } from "./realtime/pubsub.js";
import type { RealtimeServices } from "./realtime/services.js";

/** Everything a resolver needs for one request. */
export interface GatewayContext {
  viewer: Viewer;
  apps: AppRegistry;
  requestId: string;
  /** Aborts when the request's deadline passes or the client goes away. */
  signal: AbortSignal;
  loaders: Loaders;
  log: Logger;
  /**
   * Filled in while the request runs (operation name, error codes) for the request log.
   * An object of its own so it survives Apollo's shallow copies of the context.
   */
  meta: RequestMeta;
  /** Present on graphql-ws operations: what the `events` subscription listens to. */
  realtime?: RealtimeServices;
  /** Where the events of writes made through the gateway go (see realtime/write-events.ts). */
  events?: PubSub;
}

export interface RequestMeta {
  operationName: string | null;
  operationType: string | null;
  errorCodes: string[];
}

export function createContext(
  input: Omit<GatewayContext, "loaders" | "meta"> & { meta?: RequestMeta },
): GatewayContext {
  const context = {
    ...input,
    meta: input.meta ?? { operationName: null, operationType: null, errorCodes: [] },
  } as GatewayContext;
  context.loaders = new Loaders(() => callOptions(context), input.apps.reads, input.apps.cache);
  return context;
}

/** Per-call options handed to every adapter call of this request. */
export function callOptions(ctx: Pick<GatewayContext, "requestId" | "signal">): CallOptions {
  return { requestId: ctx.requestId, signal: ctx.signal };
}

/** The app a field names (or the default), after checking the caller may use it. */
export function appFor(ctx: GatewayContext, appId: string | null | undefined): ImAdapter {
  const adapter = ctx.apps.get(appId);
  policy.authenticated(ctx.viewer, adapter.info.id);
  return adapter;
}
