import { checkIds, type Group, pageLimit } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { APP_GROUPS_PAGE_MAX, USER_GROUPS_PAGE_MAX, USER_ID } from "./limits.js";
import { markerCursor, markerOf } from "./paging.js";

function listed(id: string, name: unknown): Group {
  return {
    id,
    name: typeof name === "string" ? name : "",
    ownerId: null,
    memberCount: null,
    createdAt: null,
  };
}

interface UserGroupsAnswer {
  NextRsp?: unknown;
  GroupInfoList?: Array<{ GroupId?: unknown; GroupName?: unknown }>;
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
  const items = (answer.GroupInfoList ?? [])
    .filter((g) => typeof g.GroupId === "string")
    .map((g) => listed(g.GroupId as string, g.GroupName));
  return { items, nextCursor: markerCursor("ug", answer.NextRsp, items.length) };
};

interface AppGroupsAnswer {
  Next?: unknown;
  GroupIdList?: Array<{ GroupId?: unknown; GroupName?: unknown }>;
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
  const items = (answer.GroupIdList ?? [])
    .filter((g) => typeof g.GroupId === "string")
    .map((g) => listed(g.GroupId as string, g.GroupName));
  return { items, nextCursor: markerCursor("ag", answer.Next, items.length) };
};
