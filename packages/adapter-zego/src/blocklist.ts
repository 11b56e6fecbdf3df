import {
  type BlockedUser,
  type BlockedUsersInput,
  type BlocklistInput,
  type CallOptions,
  checkId,
  checkOwnerAndUsers,
  decodeCursor,
  encodeCursor,
  type ItemResult,
  itemOk,
  type Page,
  pageLimit,
} from "@imgraph/core";
import { zimBatch } from "./batch.js";
import { type ZegoContext, zim } from "./context.js";
import { BLOCKLIST_PAGE_MAX, BLOCKLIST_PER_CALL, USER_ID } from "./limits.js";
import { nextMarker } from "./paging.js";

// Each user's blocklist over ZIM's blacklist Actions (docs/vendors/zego.md, #15 §10-13).
// Independent of friend lists; ZIM sends no server callback for blocklist changes.

const ALREADY_BLOCKED = 660800037;

/** AddUsersToBlacklist, 20 per call; someone already blocked is answered as done. */
export function blockUsers(
  ctx: ZegoContext,
  input: BlocklistInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  return zimBatch<true>(
    ctx,
    userIds,
    {
      size: BLOCKLIST_PER_CALL,
      call: (chunk) => ({
        operation: "blockUsers",
        action: "AddUsersToBlacklist",
        method: "POST",
        params: { FromUserId: userId, UserIds: chunk },
        idempotent: true,
      }),
      ok: (key) => itemOk(key, true as const),
      failed: (key, subCode) => (subCode === ALREADY_BLOCKED ? itemOk(key, true) : undefined),
    },
    options,
  );
}

/** RemoveUsersFromBlacklist, 20 per call; someone not blocked is NOT_FOUND (660800044). */
export function unblockUsers(
  ctx: ZegoContext,
  input: BlocklistInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  return zimBatch<true>(
    ctx,
    userIds,
    {
      size: BLOCKLIST_PER_CALL,
      call: (chunk) => ({
        operation: "unblockUsers",
        action: "RemoveUsersFromBlacklist",
        method: "POST",
        params: { FromUserId: userId, UserIds: chunk },
        idempotent: true,
      }),
      ok: (key) => itemOk(key, true as const),
    },
    options,
  );
}

interface BlacklistAnswer {
  Next?: unknown;
  Blacklist?: Array<{ UserId?: unknown; UpdateTime?: unknown }>;
}

/** QueryBlacklist (GET): Limit ≤ 100, Next 0 first and 0 at the end; UpdateTime in ms. */
export async function listBlockedUsers(
  ctx: ZegoContext,
  input: BlockedUsersInput,
  options?: CallOptions,
): Promise<Page<BlockedUser>> {
  const userId = checkId("userId", input?.userId, USER_ID);
  const limit = pageLimit(input.limit, BLOCKLIST_PAGE_MAX);
  const cursor = decodeCursor<{ n: string | number }>("zb", input.cursor, { n: "marker" });
  const answer = await zim<BlacklistAnswer>(
    ctx,
    {
      operation: "listBlockedUsers",
      action: "QueryBlacklist",
      method: "GET",
      params: { FromUserId: userId, Limit: limit, Next: cursor?.n ?? 0 },
      idempotent: true,
    },
    options,
  );
  const items = (answer.Blacklist ?? [])
    .filter((b) => typeof b.UserId === "string")
    .map((b): BlockedUser => {
      const at = Number(b.UpdateTime);
      return { userId: b.UserId as string, blockedAt: at > 0 ? new Date(at) : null };
    });
  const next = nextMarker(answer.Next);
  return {
    items,
    nextCursor: next === null || items.length === 0 ? null : encodeCursor("zb", { n: next }),
  };
}

interface BlacklistCheckAnswer {
  Succ?: Array<{ UserId?: unknown; Result?: unknown }>;
}

/** CheckUsersIsInBlacklist, 20 per call: whether `userId` blocked each (Result 1). */
export function checkBlocked(
  ctx: ZegoContext,
  input: BlocklistInput,
  options?: CallOptions,
): Promise<ItemResult<boolean>[]> {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  return zimBatch<boolean>(
    ctx,
    userIds,
    {
      size: BLOCKLIST_PER_CALL,
      call: (chunk) => ({
        operation: "checkBlocked",
        action: "CheckUsersIsInBlacklist",
        method: "POST",
        params: { FromUserId: userId, UserIds: chunk },
        idempotent: true,
      }),
      ok: (key, answer) => {
        const row = (answer as BlacklistCheckAnswer).Succ?.find((s) => s.UserId === key);
        return row ? itemOk(key, Number(row.Result) === 1) : undefined;
      },
    },
    options,
  );
}
