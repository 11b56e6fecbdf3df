import {
  type CallOptions,
  checkActor,
  checkGroupUsers,
  checkId,
  checkIds,
  checkMemberRole,
  distinct,
  type GroupRole,
  itemError,
  itemOk,
  NotFoundError,
  VendorUnavailableError,
} from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import { toRole } from "./group-info.js";
import { GROUP_ID, GROUP_USERS, USER_ID, USERS_PER_ROLE_CHECK } from "./limits.js";

// Member roles (docs/vendors/tencent.md #17 §2.3, §2.4): modify_group_member_info's Role
// (Admin sets, Member revokes; the owner's role cannot change there: 10004), and
// get_role_in_group for up to 500 accounts ("NotMember" for the others).

/** Setting the same role again converges: a repeat after a lost answer is harmless. */
export const setGroupMemberRole: Op<"setGroupMemberRole"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const [userId] = checkIds("userId", [input.userId], USER_ID) as [string];
  const role = checkMemberRole(input.role);
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "setGroupMemberRole",
    "group_open_http_svc/modify_group_member_info",
    { GroupId: groupId, Member_Account: userId, Role: role === "ADMIN" ? "Admin" : "Member" },
    options,
    true,
  );
};

interface RoleAnswer {
  UserIdList?: Array<{ Member_Account?: unknown; Role?: unknown }>;
}

/**
 * get_role_in_group for up to 500 accounts in one call: each account's Role as Tencent
 * answers it ("NotMember" outside the group; absent where it gave none).
 */
export async function rolesInGroup(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  userIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, unknown>> {
  const answer = await call<RoleAnswer>(
    ctx,
    operation,
    "group_open_http_svc/get_role_in_group",
    { GroupId: groupId, User_Account: distinct(userIds) },
    options,
    true,
  );
  return new Map((answer.UserIdList ?? []).map((r) => [String(r.Member_Account), r.Role]));
}

/** Each user's role, in the order asked; NOT_FOUND for a user outside the group. */
export const getGroupMemberRoles: Op<"getGroupMemberRoles"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS, USERS_PER_ROLE_CHECK);
  const roles = await rolesInGroup(ctx, "getGroupMemberRoles", groupId, userIds, options);
  return userIds.map((id) => {
    const role = roles.get(id);
    if (role === "NotMember")
      return itemError<GroupRole>(
        id,
        new NotFoundError(`${id} is not a member of group ${groupId}.`, { vendor: "tencent" }),
      );
    if (role !== "Owner" && role !== "Admin" && role !== "Member")
      return itemError<GroupRole>(
        id,
        new VendorUnavailableError("tencent", `Tencent gave no role for ${id}.`),
      );
    return itemOk(id, toRole(role));
  });
};
