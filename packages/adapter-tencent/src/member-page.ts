import {
  type CallOptions,
  checkId,
  type GroupMember,
  type Page,
  type PageInput,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, str, type TencentContext } from "./context.js";
import { toRole } from "./group-info.js";
import { memberFields } from "./group-member-fields.js";
import { GROUP_ID } from "./limits.js";
import { nextOffsetCursor, offsetPage } from "./offset-paging.js";

interface MemberAnswer {
  MemberNum?: unknown;
  MemberList?: Array<{
    Member_Account?: unknown;
    Role?: unknown;
    JoinTime?: unknown;
    NameCard?: unknown;
    AppMemberDefinedData?: unknown;
  }>;
}

/** One page of a group's members (rooms read theirs through it too, as listRoomUsers). */
export async function memberPage(
  ctx: TencentContext,
  input: { groupId: string } & PageInput,
  options: CallOptions | undefined,
  operation: string,
): Promise<Page<GroupMember>> {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const { limit, offset } = offsetPage("members", input);
  const answer = await call<MemberAnswer>(
    ctx,
    operation,
    "group_open_http_svc/get_group_member_info",
    {
      GroupId: groupId,
      Limit: limit,
      Offset: offset,
      MemberInfoFilter: ["Role", "JoinTime", "NameCard"],
      // Custom member fields are answered only when named (options.groupMemberFields).
      ...(ctx.groupMemberFields.length > 0
        ? { AppDefinedDataFilter_GroupMember: [...ctx.groupMemberFields] }
        : {}),
    },
    options,
    true,
  );
  const items = (answer.MemberList ?? [])
    .filter((m) => typeof m?.Member_Account === "string")
    .map(
      (m): GroupMember => ({
        userId: m.Member_Account as string,
        role: toRole(m.Role),
        joinedAt: fromUnixSeconds(m.JoinTime),
        // "" is no name card.
        nameCard: str(m.NameCard) || null,
        ...(ctx.groupMemberFields.length > 0
          ? { fields: memberFields(m.AppMemberDefinedData, ctx.groupMemberFields) }
          : {}),
      }),
    );
  return {
    items,
    nextCursor: nextOffsetCursor("members", {
      offset,
      count: items.length,
      limit,
      total: num(answer.MemberNum),
    }),
  };
}
