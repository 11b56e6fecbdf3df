import type {
  CallOptions,
  Handler,
  IdCodec,
  OperationName,
  QueryParams,
  VendorClient,
} from "@imgraph/core";

/** What every operation needs: the two signed clients, the id codec and the app's identity. */
export interface ZegoContext {
  zim: VendorClient;
  rtc: VendorClient;
  ids: IdCodec;
  /** The gateway's id of the app (keys opaque ids). */
  appId: string;
  /** ZEGO's numeric AppID. */
  zegoAppId: number;
  serverSecret: string;
  messageMaxBytes: number;
  extraMaxBytes: number;
  concurrency: number;
  /** SendMessageToAllUsers is on the app's plan (`features.broadcast`). */
  broadcast: boolean;
  /** Read receipts are on the app's plan (`features.readReceipts`): sends ask for receipts. */
  readReceipts: boolean;
  /** Group attributes are on the app's plan (`features.groupAttributes`). */
  groupAttributes: boolean;
  /** Members per group on the app's plan (`groupMemberLimit`). */
  groupMemberLimit: number;
  /**
   * A registered ZIM user named as FromUserId where ZIM wants one and the operation names
   * no actor (`operatorUserId`; QueryRoomAttribute for getLiveRoomAttributes).
   */
  operatorUserId: string | undefined;
}

/** One neutral operation's handler for this vendor (its input and answer come from the operation table). */
export type Op<N extends OperationName> = Handler<ZegoContext, N>;

export interface ZegoCall {
  /** The neutral operation, for errors and logs. */
  operation: string;
  /** The ZEGO Action (query parameter `Action`). */
  action: string;
  /** Each Action's documented method (§2.1, §4). */
  method: "GET" | "POST";
  /** GET: query parameters (arrays under a `Key[]` name); POST: the JSON body. */
  params: Record<string, unknown>;
  /** True when repeating cannot change the outcome (reads, set-like writes). */
  idempotent: boolean;
}

/** One ZIM server API call; answers the top-level result fields. */
export function zim<T>(ctx: ZegoContext, call: ZegoCall, options?: CallOptions): Promise<T> {
  return send<T>(ctx.zim, call, options);
}

/** One RTC server API call; answers `Data`. */
export function rtc<T>(ctx: ZegoContext, call: ZegoCall, options?: CallOptions): Promise<T> {
  return send<T>(ctx.rtc, call, options);
}

function send<T>(client: VendorClient, call: ZegoCall, options?: CallOptions): Promise<T> {
  const query: QueryParams = { Action: call.action };
  if (call.method === "GET") Object.assign(query, toQuery(call.params));
  return client.call({
    operation: call.operation,
    method: call.method,
    path: "/",
    query,
    ...(call.method === "POST" ? { body: { type: "json", value: call.params } } : {}),
    idempotent: call.idempotent,
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  }) as Promise<T>;
}

function toQuery(params: Record<string, unknown>): QueryParams {
  const out: QueryParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.map((v) => String(v));
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      out[key] = value;
    else throw new TypeError(`query parameter ${key} must be a scalar or a list`);
  }
  return out;
}
