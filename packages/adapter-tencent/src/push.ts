import { randomInt } from "node:crypto";
import { checkPushAttributes, checkPushTags, checkPushUsers } from "@imgraph/core";
import { call, type Op, str } from "./context.js";
import { itemFailure } from "./errors.js";
import { PUSH_RULES } from "./limits.js";
import { outgoing } from "./outgoing.js";
import { checkAttributeName } from "./push-attributes.js";
import { pushBase, pushToAudience } from "./push-send.js";

/**
 * All-member push (timpush/push, no Condition = everyone). Tencent treats a push with the
 * same MsgRandom within 7 days as the same task, so the MsgRandom fixed before the first
 * attempt makes a retry harmless. The answer is a push TaskId, not a message: no message
 * id to recall. Only for apps with all-member push enabled (options.broadcast).
 */
export const broadcastMessage: Op<"broadcastMessage"> = async (ctx, input, options) => {
  const { from, body, push } = outgoing(input);
  await call(
    ctx,
    "broadcastMessage",
    "timpush/push",
    { From_Account: from, MsgRandom: randomInt(0, 0x1_0000_0000), MsgBody: body, ...push },
    options,
    true,
  );
  return { messageId: null };
};

/** Everyone the app has (accounts that logged in or were imported): timpush/push, no Condition. */
export const pushToAll: Op<"pushToAll"> = (ctx, input, options) =>
  pushToAudience(ctx, "pushToAll", input, undefined, options);

/** Holders of all (TagsAnd) or any (TagsOr) of the push tags (user-tags.ts sets them). */
export const pushToTags: Op<"pushToTags"> = (ctx, input, options) => {
  const { match, tags } = checkPushTags(input, PUSH_RULES);
  const condition = match === "all" ? { TagsAnd: tags } : { TagsOr: tags };
  return pushToAudience(ctx, "pushToTags", input, condition, options);
};

/** Accounts whose push attributes hold every value (AttrsAnd), by the app's attribute names. */
export const pushToAttributes: Op<"pushToAttributes"> = (ctx, input, options) => {
  const entries = checkPushAttributes(input, PUSH_RULES);
  for (const [key] of entries) checkAttributeName(ctx, "attributes", key);
  const condition = { AttrsAnd: Object.fromEntries(entries) };
  return pushToAudience(ctx, "pushToAttributes", input, condition, options);
};

interface BatchAnswer {
  TaskId?: unknown;
  ErrorList?: Array<{ To_Account?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown }>;
}

/**
 * timpush/batch (intl doc 1047/67553): 1-500 listed accounts. Tencent dedups its MsgRandom
 * only within the same second, so a retry after a lost answer could push twice: not
 * repeated by the client. Accounts Tencent does not know come back in ErrorList; when every
 * listed account failed, the push failed with the first one's reason.
 */
export const pushToUsers: Op<"pushToUsers"> = async (ctx, input, options) => {
  const base = pushBase(ctx, input);
  const userIds = checkPushUsers(input, PUSH_RULES);
  const answer = await call<BatchAnswer>(
    ctx,
    "pushToUsers",
    "timpush/batch",
    { ...base, To_Account: userIds },
    options,
    false,
  );
  const failed = answer.ErrorList ?? [];
  const first = failed[0];
  if (first && failed.length >= userIds.length) {
    throw itemFailure(first.ErrorCode, first.ErrorInfo);
  }
  return { taskId: str(answer.TaskId) || null };
};
