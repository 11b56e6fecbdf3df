import { randomBytes } from "node:crypto";
import { type CreateGroupInput, checkId, checkIds, checkText } from "@imgraph/core";
import { GROUP_ID, NAME_MAX_CHARS, USER_ID } from "./limits.js";

/**
 * A new group's input as classic and hosted groups both take it: the id (a random one when
 * none is given), the name, the owner and the members (the owner may be among them).
 */
export function checkNewGroup(input: CreateGroupInput): {
  groupId: string;
  name: string;
  ownerId: string;
  memberIds: string[];
} {
  const groupId =
    input?.id === undefined ? randomBytes(12).toString("hex") : checkId("id", input.id, GROUP_ID);
  const name = checkText("name", input.name, { maxChars: NAME_MAX_CHARS });
  const [ownerId] = checkIds("ownerId", [input.ownerId], USER_ID) as [string];
  const memberIds =
    input.memberIds === undefined
      ? []
      : checkIds("memberIds", input.memberIds, USER_ID, { min: 0 });
  return { groupId, name, ownerId, memberIds };
}
