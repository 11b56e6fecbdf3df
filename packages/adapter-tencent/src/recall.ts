import { checkActor } from "@imgraph/core";
import { call, type Op } from "./context.js";
import { itemFailure } from "./errors.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

interface GroupRecallAnswer {
  RecallRetList?: Array<{ MsgSeq?: unknown; RetCode?: unknown }>;
}

/**
 * The admin recalls on anyone's behalf: admin_msgwithdraw (MsgKey + both accounts, no time
 * limit within retention) or group_msg_recall (by MsgSeq, per-item RetCode). A repeat
 * answers "already recalled" (20023): nothing is recalled twice.
 */
export const recallMessage: Op<"recallMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  checkActor(input.actorId, USER_ID);
  if (ref.kind === "c2c") {
    await call(
      ctx,
      "recallMessage",
      "openim/admin_msgwithdraw",
      { From_Account: ref.from, To_Account: ref.to, MsgKey: ref.msgKey },
      options,
      true,
    );
    return;
  }
  const answer = await call<GroupRecallAnswer>(
    ctx,
    "recallMessage",
    "group_open_http_svc/group_msg_recall",
    { GroupId: ref.groupId, MsgSeqList: [{ MsgSeq: ref.msgSeq }] },
    options,
    true,
  );
  const result = (answer.RecallRetList ?? []).find((r) => Number(r?.MsgSeq) === ref.msgSeq);
  const code = Number(result?.RetCode ?? 0);
  if (code !== 0) throw itemFailure(code);
};
