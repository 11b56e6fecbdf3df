import {
  BadUserInputError,
  type BroadcastInput,
  type BroadcastResult,
  type CallOptions,
  checkId,
  checkIds,
  checkText,
  distinct,
  type ItemResult,
  itemError,
  itemOk,
  type RecallInput,
  runBatched,
  type SendMessageInput,
  type SentMessage,
  VendorUnavailableError,
} from "@imgraph/core";
import { type Answer, perItem } from "./batch.js";
import { toZego, type ZegoContent } from "./content.js";
import { type ZegoContext, zim } from "./context.js";
import { GROUP_ID, PUSH_TEXT_MAX_BYTES, RECIPIENTS_PER_SEND, USER_ID } from "./limits.js";
import { decodeMessageId, encodeMessageId } from "./message-ids.js";

/** ZIM Priority: 1 low, 2 medium, 3 high (required on sends). */
const MEDIUM = 2;

/** The send fields every message Action shares. */
function messageFields(content: ZegoContent, pushText: string | undefined) {
  const push =
    pushText === undefined
      ? {}
      : {
          OfflinePush: {
            Enable: 1,
            Content: checkText("pushText", pushText, { maxBytes: PUSH_TEXT_MAX_BYTES }),
          },
        };
  return {
    MessageType: content.MessageType,
    ...(content.SubMsgType !== undefined ? { SubMsgType: content.SubMsgType } : {}),
    MessageBody: { Message: content.Message, ...push },
  };
}

function seqOf(value: unknown): number | undefined {
  const n = typeof value === "string" && value !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : undefined;
}

function noSeq(key: string): ItemResult<SentMessage> {
  // Without a MsgSeq the message cannot be recalled later: report it, it was sent.
  return itemError(
    key,
    new VendorUnavailableError("zego", "ZEGO accepted the message but gave it no MsgSeq.", {
      operation: "sendMessage",
    }),
  );
}

interface PeerAnswer {
  SuccList?: Array<{ UserId?: unknown; MsgId?: unknown; MsgSeq?: unknown }>;
}

/**
 * SendPeerMessage (100 recipients per call) or SendGroupMessage. ZEGO does not
 * deduplicate sends, so a send is never repeated once it may have reached ZEGO.
 */
export async function sendMessage(
  ctx: ZegoContext,
  input: SendMessageInput,
  options?: CallOptions,
): Promise<ItemResult<SentMessage>[]> {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  if (input.to?.type !== "USERS" && input.to?.type !== "GROUP") {
    throw new BadUserInputError("to", "to must name users or a group.");
  }
  const groupId =
    input.to.type === "GROUP" ? checkId("to.groupId", input.to.groupId, GROUP_ID) : "";
  const recipients =
    input.to.type === "USERS" ? distinct(checkIds("to.userIds", input.to.userIds, USER_ID)) : [];
  if (recipients.includes(from)) {
    throw new BadUserInputError("to.userIds", "to.userIds must not contain the sender (from).");
  }
  const fields = messageFields(toZego(input.content, ctx.messageMaxBytes), input.pushText);

  if (input.to.type === "GROUP") {
    const answer = await zim<{ MsgSeq?: unknown }>(
      ctx,
      {
        operation: "sendMessage",
        action: "SendGroupMessage",
        method: "POST",
        params: { FromUserId: from, GroupId: groupId, Priority: MEDIUM, ...fields },
        idempotent: false,
      },
      options,
    );
    const seq = seqOf(answer.MsgSeq);
    if (seq === undefined) return [noSeq(groupId)];
    return [
      itemOk(groupId, {
        recipientId: groupId,
        messageId: encodeMessageId(ctx, { kind: "group", from, groupId, seq }),
        sentAt: new Date(),
      }),
    ];
  }

  return runBatched(recipients, {
    size: RECIPIENTS_PER_SEND,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: (chunk) =>
      perItem<SentMessage>({
        keys: chunk,
        call: () =>
          zim<Answer>(
            ctx,
            {
              operation: "sendMessage",
              action: "SendPeerMessage",
              method: "POST",
              params: { FromUserId: from, ToUserId: chunk, Priority: MEDIUM, ...fields },
              idempotent: false,
            },
            options,
          ),
        ok: (key, answer) => {
          const row = (answer as PeerAnswer).SuccList?.find((r) => r.UserId === key);
          if (!row) return undefined;
          const seq = seqOf(row.MsgSeq);
          if (seq === undefined) return noSeq(key);
          return itemOk(key, {
            recipientId: key,
            messageId: encodeMessageId(ctx, { kind: "peer", from, to: key, seq }),
            sentAt: new Date(),
          });
        },
        missing: (key) =>
          new VendorUnavailableError(
            "zego",
            `ZEGO did not say whether the message reached ${key}.`,
            {
              operation: "sendMessage",
            },
          ),
      }),
  });
}

/** SendMessageToAllUsers: not stored, no id (Professional plan and up; 1/s, 100/day). */
export async function broadcastMessage(
  ctx: ZegoContext,
  input: BroadcastInput,
  options?: CallOptions,
): Promise<BroadcastResult> {
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
}

/**
 * RevokePeerMessage / RevokeGroupMessage. ZEGO revokes in the original sender's name
 * (FromUserId must be the sender, else 660000026), so `actorId` is only checked.
 */
export async function recallMessage(
  ctx: ZegoContext,
  input: RecallInput,
  options?: CallOptions,
): Promise<void> {
  const ref = decodeMessageId(ctx, input?.messageId);
  if (input.actorId !== undefined) checkIds("actorId", [input.actorId], USER_ID);
  // A repeat after a lost answer gets 660000023 "already recalled": never a second effect.
  await zim(
    ctx,
    ref.kind === "peer"
      ? {
          operation: "recallMessage",
          action: "RevokePeerMessage",
          method: "POST",
          params: { FromUserId: ref.from, ToUserId: ref.to, MsgSeq: ref.seq },
          idempotent: true,
        }
      : {
          operation: "recallMessage",
          action: "RevokeGroupMessage",
          method: "POST",
          params: { FromUserId: ref.from, GroupId: ref.groupId, MsgSeq: ref.seq },
          idempotent: true,
        },
    options,
  );
}
