import { randomInt } from "node:crypto";
import {
  type BroadcastInput,
  type BroadcastResult,
  type CallOptions,
  checkIds,
} from "@imgraph/core";
import { toMsgBody } from "./content.js";
import { call, type TencentContext } from "./context.js";
import { USER_ID } from "./limits.js";
import { pushInfo } from "./messages.js";

/**
 * All-member push (timpush/push, no Condition = everyone). Tencent treats a push with the
 * same MsgRandom within 7 days as the same task, so the MsgRandom fixed before the first
 * attempt makes a retry harmless. The answer is a push TaskId, not a message: no message
 * id to recall.
 */
export async function broadcastMessage(
  ctx: TencentContext,
  input: BroadcastInput,
  options?: CallOptions,
): Promise<BroadcastResult> {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toMsgBody(input.content, input.pushText);
  await call(
    ctx,
    "broadcastMessage",
    "timpush/push",
    {
      From_Account: from,
      MsgRandom: randomInt(0, 0x1_0000_0000),
      MsgBody: body,
      ...pushInfo(input.pushText),
    },
    options,
    true,
  );
  return { messageId: null };
}
