import { checkActor, checkGroupUsers, type GroupMembersInput } from "@imgraph/core";
import { GROUP_USERS, USER_ID } from "./limits.js";

/** A members change's group, users (in the caller's order) and actor, checked. */
export function checkMembersInput(input: GroupMembersInput): { groupId: string; ids: string[] } {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  checkActor(input.actorId, USER_ID);
  return { groupId, ids: userIds };
}
