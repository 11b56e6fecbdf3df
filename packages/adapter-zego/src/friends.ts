import {
  type AddFriendsInput,
  type CallOptions,
  checkFriendIds,
  checkId,
  checkOwnerAndUsers,
  type Friend,
  type FriendRelation,
  type ItemResult,
  itemError,
  itemOk,
  runEach,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Answer, zimBatch } from "./batch.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import { zegoError } from "./errors.js";
import { checkFriendsInput, firstById, zimAttributes } from "./friend-input.js";
import { FRIENDS_PAGE_MAX, FRIENDS_PER_CALL, USER_ID } from "./limits.js";
import { listBatch, listPage } from "./user-lists.js";

// Friends over ZIM's friend Actions (docs/vendors/zego.md, #15 §1-8). ZIM sends no server
// callback for friend changes, so there are no friend webhooks.

const ALREADY_FRIENDS = 660800027;

const ONE_WAY_ADD =
  "ZIM's AddFriends always befriends both ways and has no one-way option; a one-way " +
  "friendship only arises from a one-way delete, which the other user's clients would see " +
  "as a friend added and then removed";

/** 0 = both ways, 1 = the user's list only (DeleteFriends / DeleteAllFriends DeleteType). */
const deleteType = (oneWay: boolean | undefined) => (oneWay ? 1 : 0);

/** AddFriends, 20 per call; `import` sends each friend's original time as FriendTime. */
function add(
  ctx: ZegoContext,
  operation: "addFriends" | "importFriends",
  input: AddFriendsInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { userId, friends } = checkFriendsInput(
    input?.userId,
    input?.friends,
    operation === "importFriends" ? "import" : "none",
  );
  if (input.oneWay === true) throw new UnsupportedByVendorError("zego", operation, ONE_WAY_ADD);
  const byId = firstById(friends);
  return zimBatch<true>(
    ctx,
    friends.map((f) => f.userId),
    {
      size: FRIENDS_PER_CALL,
      call: (chunk) => ({
        operation,
        action: "AddFriends",
        method: "POST",
        params: {
          FromUserId: userId,
          FriendInfos: chunk.map((id) => {
            const f = byId.get(id);
            return {
              UserId: id,
              ...(f?.alias !== undefined ? { FriendAlias: f.alias } : {}),
              ...(f?.attributes ? { Attributes: zimAttributes(f.attributes) } : {}),
              ...(f?.addedAt ? { FriendTime: f.addedAt.getTime() } : {}),
            };
          }),
        },
        // A repeat finds them friends already (660800027), answered as done.
        idempotent: true,
      }),
      ok: (key) => itemOk(key, true as const),
      // Already friends: the friendship asked for exists (alias and attributes of an
      // existing friendship are changed with updateFriends).
      failed: (key, subCode) => (subCode === ALREADY_FRIENDS ? itemOk(key, true) : undefined),
    },
    options,
  );
}

export const addFriends: Op<"addFriends"> = (ctx, input, options) =>
  add(ctx, "addFriends", input, options);

/** AddFriends with FriendTime, which ZIM documents for migrating friend lists. */
export const importFriends: Op<"importFriends"> = (ctx, input, options) =>
  add(ctx, "importFriends", input, options);

/**
 * UpdateFriendsAlias for the aliases (20 per call), then UpdateFriendAttributes per friend
 * (one friend per call; each key is set, others stay). Not atomic: a friend whose alias
 * changed but whose attributes failed is answered with the attributes' error. A friend
 * with nothing to change is answered done without a call.
 */
export const updateFriends: Op<"updateFriends"> = async (ctx, input, options) => {
  const { userId, friends } = checkFriendsInput(input?.userId, input?.friends, "none");
  const byId = firstById(friends);
  const ids = [...byId.keys()];
  const withAlias = ids.filter((id) => byId.get(id)?.alias !== undefined);
  const answers = new Map<string, ItemResult<true>>();
  if (withAlias.length > 0) {
    const aliased = await zimBatch<true>(
      ctx,
      withAlias,
      {
        size: FRIENDS_PER_CALL,
        call: (chunk) => ({
          operation: "updateFriends",
          action: "UpdateFriendsAlias",
          method: "POST",
          params: {
            FromUserId: userId,
            UserIds: chunk.map((id) => ({ UserId: id, FriendAlias: byId.get(id)?.alias })),
          },
          idempotent: true,
        }),
        ok: (key) => itemOk(key, true as const),
      },
      options,
    );
    for (const r of aliased) answers.set(r.key, r);
  }
  const withAttributes = ids.filter(
    (id) => answers.get(id)?.ok !== false && Object.keys(byId.get(id)?.attributes ?? {}).length > 0,
  );
  const attributed = await runEach(
    ctx,
    withAttributes,
    (id) => id,
    (id) => setAttributes(ctx, userId, id, byId.get(id)?.attributes, options),
  );
  for (const r of attributed) answers.set(r.key, r);
  return friends.map((f) => answers.get(f.userId) ?? itemOk(f.userId, true as const));
};

