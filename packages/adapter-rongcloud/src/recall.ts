import { type CallOptions, checkActor, NotFoundError } from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { historyQuery, newest } from "./history-query.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId, GROUP, type MessageRef, PRIVATE } from "./message-ids.js";

export const recallMessage: Op<"recallMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  const actor = checkActor(input.actorId, USER_ID) ?? ref.from;
  // RongCloud wants the message's server time with a recall: read it back from history
  // (a read, safe to retry). Without cloud storage recall is off (implementation.ts).
  const sentTime = await serverSentTime(ctx, ref, options);
  await post(
    ctx,
    "recallMessage",
    "/message/recall.json",
    {
      fromUserId: ref.from,
      conversationType: ref.type,
      targetId: ref.target,
      messageUID: ref.uid,
      sentTime,
      // An admin recall when someone other than the sender asks.
      isAdmin: actor === ref.from ? 0 : 1,
    },
    options,
    true,
  );
};

/** How far back a recall looks for its message: the conversation's newest messages. */
const RECALL_SEARCH_DEPTH = 1000;

async function serverSentTime(
  ctx: RongCloudContext,
  ref: MessageRef,
  options?: CallOptions,
): Promise<number | undefined> {
  // System messages have no history to read: their recall goes without a time (the Java
  // SDK treats it as optional; the docs say required: unverified which the server does).
  if (ref.type !== PRIVATE && ref.type !== GROUP) return undefined;
  const query = historyQuery(
    ctx,
    "recallMessage",
    { type: ref.type, userId: ref.from, targetId: ref.target },
    options,
  );
  const rows = await newest(query, 0, Date.now() + 60_000, RECALL_SEARCH_DEPTH);
  const row = rows.find((r) => r.messageUID === ref.uid);
  if (!row) {
    throw new NotFoundError(
      `The message is not among the conversation's newest ${RECALL_SEARCH_DEPTH} messages (or was already recalled).`,
      { vendor: "rongcloud", operation: "recallMessage" },
    );
  }
  return Number(row.msgTime);
}
