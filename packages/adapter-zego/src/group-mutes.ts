import {
  type CallOptions,
  checkId,
  checkInt,
  itemOk,
  type MutedMember,
  runIdBatches,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import { memberAction } from "./group-actions.js";
import { allMembers } from "./group-lookup.js";
import { GROUP_ID, MUTE_MAX_SECONDS } from "./limits.js";
import { nextMarker } from "./paging.js";

/** MuteGroupMembers' Duration: −1 until unmuted, 0 lifts the mute. */
const FOREVER = -1;
const LIFT = 0;
/** FetchForbidGroupList's ForbidType bit for "this user is muted in person". */
const USER_MUTE = 4;

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

interface ForbidAnswer {
  FetchEnd?: unknown;
  NextFlag?: unknown;
  GroupList?: Array<{ GroupId?: unknown; ForbidType?: unknown }>;
}

/** Whether `userId` is muted in person in `groupId`, from the user's forbidden-group list. */
async function mutedIn(
  ctx: ZegoContext,
  userId: string,
  groupId: string,
  options?: CallOptions,
): Promise<boolean> {
  let flag: string | number = 0;
  for (let pages = 0; pages < 100; pages++) {
    const answer = await zim<ForbidAnswer>(
      ctx,
      {
        operation: "listMutedMembers",
        action: "FetchForbidGroupList",
        method: "POST",
        params: { FromUserId: userId, StartFlag: flag },
        idempotent: true,
      },
      options,
    );
    const entry = answer.GroupList?.find((g) => g.GroupId === groupId);
    if (entry) return (Number(entry.ForbidType) & USER_MUTE) !== 0;
    const next = nextMarker(answer.NextFlag);
    if (Number(answer.FetchEnd) === 1 || next === null || !answer.GroupList?.length) return false;
    flag = next;
  }
  return false;
}

/**
 * ZIM has no "muted members of a group" query: FetchForbidGroupList answers, per user,
 * the groups that user is muted in. So this reads the member list and asks for each
 * member — one call per member; the mute's end time is not given back.
 */
export const listMutedMembers: Op<"listMutedMembers"> = async (ctx, groupId, options) => {
  checkId("groupId", groupId, GROUP_ID);
  const { members } = await allMembers(ctx, "listMutedMembers", groupId, options);
  const checked = await runIdBatches(
    ctx,
    members.map((m) => m.userId),
    1,
    async ([userId]) => [
      itemOk(userId as string, await mutedIn(ctx, userId as string, groupId, options)),
    ],
  );
  const muted: MutedMember[] = [];
  for (const result of checked) {
    if (!result.ok) throw result.error;
    if (result.value) muted.push({ userId: result.key, mutedUntil: null });
  }
  return muted;
};
