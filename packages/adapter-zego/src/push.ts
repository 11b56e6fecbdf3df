import { BadUserInputError, checkIds, checkPushBase } from "@imgraph/core";
import { MSG_TEXT, messageFields, toZego } from "./content.js";
import { type Op, zim } from "./context.js";
import { PUSH_RULES, USER_ID } from "./limits.js";

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

/**
 * Push to all users = SendMessageToAllUsers with PushType 1: online users get a text message
 * (the body; the data as ExtendedData), offline users a push (OfflinePush Title, Content,
 * Payload). ZEGO names no task and keeps no status, so the task id is null. Not repeated
 * once it may have reached ZEGO (no dedup field); the gateway's idempotency key guards repeats.
 */
export const pushToAll: Op<"pushToAll"> = async (ctx, input, options) => {
  const n = checkPushBase(input, PUSH_RULES);
  const from = input.from ?? ctx.operatorUserId;
  if (from === undefined) {
    throw new BadUserInputError(
      "from",
      "ZIM sends a push to all users from a registered user: give from, or set operatorUserId.",
    );
  }
  const offlinePush = {
    Enable: 1,
    ...(n.title ? { Title: n.title } : {}),
    Content: n.body,
    ...(n.data ? { Payload: n.data } : {}),
  };
  await zim(
    ctx,
    {
      operation: "pushToAll",
      action: "SendMessageToAllUsers",
      method: "POST",
      params: {
        FromUserId: from,
        MessageType: MSG_TEXT,
        MessageBody: {
          Message: n.body,
          ...(n.data ? { ExtendedData: n.data } : {}),
          OfflinePush: offlinePush,
        },
        PushType: 1,
      },
      idempotent: false,
    },
    options,
  );
  return { taskId: null };
};
