import {
  checkBoolean,
  checkGroupProfileUpdate,
  checkId,
  type GroupProfileField,
  type GroupProfileRules,
  JOIN_POLICIES,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import { JOIN_MODES } from "./group-info.js";
import { actorFor } from "./group-lookup.js";
import {
  GROUP_AVATAR_MAX,
  GROUP_ID,
  GROUP_NAME_MAX_CHARS,
  GROUP_NOTICE_MAX_CHARS,
} from "./limits.js";

// A group's profile (#17 §G1, §G3): name, avatar and notice through UpdateGroupData; join
// policy and member cap through ModifyGroupLimit. ZIM keeps no introduction.

const NO_INTRODUCTION =
  "ZIM groups have a name, an avatar and one notice (imgraph's announcement), no introduction or description: neither the server API (UpdateGroupData, QueryGroupInfo) nor the client SDK has one; an app may keep it as a group attribute";

/** ZEGO's profile rules; the member cap is the app's plan's (option groupMemberLimit). */
function rules(ctx: ZegoContext): GroupProfileRules {
  return {
    group: GROUP_ID,
    text: {
      name: { maxChars: GROUP_NAME_MAX_CHARS },
      // UpdateGroupData counts characters for both; an avatar URL is ASCII, so bytes = characters.
      avatarUrl: { maxBytes: GROUP_AVATAR_MAX, allowEmpty: true },
      announcement: { maxChars: GROUP_NOTICE_MAX_CHARS, allowEmpty: true },
    },
    joinPolicy: JOIN_POLICIES,
    maxMembers: { min: 1, max: ctx.groupMemberLimit },
    missing: (field: GroupProfileField) =>
      field === "introduction" ? NO_INTRODUCTION : `ZIM keeps no group ${field}`,
  };
}

/**
 * UpdateGroupData for the texts (a field sent as "" is cleared, an omitted one kept), then
 * ModifyGroupLimit for the policy and cap (only the parameters that change: one sent
 * without a value may be reset to 0). Two calls, not atomic: the texts land first.
 */
export const updateGroupProfile: Op<"updateGroupProfile"> = async (ctx, input, options) => {
  const update = checkGroupProfileUpdate("zego", input, rules(ctx));
  const { groupId, name, avatarUrl, announcement, joinPolicy, maxMembers } = update;
  const actor = await actorFor(ctx, "updateGroupProfile", groupId, update.actorId, options);
  const texts = {
    ...(name !== undefined ? { GroupName: name } : {}),
    ...(avatarUrl !== undefined ? { GroupAvatar: avatarUrl } : {}),
    ...(announcement !== undefined ? { GroupNotice: announcement } : {}),
  };
  if (Object.keys(texts).length > 0) {
    await zim(
      ctx,
      {
        operation: "updateGroupProfile",
        action: "UpdateGroupData",
        method: "POST",
        params: { FromUserId: actor, GroupId: groupId, ...texts },
        idempotent: true,
      },
      options,
    );
  }
  if (joinPolicy !== undefined || maxMembers !== undefined) {
    await zim(
      ctx,
      {
        operation: "updateGroupProfile",
        action: "ModifyGroupLimit",
        method: "GET",
        params: {
          FromUserId: actor,
          GroupId: groupId,
          ...(joinPolicy !== undefined ? { JoinMode: JOIN_MODES[joinPolicy] } : {}),
          ...(maxMembers !== undefined ? { MemberCountLimit: maxMembers } : {}),
        },
        idempotent: true,
      },
      options,
    );
  }
};

// Mute-all (#17 §G8): MuteGroup's IsAllMuted. Duration is always sent, as an absent one
// defaults to 0, which lifts every group-level mute.

/** −1: until lifted; 0: lift every group-level mute (mute-all and role mutes alike). */
const UNTIL_LIFTED = -1;
const LIFT = 0;

/**
 * As the owner by default (MuteGroup wants the owner or an admin: 660600032). Clients of
 * every role are muted, the owner and admins included (unverified, #17 §U9); server sends
 * (sendMessage) still go through. Unmuting also lifts role mutes set by other means.
 */
export const muteGroup: Op<"muteGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const muted = checkBoolean("muted", input.muted);
  const actor = await actorFor(ctx, "muteGroup", groupId, input.actorId, options);
  await zim(
    ctx,
    {
      operation: "muteGroup",
      action: "MuteGroup",
      method: "GET",
      params: {
        FromUserId: actor,
        GroupId: groupId,
        IsAllMuted: muted,
        Duration: muted ? UNTIL_LIFTED : LIFT,
      },
      idempotent: true,
    },
    options,
  );
};
