import {
  BadUserInputError,
  checkActor,
  checkGroupUsers,
  checkId,
  checkMemberRole,
  itemError,
  itemOk,
  NotFoundError,
  runIdBatches,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import { HOSTED_ADMINS_MAX, HOSTED_MEMBERS_PER_READ } from "./group-limits.js";
import { ADMIN_ROLE, memberPage, readMembers } from "./hosted-group-reads.js";
import { GROUP_ID, GROUP_USERS, USER_ID, USERS_PER_MEMBER_CHECK } from "./limits.js";

// Member roles of hosted groups (vendor reference #17 §1.3): admins are made and unmade with
// /entrust/group/manager/add.json and remove.json (members only, never the owner, at most 10);
// roles are read from the chosen-members query (1 member, 2 admin, 3 owner).

const notMember = (userId: string, groupId: string) =>
  new NotFoundError(`${userId} is not in group ${groupId}.`, { vendor: "rongcloud" });

export const setGroupMemberRole: Op<"setGroupMemberRole"> = async (ctx, input, options) => {
  const operation = "setGroupMemberRole";
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const userId = checkId("userId", input.userId, USER_ID);
  const role = checkMemberRole(input.role);
  checkActor(input.actorId, USER_ID);
  const member = (await readMembers(ctx, operation, groupId, [userId], options)).get(userId);
  if (!member) throw notMember(userId, groupId);
  if (member.role === "OWNER") {
    throw new BadUserInputError(
      "userId",
      "The owner's role changes only by a transfer of ownership (transferGroupOwnership).",
    );
  }
  if (member.role === role) return;
  if (role === "MEMBER") {
    const fields = { groupId, userIds: userId };
    await post(ctx, operation, "/entrust/group/manager/remove.json", fields, options, true);
    return;
  }
  const admins = await memberPage(
    ctx,
    operation,
    { groupId, size: HOSTED_ADMINS_MAX, type: ADMIN_ROLE },
    options,
  );
  if ((admins.totalCount ?? admins.members.length) >= HOSTED_ADMINS_MAX) {
    throw new VendorRejectedError(
      "rongcloud",
      "1002",
      `RongCloud allows at most ${HOSTED_ADMINS_MAX} admins a group; make one a member first.`,
    );
  }
  const answer = await post<{ userIds?: unknown }>(
    ctx,
    operation,
    "/entrust/group/manager/add.json",
    { groupId, userIds: userId },
    options,
    true,
  );
  // RongCloud answers the users it left out because they are not members.
  if (Array.isArray(answer.userIds) && answer.userIds.map(String).includes(userId))
    throw notMember(userId, groupId);
};

/** 100 users a call; a user who is not a member is NOT_FOUND. */
export const getGroupMemberRoles: Op<"getGroupMemberRoles"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS, USERS_PER_MEMBER_CHECK);
  return runIdBatches(ctx, userIds, HOSTED_MEMBERS_PER_READ, async (chunk) => {
    const found = await readMembers(ctx, "getGroupMemberRoles", groupId, chunk, options);
    return chunk.map((id) => {
      const member = found.get(id);
      return member ? itemOk(id, member.role) : itemError(id, notMember(id, groupId));
    });
  });
};
