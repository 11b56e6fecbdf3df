import {
  type CallOptions,
  checkIds,
  checkInt,
  type ItemResult,
  itemOk,
  runIdBatches,
} from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import { FOREVER_SECONDS, USER_ID } from "./limits.js";

/**
 * A ban is Tencent's global mute (setnospeaking): the user can still log in but cannot
 * send one-to-one (20012) or group (10017) messages. One account per call.
 */
function setNoSpeaking(
  ctx: TencentContext,
  operation: string,
  userIds: string[],
  seconds: number,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  return runIdBatches(ctx, userIds, 1, async ([id]) => {
    await call(
      ctx,
      operation,
      "openconfigsvr/setnospeaking",
      { Set_Account: id, C2CmsgNospeakingTime: seconds, GroupmsgNospeakingTime: seconds },
      options,
      true,
    );
    return [itemOk(id as string, true as const)];
  });
}

export const banUsers: Op<"banUsers"> = async (ctx, input, options) => {
  const ids = checkIds("userIds", input?.userIds, USER_ID);
  // Omitted: Tencent's "forever" (4294967295 s); a duration must stay below it.
  const seconds =
    input.durationSeconds === undefined
      ? FOREVER_SECONDS
      : checkInt("durationSeconds", input.durationSeconds, { min: 1, max: FOREVER_SECONDS - 1 });
  return setNoSpeaking(ctx, "banUsers", ids, seconds, options);
};

export const unbanUsers: Op<"unbanUsers"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return setNoSpeaking(ctx, "unbanUsers", ids, 0, options);
};
