import {
  BadUserInputError,
  type CallOptions,
  checkCount,
  checkId,
  checkOwnerAndUsers,
  checkText,
  type FriendGroup,
  type ItemResult,
  itemOk,
  NotFoundError,
  runIdBatches,
} from "@imgraph/core";
import { call, type Op, str, type TencentContext } from "./context.js";
import {
  FRIEND_GROUP_NAME_MAX_BYTES,
  FRIEND_GROUPS_MAX,
  FRIENDS_PER_CALL,
  USER_ID,
} from "./limits.js";
import {
  friendFields,
  inOrder,
  itemResults,
  notFriendOn,
  type ResultItems,
  updateFriendRows,
} from "./sns-items.js";

// Friend groups are Tencent's friend lists (sns group_*; docs/vendors/tencent.md "Social
// graph and user depth" §9): at most 32 per user, names of 1-30 bytes. A friend's lists
// are its Tag_SNS_IM_Group; Tencent has no call to put friends into an existing list, so
// that is a read of each friend's lists and a write of the whole array back (not atomic:
// a concurrent change to the same friend's lists in between is overwritten).

const GROUP_TAG = "Tag_SNS_IM_Group";

function checkName(field: string, name: unknown): string {
  return checkText(field, name, { maxBytes: FRIEND_GROUP_NAME_MAX_BYTES });
}

function checkNames(names: unknown): string[] {
  if (!Array.isArray(names)) throw new BadUserInputError("names", "names must be a list.");
  checkCount("names", names, { min: 1, max: FRIEND_GROUPS_MAX });
  return [...new Set(names.map((n, i) => checkName(`names[${i}]`, n)))];
}

interface GroupGetAnswer {
  ResultItem?: Array<{ GroupName?: unknown; To_Account?: unknown }>;
}

function groupGet(
  ctx: TencentContext,
  operation: string,
  userId: string,
  params: Record<string, unknown>,
  options?: CallOptions,
): Promise<GroupGetAnswer> {
  return call<GroupGetAnswer>(
    ctx,
    operation,
    "sns/group_get",
    { From_Account: userId, ...params },
    options,
    true,
  );
}

/** A friend's lists, from its fields. */
function listsIn(_friendId: string, items: unknown): string[] {
  const fields = Array.isArray(items) ? (items as Array<{ Tag?: unknown; Value?: unknown }>) : [];
  const value = fields.find((f) => f?.Tag === GROUP_TAG)?.Value;
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}

/**
 * Rewrites the friends' lists with `change`, 100 friends a call: read, then write those
 * whose lists change (the others are answered ok without a write).
 */
function changeLists(
  ctx: TencentContext,
  operation: string,
  userId: string,
  friendIds: string[],
  change: (lists: string[]) => string[],
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  return runIdBatches(ctx, friendIds, FRIENDS_PER_CALL, async (chunk) => {
    const results = new Map<string, ItemResult<true>>();
    const writes = [];
    const friends = { userId, userIds: chunk };
    for (const r of await friendFields(ctx, operation, friends, [GROUP_TAG], listsIn, options)) {
      if (!r.ok) {
        results.set(r.key, r);
        continue;
      }
      const next = change(r.value);
      const same = next.length === r.value.length && next.every((g, i) => g === r.value[i]);
      if (same) results.set(r.key, itemOk(r.key, true as const));
      else writes.push({ To_Account: r.key, SnsItem: [{ Tag: GROUP_TAG, Value: next }] });
    }
    const written = await updateFriendRows(ctx, operation, userId, writes, options);
    for (const [key, r] of written) results.set(key, r);
    return inOrder(chunk, results);
  });
}

/** The group must exist: Tencent would create a list silently when a friend names it. */
async function existing(
  ctx: TencentContext,
  operation: string,
  userId: string,
  group: string,
  options?: CallOptions,
): Promise<void> {
  const answer = await groupGet(ctx, operation, userId, { GroupName: [group] }, options);
  if (!(answer.ResultItem ?? []).some((g) => g?.GroupName === group)) {
    throw new NotFoundError(`${userId} has no friend group "${group}".`, { vendor: "tencent" });
  }
}

function checkMembers(input: { userId: unknown; group: unknown; friendIds: unknown }) {
  const { userId, userIds } = checkOwnerAndUsers(
    input?.userId,
    input?.friendIds,
    USER_ID,
    "friendIds",
  );
  return { userId, group: checkName("group", input.group), friendIds: userIds };
}

/**
 * group_add creates the lists and puts the first 100 friends in all of them (per item:
 * 32216 not a friend → NOT_FOUND); later friends join the lists, which then exist, as
 * addToFriendGroup does.
 */
export const createFriendGroups: Op<"createFriendGroups"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const names = checkNames(input.names);
  const friendIds =
    input.friendIds === undefined
      ? []
      : checkOwnerAndUsers(userId, input.friendIds, USER_ID, "friendIds").userIds;
  const first = friendIds.slice(0, FRIENDS_PER_CALL);
  const answer = await call<ResultItems>(
    ctx,
    "createFriendGroups",
    "sns/group_add",
    { From_Account: userId, GroupName: names, ...(first.length > 0 ? { To_Account: first } : {}) },
    options,
    // Creating an existing list again changes nothing (unverified: emulated so).
    true,
  );
  const results = itemResults(answer, notFriendOn(userId, [32216]));
  const rest = friendIds.slice(FRIENDS_PER_CALL);
  if (rest.length > 0) {
    const joined = await changeLists(
      ctx,
      "createFriendGroups",
      userId,
      rest,
      (lists) => [...new Set([...lists, ...names])],
      options,
    );
    for (const r of joined) results.set(r.key, r);
  }
  return friendIds.map((id) => results.get(id) ?? itemOk(id, true as const));
};

/** group_delete, at most 32 names a call; the friends stay friends. */
export const deleteFriendGroups: Op<"deleteFriendGroups"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const names = checkNames(input.names);
  await call(
    ctx,
    "deleteFriendGroups",
    "sns/group_delete",
    { From_Account: userId, GroupName: names },
    options,
    true,
  );
};

/** group_get with the members (NeedFriend is honoured only when no GroupName is given). */
export const listFriendGroups: Op<"listFriendGroups"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const answer = await groupGet(
    ctx,
    "listFriendGroups",
    userId,
    { NeedFriend: "Need_Friend_Type_Yes" },
    options,
  );
  return (answer.ResultItem ?? []).flatMap((g): FriendGroup[] => {
    const name = str(g?.GroupName);
    if (name === undefined) return [];
    const members = Array.isArray(g.To_Account) ? g.To_Account : [];
    return [{ name, friendIds: members.filter((m): m is string => typeof m === "string") }];
  });
};

/**
 * A change of one existing group's members: each friend's lists are rewritten by `change`
 * (given the friend's lists and the group).
 */
function editMembers(
  operation: "addToFriendGroup" | "removeFromFriendGroup",
  change: (lists: string[], group: string) => string[],
): Op<"addToFriendGroup"> {
  return async (ctx, input, options) => {
    const { userId, group, friendIds } = checkMembers(input);
    await existing(ctx, operation, userId, group, options);
    return changeLists(ctx, operation, userId, friendIds, (lists) => change(lists, group), options);
  };
}

export const addToFriendGroup = editMembers("addToFriendGroup", (lists, group) =>
  lists.includes(group) ? lists : [...lists, group],
);

/** A friend not in the group is answered ok (the state asked for holds). */
export const removeFromFriendGroup = editMembers("removeFromFriendGroup", (lists, group) =>
  lists.filter((g) => g !== group),
);
