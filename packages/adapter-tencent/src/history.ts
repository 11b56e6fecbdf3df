import {
  type CallOptions,
  checkHistoryConversation,
  decodeCursor,
  encodeCursor,
  type HistoryInput,
  type Message,
  type Page,
  pageLimit,
} from "@imgraph/core";
import { fromMsgBody } from "./content.js";
import { call, num, type Op, str, type TencentContext } from "./context.js";
import { GROUP_HISTORY_PER_CALL, GROUP_USERS, PAGE_MAX } from "./limits.js";
import { encodeMessageId } from "./message-ids.js";

/** MsgFlagBits: 8 marks a recalled message (tencent.md §3.7). */
const RECALLED_FLAG = 8;
/** Vendor calls one group-history page may take while skipping messages outside the window. */
const GROUP_CALLS_PER_PAGE = 10;

/** The page asked for: its size, the window as inclusive second bounds, our cursor. */
interface PageAsk {
  limit: number;
  bounds: { min: number; max: number };
  cursor: HistoryInput["cursor"];
}

/** Tencent stores times in whole seconds: the window as inclusive second bounds. */
function window(input: HistoryInput, now: number): { min: number; max: number } {
  const min = input.after ? Math.max(0, Math.floor(input.after.getTime() / 1000)) : 0;
  // `before` is exclusive: a message stamped second s is before it when s * 1000 < before.
  const max = input.before
    ? Math.ceil(input.before.getTime() / 1000) - 1
    : Math.floor(now / 1000) + 86_400;
  return { min, max };
}

function isRecalled(msgFlagBits: unknown): boolean {
  return ((num(msgFlagBits) ?? 0) & RECALLED_FLAG) !== 0;
}

export const listMessages: Op<"listMessages"> = async (ctx, input, options) => {
  const limit = pageLimit(input?.limit, PAGE_MAX, 20);
  const conversation = checkHistoryConversation(input.conversation, GROUP_USERS);
  const page = { limit, bounds: window(input, ctx.now()), cursor: input.cursor };
  return conversation.type === "USER"
    ? userHistory(ctx, conversation.userId, conversation.peerId, page, options)
    : groupHistory(ctx, conversation.groupId, page, options);
};

interface RoamAnswer {
  Complete?: unknown;
  LastMsgTime?: unknown;
  LastMsgKey?: unknown;
  MsgList?: Array<{
    From_Account?: unknown;
    To_Account?: unknown;
    MsgSeq?: unknown;
    MsgTimeStamp?: unknown;
    MsgFlagBits?: unknown;
    MsgKey?: unknown;
    MsgBody?: unknown;
  }>;
}

/**
 * admin_getroammsg reads a time window from the newest end: when it answers `Complete: 0`
 * the next call moves MaxTime to LastMsgTime and passes LastMsgKey. That is exactly our
 * newest-first paging, so the cursor carries those two values. Within a page we sort
 * ourselves (time, then MsgSeq, newest first) rather than trust the answer's order.
 */
async function userHistory(
  ctx: TencentContext,
  userId: string,
  peerId: string,
  { limit, bounds, cursor: previous }: PageAsk,
  options?: CallOptions,
): Promise<Page<Message>> {
  // Tencent's LastMsgTime and LastMsgKey of the previous page.
  const cursor = decodeCursor<{ t: number; k: string }>("c2c", previous, {
    t: "number",
    k: "string",
  });
  const max = cursor ? Math.min(bounds.max, cursor.t) : bounds.max;
  const lastKey = cursor?.k;
  if (max < bounds.min) return { items: [], nextCursor: null };
  const answer = await call<RoamAnswer>(
    ctx,
    "listMessages",
    "openim/admin_getroammsg",
    {
      Operator_Account: userId,
      Peer_Account: peerId,
      MaxCnt: limit,
      MinTime: bounds.min,
      MaxTime: max,
      ...(lastKey !== undefined ? { LastMsgKey: lastKey } : {}),
    },
    options,
    true,
  );
  const rows = (answer.MsgList ?? [])
    .filter((m) => typeof m?.MsgKey === "string" && typeof m.From_Account === "string")
    .filter((m) => {
      const t = num(m.MsgTimeStamp) ?? 0;
      return t >= bounds.min && t <= bounds.max;
    })
    .sort(
      (a, b) =>
        (num(b.MsgTimeStamp) ?? 0) - (num(a.MsgTimeStamp) ?? 0) ||
        (num(b.MsgSeq) ?? 0) - (num(a.MsgSeq) ?? 0),
    );
  const items = rows.map((m): Message => {
    const from = m.From_Account as string;
    const to = str(m.To_Account) ?? (from === userId ? peerId : userId);
    return {
      id: encodeMessageId(ctx, { kind: "c2c", msgKey: m.MsgKey as string, from, to }),
      conversation: { type: "USER", id: peerId },
      senderId: from,
      sentAt: new Date((num(m.MsgTimeStamp) ?? 0) * 1000),
      content: fromMsgBody(m.MsgBody),
      recalled: isRecalled(m.MsgFlagBits),
    };
  });
  const complete = Number(answer.Complete ?? 1) === 1;
  const nextTime = num(answer.LastMsgTime);
  const nextKey = str(answer.LastMsgKey);
  return {
    items,
    nextCursor:
      complete || nextTime === undefined || !nextKey
        ? null
        : encodeCursor("c2c", { t: nextTime, k: nextKey }),
  };
}

