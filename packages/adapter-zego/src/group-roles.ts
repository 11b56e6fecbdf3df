import {
  BadUserInputError,
  checkGroupUsers,
  checkId,
  checkIds,
  checkMemberRole,
  type GroupRole,
  ImError,
  itemError,
  itemOk,
  NotFoundError,
} from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { actorFor, memberPage } from "./group-lookup.js";
import {
  GROUP_ID,
  GROUP_MEMBERS_PAGE_MAX,
  GROUP_USERS,
  USER_ID,
  USERS_PER_MEMBER_CHECK,
} from "./limits.js";

// Member roles (#17 §G6, §G7): SetGroupMemberRole (2 admin, 3 member) to change one, the
// member list's Role to read them (ZIM reads no single member).

const ROLES = { ADMIN: 2, MEMBER: 3 } as const;
/** SetGroupMemberRole's and the member Actions' code for a user not in the group. */
const NOT_IN_GROUP = "660600024";

/**
 * As the owner by default. ZIM refuses a user changing their own role (660600030): with
 * the owner acting, that is the owner as target, whose role only a transfer changes.
 */
export const setGroupMemberRole: Op<"setGroupMemberRole"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const [userId] = checkIds("userId", [input.userId], USER_ID) as [string];
  const role = checkMemberRole(input.role);
  const actor = await actorFor(ctx, "setGroupMemberRole", groupId, input.actorId, options);
  if (actor === userId) {
    throw new BadUserInputError(
      "userId",
      "ZEGO does not let a user change their own role; the owner's role changes only with transferGroupOwnership.",
    );
  }
  try {
    await zim(
      ctx,
      {
        operation: "setGroupMemberRole",
        action: "SetGroupMemberRole",
        method: "GET",
        params: { FromUserId: actor, GroupId: groupId, ToUserId: userId, Role: ROLES[role] },
        idempotent: true,
      },
      options,
    );
  } catch (error) {
    if (error instanceof ImError && error.vendorCode === NOT_IN_GROUP) {
      throw new NotFoundError(`${userId} is not a member of the group.`, {
        vendor: "zego",
        vendorCode: NOT_IN_GROUP,
      });
    }
    throw error;
  }
};

/**
 * The asked users' roles from the member list, page by page until every one is found
 * (custom roles read as MEMBER). A user not in the list is NOT_FOUND.
 */
export const getGroupMemberRoles: Op<"getGroupMemberRoles"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS, USERS_PER_MEMBER_CHECK);
  const wanted = new Set(userIds);
  const found = new Map<string, GroupRole>();
  let next: string | number = 0;
  for (let pages = 0; pages < 1000 && found.size < wanted.size; pages++) {
    const page = await memberPage(
      ctx,
      "getGroupMemberRoles",
      groupId,
      GROUP_MEMBERS_PAGE_MAX,
      next,
      options,
    );
    for (const m of page.members) if (wanted.has(m.userId)) found.set(m.userId, m.role);
    if (page.next === null || page.members.length === 0) break;
    next = page.next;
  }
  return userIds.map((id) => {
    const role = found.get(id);
    if (role !== undefined) return itemOk(id, role);
    return itemError(
      id,
      new NotFoundError(`${id} is not a member of the group.`, { vendor: "zego" }),
    );
  });
};
