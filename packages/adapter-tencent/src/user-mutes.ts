import {
  checkIds,
  checkMuteUsers,
  checkUnmuteUsers,
  itemOk,
  type MuteRules,
  type MuteScope,
  runIdBatches,
  type UserMute,
} from "@imgraph/core";
import { num, type Op } from "./context.js";
import { FOREVER_SECONDS, USER_ID } from "./limits.js";
import { getNoSpeaking, type NoSpeakingTimes, setNoSpeaking } from "./nospeaking.js";
import { DURATION_SECONDS } from "./restriction-times.js";

// App-wide mutes: Tencent's global mute (docs/vendors/tencent.md "Social graph and user
// depth" §18). DIRECT is C2CmsgNospeakingTime, GROUPS is GroupmsgNospeakingTime.

/** A finite mute must stay below 4294967295 s, Tencent's "until lifted". */
const MUTE_RULES: MuteRules = { user: USER_ID, maxDurationSeconds: DURATION_SECONDS.max };

const FIELD = {
  DIRECT: "C2CmsgNospeakingTime",
  GROUPS: "GroupmsgNospeakingTime",
} as const satisfies Record<MuteScope, keyof NoSpeakingTimes>;

/** The fields of one setnospeaking call: `seconds` for each scope named, others untouched. */
const times = (scopes: MuteScope[], seconds: number): NoSpeakingTimes =>
  Object.fromEntries(scopes.map((s) => [FIELD[s], seconds]));

export const muteUsers: Op<"muteUsers"> = async (ctx, input, options) => {
  const { userIds, scopes, durationSeconds } = checkMuteUsers(input, MUTE_RULES);
  const seconds = durationSeconds ?? FOREVER_SECONDS;
  return setNoSpeaking(ctx, "muteUsers", userIds, times(scopes, seconds), options);
};

export const unmuteUsers: Op<"unmuteUsers"> = async (ctx, input, options) => {
  const { userIds, scopes } = checkUnmuteUsers(input, USER_ID);
  return setNoSpeaking(ctx, "unmuteUsers", userIds, times(scopes, 0), options);
};

/**
 * getnospeaking answers the seconds LEFT of each scope (its sample sets 7200 and reads
 * 7196): the end is now plus that; 4294967295 lasts until lifted; 0 is not muted.
 */
export const getUserMutes: Op<"getUserMutes"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, 1, async ([id]) => {
    const answer = await getNoSpeaking(ctx, "getUserMutes", id as string, options);
    const now = ctx.now();
    const mutes: UserMute[] = [];
    for (const scope of ["DIRECT", "GROUPS"] as const) {
      const left = num(answer[FIELD[scope]]) ?? 0;
      if (left === 0) continue;
      mutes.push({
        scope,
        until: left >= FOREVER_SECONDS ? null : new Date(now + left * 1000),
      });
    }
    return [itemOk(id as string, mutes)];
  });
};
