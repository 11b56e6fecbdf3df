import { BadUserInputError, checkIds, pageLimit } from "@imgraph/core";
import type { Op } from "./context.js";
import { groupsOfUser, toGroup } from "./group-info.js";
import { USER_GROUPS_PAGE_MAX, USER_ID } from "./limits.js";
import { offsetCursor, offsetOf } from "./paging.js";

// Classic groups have no app-wide list (listAppGroups is a declared gap).

export const listUserGroups: Op<"listUserGroups"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const size = pageLimit(input.limit, USER_GROUPS_PAGE_MAX);
  // RongCloud pages by number (1-based); our cursor carries the next page's offset.
  const offset = offsetOf("userGroups", input.cursor);
  if (offset % size !== 0)
    throw new BadUserInputError("cursor", "cursor does not match this page size.");
  const page = offset / size + 1;
  const found = await groupsOfUser(ctx, userId, page, size, options);
  return {
    items: found.map((g) => toGroup(g.id, g.name, null)),
    nextCursor: found.length === size ? offsetCursor("userGroups", offset + size) : null,
  };
};
