import { checkIds, type Group, type Page, pageLimit } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { APP_GROUPS_PAGE_MAX, USER_GROUPS_PAGE_MAX, USER_ID } from "./limits.js";
import { markerCursor, markerOf } from "./paging.js";

/** A row of a ZIM group list: id and name (and the avatar in a user's list). */
interface GroupRow {
  GroupId?: unknown;
  GroupName?: unknown;
  GroupAvatar?: unknown;
}

/** Our page from a list's rows and its next marker (ZIM lists give no owner, count or time). */
function groupPage(kind: string, rows: GroupRow[] | undefined, next: unknown): Page<Group> {
  const items = (rows ?? [])
    .filter((g) => typeof g.GroupId === "string")
    .map((g) => ({
      id: g.GroupId as string,
      name: typeof g.GroupName === "string" ? g.GroupName : "",
      ownerId: null,
      memberCount: null,
      createdAt: null,
      // QueryGroupsInfoOfUser carries the avatar ("" = none); QueryAppGroupList does not.
      ...(g.GroupAvatar !== undefined
        ? { avatarUrl: typeof g.GroupAvatar === "string" && g.GroupAvatar ? g.GroupAvatar : null }
        : {}),
    }));
  return { items, nextCursor: markerCursor(kind, next, items.length) };
}

interface UserGroupsAnswer {
  NextRsp?: unknown;
  GroupInfoList?: GroupRow[];
}

/** QueryGroupsInfoOfUser: Next "" first, NextRsp "0" at the end. */
export const listUserGroups: Op<"listUserGroups"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const limit = pageLimit(input.limit, USER_GROUPS_PAGE_MAX);
  const answer = await zim<UserGroupsAnswer>(
    ctx,
    {
      operation: "listUserGroups",
      action: "QueryGroupsInfoOfUser",
      method: "POST",
      params: {
        FromUserId: userId,
        Limit: limit,
        Next: String(markerOf("ug", input.cursor) ?? ""),
      },
      idempotent: true,
    },
    options,
  );
  return groupPage("ug", answer.GroupInfoList, answer.NextRsp);
};

interface AppGroupsAnswer {
  Next?: unknown;
  GroupIdList?: GroupRow[];
}

/** QueryAppGroupList (GET, 1/s; ZEGO says its data may lag up to a minute). */
export const listAppGroups: Op<"listAppGroups"> = async (ctx, input, options) => {
  const limit = pageLimit(input?.limit, APP_GROUPS_PAGE_MAX);
  const answer = await zim<AppGroupsAnswer>(
    ctx,
    {
      operation: "listAppGroups",
      action: "QueryAppGroupList",
      method: "GET",
      params: { Limit: limit, Next: markerOf("ag", input?.cursor) ?? 0 },
      idempotent: true,
    },
    options,
  );
  return groupPage("ag", answer.GroupIdList, answer.Next);
};
