import { type CallOptions, checkActor, checkGroupProfileUpdate, checkId } from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import { APPLY_JOIN_OPTION, GROUP_PROFILE_RULES } from "./group-depth-limits.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// A group's profile and mute-all through modify_group_base_info (docs/vendors/tencent.md
// #17 §2.1). Setting the same values again converges, so a repeat after a lost answer is
// harmless. From_Account (the cn page's operator field) is not sent: it is unverified on the
// international API, and the gateway has checked the actor already.

/** Name, FaceUrl, Introduction, Notification, ApplyJoinOption and MaxMemberNum, as given. */
export const updateGroupProfile: Op<"updateGroupProfile"> = async (ctx, input, options) => {
  const p = checkGroupProfileUpdate("tencent", input, GROUP_PROFILE_RULES);
  checkActor(p.actorId, USER_ID);
  await call(
    ctx,
    "updateGroupProfile",
    "group_open_http_svc/modify_group_base_info",
    {
      GroupId: p.groupId,
      ...(p.name !== undefined ? { Name: p.name } : {}),
      ...(p.avatarUrl !== undefined ? { FaceUrl: p.avatarUrl } : {}),
      ...(p.introduction !== undefined ? { Introduction: p.introduction } : {}),
      ...(p.announcement !== undefined ? { Notification: p.announcement } : {}),
      ...(p.joinPolicy !== undefined ? { ApplyJoinOption: APPLY_JOIN_OPTION[p.joinPolicy] } : {}),
      ...(p.maxMembers !== undefined ? { MaxMemberNum: p.maxMembers } : {}),
    },
    options,
    true,
  );
};

/** MuteAllMember On / Off: while on, only the owner, admins and the app admin send. */
export const muteGroup: Op<"muteGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  await setMuteAll(ctx, "muteGroup", groupId, input.muted === true, options);
};

/** modify_group_base_info MuteAllMember On / Off, for a group or a live group. */
export async function setMuteAll(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  muted: boolean,
  options: CallOptions | undefined,
): Promise<void> {
  await call(
    ctx,
    operation,
    "group_open_http_svc/modify_group_base_info",
    { GroupId: groupId, MuteAllMember: muted ? "On" : "Off" },
    options,
    true,
  );
}
