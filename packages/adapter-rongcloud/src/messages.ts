import { randomInt } from "node:crypto";
import {
  BadUserInputError,
  type CallOptions,
  checkId,
  checkIds,
  type ItemResult,
  type QueryParams,
  runIdBatches,
  type SentMessage,
  sentItem,
} from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post, type RongCloudContext } from "./context.js";
import {
  GROUP_ID,
  PRIVATE_RECIPIENTS_PER_CALL,
  SYSTEM_RECIPIENTS_PER_CALL,
  USER_ID,
} from "./limits.js";
import { encodeMessageId, GROUP, PRIVATE, SYSTEM } from "./message-ids.js";
import { type PublishAnswer, pushFields } from "./publish.js";

/** The uid the server gave each recipient (or group), by target id. */
function uidsByTarget(answer: PublishAnswer): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of answer.messageUIDs ?? []) {
    const target = entry.userId ?? entry.groupId;
    if (typeof target === "string" && typeof entry.messageUID === "string")
      map.set(target, entry.messageUID);
  }
  return map;
}

const NO_UID = {
  vendor: "rongcloud",
  message: "RongCloud accepted the message but gave it no id.",
  operation: "sendMessage",
} as const;

// Older servers answer publish with `{code:200}` only (reference §2.3.2): without a uid
// a message cannot be recalled later, so we report the send as done but unidentifiable.
function sentItems(
  ctx: RongCloudContext,
  answer: PublishAnswer,
  targets: string[],
  from: string,
  type: number,
  sentAt: number,
): ItemResult<SentMessage>[] {
  const uids = uidsByTarget(answer);
  return targets.map((target) => {
    const uid = uids.get(target);
    const messageId = uid && encodeMessageId(ctx, { uid, type, target, from });
    // The publish answer has no server time; ours is the best there is.
    return sentItem(target, messageId, new Date(sentAt), NO_UID);
  });
}

/**
 * A publish to users, `size` recipients per call, each answered by its own uid. `fields`
 * is asked once per call (a private send's msgRandom must differ between calls).
 */
function publishToUsers(
  ctx: RongCloudContext,
  call: { operation: string; path: string; size: number; type: number },
  from: string,
  recipients: string[],
  fields: () => QueryParams,
  options: CallOptions | undefined,
): Promise<ItemResult<SentMessage>[]> {
  return runIdBatches(ctx, recipients, call.size, async (chunk) => {
    const sentAt = Date.now();
    const answer = await post<PublishAnswer>(
      ctx,
      call.operation,
      call.path,
      { fromUserId: from, toUserId: chunk, ...fields() },
      options,
      false,
    );
    return sentItems(ctx, answer, chunk, from, call.type, sentAt);
  });
}

/** Extensions are possible only on messages sent with expansion=true (reference §2.1). */
function expansionField(ctx: RongCloudContext): { expansion?: "true" } {
  return ctx.messageExtensions ? { expansion: "true" } : {};
}

export const sendMessage: Op<"sendMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const push = pushFields(input.pushText);
  if (input.to?.type === "GROUP") {
    const groupId = checkId("to.groupId", input.to.groupId, GROUP_ID);
    const sentAt = Date.now();
    const answer = await post<PublishAnswer>(
      ctx,
      "sendMessage",
      "/message/group/publish.json",
      { fromUserId: from, toGroupId: groupId, ...body, ...push, ...expansionField(ctx) },
      options,
      false,
    );
    return sentItems(ctx, answer, [groupId], from, GROUP, sentAt);
  }
  if (input.to?.type !== "USERS")
    throw new BadUserInputError("to", "to must name users or a group.");
  const recipients = checkIds("to.userIds", input.to.userIds, USER_ID);
  const call = {
    operation: "sendMessage",
    path: "/message/private/publish.json",
    size: PRIVATE_RECIPIENTS_PER_CALL,
    type: PRIVATE,
  };
  // msgRandom lets a server with dedup enabled drop a repeated send (reference §2.3.1).
  const fields = () => ({
    ...body,
    ...push,
    ...expansionField(ctx),
    msgRandom: randomInt(1, 2 ** 47),
  });
  return publishToUsers(ctx, call, from, recipients, fields, options);
};

export const sendSystemMessage: Op<"sendSystemMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const push = pushFields(input.pushText);
  const recipients = checkIds("userIds", input.userIds, USER_ID);
  const call = {
    operation: "sendSystemMessage",
    path: "/message/system/publish.json",
    size: SYSTEM_RECIPIENTS_PER_CALL,
    type: SYSTEM,
  };
  return publishToUsers(ctx, call, from, recipients, () => ({ ...body, ...push }), options);
};
