import { checkIds, decodeCursor, encodeCursor, type Group, pageLimit } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { APP_GROUPS_PAGE_MAX, USER_GROUPS_PAGE_MAX, USER_ID } from "./limits.js";
import { nextMarker } from "./paging.js";

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
  const cursor = decodeCursor<{ n: string | number }>("ug", input.cursor, { n: "marker" });
  const answer = await zim<UserGroupsAnswer>(
    ctx,
    {
      operation: "listUserGroups",
      action: "QueryGroupsInfoOfUser",
      method: "POST",
      params: { FromUserId: userId, Limit: limit, Next: cursor ? String(cursor.n) : "" },
      idempotent: true,
    },
    options,
  );
  const items = (answer.GroupInfoList ?? [])
    .filter((g) => typeof g.GroupId === "string")
    .map((g) => listed(g.GroupId as string, g.GroupName));
  const next = nextMarker(answer.NextRsp);
  return {
    items,
    nextCursor: next === null || items.length === 0 ? null : encodeCursor("ug", { n: next }),
  };
};

interface AppGroupsAnswer {
  Next?: unknown;
  GroupIdList?: Array<{ GroupId?: unknown; GroupName?: unknown }>;
}

/** QueryAppGroupList (GET, 1/s; ZEGO says its data may lag up to a minute). */
export const listAppGroups: Op<"listAppGroups"> = async (ctx, input, options) => {
  const limit = pageLimit(input?.limit, APP_GROUPS_PAGE_MAX);
  const cursor = decodeCursor<{ n: string | number }>("ag", input?.cursor, { n: "marker" });
  const answer = await zim<AppGroupsAnswer>(
    ctx,
    {
      operation: "listAppGroups",
      action: "QueryAppGroupList",
      method: "GET",
      params: { Limit: limit, Next: cursor?.n ?? 0 },
      idempotent: true,
    },
    options,
  );
  const items = (answer.GroupIdList ?? [])
    .filter((g) => typeof g.GroupId === "string")
    .map((g) => listed(g.GroupId as string, g.GroupName));
  const next = nextMarker(answer.Next);
  return {
    items,
    nextCursor: next === null || items.length === 0 ? null : encodeCursor("ag", { n: next }),
  };
};
