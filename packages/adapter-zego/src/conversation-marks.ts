import {
  type CallOptions,
  checkMarks,
  checkUserConversation,
  type ListedConversation,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import { zegoError } from "./errors.js";
import { CONVERSATION_MARKS, GROUP_USERS } from "./limits.js";
import { failureOf } from "./mark-answer.js";

// Conversation marks on ZIM's server API (zego.md #16 §1.6): SetConvMark sets or cancels
// marks 1..30 (the neutral marks, unchanged). Nothing on the server reads them back (§1.7):
// listConversationMarks is a gap.

/**
 * One SetConvMark call per mark: an entry's map holds one MarkContent per conversation, and
 * whether one call may repeat a UserId is not documented, so each call names the user once.
 * Adds go first, then removes; the first failure stops the rest (marks changed before it
 * stay changed, and repeating the whole call is safe: a repeat set or cancel succeeds).
 */
export const setConversationMarks: Op<"setConversationMarks"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const { add, remove } = checkMarks(input.add, input.remove, CONVERSATION_MARKS);
  for (const mark of add) await setMark(ctx, userId, conversation, mark, true, options);
  for (const mark of remove) await setMark(ctx, userId, conversation, mark, false, options);
};

async function setMark(
  ctx: ZegoContext,
  userId: string,
  conversation: ListedConversation,
  mark: number,
  set: boolean,
  options: CallOptions | undefined,
): Promise<void> {
  const map = { [conversation.id]: { MarkContent: mark } };
  // A whole-call failure (660800054 when nothing succeeded, 660800001 an unknown user) is
  // thrown by the client; a Code 0 answer may still list ours as failed (batch rule).
  const answer = await zim<Record<string, unknown>>(
    ctx,
    {
      operation: "setConversationMarks",
      action: "SetConvMark",
      method: "POST",
      params: {
        FromUserId: userId,
        ConvMarkInfoList: [
          {
            UserId: userId,
            ...(conversation.type === "USER" ? { SetMarkC2c: map } : { SetMarkGroup: map }),
            Action: set,
          },
        ],
      },
      idempotent: true,
    },
    options,
  );
  const failed = failureOf(answer);
  if (failed) {
    const subject = `${conversation.id} mark ${mark}`;
    throw zegoError("zim", failed.code, failed.message, {}, subject).error;
  }
}
