import { createHash, randomInt } from "node:crypto";
import {
  type CallOptions,
  checkPushBase,
  type PushBase,
  type PushNotification,
  type PushTask,
} from "@imgraph/core";
import { call, str, type TencentContext } from "./context.js";
import { PUSH_RULES } from "./limits.js";

/** What Tencent shows as the notification (OfflinePushInfo, cn 269/133879): the push is it. */
export function offlinePushInfo(n: PushNotification): Record<string, unknown> {
  return {
    PushFlag: 0,
    Desc: n.body,
    ...(n.title ? { Title: n.title } : {}),
    ...(n.data ? { Ext: n.data } : {}),
  };
}

/**
 * The push's MsgRandom: from the idempotency key when given (the same key, the same number:
 * Tencent answers a push with a MsgRandom it saw within 7 days with the first task), random
 * otherwise. Fixed before the first attempt, so a retry is the same push.
 */
export function pushRandom(idempotencyKey: string | undefined): number {
  if (idempotencyKey === undefined) return randomInt(0, 0x1_0000_0000);
  return createHash("sha256").update(`push\n${idempotencyKey}`).digest().readUInt32BE(0);
}

/** The checked notification and who it comes from (the admin when no one is named). */
export function pushBase(ctx: TencentContext, input: PushBase) {
  const notification = checkPushBase(input, PUSH_RULES);
  return {
    From_Account: input.from ?? ctx.adminUserId,
    MsgRandom: pushRandom(input.idempotencyKey ?? undefined),
    OfflinePushInfo: offlinePushInfo(notification),
  };
}

/**
 * timpush/push (intl doc 1047/60561): everyone, or the accounts the Condition selects. A
 * notification alone, no message (no MsgBody: nothing lands in conversations). Repeating
 * it is harmless: the MsgRandom makes a retry the same task.
 */
export async function pushToAudience(
  ctx: TencentContext,
  operation: string,
  input: PushBase,
  condition: Record<string, unknown> | undefined,
  options: CallOptions | undefined,
): Promise<PushTask> {
  const body = { ...pushBase(ctx, input), ...(condition ? { Condition: condition } : {}) };
  const answer = await call<{ TaskId?: unknown }>(
    ctx,
    operation,
    "timpush/push",
    body,
    options,
    true,
  );
  return { taskId: str(answer.TaskId) || null };
}
