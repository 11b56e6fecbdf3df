import { checkHistoryConversation, type Message, pageLimit } from "@imgraph/core";
import { fromZego } from "./content.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import { GROUP_USERS, HISTORY_PAGE_MAX } from "./limits.js";
import { listByMarker, STOP } from "./marker-pages.js";
import { encodeMessageId } from "./message-ids.js";

/** IsEmpty: 0 normal, 1 deleted or expired, 2 revoked. */
const DELETED = 1;
const REVOKED = 2;
/** MsgType of a revoked message in some answers. */
const MSG_REVOKED = 31;
/** ZEGO pages read per listMessages call while skipping messages outside the time window. */
const MAX_CALLS = 10;

interface Row {
  Sender?: unknown;
  MsgType?: unknown;
  SubMsgType?: unknown;
  MsgBody?: unknown;
  MsgSeq?: unknown;
  MsgTime?: unknown;
  IsEmpty?: unknown;
}

interface HistoryAnswer {
  Next?: unknown;
  List?: Row[];
}

/**
 * QueryPeerMsg / QueryGroupMsg: ZEGO pages newest first by its own marker and takes no
 * time bounds, so the window is applied here.
 */
export const listMessages: Op<"listMessages"> = async (ctx, input, options) => {
  const view = checkHistoryConversation(input?.conversation, GROUP_USERS);
  const { action, params }: { action: string; params: Record<string, unknown> } =
    view.type === "USER"
      ? { action: "QueryPeerMsg", params: { FromUserId: view.userId, ToUserId: view.peerId } }
      : // No FromUserId: none is documented (though 660500002 is listed; unverified).
        { action: "QueryGroupMsg", params: { GroupId: view.groupId } };
  const after = input.after?.getTime();
  const before = input.before?.getTime();
  return listByMarker<Row, Message>({
    kind: "mh",
    cursor: input.cursor,
    limit: pageLimit(input.limit, HISTORY_PAGE_MAX, 20),
    pageMax: HISTORY_PAGE_MAX,
    maxCalls: MAX_CALLS,
    read: async (marker, size) => {
      const answer = await zim<HistoryAnswer>(
        ctx,
        {
          operation: "listMessages",
          action,
          method: "POST",
          // WithEmptyMsg 1: revoked messages too, so they show as recalled.
          params: { ...params, Limit: size, Next: marker, WithEmptyMsg: 1 },
          idempotent: true,
        },
        options,
      );
      return { rows: answer.List ?? [], next: answer.Next };
    },
    take: (row) => {
      const time = Number(row.MsgTime);
      if (Number(row.IsEmpty) === DELETED) return null;
      if (before !== undefined && time >= before) return null;
      // Newest first: once older than the window, nothing later can be in it.
      if (after !== undefined && time < after) return STOP;
      return toMessage(ctx, view, row);
    },
  });
};

function toMessage(
  ctx: ZegoContext,
  view: { type: "USER"; userId: string; peerId: string } | { type: "GROUP"; groupId: string },
  row: Row,
): Message | null {
  const sender = typeof row.Sender === "string" ? row.Sender : "";
  const seq = Number(row.MsgSeq);
  if (!Number.isSafeInteger(seq)) return null;
  const msgType = Number(row.MsgType);
  const sub = row.SubMsgType === undefined ? undefined : Number(row.SubMsgType);
  const body = typeof row.MsgBody === "string" ? row.MsgBody : JSON.stringify(row.MsgBody ?? "");
  // Recall needs the conversation as the sender sees it.
  const id =
    view.type === "USER"
      ? encodeMessageId(ctx, {
          kind: "peer",
          from: sender,
          to: sender === view.userId ? view.peerId : view.userId,
          seq,
        })
      : encodeMessageId(ctx, { kind: "group", from: sender, groupId: view.groupId, seq });
  return {
    id,
    conversation:
      view.type === "USER"
        ? { type: "USER", id: view.peerId }
        : { type: "GROUP", id: view.groupId },
    senderId: sender,
    sentAt: new Date(Number(row.MsgTime)),
    content: fromZego(msgType, sub, body),
    recalled: Number(row.IsEmpty) === REVOKED || msgType === MSG_REVOKED,
  };
}
