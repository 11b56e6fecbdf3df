import {
  BadUserInputError,
  type CallOptions,
  checkGroupUsers,
  checkId,
  checkIds,
  checkText,
  distinct,
  encodeCursor,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  pageLimit,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { checkAccounts } from "./accounts.js";
import type { Answer } from "./batch.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import { failureList } from "./errors.js";
import { groupAction, memberAction } from "./group-actions.js";
import { groupInfo } from "./group-info.js";
import { findOwner, memberPage, ownerAndActor } from "./group-lookup.js";
import {
  GROUP_ID,
  GROUP_MEMBERS_PAGE_MAX,
  GROUP_NAME_MAX_CHARS,
  GROUP_USERS,
  MEMBERS_PER_CREATE,
  USER_ID,
  USERS_PER_MEMBER_CHECK,
} from "./limits.js";
import { decodeZimCursor, keptPageSize } from "./paging.js";

/** KickoutGroupUser's SubCode for a user who is not in the group. */
const NOT_IN_GROUP = 660600008;
/** "failed to load group info (group may not exist)". */
const GROUP_NOT_LOADED = "660600009";

export const createGroup: Op<"createGroup"> = async (ctx, input, options) => {
  let groupId: string | undefined;
  if (input?.id !== undefined) {
    groupId = checkId("id", input.id, GROUP_ID);
    // Ids starting with '#' are the ones ZEGO makes itself.
    if (groupId.startsWith("#")) {
      throw new BadUserInputError("id", 'id must not start with "#".');
    }
  }
  const name = checkText("name", input.name, { maxChars: GROUP_NAME_MAX_CHARS });
  const [ownerId] = checkIds("ownerId", [input.ownerId], USER_ID) as [string];
  const memberIds = distinct(
    checkIds("memberIds", input.memberIds ?? [], USER_ID, { min: 0 }),
  ).filter((id) => id !== ownerId);
  await refuseUnknownUsers(ctx, ownerId, memberIds, input.memberIds ?? [], options);
  const first = memberIds.slice(0, MEMBERS_PER_CREATE);
  const answer = await zim<Answer & { GroupId?: unknown }>(
    ctx,
    {
      operation: "createGroup",
      action: "CreateGroup",
      method: "POST",
      params: {
        ...(groupId !== undefined ? { GroupId: groupId } : {}),
        GroupName: name,
        GroupOwner: ownerId,
        UserId: first,
      },
      // With our own id a repeat cannot make a second group; a server-made id could.
      idempotent: groupId !== undefined,
    },
    options,
  );
  const id = typeof answer.GroupId === "string" && answer.GroupId ? answer.GroupId : groupId;
  if (!id) {
    throw new ImError("VENDOR_UNAVAILABLE", "ZEGO created the group but gave no GroupId.", {
      vendor: "zego",
      operation: "createGroup",
    });
  }
  let failed = failureList(answer).length;
  // CreateGroup takes 100 members; the rest are invited (1/s per group, retried by the client).
  const rest = memberIds.slice(MEMBERS_PER_CREATE);
  if (rest.length > 0) {
    const added = await addGroupMembers(
      ctx,
      { groupId: id, userIds: rest, actorId: ownerId },
      options,
    );
    failed += added.filter((r) => !r.ok).length;
  }
  return { id, name, ownerId, memberCount: 1 + memberIds.length - failed, createdAt: null };
};

/**
 * CreateGroup leaves out the members ZIM does not know and says so only in its answer's
 * failure list: refuse them first, as Tencent does (one QueryUserInfos per 100 users).
 */
async function refuseUnknownUsers(
  ctx: ZegoContext,
  ownerId: string,
  memberIds: string[],
  given: readonly string[],
  options?: CallOptions,
): Promise<void> {
  const known = await checkAccounts(ctx, [ownerId, ...memberIds], options);
  known.forEach((result, i) => {
    if (!result.ok) throw result.error;
    if (result.value) return;
    // Named where the caller wrote it (memberIds were deduplicated since).
    const field = i === 0 ? "ownerId" : `memberIds[${given.indexOf(result.key)}]`;
    throw new NotFoundError(`ZEGO does not know user ${result.key}.`, {
      vendor: "zego",
      operation: "createGroup",
      field,
    });
  });
}

/** QueryGroupInfo wants a FromUserId and names no owner: the member list gives both. */
export const getGroup: Op<"getGroup"> = async (ctx, groupId, options) => {
  checkId("groupId", groupId, GROUP_ID);
  try {
    const { ownerId, firstMember, total } = await findOwner(ctx, "getGroup", groupId, options);
    const asker = ownerId ?? firstMember;
    if (!asker) return { id: groupId, name: "", ownerId: null, memberCount: 0, createdAt: null };
    const { attributes: _attributes, ...info } = await groupInfo(
      ctx,
      "getGroup",
      groupId,
      asker,
      options,
    );
    // ZIM groups have no introduction (#17 §G1).
    return { id: groupId, ownerId, memberCount: total, introduction: null, ...info };
  } catch (error) {
    if (isMissingGroup(error)) return null;
    throw error;
  }
};

/** QueryGroupInfo names no code for a missing group: 660600001 or 660600009 (#17 §U5). */
function isMissingGroup(error: unknown): boolean {
  return (
    error instanceof ImError &&
    (error.code === "NOT_FOUND" || error.vendorCode === GROUP_NOT_LOADED)
  );
}

export const listGroupMembers: Op<"listGroupMembers"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const requested = pageLimit(input.limit, GROUP_MEMBERS_PAGE_MAX);
  const cursor = decodeZimCursor<{ n: string | number; l: number }>(
    "gm",
    input.cursor,
    { n: "marker", l: "number" },
    { l: [1, GROUP_MEMBERS_PAGE_MAX] },
  );
  const limit = keptPageSize(cursor?.l, requested);
  const page = await memberPage(ctx, "listGroupMembers", groupId, limit, cursor?.n ?? 0, options);
  return {
    items: page.members,
    nextCursor:
      page.next === null || page.members.length === 0
        ? null
        : encodeCursor("gm", { n: page.next, l: limit }),
  };
};

