import {
  BadUserInputError,
  type CallOptions,
  checkFriendIds,
  checkFriendList,
  checkId,
  checkOptionalTime,
  checkOwnerAndUsers,
  type Friend,
  type FriendRelation,
  forEachLimited,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  runBatched,
} from "@imgraph/core";
import {
  call,
  fromUnixSeconds,
  num,
  type Op,
  str,
  type TencentContext,
  toUnixSeconds,
} from "./context.js";
import { itemFailure } from "./errors.js";
import { FRIEND_ATTRIBUTE_PREFIX, FRIEND_RULES, FRIENDS_PER_CALL, USER_ID } from "./limits.js";
import { nextOffsetCursor, offsetPage } from "./offset-paging.js";
import {
  type AccountItem,
  accountBatches,
  byCode,
  friendFields,
  inOrder,
  itemResults,
  notFriendOn,
  perAccount,
  type ResultItems,
  updateFriendRows,
} from "./sns-items.js";

// Friends: Tencent's sns service (docs/vendors/tencent.md, "Social graph and user depth"
// §1–8). A friendship is a row per direction; neutral attributes are Tencent's custom
// friend fields `Tag_SNS_Custom_<key>`, named by `<key>` alone.

const REMARK = "Tag_SNS_IM_Remark";
const ADD_TIME = "Tag_SNS_IM_AddTime";
/** friend_add and friend_import require a source: `AddSource_Type_` + up to 8 letters. */
const ADD_SOURCE = "AddSource_Type_Server";

interface SnsItem {
  Tag: string;
  Value: string;
}

const attributeItems = (attributes: Record<string, string> | undefined): SnsItem[] =>
  Object.entries(attributes ?? {}).map(([key, Value]) => ({
    Tag: FRIEND_ATTRIBUTE_PREFIX + key,
    Value,
  }));

/** The friends a call names, FRIENDS_PER_CALL a call, one answer per friend in order. */
function friendBatches<F extends { userId: string }>(
  ctx: TencentContext,
  friends: F[],
  run: (chunk: F[]) => Promise<ItemResult<true>[]>,
): Promise<ItemResult<true>[]> {
  return runBatched(friends, {
    size: FRIENDS_PER_CALL,
    concurrency: ctx.concurrency,
    keyOf: (f) => f.userId,
    run,
  });
}

/** friend_update for friends that have something to write (alias, attributes). */
function writeFriends(
  ctx: TencentContext,
  operation: string,
  userId: string,
  updates: { userId: string; alias?: string | undefined; attributes?: Record<string, string> }[],
  options?: CallOptions,
): Promise<Map<string, ItemResult<true>>> {
  const items = updates
    .map((u) => ({
      To_Account: u.userId,
      SnsItem: [
        ...(u.alias !== undefined ? [{ Tag: REMARK, Value: u.alias }] : []),
        ...attributeItems(u.attributes),
      ],
    }))
    .filter((u) => u.SnsItem.length > 0);
  return updateFriendRows(ctx, operation, userId, items, options);
}

/** One AddFriendItem (friend_add, friend_import): the friend, the source both require, the alias. */
function addItem(f: { userId: string; alias?: string | undefined }) {
  return {
    To_Account: f.userId,
    AddSource: ADD_SOURCE,
    ...(f.alias !== undefined ? { Remark: f.alias } : {}),
  };
}

const ADD_COMMANDS = {
  // A repeat answers "already a friend" (30001) for rows the first attempt made.
  addFriends: { command: "sns/friend_add", idempotent: false },
  // An import over an existing row replaces it: repeating converges.
  importFriends: { command: "sns/friend_import", idempotent: true },
} as const;

/** friend_add or friend_import of `userId`'s rows `items`: each row's result by account. */
async function addRows(
  ctx: TencentContext,
  operation: keyof typeof ADD_COMMANDS,
  userId: string,
  items: ReturnType<typeof addItem>[],
  params: Record<string, unknown>,
  options: CallOptions | undefined,
): Promise<Map<string, ItemResult<true>>> {
  const { command, idempotent } = ADD_COMMANDS[operation];
  const body = { From_Account: userId, AddFriendItem: items, ...params };
  const answer = await call<ResultItems>(ctx, operation, command, body, options, idempotent);
  // A friend already there is added already, as on RongCloud and ZEGO (and a resend after a
  // lost answer finds it so): docs/vendors/tencent.md, "Already friends".
  const already = (i: AccountItem) =>
    i.ResultCode === 30015 ||
    (i.ResultCode === 30001 && i.ResultInfo === "Err_SNS_FriendAdd_Friend_Exist");
  const kept = answer.ResultItem?.map((i) => (already(i) ? { ...i, ResultCode: 0 } : i));
  return itemResults({ ...answer, ...(kept ? { ResultItem: kept } : {}) });
}

