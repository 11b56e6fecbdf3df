import type { CallOptions, Group, GroupRole } from "@imgraph/core";
import { call, fromUnixSeconds, num, str, type TencentContext } from "./context.js";
import { GROUP_PROFILE_FILTER, toGroupProfile } from "./group-profile-read.js";

export interface GroupInfoItem {
  GroupId?: unknown;
  ErrorCode?: unknown;
  ErrorInfo?: unknown;
  Name?: unknown;
  Owner_Account?: unknown;
  MemberNum?: unknown;
  CreateTime?: unknown;
  FaceUrl?: unknown;
  Introduction?: unknown;
  Notification?: unknown;
  ApplyJoinOption?: unknown;
  MaxMemberNum?: unknown;
  MuteAllMember?: unknown;
  ShutUpAllMember?: unknown;
}

/** Base fields a group read asks for: the profile too, which get_group_info answers alike. */
export const GROUP_BASE_FILTER = [
  "Name",
  "Owner_Account",
  "MemberNum",
  "CreateTime",
  ...GROUP_PROFILE_FILTER,
];

export function toGroup(id: string, info: GroupInfoItem): Group {
  return {
    id,
    name: str(info.Name) ?? "",
    // An ownerless group (created without Owner_Account) answers an empty owner.
    ownerId: str(info.Owner_Account) || null,
    memberCount: num(info.MemberNum) ?? null,
    createdAt: fromUnixSeconds(info.CreateTime),
    ...toGroupProfile(info),
  };
}

/** get_group_info for up to 50 ids; per-group ErrorCode inside an OK answer. */
export async function readGroupInfo(
  ctx: TencentContext,
  operation: string,
  groupIds: string[],
  options?: CallOptions,
): Promise<Map<string, GroupInfoItem>> {
  const answer = await call<{ GroupInfo?: GroupInfoItem[] }>(
    ctx,
    operation,
    "group_open_http_svc/get_group_info",
    { GroupIdList: groupIds, ResponseFilter: { GroupBaseInfoFilter: GROUP_BASE_FILTER } },
    options,
    true,
  );
  const out = new Map<string, GroupInfoItem>();
  for (const info of answer.GroupInfo ?? []) {
    const id = str(info?.GroupId);
    if (id) out.set(id, info);
  }
  return out;
}

export function toRole(role: unknown): GroupRole {
  return role === "Owner" ? "OWNER" : role === "Admin" ? "ADMIN" : "MEMBER";
}
