import {
  type BlocklistInput,
  type CallOptions,
  checkId,
  checkOwnerAndUsers,
  decodeCursor,
  encodeCursor,
  InternalError,
  type ItemResult,
  itemOk,
  NotFoundError,
  pageLimit,
  runIdBatches,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { BLOCKLIST_CAP, BLOCKLIST_PAGE_MAX, BLOCKLIST_PER_CALL, USER_ID } from "./limits.js";
import { type TokenPageAsk, tokenPage } from "./paging.js";

// RongCloud's blacklist (vendor reference §2): one-way, ≤20 users a change, read in pages of
// ≤1000 with no time of blocking, and no check endpoint (checkBlocked reads the list).

interface ListAnswer {
  users?: unknown;
  /** Present only when more pages exist. */
  next?: unknown;
}

/** Reading the whole list takes at most this many calls, the per-user cap being 3000. */
const CHECK_MAX_PAGES = Math.ceil(BLOCKLIST_CAP / BLOCKLIST_PAGE_MAX);

function change(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  input: BlocklistInput,
  options: CallOptions | undefined,
): Promise<ItemResult<true>[]> {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  const send = (chunk: string[]) =>
    post(ctx, operation, path, { userId, blackUserId: chunk }, options, true);
  return runIdBatches(ctx, userIds, BLOCKLIST_PER_CALL, async (chunk) => {
    try {
      await send(chunk);
    } catch (error) {
      // An unknown user fails the whole call without saying which: ask for each alone.
      if (!(error instanceof NotFoundError) || chunk.length === 1) throw error;
      return runIdBatches(ctx, chunk, 1, async (one) => {
        await send(one);
        return one.map((id) => itemOk(id, true as const));
      });
    }
    return chunk.map((id) => itemOk(id, true as const));
  });
}

export const blockUsers: Op<"blockUsers"> = (ctx, input, options) =>
  change(ctx, "blockUsers", "/user/blacklist/add.json", input, options);

export const unblockUsers: Op<"unblockUsers"> = (ctx, input, options) =>
  change(ctx, "unblockUsers", "/user/blacklist/remove.json", input, options);

async function listPage(
  ctx: RongCloudContext,
  operation: string,
  page: TokenPageAsk,
  options: CallOptions | undefined,
): Promise<{ users: string[]; next: string | null }> {
  const path = "/user/blacklist/query.json";
  const answer = await tokenPage<ListAnswer>(ctx, operation, path, page, options);
  const users = Array.isArray(answer.users) ? answer.users.map(String) : [];
  const next = typeof answer.next === "string" && answer.next !== "" ? answer.next : null;
  return { users, next };
}

/** Our cursor carries RongCloud's `next` token. The list tells no time: blockedAt is null. */
export const listBlockedUsers: Op<"listBlockedUsers"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const size = pageLimit(input.limit, BLOCKLIST_PAGE_MAX);
  const at = decodeCursor<{ t: string }>("blockedUsers", input.cursor, { t: "string" });
  const page = await listPage(ctx, "listBlockedUsers", { userId, size, pageToken: at?.t }, options);
  return {
    items: page.users.map((id) => ({ userId: id, blockedAt: null })),
    nextCursor:
      page.next && page.users.length > 0 ? encodeCursor("blockedUsers", { t: page.next }) : null,
  };
};

/**
 * RongCloud has no check endpoint: the whole list is read, in pages of 1000. A list holds
 * at most 3000 users, so that is at most 3 calls whatever the number of users asked about.
 */
export const checkBlocked: Op<"checkBlocked"> = async (ctx, input, options) => {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  const blocked = new Set<string>();
  let token: string | undefined;
  for (let page = 1; ; page++) {
    const ask = { userId, size: BLOCKLIST_PAGE_MAX, pageToken: token };
    const answer = await listPage(ctx, "checkBlocked", ask, options);
    for (const id of answer.users) blocked.add(id);
    if (!answer.next || answer.users.length === 0) break;
    if (page === CHECK_MAX_PAGES)
      throw new InternalError(
        `RongCloud's blocklist of ${userId} goes on past ${BLOCKLIST_CAP} users, its documented cap; checkBlocked reads at most ${CHECK_MAX_PAGES} pages.`,
      );
    token = answer.next;
  }
  return userIds.map((id) => itemOk(id, blocked.has(id)));
};
