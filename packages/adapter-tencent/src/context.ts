import {
  BadUserInputError,
  type CallOptions,
  type Handler,
  type IdCodec,
  type OperationName,
  type VendorClient,
} from "@imgraph/core";
import type { TencentGroupType } from "./options.js";

/** What every operation needs: the signed client, the id codec and the app's identity. */
export interface TencentContext {
  client: VendorClient;
  ids: IdCodec;
  appId: string;
  sdkAppId: number;
  key: string;
  groupType: TencentGroupType;
  extraProfileTag: string | undefined;
  /** Custom friend field keywords getFriends asks for (options.friendAttributes). */
  friendAttributes: readonly string[];
  /** Custom profile field keywords that hold user attributes (options.userAttributes). */
  userAttributes: readonly string[];
  /** The App admin account: the sender of pushes that name none. */
  adminUserId: string;
  /** All-member push is enabled for the app (options.broadcast). */
  broadcast: boolean;
  /** The app's push attribute names (options.pushAttributes). */
  pushAttributes: readonly string[];
  /** Message extensions (and reactions kept in them) are on (options.messageExtensions). */
  messageExtensions: boolean;
  /** Group read receipts are on (options.readReceipts). */
  readReceipts: boolean;
  /** Conversation groups and marks are on (options.conversationGroups). */
  conversationGroups: boolean;
  /** Group counters are on (options.groupCounters). */
  groupCounters: boolean;
  /** Live rooms' online member list switch (options.liveRoomOnlineMembers). */
  liveRoomOnlineMembers: boolean;
  /** Live room member banning switch (options.liveRoomBans). */
  liveRoomBans: boolean;
  /** Live room broadcast switch (options.liveRoomBroadcast). */
  liveRoomBroadcast: boolean;
  /** Custom group member field keys declared in the console (options.groupMemberFields). */
  groupMemberFields: readonly string[];
  concurrency: number;
  now: () => number;
}

/** One neutral operation's handler for this vendor (its input and answer come from the operation table). */
export type Op<N extends OperationName> = Handler<TencentContext, N>;

/**
 * One REST call: POST /v4/{service}/{command} with a JSON body (never empty — Tencent
 * wants at least `{}`). `idempotent` says whether repeating it after a lost answer is
 * harmless (reads, and writes Tencent deduplicates or that converge).
 */
export function call<T>(
  ctx: TencentContext,
  operation: string,
  command: string,
  body: Record<string, unknown>,
  options: CallOptions | undefined,
  idempotent: boolean,
  /** Answer keys holding uint64 values, read as decimal strings (VendorRequest). */
  exactIntegerKeys?: readonly string[],
): Promise<T> {
  return ctx.client.call({
    operation,
    path: `/v4/${command}`,
    body: { type: "json", value: body },
    idempotent,
    ...(exactIntegerKeys ? { exactIntegerKeys } : {}),
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  }) as Promise<T>;
}

/** Unix seconds (Tencent's times) to a Date; null when absent. */
export function fromUnixSeconds(value: unknown): Date | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
}

/**
 * A time the input gives, as Tencent's Unix seconds: Tencent refuses one before 1970 (and
 * reads 0 as now where it takes one), so that is refused here, on `field`, before the call.
 */
export function toUnixSeconds(field: string, time: Date): number {
  const seconds = Math.floor(time.getTime() / 1000);
  if (!(seconds > 0)) {
    throw new BadUserInputError(field, `${field} must be after 1970-01-01T00:00:00Z.`);
  }
  return seconds;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
