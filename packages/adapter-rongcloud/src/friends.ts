import {
  type CallOptions,
  checkFriendIds,
  checkFriendList,
  checkId,
  checkOwnerAndUsers,
  checkText,
  decodeCursor,
  encodeCursor,
  type Friend,
  type FriendInput,
  type FriendRelation,
  type FriendUpdate,
  ImError,
  InternalError,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  pageLimit,
  runEach,
  runIdBatches,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { vendorAttributes } from "./ext-attributes.js";
import { friendPage, isLastPage, scanFriends } from "./friend-list.js";
import {
  ALIAS_MAX_CHARS,
  FRIEND_ATTRIBUTE_MAX_CHARS,
  FRIEND_RULES,
  FRIENDS_PAGE_MAX,
  FRIENDS_PER_CALL,
  USER_ID,
} from "./limits.js";

// Friends of RongCloud's information-hosting product (vendor reference §1). A server add
// is always mutual and a delete removes both ways; alias and attributes are a second call
// per friend (/friend/profile/set.json), which clears the alias when remarkName is left
// out — so every profile call re-sends it. importFriends and getFriends are declared gaps.

const MUTUAL_ONLY =
  "RongCloud friendships are always mutual: its server API adds and deletes both ways and has no one-way option";

/** A second add of a friend: the friendship the caller wants is there. */
const ALREADY_FRIENDS = "25460";
/** Deleting someone who is not a friend: nothing left to do. */
const NOT_A_FRIEND = new Set(["25469", "25472"]);

const RELATIONS: Record<number, FriendRelation> = {
  1: "NONE",
  4: "MUTUAL",
  // Reserved in the doc (only 1 and 4 are documented); read as the older SDK comments say.
  2: "OUTGOING",
  3: "INCOMING",
};

function refuseOneWay(operation: string, oneWay: boolean | undefined): void {
  if (oneWay) throw new UnsupportedByVendorError("rongcloud", operation, MUTUAL_ONLY);
}

/** checkFriendList with RongCloud's limits in characters (FriendRules counts bytes). */
function checkFriendInput<F extends FriendInput | FriendUpdate>(userId: unknown, friends: F[]) {
  const checked = checkFriendList(userId, friends, FRIEND_RULES);
  checked.friends.forEach((friend, i) => {
    if (friend.alias !== undefined)
      checkText(`friends[${i}].alias`, friend.alias, {
        maxChars: ALIAS_MAX_CHARS,
        allowEmpty: true,
      });
    for (const [key, value] of Object.entries(friend.attributes ?? {}))
      checkText(`friends[${i}].attributes.${key}`, value, {
        maxChars: FRIEND_ATTRIBUTE_MAX_CHARS,
        allowEmpty: true,
      });
  });
  return checked;
}

/** Alias and attributes of one friend, whole: an omitted remarkName would clear the alias. */
function setProfile(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  friendId: string,
  alias: string | null,
  attributes: Record<string, string>,
  options: CallOptions | undefined,
): Promise<unknown> {
  return post(
    ctx,
    operation,
    "/friend/profile/set.json",
    {
      userId,
      targetId: friendId,
      ...(alias ? { remarkName: alias } : {}),
      friendExtProfile: vendorAttributes(attributes),
    },
    options,
    true,
  );
}

export const addFriends: Op<"addFriends"> = async (ctx, input, options) => {
  refuseOneWay("addFriends", input?.oneWay);
  const { userId, friends } = checkFriendInput(input?.userId, input?.friends);
  const existing: FriendInput[] = [];
  // One target per /friend/add.json call.
  const added = await runEach(
    ctx,
    friends,
    (f) => f.userId,
    async (f) => {
      try {
        // optType 2: added without the target's consent (1 may only send a request).
        await post(
          ctx,
          "addFriends",
          "/friend/add.json",
          { userId, targetId: f.userId, optType: 2 },
          options,
          true,
        );
      } catch (error) {
        if (!(error instanceof ImError && error.vendorCode === ALREADY_FRIENDS)) throw error;
        // Already friends: its alias and attributes are an update of what is kept.
        if (f.alias !== undefined || f.attributes !== undefined) {
          existing.push(f);
          return undefined;
        }
        return itemOk(f.userId, true as const);
      }
      if (f.alias || Object.keys(f.attributes ?? {}).length > 0)
        await setProfile(
          ctx,
          "addFriends",
          userId,
          f.userId,
          f.alias ?? null,
          f.attributes ?? {},
          options,
        );
      return itemOk(f.userId, true as const);
    },
  );
  if (existing.length === 0) return added;
  const updated = new Map(
    (await applyUpdates(ctx, "addFriends", userId, existing, options)).map((r) => [r.key, r]),
  );
  return added.map((r) => updated.get(r.key) ?? r);
};

export const updateFriends: Op<"updateFriends"> = async (ctx, input, options) => {
  const { userId, friends } = checkFriendInput(input?.userId, input?.friends);
  return applyUpdates(ctx, "updateFriends", userId, friends, options);
};

/**
 * Read-modify-write: no endpoint reads one friend, and whether friendExtProfile merges or
 * replaces is unverified, so the kept alias and attributes are read from the list (paged
 * until every named friend is found) and each friend's whole profile is sent.
 */
async function applyUpdates(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  updates: FriendUpdate[],
  options: CallOptions | undefined,
): Promise<ItemResult<true>[]> {
  const wanted = new Set(updates.map((u) => u.userId));
  const kept = new Map<string, Friend>();
  await scanFriends(ctx, operation, userId, options, (seen) => {
    for (const f of seen) if (wanted.has(f.userId)) kept.set(f.userId, f);
    return kept.size === wanted.size;
  });
  return runEach(
    ctx,
    updates,
    (u) => u.userId,
    async (u) => {
      const friend = kept.get(u.userId);
      if (!friend)
        return itemError(u.userId, new NotFoundError(`${u.userId} is not a friend of ${userId}.`));
      const alias = u.alias === undefined ? friend.alias : u.alias;
      const attributes = { ...friend.attributes, ...u.attributes };
      await setProfile(ctx, operation, userId, u.userId, alias, attributes, options);
      return itemOk(u.userId, true as const);
    },
  );
}

export const deleteFriends: Op<"deleteFriends"> = async (ctx, input, options) => {
  refuseOneWay("deleteFriends", input?.oneWay);
  const { userId, userIds } = checkFriendIds(input, USER_ID);
  return runIdBatches(ctx, userIds, FRIENDS_PER_CALL, async (chunk) => {
    try {
      await post(
        ctx,
        "deleteFriends",
        "/friend/delete.json",
        { userId, targetIds: chunk.join(",") },
        options,
        true,
      );
    } catch (error) {
      if (!(error instanceof ImError && NOT_A_FRIEND.has(error.vendorCode ?? ""))) throw error;
    }
    return chunk.map((id) => itemOk(id, true as const));
  });
};

export const deleteAllFriends: Op<"deleteAllFriends"> = async (ctx, input, options) => {
  refuseOneWay("deleteAllFriends", input?.oneWay);
  const userId = checkId("userId", input?.userId, USER_ID);
  await post(ctx, "deleteAllFriends", "/friend/clean.json", { userId }, options, true);
};

/** Our cursor carries RongCloud's page token and how many friends came before it. */
export const listFriends: Op<"listFriends"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const size = pageLimit(input.limit, FRIENDS_PAGE_MAX);
  const at = decodeCursor<{ t: string; n: number }>("friends", input.cursor, {
    t: "string",
    n: "number",
  });
  const page = await friendPage(ctx, "listFriends", { userId, size, pageToken: at?.t }, options);
  const seen = (at?.n ?? 0) + page.friends.length;
  return {
    items: page.friends,
    nextCursor: isLastPage(page, seen)
      ? null
      : encodeCursor("friends", { t: page.pageToken, n: seen }),
  };
};

export const checkFriends: Op<"checkFriends"> = async (ctx, input, options) => {
  const { userId, userIds } = checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID);
  return runIdBatches(ctx, userIds, FRIENDS_PER_CALL, async (chunk) => {
    const answer = await post<{ results?: Array<{ userId?: unknown; result?: unknown }> }>(
      ctx,
      "checkFriends",
      "/friend/check.json",
      { userId, targetIds: chunk.join(",") },
      options,
      true,
    );
    const found = new Map((answer.results ?? []).map((r) => [String(r.userId), Number(r.result)]));
    return chunk.map((id) => {
      const relation = RELATIONS[found.get(id) ?? 0];
      return relation
        ? itemOk(id, relation)
        : itemError(id, new InternalError(`RongCloud gave no friend relation for ${id}.`));
    });
  });
};
