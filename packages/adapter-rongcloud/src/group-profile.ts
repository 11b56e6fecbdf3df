import {
  BadUserInputError,
  checkActor,
  checkGroupProfileUpdate,
  checkId,
  NotFoundError,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import { CLASSIC_PROFILE_RULES, HOSTED_PROFILE_RULES } from "./group-limits.js";
import { memberIds } from "./groups.js";
import { JOIN_PERM_OF } from "./hosted-group-reads.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// A group's profile and its whole-group mute (vendor reference #17 §1.1–1.2). Classic groups
// keep only a name (/group/refresh.json); hosted groups a groupProfile (name, portraitUrl,
// introduction, announcement) and permissions (joinPerm). Mute-all is /group/ban/* for both.

export const updateGroupProfile: Op<"updateGroupProfile"> = async (ctx, input, options) => {
  const operation = "updateGroupProfile";
  if (!ctx.features.hostedGroups) {
    // Every field but the name is refused here, before any call.
    const { groupId, name } = checkGroupProfileUpdate("rongcloud", input, CLASSIC_PROFILE_RULES);
    checkActor(input.actorId, USER_ID);
    // refresh.json would make a binding-less name record: a group without members is unknown.
    if ((await memberIds(ctx, operation, groupId, options)).length === 0)
      throw new NotFoundError(`RongCloud has no group ${groupId}.`, { vendor: "rongcloud" });
    await post(ctx, operation, "/group/refresh.json", { groupId, groupName: name }, options, true);
    return;
  }
  const u = checkGroupProfileUpdate("rongcloud", input, HOSTED_PROFILE_RULES);
  checkActor(u.actorId, USER_ID);
  const profile = Object.fromEntries(
    Object.entries({
      name: u.name,
      portraitUrl: u.avatarUrl,
      introduction: u.introduction,
      announcement: u.announcement,
    }).filter(([, v]) => v !== undefined),
  );
  // Only the parts with a change are sent: a part given is merged key by key (#17 §U2), and
  // the name goes in groupProfile as the doc and the Go SDK send it (§U4).
  const fields = {
    groupId: u.groupId,
    ...(Object.keys(profile).length ? { groupProfile: JSON.stringify(profile) } : {}),
    ...(u.joinPolicy
      ? { permissions: JSON.stringify({ joinPerm: JOIN_PERM_OF[u.joinPolicy] }) }
      : {}),
  };
  await post(ctx, operation, "/entrust/group/profile/update.json", fields, options, true);
};

/**
 * /group/ban/add.json and rollback.json. Nobody is exempt but the group's mute exception
 * list: whether a hosted group's owner and admins still send is unverified (#17 §U3).
 */
export const muteGroup: Op<"muteGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  if (typeof input.muted !== "boolean")
    throw new BadUserInputError("muted", "muted must be true or false.");
  const path = input.muted ? "/group/ban/add.json" : "/group/ban/rollback.json";
  await post(ctx, "muteGroup", path, { groupId }, options, true);
};
