import {
  BadUserInputError,
  checkId,
  checkMessageIdList,
  type ItemResult,
  itemError,
  itemOk,
  runIdBatches,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { call, type Op } from "./context.js";
import { GROUP_ID, MESSAGES_PER_DELETE, USER_ID } from "./limits.js";
import { decodeMessageId } from "./message-ids.js";

const GROUP_MESSAGE =
  "Tencent deletes group messages only by sender (deleteGroupMessagesBySender, for everyone) or by recall; it has no one-sided delete of a group message";

/**
 * One user's copy loses one-to-one messages (docs/vendors/tencent.md §4.3):
 * delete_c2c_msg_ramble takes one conversation (Operator_Account + Peer_Account) and up to 30
 * MsgKeys, so the ids are grouped by peer and split by 30. Its answer is the envelope only:
 * each key of a call that succeeds is answered ok. Group messages and messages of other
 * users' conversations are answered per item before any call. Deleting again is harmless.
 */
export const deleteMessages: Op<"deleteMessages"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const ids = checkMessageIdList("messageIds", input.messageIds);
  const refs = ids.map((id, i) => decodeMessageId(ctx, id, `messageIds[${i}]`));
  const answers = new Map<string, ItemResult<true>>();
  const byPeer = new Map<string, Map<string, string>>();
  refs.forEach((ref, i) => {
    const id = ids[i] as string;
    const field = `messageIds[${i}]`;
    if (ref.kind === "group") {
      answers.set(
        id,
        itemError(id, new UnsupportedByVendorError("tencent", "deleteMessages", GROUP_MESSAGE)),
      );
    } else if (ref.from !== userId && ref.to !== userId) {
      const why = `${field} is a message between two other users: userId can delete only messages they sent or received.`;
      answers.set(id, itemError(id, new BadUserInputError(field, why)));
    } else {
      const peer = ref.from === userId ? ref.to : ref.from;
      const keys = byPeer.get(peer) ?? new Map<string, string>();
      keys.set(id, ref.msgKey);
      byPeer.set(peer, keys);
    }
  });
  await Promise.all(
    [...byPeer].map(async ([peer, keys]) => {
      const results = await runIdBatches(
        ctx,
        [...keys.keys()],
        MESSAGES_PER_DELETE,
        async (chunk) => {
          await call(
            ctx,
            "deleteMessages",
            "openim/delete_c2c_msg_ramble",
            {
              Operator_Account: userId,
              Peer_Account: peer,
              MsgKeyList: chunk.map((id) => keys.get(id)),
            },
            options,
            true,
          );
          return chunk.map((id) => itemOk(id, true as const));
        },
      );
      for (const result of results) answers.set(result.key, result);
    }),
  );
  return ids.map((id) => answers.get(id) as ItemResult<true>);
};

/**
 * delete_group_msg_by_sender (§4.4): every message the user sent in the group goes, for
 * everyone (history shows holes, which listMessages leaves out). Live groups answer 10035.
 */
export const deleteGroupMessagesBySender: Op<"deleteGroupMessagesBySender"> = async (
  ctx,
  input,
  options,
) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const senderId = checkId("senderId", input.senderId, USER_ID);
  await call(
    ctx,
    "deleteGroupMessagesBySender",
    "group_open_http_svc/delete_group_msg_by_sender",
    { GroupId: groupId, Sender_Account: senderId },
    options,
    true,
  );
};
