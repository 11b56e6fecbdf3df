import { type CallOptions, type ItemResult, itemOk, runIdBatches } from "@imgraph/core";
import { call, type TencentContext } from "./context.js";

// Tencent's global mute (openconfigsvr, docs/vendors/tencent.md "Social graph and user
// depth" §18): one account per call; C2C and group scopes are separate fields in seconds
// (0 lifts, 4294967295 lasts until lifted).

/** The scopes one setnospeaking call changes: seconds for each field sent. */
export interface NoSpeakingTimes {
  C2CmsgNospeakingTime?: number;
  GroupmsgNospeakingTime?: number;
}

/**
 * setnospeaking for each user (one call each, `ctx.concurrency` at once). An unknown user
 * fails the call (70107 → NOT_FOUND), which runIdBatches answers as that user's item.
 */
export function setNoSpeaking(
  ctx: TencentContext,
  operation: string,
  userIds: string[],
  times: NoSpeakingTimes,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  return runIdBatches(ctx, userIds, 1, async ([id]) => {
    await call(
      ctx,
      operation,
      "openconfigsvr/setnospeaking",
      { Set_Account: id, ...times },
      options,
      // Setting an absolute state: repeating converges.
      true,
    );
    return [itemOk(id as string, true as const)];
  });
}

export interface NoSpeakingAnswer {
  C2CmsgNospeakingTime?: unknown;
  GroupmsgNospeakingTime?: unknown;
}

/** getnospeaking for one user: the REMAINING seconds of each scope (0: not muted). */
export function getNoSpeaking(
  ctx: TencentContext,
  operation: string,
  userId: string,
  options?: CallOptions,
): Promise<NoSpeakingAnswer> {
  return call<NoSpeakingAnswer>(
    ctx,
    operation,
    "openconfigsvr/getnospeaking",
    { Get_Account: userId },
    options,
    true,
  );
}
