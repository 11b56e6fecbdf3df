import {
  BadUserInputError,
  type CallOptions,
  checkImport,
  type HistoryConversation,
  ImError,
  type ImportedMessageResult,
  type ItemResult,
  itemError,
  itemOk,
} from "@imgraph/core";
import { toZego, type ZegoContent } from "./content.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import { GROUP_USERS } from "./limits.js";
import { encodeMessageId, seqOf } from "./message-ids.js";

/** Priority is required on imports; medium (2), as sends use. */
const MEDIUM = 2;

interface Imported {
  MsgSeq?: unknown;
}

/** One message to import, checked and mapped to ZIM's fields. */
interface Item {
  senderId: string;
  /** SendMessageTime, ms. */
  time: number;
  content: ZegoContent;
}

/**
 * ImportPeerMsg / ImportGroupMsg (zego.md #16 §3): one message per call, one call after the
 * other, oldest first as ZIM asks (checkImport refuses any other order). A one-to-one
 * import lands in one user's view (ImportedUserId), so each message is imported for its
 * sender, then for the other user; its id is built from the receiver's MsgSeq, as a sent
 * message's is (§6.11). A group import answers a MsgSeq, from which the id is built. Imports
 * are never repeated (ZIM would store a second copy); each message answers on its own.
 */
export const importMessages: Op<"importMessages"> = async (ctx, input, options) => {
  const { conversation, messages } = checkImport(input, GROUP_USERS);
  const items: Item[] = messages.map((m, i) => {
    const time = m.sentAt.getTime();
    // ZIM reads SendMessageTime 0 as "now".
    if (time <= 0) {
      throw new BadUserInputError(
        `messages[${i}].sentAt`,
        `messages[${i}].sentAt must be after 1970-01-01T00:00:00Z.`,
      );
    }
    return {
      senderId: m.senderId,
      time,
      content: toZego(m.content, ctx.messageMaxBytes, `messages[${i}].content`),
    };
  });
  const results: ItemResult<ImportedMessageResult>[] = [];
  for (const [i, item] of items.entries()) {
    results.push(await importOne(ctx, conversation, item, String(i), options));
  }
  return results;
};

async function importOne(
  ctx: ZegoContext,
  conversation: HistoryConversation,
  item: Item,
  key: string,
  options?: CallOptions,
): Promise<ItemResult<ImportedMessageResult>> {
  const fields = {
    FromUserId: item.senderId,
    MessageType: item.content.MessageType,
    Priority: MEDIUM,
    MessageBody: { Message: item.content.Message },
    ...(item.content.SubMsgType !== undefined ? { SubMsgType: item.content.SubMsgType } : {}),
    SendMessageTime: item.time,
  };
  const call = (action: string, params: Record<string, unknown>) =>
    zim<Imported>(
      ctx,
      { operation: "importMessages", action, method: "POST", params, idempotent: false },
      options,
    );
  try {
    if (conversation.type === "GROUP") {
      const groupId = conversation.groupId;
      const answer = await call("ImportGroupMsg", { ...fields, GroupId: groupId });
      const seq = seqOf(answer.MsgSeq);
      return itemOk(key, {
        messageId:
          seq === undefined
            ? null
            : encodeMessageId(ctx, { kind: "group", from: item.senderId, groupId, seq }),
      });
    }
    const other = item.senderId === conversation.userId ? conversation.peerId : conversation.userId;
    const peer = { ...fields, ToUserId: other };
    await call("ImportPeerMsg", { ...peer, ImportedUserId: item.senderId });
    let answer: Imported;
    try {
      answer = await call("ImportPeerMsg", { ...peer, ImportedUserId: other });
    } catch (error) {
      throw halfImported(error, item.senderId);
    }
    const seq = seqOf(answer.MsgSeq);
    return itemOk(key, {
      messageId:
        seq === undefined
          ? null
          : encodeMessageId(ctx, { kind: "peer", from: item.senderId, to: other, seq }),
    });
  } catch (error) {
    if (error instanceof ImError) return itemError(key, error);
    throw error;
  }
}

/** The receiver's import failed after the sender's landed: say so (a repeat would double it). */
function halfImported(error: unknown, senderId: string): unknown {
  if (!(error instanceof ImError)) return error;
  return new ImError(
    error.code,
    `Imported into ${senderId}'s history only (not the other user's): ${error.message}`,
    {
      ...(error.vendor ? { vendor: error.vendor } : {}),
      ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
      operation: "importMessages",
    },
  );
}