/** InviteUsersIntoGroup, 100 per call, one call at a time (ZEGO allows 1/s per group). */
export const addGroupMembers: Op<"addGroupMembers"> = (ctx, input, options) =>
  // The server drops FromUserId from the list and answers only for failures; the actor
  // itself is already a member: ok, as on RongCloud and Tencent.
  memberAction(
    ctx,
    "addGroupMembers",
    "InviteUsersIntoGroup",
    input,
    { concurrency: 1, actorIsMember: true },
    options,
  );

/** KickoutGroupUser's answer for a user who is not in the group: NOT_FOUND. */
function notInGroup(key: string, subCode: number): ItemResult<true> | undefined {
  if (subCode !== NOT_IN_GROUP) return undefined;
  return itemError(
    key,
    new NotFoundError(`${key} is not a member of the group.`, {
      vendor: "zego",
      vendorCode: String(subCode),
    }),
  );
}

/** The owner's item of a removal: refused, as RongCloud and Tencent refuse it. */
function ownerKept(key: string): ItemResult<true> {
  const why = "The group's owner cannot be removed: transfer the ownership first.";
  return itemError(key, new ImError("VENDOR_REJECTED", why, { vendor: "zego" }));
}

/**
 * KickoutGroupUser, 50 per call. ZIM would remove the owner too and hand the group to its
 * first member (§G6), so the owner is left out (found on the member list, which also names
 * the actor when none is given).
 */
export const removeGroupMembers: Op<"removeGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  const operation = "removeGroupMembers";
  const { ownerId, actor } = await ownerAndActor(ctx, operation, groupId, input.actorId, options);
  const others = userIds.filter((id) => id !== ownerId);
  const removed =
    others.length === 0
      ? []
      : await memberAction(
          ctx,
          operation,
          "KickoutGroupUser",
          { groupId, userIds: others, actorId: actor },
          { failed: notInGroup },
          options,
        );
  const byUser = new Map(removed.map((r) => [r.key, r]));
  return userIds.map((id) =>
    id === ownerId ? ownerKept(id) : (byUser.get(id) as ItemResult<true>),
  );
};

export const transferGroupOwnership: Op<"transferGroupOwnership"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const [newOwner] = checkIds("newOwnerId", [input.newOwnerId], USER_ID) as [string];
  // Whether FromUserId must be the current owner is unverified: act as the owner by default.
  await groupAction(
    ctx,
    {
      operation: "transferGroupOwnership",
      action: "TransferGroupOwner",
      groupId,
      actorId: input.actorId,
      params: { NewOwner: newOwner },
    },
    options,
  );
};

/** DismissGroup: any registered user may dismiss (§2.4); the owner by default. */
export const dismissGroup: Op<"dismissGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  await groupAction(
    ctx,
    { operation: "dismissGroup", action: "DismissGroup", groupId, actorId: input.actorId },
    options,
  );
};

/**
 * Which users belong to the group, from one QueryGroupMemberList page of 1000 (ZIM has no
 * per-user check). A user not on that page of a larger group cannot be answered in one
 * call: that user's item says so, and the caller decides (the gateway refuses).
 */
export const checkGroupMembers: Op<"checkGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds: ids } = checkGroupUsers(input, GROUP_USERS, USERS_PER_MEMBER_CHECK);
  const page = await memberPage(
    ctx,
    "checkGroupMembers",
    groupId,
    GROUP_MEMBERS_PAGE_MAX,
    0,
    options,
  );
  const members = new Set(page.members.map((m) => m.userId));
  const complete = page.next === null;
  return ids.map((id) => {
    if (members.has(id) || complete) return itemOk(id, members.has(id));
    return itemError(
      id,
      new UnsupportedByVendorError(
        "zego",
        "checkGroupMembers",
        `ZIM lists at most ${GROUP_MEMBERS_PAGE_MAX} members per call and this group is larger`,
      ),
    );
  });
};
