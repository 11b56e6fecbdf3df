import {
  type CallOptions,
  checkIds,
  checkMuteUsers,
  checkUnmuteUsers,
  itemOk,
  type MuteScope,
  runIdBatches,
  UnsupportedByVendorError,
  type UserMute,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { gagEnd } from "./gag-times.js";
import {
  durationMinutes,
  GAG_MAX_MINUTES,
  GAG_USERS_PER_CALL,
  MUTE_RULES,
  USER_ID,
} from "./limits.js";
import { directMutes, groupGags } from "./mute-lists.js";

// App-wide mutes (vendor reference §7): DIRECT is RongCloud's one-to-one chat ban
// (/user/chat/fb/*, no duration), GROUPS its gag "in all groups" (/group/user/gag/* without
// groupId: minutes or permanent, at most 100 users app-wide). Chunks of 20 users (the gag's
// limit) go through every scope asked; a user fails if any scope's call fails.

const NO_DIRECT_DURATION =
  "RongCloud's one-to-one mute has no duration; omit durationSeconds to mute until lifted";

/** The call that sets (or lifts) one scope for a chunk of users. */
function scopeCall(scope: MuteScope, mute: boolean, minute: number) {
  if (scope === "DIRECT")
    return { path: "/user/chat/fb/set.json", fields: { state: mute ? 1 : 0, type: "PERSON" } };
  return mute
    ? { path: "/group/user/gag/add.json", fields: { minute } }
    : { path: "/group/user/gag/rollback.json", fields: {} };
}

function applyScopes(
  ctx: RongCloudContext,
  operation: string,
  userIds: string[],
  scopes: MuteScope[],
  mute: boolean,
  minute: number,
  options: CallOptions | undefined,
) {
  return runIdBatches(ctx, userIds, GAG_USERS_PER_CALL, async (chunk) => {
    for (const scope of scopes) {
      const { path, fields } = scopeCall(scope, mute, minute);
      await post(ctx, operation, path, { ...fields, userId: chunk }, options, true);
    }
    return chunk.map((id) => itemOk(id, true as const));
  });
}

export const muteUsers: Op<"muteUsers"> = async (ctx, input, options) => {
  const { userIds, scopes, durationSeconds } = checkMuteUsers(input, MUTE_RULES);
  if (scopes.includes("DIRECT") && durationSeconds !== undefined)
    throw new UnsupportedByVendorError("rongcloud", "muteUsers", NO_DIRECT_DURATION);
  // minute 0 is RongCloud's "until lifted"; seconds round up to whole minutes.
  const minute = durationMinutes(durationSeconds, GAG_MAX_MINUTES, 0);
  return applyScopes(ctx, "muteUsers", userIds, scopes, true, minute, options);
};

export const unmuteUsers: Op<"unmuteUsers"> = async (ctx, input, options) => {
  const { userIds, scopes } = checkUnmuteUsers(input, USER_ID);
  return applyScopes(ctx, "unmuteUsers", userIds, scopes, false, 0, options);
};

/**
 * Both lists are app-wide, not per user: the all-groups gags come in one answer (≤100
 * users), the one-to-one mutes in pages read until every asked user is found.
 */
export const getUserMutes: Op<"getUserMutes"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, GAG_USERS_PER_CALL, async (chunk) => {
    const gags = await groupGags(ctx, options);
    const direct = await directMutes(ctx, new Set(chunk), options);
    return chunk.map((id) => {
      const gag = gags.get(id);
      const mutes: UserMute[] = [
        ...(direct.has(id) ? [{ scope: "DIRECT" as const, until: null }] : []),
        ...(gag ? [{ scope: "GROUPS" as const, until: gagEnd(gag, ctx.region) }] : []),
      ];
      return itemOk(id, mutes);
    });
  });
};
