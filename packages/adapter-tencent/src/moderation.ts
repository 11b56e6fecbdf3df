import {
  type BanInput,
  type CallOptions,
  checkIds,
  checkInt,
  distinct,
  type ItemResult,
  itemOk,
  runBatched,
} from "@imgraph/core";
import { call, type TencentContext } from "./context.js";
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
  return runBatched(userIds, {
    size: 1,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async ([id]) => {
      await call(
        ctx,
        operation,
        "openconfigsvr/setnospeaking",
        { Set_Account: id, C2CmsgNospeakingTime: seconds, GroupmsgNospeakingTime: seconds },
        options,
        true,
      );
      return [itemOk(id as string, true as const)];
    },
  });
}

export async function banUsers(
  ctx: TencentContext,
  input: BanInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const ids = checkIds("userIds", input?.userIds, USER_ID);
  // Omitted: Tencent's "forever" (4294967295 s); a duration must stay below it.
  const seconds =
    input.durationSeconds === undefined
      ? FOREVER_SECONDS
      : checkInt("durationSeconds", input.durationSeconds, { min: 1, max: FOREVER_SECONDS - 1 });
  const results = await setNoSpeaking(ctx, "banUsers", distinct(ids), seconds, options);
  return byKey(ids, results);
}

export async function unbanUsers(
  ctx: TencentContext,
  userIds: string[],
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const ids = checkIds("userIds", userIds, USER_ID);
  return byKey(ids, await setNoSpeaking(ctx, "unbanUsers", distinct(ids), 0, options));
}

function byKey<T>(keys: string[], results: ItemResult<T>[]): ItemResult<T>[] {
  const map = new Map(results.map((r) => [r.key, r]));
  return keys.map((k) => map.get(k) as ItemResult<T>);
}
