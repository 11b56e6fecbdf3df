import { checkActor, UnsupportedByVendorError } from "@imgraph/core";
import { toZego } from "./content.js";
import { type Op, zim } from "./context.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

/** EditType bits (zego.md #16 §2.1): the body's Message, and a custom message's SubMsgType. */
const EM_MSG = 1;
const EM_SUBMSGTYPE = 16;

const NO_ROOM_EDIT =
  "ZIM edits only one-to-one and group messages (EditC2cMsgBody / EditGroupMsgBody); it has no room message edit, and messageId names a live room message";

/**
 * EditC2cMsgBody / EditGroupMsgBody, by the message's conversation and MsgSeq from its id.
 * ZIM edits text, multi-item and custom messages within 24 h of the send (661000001 after)
 * and never changes a message's type (660000002). The edit is made in the original
 * sender's name (FromUserId = SenderId), as recall is, so `actorId` is only checked.
 */
export const editMessage: Op<"editMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  checkActor(input.actorId, USER_ID);
  if (ref.kind === "room") throw new UnsupportedByVendorError("zego", "editMessage", NO_ROOM_EDIT);
  const type = input.content?.type;
  if (type === "IMAGE" || type === "FILE") {
    throw new UnsupportedByVendorError(
      "zego",
      "editMessage",
      `ZIM edits only text, multi-item and custom messages; content.type ${type} cannot be edited (send TEXT or CUSTOM content)`,
    );
  }
  const content = toZego(input.content, ctx.messageMaxBytes);
  const custom = content.SubMsgType !== undefined;
  const params = {
    FromUserId: ref.from,
    SenderId: ref.from,
    ConvId: ref.kind === "peer" ? ref.to : ref.groupId,
    MsgType: content.MessageType,
    ConvMsgSeq: ref.seq,
    EditType: custom ? EM_MSG | EM_SUBMSGTYPE : EM_MSG,
    MessageBody: { Message: content.Message },
    ...(custom ? { SubMsgType: content.SubMsgType } : {}),
  };
  // Repeating sets the same content again: safe to retry.
  await zim(
    ctx,
    {
      operation: "editMessage",
      action: ref.kind === "peer" ? "EditC2cMsgBody" : "EditGroupMsgBody",
      method: "POST",
      params,
      idempotent: true,
    },
    options,
  );
};
