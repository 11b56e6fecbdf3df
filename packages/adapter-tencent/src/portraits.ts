import {
  type CallOptions,
  checkIds,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  runIdBatches,
} from "@imgraph/core";
import { call, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { USER_ID, USERS_PER_PROFILE_READ } from "./limits.js";
import type { ProfileItem } from "./profile.js";

// Profile reads and writes (profile/portrait_get, portrait_set; tencent.md §3.2), shared by
// users (nick, avatar, extra) and user attributes (custom profile fields).

export function notFound(userId: string): NotFoundError {
  return new NotFoundError(`User ${userId} does not exist.`, { vendor: "tencent" });
}

/** portrait_set: all items or none (Tencent refuses the whole call for a bad one). */
export function setPortrait(
  ctx: TencentContext,
  operation: string,
  userId: string,
  items: ProfileItem[],
  options?: CallOptions,
): Promise<unknown> {
  return call(
    ctx,
    operation,
    "profile/portrait_set",
    { From_Account: userId, ProfileItem: items },
    options,
    true,
  );
}

interface PortraitAnswer {
  UserProfileItem?: Array<{
    To_Account?: unknown;
    ProfileItem?: unknown;
    ResultCode?: unknown;
    ResultInfo?: unknown;
  }>;
}

/** What one portrait_get reads: the tags asked for, and each user's items as a value. */
export interface PortraitRead<V> {
  operation: string;
  tags: string[];
  value: (userId: string, items: unknown) => V;
}

async function readChunk<V>(
  ctx: TencentContext,
  ids: string[],
  read: PortraitRead<V>,
  options?: CallOptions,
): Promise<ItemResult<V>[]> {
  const answer = await call<PortraitAnswer>(
    ctx,
    read.operation,
    "profile/portrait_get",
    { To_Account: ids, TagList: read.tags },
    options,
    true,
  );
  const items = new Map<string, NonNullable<PortraitAnswer["UserProfileItem"]>[number]>();
  for (const item of answer.UserProfileItem ?? []) {
    const id = str(item?.To_Account);
    if (id) items.set(id, item);
  }
  return ids.map((id) => {
    const item = items.get(id);
    if (!item) return itemError(id, notFound(id));
    const code = Number(item.ResultCode ?? 0);
    if (code !== 0) {
      const error = itemFailure(code, item.ResultInfo);
      return itemError(id, error.code === "NOT_FOUND" ? notFound(id) : error);
    }
    return itemOk(id, read.value(id, item.ProfileItem));
  });
}

/**
 * Some versions fail the whole portrait_get when an account is unknown (tencent.md §3.2
 * "all accounts must be imported"): then each id is read alone so the others still answer.
 */
async function readOrMissing<V>(
  ctx: TencentContext,
  ids: string[],
  read: PortraitRead<V>,
  options?: CallOptions,
): Promise<ItemResult<V>[]> {
  try {
    return await readChunk(ctx, ids, read, options);
  } catch (error) {
    if (!(error instanceof ImError) || error.code !== "NOT_FOUND") throw error;
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) return [itemError(only, notFound(only))];
    return runIdBatches(ctx, ids, 1, (one) => readOrMissing(ctx, one, read, options));
  }
}

/**
 * portrait_get of `userIds` (checked here), 100 users a call; unknown users are NOT_FOUND
 * items.
 */
export function readPortraits<V>(
  ctx: TencentContext,
  userIds: readonly string[],
  read: PortraitRead<V>,
  options?: CallOptions,
): Promise<ItemResult<V>[]> {
  const ids = checkIds("userIds", userIds, USER_ID);
  // runBatched sends a repeated id once and answers it at each place, in order.
  return runIdBatches(ctx, ids, USERS_PER_PROFILE_READ, (chunk) =>
    readOrMissing(ctx, chunk, read, options),
  );
}
