import { checkId, UnsupportedByVendorError } from "@imgraph/core";
import { toMsgBody } from "./content.js";
import { call, type Op } from "./context.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

/**
 * The admin overwrites a stored message's MsgBody (docs/vendors/tencent.md §4.1, §4.2):
 * modify_c2c_msg by MsgKey and both accounts, modify_group_msg (service openim) by GroupId
 * and MsgSeq — what the message id already carries. No edit window is documented. Client
 * SDKs edit text and custom messages (and location, face) only: so do we, refusing images
 * and files. Editing the same content twice converges, so a repeat is harmless.
 */
export const editMessage: Op<"editMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  // checkId, not core's checkActor: that one names the field "actorId[0]".
  if (input.actorId !== undefined) checkId("actorId", input.actorId, USER_ID);
  const type = input.content?.type;
  if (type === "IMAGE" || type === "FILE") {
    throw new UnsupportedByVendorError(
      "tencent",
      "editMessage",
      `content.type ${type}: Tencent's clients edit only text and custom messages (and locations and faces); send a new message instead`,
    );
  }
  const body = toMsgBody(input.content);
  if (ref.kind === "c2c") {
    await call(
      ctx,
      "editMessage",
      "openim/modify_c2c_msg",
      { From_Account: ref.from, To_Account: ref.to, MsgKey: ref.msgKey, MsgBody: body },
      options,
      true,
    );
    return;
  }
  await call(
    ctx,
    "editMessage",
    "openim/modify_group_msg",
    { GroupId: ref.groupId, MsgSeq: ref.msgSeq, MsgBody: body },
    options,
    true,
  );
};
