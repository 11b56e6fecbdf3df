import {
  type CallOptions,
  type Handler,
  type IdCodec,
  type ItemResult,
  itemOk,
  type OperationName,
  type QueryParams,
  runIdBatches,
  type VendorClient,
} from "@imgraph/core";
import type { RongCloudRegion } from "./options.js";

/** What every operation needs: the signed client, the id codec and the app's identity. */
export interface RongCloudContext {
  client: VendorClient;
  ids: IdCodec;
  /** The gateway's id for the app (message ids are bound to it). */
  appId: string;
  /** The console app key (clients log in with it and their token). */
  appKey: string;
  region: RongCloudRegion;
  concurrency: number;
  /** Products enabled for the app key (options.features, defaults applied). */
  features: {
    history: boolean;
    broadcast: boolean;
    historyLog: boolean;
    hostedGroups: boolean;
    chatroomAttributes: boolean;
    chatroomKeepAlive: boolean;
    chatroomBroadcast: boolean;
  };
  /** Messages are sent with `expansion=true` and extensions are on (options.messageExtensions). */
  messageExtensions: boolean;
  /** Who admins' live room attribute changes are recorded as (options.operatorUserId). */
  operatorUserId: string | undefined;
}

/** One neutral operation's handler for this vendor (its input and answer come from the operation table). */
export type Op<N extends OperationName> = Handler<RongCloudContext, N>;

/** A form-encoded POST (RongCloud's default). */
export function post<T>(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  fields: QueryParams,
  options: CallOptions | undefined,
  idempotent: boolean,
): Promise<T> {
  return ctx.client.call({
    operation,
    path,
    body: { type: "form", fields },
    idempotent,
    ...callOptions(options),
  }) as Promise<T>;
}

/**
 * One form call per chunk of user ids (`userId` repeated), every id of a chunk answered
 * by that call's outcome: RongCloud's ban, mute and membership endpoints all work so.
 */
export function forEachUserChunk(
  ctx: RongCloudContext,
  call: { operation: string; path: string; size: number; fields: QueryParams },
  userIds: string[],
  options: CallOptions | undefined,
): Promise<ItemResult<true>[]> {
  return runIdBatches(ctx, userIds, call.size, async (chunk) => {
    await post(ctx, call.operation, call.path, { ...call.fields, userId: chunk }, options, true);
    return chunk.map((id) => itemOk(id, true as const));
  });
}

/** A JSON POST (history queries; pushes, which are not `idempotent`: never resent). */
export function postJson<T>(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  value: unknown,
  options: CallOptions | undefined,
  idempotent = true,
): Promise<T> {
  return ctx.client.call({
    operation,
    path,
    body: { type: "json", value },
    idempotent,
    ...callOptions(options),
  }) as Promise<T>;
}

function callOptions(options: CallOptions | undefined) {
  return {
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  };
}
