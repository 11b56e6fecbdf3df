import {
  type CallOptions,
  checkActor,
  checkCount,
  checkGroupUsers,
  checkId,
  chunked,
  distinct,
  type GroupMember,
  type GroupMembersInput,
  type ItemResult,
  itemOk,
  pageLimit,
} from "@imgraph/core";
import { forEachUserChunk, type Op, post, type RongCloudContext } from "./context.js";
import { groupsOfUser, toGroup } from "./group-info.js";
import { readAllMuted } from "./hosted-group-reads.js";
import {
  GROUP_ID,
  GROUP_MEMBER_CAP,
  GROUP_MEMBERS_PER_CALL,
  GROUP_USERS,
  USER_ID,
  USERS_PER_MEMBER_CHECK,
} from "./limits.js";
import { checkNewGroup } from "./new-groups.js";
import { pageOfAll } from "./paging.js";

// Classic groups: no owner, no record of their own (group-info.ts). Ownership transfer
// is a declared gap (implementation.ts).

/** A classic group's member ids (none: RongCloud does not know the group). */
export async function memberIds(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  options?: CallOptions,
): Promise<string[]> {
  const answer = await post<{ users?: Array<{ id?: unknown }> }>(
    ctx,
    operation,
    "/group/user/query.json",
    { groupId },
    options,
    true,
  );
  return (answer.users ?? []).map((u) => String(u.id));
}

export const createGroup: Op<"createGroup"> = async (ctx, input, options) => {
  const { groupId, name, ownerId, memberIds } = checkNewGroup(input);
  const everyone = distinct([ownerId, ...memberIds]);
  checkCount("memberIds", everyone, { max: GROUP_MEMBER_CAP });
  // create takes up to 1000 users (the owner at least); the rest join in further calls.
  const [first, ...rest] = chunked(everyone, GROUP_MEMBERS_PER_CALL) as [string[], ...string[][]];
  await post(
    ctx,
    "createGroup",
    "/group/create.json",
    { userId: first, groupId, groupName: name },
    options,
    true,
  );
  for (const chunk of rest) {
    await post(
      ctx,
      "createGroup",
      "/group/join.json",
      { userId: chunk, groupId, groupName: name },
      options,
      true,
    );
  }
  return toGroup(groupId, name, everyone.length);
};

export const getGroup: Op<"getGroup"> = async (ctx, groupId, options) => {
  checkId("groupId", groupId, GROUP_ID);
  const ids = await memberIds(ctx, "getGroup", groupId, options);
  if (ids.length === 0) return null;
  // The name lives on each binding: read it from one member's group list.
  const mine = await groupsOfUser(ctx, ids[0] as string, 0, undefined, options);
  const muted = await readAllMuted(ctx, "getGroup", [groupId], options);
  return {
    ...toGroup(groupId, mine.find((g) => g.id === groupId)?.name ?? "", ids.length),
    // A classic group keeps no profile beyond its name (#17 §1.1).
    ...CLASSIC_PROFILE,
    allMuted: muted.get(groupId) ?? false,
  };
};

const CLASSIC_PROFILE = {
  avatarUrl: null,
  introduction: null,
  announcement: null,
  joinPolicy: null,
  maxMembers: null,
} as const;

export const listGroupMembers: Op<"listGroupMembers"> = async (ctx, input, options) => {
  checkId("groupId", input?.groupId, GROUP_ID);
  const limit = pageLimit(input.limit, GROUP_MEMBER_CAP);
  // RongCloud answers the whole member list; we page it for the caller.
  const ids = await memberIds(ctx, "listGroupMembers", input.groupId, options);
  const all = ids.map((userId): GroupMember => ({ userId, role: "MEMBER", joinedAt: null }));
  return pageOfAll("groupMembers", all, input.cursor, limit);
};

function memberChange(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  input: GroupMembersInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  return forEachUserChunk(
    ctx,
    { operation, path, size: GROUP_MEMBERS_PER_CALL, fields: { groupId } },
    userIds,
    options,
  );
}

export const addGroupMembers: Op<"addGroupMembers"> = async (ctx, input, options) => {
  return memberChange(ctx, "addGroupMembers", "/group/join.json", input, options);
};

export const removeGroupMembers: Op<"removeGroupMembers"> = async (ctx, input, options) => {
  return memberChange(ctx, "removeGroupMembers", "/group/quit.json", input, options);
};

export const dismissGroup: Op<"dismissGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  // Any user id may dismiss a classic group; it need not be a member.
  const actor = checkActor(input.actorId, USER_ID) ?? "imgraph";
  await post(ctx, "dismissGroup", "/group/dismiss.json", { userId: actor, groupId }, options, true);
};

/**
 * Which users belong to the group: /group/user/query.json answers the whole member list in
 * one call (an unknown group has no members).
 */
export const checkGroupMembers: Op<"checkGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS, USERS_PER_MEMBER_CHECK);
  const members = new Set(await memberIds(ctx, "checkGroupMembers", groupId, options));
  return userIds.map((id) => itemOk(id, members.has(id)));
};
