import { randomInt } from "node:crypto";
import { call, type Op } from "./context.js";
import { outgoing } from "./outgoing.js";

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