/**
 * friend_add with ForceAddFlags 1 (an admin add: no request for the other to accept) and
 * AddType Add_Type_Both, or Add_Type_Single for one-way. friend_add takes no custom
 * friend fields: the attributes of the friends it added are written by a friend_update
 * right after it (not atomic: a failed update fails that friend's item, the friendship
 * stays).
 */
export const addFriends: Op<"addFriends"> = async (ctx, input, options) => {
  const { userId, friends } = checkFriendList(input?.userId, input?.friends, FRIEND_RULES);
  const params = { AddType: input.oneWay ? "Add_Type_Single" : "Add_Type_Both", ForceAddFlags: 1 };
  return friendBatches(ctx, friends, async (chunk) => {
    const results = await addRows(ctx, "addFriends", userId, chunk.map(addItem), params, options);
    const added = chunk.filter(
      (f) => results.get(f.userId)?.ok && Object.keys(f.attributes ?? {}).length > 0,
    );
    const written = await writeFriends(
      ctx,
      "addFriends",
      userId,
      added.map((f) => ({
        userId: f.userId,
        ...(f.attributes ? { attributes: f.attributes } : {}),
      })),
      options,
    );
    for (const [key, r] of written) if (!r.ok) results.set(key, r);
    return inOrder(
      chunk.map((f) => f.userId),
      results,
    );
  });
};

/**
 * friend_import writes one direction (the owner's rows, with AddTime and custom fields).
 * A mutual import also imports each friend's row back to the owner — one call per friend,
 * since From_Account is one per call; that row carries only the time.
 */
export const importFriends: Op<"importFriends"> = async (ctx, input, options) => {
  const { userId, friends } = checkFriendList(input?.userId, input?.friends, FRIEND_RULES);
  const now = ctx.now();
  friends.forEach((f, i) => {
    const field = `friends[${i}].addedAt`;
    const addedAt = checkOptionalTime(field, f.addedAt);
    if (addedAt === undefined) return;
    toUnixSeconds(field, addedAt);
    // Tencent would keep a friendship from the future; ZEGO refuses one.
    if (addedAt.getTime() > now) {
      throw new BadUserInputError(field, `${field} must not be in the future.`);
    }
  });
  const addTime = (d: Date | undefined) => (d ? { AddTime: Math.floor(d.getTime() / 1000) } : {});
  return friendBatches(ctx, friends, async (chunk) => {
    const items = chunk.map((f) => {
      const custom = attributeItems(f.attributes);
      return {
        ...addItem(f),
        ...addTime(f.addedAt),
        ...(custom.length > 0 ? { CustomItem: custom } : {}),
      };
    });
    const results = await addRows(ctx, "importFriends", userId, items, {}, options);
    if (!input.oneWay) {
      const imported = chunk.filter((f) => results.get(f.userId)?.ok);
      await forEachLimited(imported, ctx.concurrency, async (f) => {
        try {
          const back = [{ ...addItem({ userId }), ...addTime(f.addedAt) }];
          const r = (await addRows(ctx, "importFriends", f.userId, back, {}, options)).get(userId);
          if (r && !r.ok) results.set(f.userId, itemError(f.userId, r.error));
        } catch (error) {
          // The friend's side failed as a whole: that friend's item fails with it.
          if (!(error instanceof ImError)) throw error;
          results.set(f.userId, itemError(f.userId, error));
        }
      });
    }
    return inOrder(
      chunk.map((f) => f.userId),
      results,
    );
  });
};

/**
 * friend_update: alias (Tag_SNS_IM_Remark) and custom fields. A friend with nothing to
 * change is answered ok without a call (so it is not checked to be a friend).
 */
export const updateFriends: Op<"updateFriends"> = async (ctx, input, options) => {
  const { userId, friends } = checkFriendList(input?.userId, input?.friends, FRIEND_RULES);
  return friendBatches(ctx, friends, async (chunk) => {
    const written = await writeFriends(ctx, "updateFriends", userId, chunk, options);
    return chunk.map((f) => written.get(f.userId) ?? itemOk(f.userId, true as const));
  });
};

