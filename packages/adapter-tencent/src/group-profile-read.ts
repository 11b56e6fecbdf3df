import type { Group, JoinPolicy } from "@imgraph/core";
import { num, str } from "./context.js";
import { APPLY_JOIN_OPTION } from "./group-depth-limits.js";

// The profile get_group_info answers beside the name (docs/vendors/tencent.md #17 §2.1).

/** The profile fields a group read asks for (MuteAllMember; ShutUpAllMember in older docs). */
export const GROUP_PROFILE_FILTER = [
  "FaceUrl",
  "Introduction",
  "Notification",
  "ApplyJoinOption",
  "MaxMemberNum",
  "MuteAllMember",
  "ShutUpAllMember",
] as const;

const JOIN_POLICY_OF: Record<string, JoinPolicy> = Object.fromEntries(
  Object.entries(APPLY_JOIN_OPTION).map(([policy, option]) => [option, policy as JoinPolicy]),
);

type ProfileFields = Pick<
  Group,
  "avatarUrl" | "introduction" | "announcement" | "joinPolicy" | "maxMembers" | "allMuted"
>;

/** The profile of one get_group_info item; null for a field the answer lacks. */
export function toGroupProfile(
  info: Partial<Record<(typeof GROUP_PROFILE_FILTER)[number], unknown>>,
): ProfileFields {
  const muted = str(info.MuteAllMember) ?? str(info.ShutUpAllMember);
  return {
    avatarUrl: str(info.FaceUrl) ?? null,
    introduction: str(info.Introduction) ?? null,
    announcement: str(info.Notification) ?? null,
    joinPolicy: JOIN_POLICY_OF[str(info.ApplyJoinOption) ?? ""] ?? null,
    maxMembers: num(info.MaxMemberNum) ?? null,
    allMuted: muted === undefined ? null : muted === "On",
  };
}
