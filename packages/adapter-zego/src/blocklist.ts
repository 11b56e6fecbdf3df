import { type BlockedUser, checkOwnerAndUsers, itemOk } from "@imgraph/core";
import type { Op } from "./context.js";
import { BLOCKLIST_PAGE_MAX, BLOCKLIST_PER_CALL, USER_ID } from "./limits.js";
import { listBatch, listPage } from "./user-lists.js";

// Each user's blocklist over ZIM's blacklist Actions (docs/vendors/zego.md, #15 §10-13).
// Independent of friend lists; ZIM sends no server callback for blocklist changes.

const ALREADY_BLOCKED = 660800037;

/**
 * A blocklist change, 20 users per call. `alreadyDone`: the SubCode of a user already in
 * the state asked for, answered as done.
 */
function edit(operation: string, action: string, alreadyDone?: number): Op<"blockUsers"> {
  return (ctx, input, options) =>
    listBatch<true>(
      ctx,
      checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
      {
        operation,
        action,
        size: BLOCKLIST_PER_CALL,
        ok: (key) => itemOk(key, true as const),
        failed: (key, subCode) => (subCode === alreadyDone ? itemOk(key, true) : undefined),
      },
      options,
    );
}

/** AddUsersToBlacklist; someone already blocked is answered as done. */
export const blockUsers = edit("blockUsers", "AddUsersToBlacklist", ALREADY_BLOCKED);
/** RemoveUsersFromBlacklist; someone not blocked is NOT_FOUND (660800044). */
export const unblockUsers = edit("unblockUsers", "RemoveUsersFromBlacklist");

interface BlacklistAnswer {
  Next?: unknown;
  Blacklist?: Array<{ UserId?: unknown; UpdateTime?: unknown }>;
}

/** QueryBlacklist (GET): Limit ≤ 100, Next 0 first and 0 at the end; UpdateTime in ms. */
export const listBlockedUsers: Op<"listBlockedUsers"> = (ctx, input, options) =>
  listPage<BlacklistAnswer, BlockedUser>(
    ctx,
    input,
    {
      operation: "listBlockedUsers",
      action: "QueryBlacklist",
      kind: "zb",
      max: BLOCKLIST_PAGE_MAX,
      items: (answer) =>
        (answer.Blacklist ?? [])
          .filter((b) => typeof b.UserId === "string")
          .map((b) => {
            const at = Number(b.UpdateTime);
            return { userId: b.UserId as string, blockedAt: at > 0 ? new Date(at) : null };
          }),
    },
    options,
  );

interface BlacklistCheckAnswer {
  Succ?: Array<{ UserId?: unknown; Result?: unknown }>;
}

/** CheckUsersIsInBlacklist, 20 per call: whether `userId` blocked each (Result 1). */
export const checkBlocked: Op<"checkBlocked"> = (ctx, input, options) =>
  listBatch<boolean>(
    ctx,
    checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
    {
      operation: "checkBlocked",
      action: "CheckUsersIsInBlacklist",
      size: BLOCKLIST_PER_CALL,
      ok: (key, answer) => {
        const row = (answer as BlacklistCheckAnswer).Succ?.find((s) => s.UserId === key);
        return row ? itemOk(key, Number(row.Result) === 1) : undefined;
      },
    },
    options,
  );
