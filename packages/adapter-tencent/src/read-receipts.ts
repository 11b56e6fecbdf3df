import {
  BadUserInputError,
  checkId,
  checkMessageIdList,
  chunked,
  cursorError,
  decodeCursor,
  encodeCursor,
  pageLimit,
  UnsupportedByVendorError,
  VendorUnavailableError,
} from "@imgraph/core";
import { call, num, type Op, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { MESSAGES_PER_RECEIPT, READERS_PER_PAGE, USER_ID } from "./limits.js";
import { decodeMessageId, type MessageRef } from "./message-ids.js";

/**
 * Read receipts (docs/vendors/tencent.md §2.5, §2.6). A reader's receipts go to
 * openim/c2c_msg_read_receipt (one-to-one) or group_open_http_svc/group_msg_receipt (group),
 * both known from community SDKs only (unverified fields and caps: 30 messages a call here).
 * Read counts and readers exist for group messages only (get_group_msg_receipt,
 * get_group_msg_receipt_detail), for messages sent with IsNeedReadReceipt (sendMessage sets
 * it under options.readReceipts); live groups and Communities have no receipts.
 */

const GROUP_ONLY =
  "Tencent counts and lists the readers of group messages only (get_group_msg_receipt); a one-to-one message's one reader is its recipient";

type C2CRef = Extract<MessageRef, { kind: "c2c" }>;
type GroupRef = Extract<MessageRef, { kind: "group" }>;

function conversationOf(ref: MessageRef): string {
  return ref.kind === "c2c" ? `u:${[ref.from, ref.to].sort().join("\n")}` : `g:${ref.groupId}`;
}

/**
 * The reader's receipts, 30 messages a call, in order. All ids must be of one conversation
 * and received by the reader (one-to-one: its recipient; group: not its sender), checked
 * before any call. Sending a receipt again changes nothing, so calls may be retried.
 */
export const markMessagesRead: Op<"markMessagesRead"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const ids = checkMessageIdList("messageIds", input.messageIds);
  const refs = ids.map((id, i) => decodeMessageId(ctx, id, `messageIds[${i}]`));
  const first = refs[0] as MessageRef;
  refs.forEach((ref, i) => {
    const field = `messageIds[${i}]`;
    if (conversationOf(ref) !== conversationOf(first)) {
      throw new BadUserInputError(
        field,
        `${field} is of another conversation than messageIds[0]: read receipts go one conversation at a time.`,
      );
    }
    if (ref.kind === "c2c" ? ref.to !== userId : ref.from === userId) {
      throw new BadUserInputError(field, `${field} is not a message userId received.`);
    }
  });
  if (first.kind === "c2c") {
    for (const chunk of chunked(refs as C2CRef[], MESSAGES_PER_RECEIPT)) {
      await call(
        ctx,
        "markMessagesRead",
        "openim/c2c_msg_read_receipt",
        {
          Operator_Account: userId,
          Peer_Account: first.from,
          C2CMsgInfo: chunk.map((r) => ({
            From_Account: r.from,
            To_Account: r.to,
            MsgKey: r.msgKey,
          })),
        },
        options,
        true,
      );
    }
    return;
  }
  for (const chunk of chunked(refs as GroupRef[], MESSAGES_PER_RECEIPT)) {
    await call(
      ctx,
      "markMessagesRead",
      "group_open_http_svc/group_msg_receipt",
      {
        GroupId: first.groupId,
        From_Account: userId,
        MsgSeqList: chunk.map((r) => ({ MsgSeq: r.msgSeq })),
      },
      options,
      true,
    );
  }
};

function groupRef(ctx: TencentContext, messageId: unknown, operation: string): GroupRef {
  const ref = decodeMessageId(ctx, messageId);
  if (ref.kind === "c2c") throw new UnsupportedByVendorError("tencent", operation, GROUP_ONLY);
  return ref;
}

interface CountAnswer {
  GroupMsgReceiptList?: Array<{
    Code?: unknown;
    MsgSeq?: unknown;
    ReadNum?: unknown;
    UnreadNum?: unknown;
  }>;
}

/** get_group_msg_receipt for one MsgSeq: its row's Code, ReadNum and UnreadNum. */
export const getReadReceipts: Op<"getReadReceipts"> = async (ctx, input, options) => {
  const ref = groupRef(ctx, input?.messageId, "getReadReceipts");
  const answer = await call<CountAnswer>(
    ctx,
    "getReadReceipts",
    "group_open_http_svc/get_group_msg_receipt",
    { GroupId: ref.groupId, MsgSeqList: [{ MsgSeq: ref.msgSeq }] },
    options,
    true,
  );
  const row = (answer.GroupMsgReceiptList ?? []).find((r) => num(r?.MsgSeq) === ref.msgSeq);
  if (!row) {
    throw new VendorUnavailableError("tencent", "Tencent answered no read count for the message.");
  }
  const code = num(row.Code) ?? 0;
  if (code !== 0) throw itemFailure(code);
  return { readCount: num(row.ReadNum) ?? 0, unreadCount: num(row.UnreadNum) ?? 0 };
};

interface DetailAnswer {
  /** The field table's spelling; the page's prose and samples say IsFinish. */
  IsFinished?: unknown;
  IsFinish?: unknown;
  Cursor?: unknown;
  ReadList?: Array<{ Read_Account?: unknown }>;
  UnreadList?: Array<{ Unread_Account?: unknown }>;
}

/**
 * get_group_msg_receipt_detail (Filter 0 read, 1 unread; ≤ 100 a page): one call a page, its
 * Cursor kept in ours with the message and the filter it belongs to.
 */
export const listMessageReaders: Op<"listMessageReaders"> = async (ctx, input, options) => {
  const ref = groupRef(ctx, input?.messageId, "listMessageReaders");
  if (typeof input.read !== "boolean") {
    throw new BadUserInputError("read", "read must be true or false.");
  }
  const limit = pageLimit(input.limit, READERS_PER_PAGE);
  const r = input.read ? 1 : 0;
  const cursor = decodeCursor<{ c: string; r: number; g: string; s: number }>(
    "readers",
    input.cursor,
    { c: "string", r: "number", g: "string", s: "number" },
  );
  if (cursor && (cursor.r !== r || cursor.g !== ref.groupId || cursor.s !== ref.msgSeq)) {
    throw cursorError();
  }
  const answer = await call<DetailAnswer>(
    ctx,
    "listMessageReaders",
    "group_open_http_svc/get_group_msg_receipt_detail",
    {
      GroupId: ref.groupId,
      MsgSeq: ref.msgSeq,
      Filter: input.read ? 0 : 1,
      Cursor: cursor?.c ?? "",
      Count: limit,
    },
    options,
    true,
  );
  const items = input.read
    ? (answer.ReadList ?? []).map((m) => str(m?.Read_Account))
    : (answer.UnreadList ?? []).map((m) => str(m?.Unread_Account));
  const next = str(answer.Cursor);
  // Whichever spelling comes; with neither, a short page is the last.
  const flag = answer.IsFinished ?? answer.IsFinish;
  const finished = (flag === undefined ? items.length < limit : Number(flag) === 1) || !next;
  return {
    items: items.filter((u): u is string => u !== undefined),
    nextCursor: finished
      ? null
      : encodeCursor("readers", { c: next, r, g: ref.groupId, s: ref.msgSeq }),
  };
};
