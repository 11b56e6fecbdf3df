import {
  type CallOptions,
  checkId,
  type GroupMembersInput,
  type ItemResult,
  itemOk,
  runIdBatches,
} from "@imgraph/core";
import { call, num, type Op, str, type TencentContext } from "./context.js";
import { GROUP_ID, MEMBERS_PER_MUTE } from "./limits.js";
import { checkMembersInput } from "./members-input.js";
import { endDate, isOver, secondsOrForever } from "./restriction-times.js";

/**
 * forbid_send_msg: MuteTime seconds, 0 unmutes, 4294967295 is "until unmuted" (live groups'
 * members too).
 */
export async function forbidSend(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  userIds: string[],
  seconds: number,
  options: CallOptions | undefined,
): Promise<void> {
  await call(
    ctx,
    operation,
    "group_open_http_svc/forbid_send_msg",
    { GroupId: groupId, Members_Account: userIds, MuteTime: seconds },
    options,
    true,
  );
}

function forbid(
  ctx: TencentContext,
  operation: string,
  input: GroupMembersInput,
  seconds: number,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { groupId, ids } = checkMembersInput(input);
  // runBatched sends a repeated id once and answers it at each place, in order.
  return runIdBatches(ctx, ids, MEMBERS_PER_MUTE, async (chunk) => {
    await forbidSend(ctx, operation, groupId, chunk, seconds, options);
    return chunk.map((id) => itemOk(id, true as const));
  });
}

export const muteGroupMembers: Op<"muteGroupMembers"> = (ctx, input, options) => {
  const seconds = secondsOrForever(input?.durationSeconds);
  return forbid(ctx, "muteGroupMembers", input, seconds, options);
};

export const unmuteGroupMembers: Op<"unmuteGroupMembers"> = (ctx, input, options) => {
  return forbid(ctx, "unmuteGroupMembers", input, 0, options);
};

interface MutedAnswer {
  MutedAccountList?: Array<{ Member_Account?: unknown; MutedUntil?: unknown }>;
  ShuttedUinList?: Array<{ Member_Account?: unknown; ShuttedUntil?: unknown }>;
}

/**
 * get_group_muted_account. Which list name is current is unverified (MutedAccountList /
 * ShuttedUinList): we read both. An end at or past 2^32-1 s is a mute "until unmuted".
 */
export const listMutedMembers: Op<"listMutedMembers"> = async (ctx, groupId, options) => {
  const id = checkId("groupId", groupId, GROUP_ID);
  const muted = await mutedAccounts(ctx, "listMutedMembers", id, options);
  return muted.map(({ userId, endSeconds }) => ({ userId, mutedUntil: endDate(endSeconds) }));
};

/**
 * The members of a group (or live group) muted now, each once, with the second their mute
 * ends (undefined where Tencent does not say); mutes already over are left out.
 */
export async function mutedAccounts(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  options?: CallOptions,
): Promise<Array<{ userId: string; endSeconds: number | undefined }>> {
  const answer = await call<MutedAnswer>(
    ctx,
    operation,
    "group_open_http_svc/get_group_muted_account",
    { GroupId: groupId },
    options,
    true,
  );
  // Prefer the current name; an answer may carry both lists with the same entries.
  const entries = Array.isArray(answer.MutedAccountList)
    ? answer.MutedAccountList.map((m) => [m?.Member_Account, m?.MutedUntil] as const)
    : (answer.ShuttedUinList ?? []).map((m) => [m?.Member_Account, m?.ShuttedUntil] as const);
  const nowSeconds = ctx.now() / 1000;
  const out = new Map<string, { userId: string; endSeconds: number | undefined }>();
  for (const [account, until] of entries) {
    const userId = str(account);
    if (!userId) continue;
    const end = num(until);
    if (isOver(end, nowSeconds)) continue;
    out.set(userId, { userId, endSeconds: end });
  }
  return [...out.values()];
}