/** friend_delete, DeleteType always sent (the default is undocumented). */
export const deleteFriends: Op<"deleteFriends"> = async (ctx, input, options) => {
  const owner = checkFriendIds(input, USER_ID);
  return accountBatches<ResultItems, true>(
    ctx,
    owner,
    {
      operation: "deleteFriends",
      command: "sns/friend_delete",
      size: FRIENDS_PER_CALL,
      params: { DeleteType: input.oneWay ? "Delete_Type_Single" : "Delete_Type_Both" },
      // A repeat answers "not a friend" (31704) for the friends the first one removed.
      idempotent: false,
      // Not a friend: 31704 on the API page, 30001 in the FAQ.
      results: (answer, chunk) =>
        inOrder(chunk, itemResults(answer, notFriendOn(owner.userId, [30001, 31704]))),
    },
    options,
  );
};

export const deleteAllFriends: Op<"deleteAllFriends"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  await call(
    ctx,
    "deleteAllFriends",
    "sns/friend_delete_all",
    {
      From_Account: userId,
      // Tencent's default clears the owner's list only: always say which.
      DeleteType: input.oneWay ? "Delete_Type_Single" : "Delete_Type_Both",
    },
    options,
    true,
  );
};

/** A friend row's [{Tag, Value}] → neutral Friend. */
function toFriend(friendId: string, items: unknown): Friend {
  const list = Array.isArray(items) ? (items as Array<{ Tag?: unknown; Value?: unknown }>) : [];
  const attributes: Record<string, string> = {};
  let alias: string | null = null;
  let addedAt: Date | null = null;
  for (const { Tag, Value } of list) {
    if (Tag === REMARK) alias = str(Value) || null;
    else if (Tag === ADD_TIME) addedAt = fromUnixSeconds(Value);
    else if (typeof Tag === "string" && Tag.startsWith(FRIEND_ATTRIBUTE_PREFIX)) {
      attributes[Tag.slice(FRIEND_ATTRIBUTE_PREFIX.length)] = String(Value ?? "");
    }
  }
  return { userId: friendId, alias, attributes, addedAt };
}

interface FriendGetAnswer {
  UserDataItem?: Array<{ To_Account?: unknown; ValueItem?: unknown }>;
  FriendNum?: unknown;
}

/**
 * friend_get pages from StartIndex with a page size of Tencent's choosing: we read from the
 * cursor's offset and keep the first `limit` rows; the next cursor is the offset after them.
 * Sequences 0 ask for every field each time.
 */
export const listFriends: Op<"listFriends"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const { limit, offset } = offsetPage("friends", input);
  const answer = await call<FriendGetAnswer>(
    ctx,
    "listFriends",
    "sns/friend_get",
    { From_Account: userId, StartIndex: offset, StandardSequence: 0, CustomSequence: 0 },
    options,
    true,
  );
  const items = (answer.UserDataItem ?? [])
    .filter((u) => typeof u?.To_Account === "string")
    .slice(0, limit)
    .map((u) => toFriend(u.To_Account as string, u.ValueItem));
  return {
    items,
    nextCursor: nextOffsetCursor("friends", {
      offset,
      count: items.length,
      limit,
      total: num(answer.FriendNum),
    }),
  };
};

/** The alias, the time and the custom fields of options.friendAttributes (friend_get_list). */
export const getFriends: Op<"getFriends"> = async (ctx, input, options) => {
  const owner = checkFriendIds(input, USER_ID);
  const tags = [REMARK, ADD_TIME, ...ctx.friendAttributes.map((k) => FRIEND_ATTRIBUTE_PREFIX + k)];
  return friendFields(ctx, "getFriends", owner, tags, toFriend, options);
};

interface CheckAnswer {
  InfoItem?: Array<AccountItem & { Relation?: unknown }>;
}

const RELATIONS: Record<string, FriendRelation> = {
  CheckResult_Type_BothWay: "MUTUAL",
  CheckResult_Type_AWithB: "OUTGOING",
  CheckResult_Type_BWithA: "INCOMING",
  CheckResult_Type_NoRelation: "NONE",
};

/** friend_check with CheckResult_Type_Both: both directions in one answer. */
export const checkFriends: Op<"checkFriends"> = async (ctx, input, options) => {
  return accountBatches<CheckAnswer, FriendRelation>(
    ctx,
    checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
    {
      operation: "checkFriends",
      command: "sns/friend_check",
      size: FRIENDS_PER_CALL,
      params: { CheckType: "CheckResult_Type_Both" },
      results: (answer) =>
        perAccount(
          answer.InfoItem,
          byCode((to, item) => {
            const relation = RELATIONS[String(item.Relation)];
            return relation
              ? itemOk(to, relation)
              : itemError(to, itemFailure(-1, `unknown relation ${String(item.Relation)}`));
          }),
        ),
    },
    options,
  );
};
