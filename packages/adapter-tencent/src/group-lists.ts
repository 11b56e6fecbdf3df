import {
  checkIds,
  cursorError,
  decodeCursor,
  ExactInteger,
  encodeCursor,
  type Group,
  itemOk,
  pageLimit,
  runIdBatches,
} from "@imgraph/core";
import { call, num, type Op, str } from "./context.js";
import { GROUP_BASE_FILTER, type GroupInfoItem, readGroupInfo, toGroup } from "./group-info.js";
import { GROUPS_PER_INFO, PAGE_MAX, USER_ID } from "./limits.js";
import { nextOffsetCursor, offsetPage } from "./offset-paging.js";

interface JoinedAnswer {
  TotalCount?: unknown;
  GroupIdList?: Array<GroupInfoItem>;
}

/**
 * get_joined_group_list pages by Limit/Offset and answers the base fields we filter for.
 * Live rooms (AVChatRoom) are rooms, not groups: left out (WithHugeGroups 0).
 */
export const listUserGroups: Op<"listUserGroups"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const { limit, offset } = offsetPage("user-groups", input);
  const answer = await call<JoinedAnswer>(
    ctx,
    "listUserGroups",
    "group_open_http_svc/get_joined_group_list",
    {
      Member_Account: userId,
      Limit: limit,
      Offset: offset,
      WithHugeGroups: 0,
      ResponseFilter: { GroupBaseInfoFilter: GROUP_BASE_FILTER },
    },
    options,
    true,
  );
  const items = (answer.GroupIdList ?? [])
    .filter((g) => typeof g?.GroupId === "string")
    .map((g) => toGroup(g.GroupId as string, g));
  return {
    items,
    nextCursor: nextOffsetCursor("user-groups", {
      offset,
      count: items.length,
      limit,
      total: num(answer.TotalCount),
    }),
  };
};

interface AppGroupsAnswer {
  GroupIdList?: Array<{ GroupId?: unknown }>;
  Next?: unknown;
}

/**
 * get_appid_group_list answers ids only, paged by an opaque uint64 `Next` (0 = done);
 * the groups' names come from get_group_info, 50 ids a call. Only groups of the type
 * this adapter creates are listed (rooms are AVChatRooms).
 */
export const listAppGroups: Op<"listAppGroups"> = async (ctx, input, options) => {
  const limit = pageLimit(input?.limit, PAGE_MAX);
  // Tencent's uint64 Next, kept as a decimal string so no precision is lost.
  const cursor = decodeCursor<{ n: string }>("app-groups", input?.cursor, { n: "string" });
  if (cursor && !/^\d{1,20}$/.test(cursor.n)) throw cursorError();
  const next: string | number = cursor ? cursor.n : 0;
  const answer = await call<AppGroupsAnswer>(
    ctx,
    "listAppGroups",
    "group_open_http_svc/get_appid_group_list",
    {
      Limit: limit,
      // uint64 both ways: sent as the exact digits, read back as a string.
      Next: typeof next === "string" ? new ExactInteger(next) : next,
      GroupType: ctx.groupType,
    },
    options,
    true,
    ["Next"],
  );
  const ids = (answer.GroupIdList ?? [])
    .map((g) => str(g?.GroupId))
    .filter((id): id is string => !!id);
  const infos = await runIdBatches(ctx, ids, GROUPS_PER_INFO, async (chunk) => {
    const found = await readGroupInfo(ctx, "listAppGroups", chunk, options);
    return chunk.map((id) => itemOk(id, found.get(id)));
  });
  const items: Group[] = [];
  for (const r of infos) {
    if (!r.ok) throw r.error;
    // A group dismissed between the two calls answers an error code: leave it out.
    if (r.value && Number(r.value.ErrorCode ?? 0) === 0) items.push(toGroup(r.key, r.value));
  }
  const nextValue = answer.Next === undefined || answer.Next === null ? "0" : String(answer.Next);
  return {
    items,
    nextCursor:
      /^\d+$/.test(nextValue) && nextValue !== "0"
        ? encodeCursor("app-groups", { n: nextValue })
        : null,
  };
};