interface GroupHistoryAnswer {
  IsFinished?: unknown;
  RspMsgList?: Array<{
    From_Account?: unknown;
    IsPlaceMsg?: unknown;
    MsgSeq?: unknown;
    MsgTimeStamp?: unknown;
    MsgFlagBits?: unknown;
    MsgBody?: unknown;
  }>;
}

/**
 * group_msg_get_simple answers ≤ 20 messages with seq ≤ ReqMsgSeq: we walk back by seq,
 * skipping messages newer than `before` and stopping at the first older than `after`;
 * the cursor is the next ReqMsgSeq. Place-holders (deleted / expired) are left out.
 */
async function groupHistory(
  ctx: TencentContext,
  groupId: string,
  { limit, bounds, cursor }: PageAsk,
  options?: CallOptions,
): Promise<Page<Message>> {
  // The next ReqMsgSeq; one below 1 is past the first message.
  let reqSeq = decodeCursor<{ s: number }>("group", cursor, { s: "number" })?.s;
  const items: Message[] = [];
  for (let calls = 0; calls < GROUP_CALLS_PER_PAGE; calls++) {
    if (reqSeq !== undefined && reqSeq < 1) return { items, nextCursor: null };
    const want = Math.min(GROUP_HISTORY_PER_CALL, limit - items.length);
    const answer = await call<GroupHistoryAnswer>(
      ctx,
      "listMessages",
      "group_open_http_svc/group_msg_get_simple",
      {
        GroupId: groupId,
        ReqMsgNumber: want,
        ...(reqSeq !== undefined ? { ReqMsgSeq: reqSeq } : {}),
      },
      options,
      true,
    );
    const rows = (answer.RspMsgList ?? [])
      .filter((m) => num(m?.MsgSeq) !== undefined)
      .sort((a, b) => (num(b.MsgSeq) as number) - (num(a.MsgSeq) as number));
    for (const m of rows) {
      const seq = num(m.MsgSeq) as number;
      reqSeq = seq - 1;
      const t = num(m.MsgTimeStamp) ?? 0;
      if (t < bounds.min) return { items, nextCursor: null };
      if (t > bounds.max || Number(m.IsPlaceMsg ?? 0) === 1) continue;
      items.push({
        id: encodeMessageId(ctx, {
          kind: "group",
          groupId,
          msgSeq: seq,
          from: str(m.From_Account) ?? "",
        }),
        conversation: { type: "GROUP", id: groupId },
        senderId: str(m.From_Account) ?? "",
        sentAt: new Date(t * 1000),
        content: fromMsgBody(m.MsgBody),
        recalled: isRecalled(m.MsgFlagBits),
      });
      if (items.length === limit) {
        return { items, nextCursor: reqSeq >= 1 ? encodeCursor("group", { s: reqSeq }) : null };
      }
    }
    // 0 = more; 1 = done; 2 = the rest has expired. Absent: a short answer means done.
    const finished =
      rows.length === 0 ||
      (answer.IsFinished === undefined ? rows.length < want : Number(answer.IsFinished) !== 0);
    if (finished) return { items, nextCursor: null };
  }
  return {
    items,
    nextCursor: reqSeq !== undefined && reqSeq >= 1 ? encodeCursor("group", { s: reqSeq }) : null,
  };
}
