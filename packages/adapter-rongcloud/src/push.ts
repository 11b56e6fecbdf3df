import { checkIds } from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post } from "./context.js";
import { USER_ID } from "./limits.js";
import { type PublishAnswer, pushFields } from "./publish.js";

/**
 * A message to every user of the app (RongCloud's broadcast: enabled per app key in the
 * console, at most 2 an hour; options.features.broadcast turns it on here).
 */
export const broadcastMessage: Op<"broadcastMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const answer = await post<PublishAnswer>(
    ctx,
    "broadcastMessage",
    "/message/broadcast.json",
    { fromUserId: from, ...body, ...pushFields(input.pushText) },
    options,
    false,
  );
  return { messageId: typeof answer.messageUID === "string" ? answer.messageUID : null };
};
