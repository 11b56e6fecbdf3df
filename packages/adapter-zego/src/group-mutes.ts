import { checkInt } from "@imgraph/core";
import type { Op } from "./context.js";
import { memberAction } from "./group-actions.js";
import { MUTE_MAX_SECONDS } from "./limits.js";

// Member mutes (MuteGroupMembers). Which members are muted cannot be read back on the
// server (FetchForbidGroupList lists the app's muted groups): listMutedMembers is a gap.

/** MuteGroupMembers' Duration: −1 until unmuted, 0 lifts the mute. */
const FOREVER = -1;
const LIFT = 0;

export const muteGroupMembers: Op<"muteGroupMembers"> = (ctx, input, options) => {
  const duration =
    input?.durationSeconds === undefined
      ? FOREVER
      : checkInt("durationSeconds", input.durationSeconds, { min: 1, max: MUTE_MAX_SECONDS });
  // The operator must be owner or admin (660600032); the owner by default.
  const use = { params: { Duration: duration } };
  return memberAction(ctx, "muteGroupMembers", "MuteGroupMembers", input, use, options);
};

export const unmuteGroupMembers: Op<"unmuteGroupMembers"> = (ctx, input, options) => {
  const use = { params: { Duration: LIFT } };
  return memberAction(ctx, "unmuteGroupMembers", "MuteGroupMembers", input, use, options);
};
