import {
  type CallOptions,
  type ItemResult,
  itemError,
  RateLimitedError,
  type SentMessage,
  sentItem,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, str, type TencentContext } from "./context.js";
import { sendMarks } from "./dedup.js";
import { encodeMessageId } from "./message-ids.js";
import type { Outgoing } from "./outgoing.js";

interface GroupSendAnswer {
  MsgTime?: unknown;
  MsgSeq?: unknown;
  MsgDropReason?: unknown;
}

/**
 * send_group_msg with a Random fixed before the first attempt: Tencent drops the same
 * content with the same Random within 5 minutes, so a retry cannot post twice.
 */
export async function sendToGroup(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  { from, body, push, idempotencyKey, flags, priority }: Outgoing,
  options?: CallOptions,
): Promise<ItemResult<SentMessage>> {
  const marks = sendMarks(
    () => `${ctx.appId}\ngroup\n${from}\n${groupId}\n${JSON.stringify(body)}`,
    idempotencyKey,
  );
  const answer = await call<GroupSendAnswer>(
    ctx,
    operation,
    "group_open_http_svc/send_group_msg",
    {
      GroupId: groupId,
      From_Account: from,
      Random: marks.msgRandom,
      MsgBody: body,
      ...push,
      ...flags,
      ...(priority ? { MsgPriority: priority } : {}),
    },
    options,
    true,
  );
  const dropped = str(answer.MsgDropReason);
  if (dropped) {
    return itemError(
      groupId,
      new RateLimitedError(`Tencent dropped the message: ${dropped.slice(0, 100)}.`, {
        vendor: "tencent",
        retryAfter: 1,
      }),
    );
  }
  const msgSeq = num(answer.MsgSeq);
  const messageId =
    msgSeq === undefined
      ? undefined
      : encodeMessageId(ctx, { kind: "group", groupId, msgSeq, from });
  return sentItem(groupId, messageId, fromUnixSeconds(answer.MsgTime) ?? new Date(ctx.now()), {
    vendor: "tencent",
    message: "Tencent accepted the message but gave it no MsgSeq.",
    operation,
  });
}
