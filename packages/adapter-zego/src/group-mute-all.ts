import { checkBoolean, checkId } from "@imgraph/core";
import { type Op, zim } from "./context.js";
import { actorFor } from "./group-lookup.js";
import { GROUP_ID } from "./limits.js";

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