interface AttributesAnswer {
  FailKey?: Array<{ Key?: unknown; SubCode?: unknown }>;
}

async function setAttributes(
  ctx: ZegoContext,
  userId: string,
  friendId: string,
  attributes: Record<string, string> | undefined,
  options?: CallOptions,
): Promise<ItemResult<true>> {
  const answer = await zim<AttributesAnswer>(
    ctx,
    {
      operation: "updateFriends",
      action: "UpdateFriendAttributes",
      method: "POST",
      params: {
        FromUserId: userId,
        UserId: friendId,
        Attributes: zimAttributes(attributes),
        Action: 0,
      },
      idempotent: true,
    },
    options,
  );
  // Some keys refused (the others were set): the friend's answer is the first refusal.
  const failed = (answer.FailKey ?? [])[0];
  if (failed) {
    const subject = `${friendId} attribute ${String(failed.Key)}`;
    return itemError(
      friendId,
      zegoError("zim", Number(failed.SubCode), undefined, {}, subject).error,
    );
  }
  return itemOk(friendId, true);
}

/** DeleteFriends, 20 per call; someone not a friend is NOT_FOUND (660800034). */
export const deleteFriends: Op<"deleteFriends"> = (ctx, input, options) =>
  listBatch<true>(
    ctx,
    checkFriendIds(input, USER_ID),
    {
      operation: "deleteFriends",
      action: "DeleteFriends",
      size: FRIENDS_PER_CALL,
      params: { DeleteType: deleteType(input.oneWay) },
      ok: (key) => itemOk(key, true as const),
    },
    options,
  );

export const deleteAllFriends: Op<"deleteAllFriends"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  await zim<Answer>(
    ctx,
    {
      operation: "deleteAllFriends",
      action: "DeleteAllFriends",
      method: "GET",
      params: { FromUserId: userId, DeleteType: deleteType(input.oneWay) },
      idempotent: true,
    },
    options,
  );
};

interface FriendInfo {
  UserId?: unknown;
  FriendAlias?: unknown;
  CreateTime?: unknown;
  Attributes?: Array<{ Key?: unknown; Value?: unknown }>;
}

interface FriendListAnswer {
  Next?: unknown;
  FriendInfos?: FriendInfo[];
}

/** QueryFriendList (GET): Limit ≤ 100, Next 0 first and 0 at the end. */
export const listFriends: Op<"listFriends"> = (ctx, input, options) =>
  listPage<FriendListAnswer, Friend>(
    ctx,
    input,
    {
      operation: "listFriends",
      action: "QueryFriendList",
      kind: "zf",
      max: FRIENDS_PAGE_MAX,
      items: (answer) =>
        (answer.FriendInfos ?? []).filter((f) => typeof f.UserId === "string").map(toFriend),
    },
    options,
  );

function toFriend(f: FriendInfo): Friend {
  const attributes: Record<string, string> = {};
  for (const a of f.Attributes ?? []) {
    if (typeof a.Key === "string" && typeof a.Value === "string") attributes[a.Key] = a.Value;
  }
  const created = Number(f.CreateTime);
  return {
    userId: f.UserId as string,
    alias: typeof f.FriendAlias === "string" && f.FriendAlias ? f.FriendAlias : null,
    attributes,
    addedAt: created > 0 ? new Date(created) : null,
  };
}

/** CheckFriendsRelation's two-way answers (CheckType 0). */
const RELATIONS: Record<number, FriendRelation> = {
  3: "NONE",
  4: "OUTGOING",
  5: "INCOMING",
  6: "MUTUAL",
};

interface RelationAnswer {
  Successes?: Array<{ UserId?: unknown; Relation?: unknown }>;
}

/** CheckFriendsRelation with CheckType 0 (both directions), 20 per call. */
export const checkFriends: Op<"checkFriends"> = (ctx, input, options) =>
  listBatch<FriendRelation>(
    ctx,
    checkOwnerAndUsers(input?.userId, input?.userIds, USER_ID),
    {
      operation: "checkFriends",
      action: "CheckFriendsRelation",
      size: FRIENDS_PER_CALL,
      params: { CheckType: 0 },
      ok: (key, answer) => {
        const row = (answer as RelationAnswer).Successes?.find((s) => s.UserId === key);
        const relation = row ? RELATIONS[Number(row.Relation)] : undefined;
        return relation ? itemOk(key, relation) : undefined;
      },
    },
    options,
  );
