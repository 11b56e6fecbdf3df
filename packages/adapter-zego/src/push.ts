import { checkIds } from "@imgraph/core";
import { messageFields, toZego } from "./content.js";
import { type Op, zim } from "./context.js";
import { USER_ID } from "./limits.js";

/**
 * SendMessageToAllUsers: not stored, no id (Professional plan and up; 1/s, 100/day). Only
 * offered with `features.broadcast` (see implementation.ts). Never repeated once it may
 * have reached ZEGO: ZEGO does not deduplicate sends.
 */
export const broadcastMessage: Op<"broadcastMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const fields = messageFields(toZego(input.content, ctx.messageMaxBytes), input.pushText);
  await zim(
    ctx,
    {
      operation: "broadcastMessage",
      action: "SendMessageToAllUsers",
      method: "POST",
      // PushType 0: online users only; 1: also an offline push.
      params: { FromUserId: from, ...fields, PushType: input.pushText === undefined ? 0 : 1 },
      idempotent: false,
    },
    options,
  );
  return { messageId: null };
};
