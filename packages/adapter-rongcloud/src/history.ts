import {
  checkHistoryConversation,
  cursorError,
  decodeCursor,
  encodeCursor,
  type Message,
  pageLimit,
} from "@imgraph/core";
import { fromRongCloud } from "./content.js";
import type { Op, RongCloudContext } from "./context.js";
import { type HistoryRow, historyQuery, newest } from "./history-query.js";
import { GROUP_USERS, HISTORY_PAGE_MAX } from "./limits.js";
import { encodeMessageId, GROUP, PRIVATE } from "./message-ids.js";

// History needs cloud message storage on the app key (options.features.history; without
// it listMessages is off, see implementation.ts).

/**
 * History, newest first. The v3 query takes a closed time window and a page size, but
 * RongCloud does not document which end of the window a full page comes from. So we ask
 * for a whole window and, when the answer is full (maybe cut), split the window and read
 * the newer half first: correct whichever end the server pages from. Messages of one
 * millisecond are ordered by uid; the cursor carries the last message's time and uid, and
 * how many messages of that millisecond the pages so far returned.
 */
export const listMessages: Op<"listMessages"> = async (ctx, input, options) => {
  const limit = pageLimit(input?.limit, HISTORY_PAGE_MAX, 20);
  const conversation = checkHistoryConversation(input.conversation, GROUP_USERS);
  const { type, userId, targetId } =
    conversation.type === "USER"
      ? { type: PRIVATE, userId: conversation.userId, targetId: conversation.peerId }
      : { type: GROUP, userId: conversation.groupId, targetId: conversation.groupId };
  const cursor = decodeHistoryCursor(input.cursor);
  // RongCloud refuses a negative startTime; nothing was sent before 1970 anyway.
  const after = Math.max(0, input.after?.getTime() ?? 0);
  let before = input.before ? input.before.getTime() - 1 : Date.now() + 60_000;
  if (cursor) before = Math.min(before, cursor.time);
  if (before < after) return { items: [], nextCursor: null };

  // Already returned: the cursor's millisecond from its uid up.
  const returned = (r: HistoryRow) =>
    cursor !== null && Number(r.msgTime) === cursor.time && String(r.messageUID) >= cursor.uid;
  const query = historyQuery(ctx, "listMessages", { type, userId, targetId }, options);
  // One more than the page, to know whether another page follows.
  const rows = (await newest(query, after, before, limit + 1 + (cursor?.count ?? 0)))
    .filter((r) => typeof r.messageUID === "string" && !returned(r))
    .sort(newestFirst);
  const page = rows.slice(0, limit);
  const items = page.map((r) =>
    toMessage(ctx, type, { userId: type === PRIVATE ? userId : "", targetId }, r),
  );
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { items, nextCursor: null };
  const time = Number(last.msgTime);
  const count =
    page.filter((r) => Number(r.msgTime) === time).length +
    (cursor && cursor.time === time ? cursor.count : 0);
  return { items, nextCursor: encodeHistoryCursor(time, String(last.messageUID), count) };
};

/** Newest first; one millisecond's messages by uid, highest first. */
function newestFirst(x: HistoryRow, y: HistoryRow): number {
  const byTime = Number(y.msgTime) - Number(x.msgTime);
  if (byTime !== 0) return byTime;
  const [a, b] = [String(x.messageUID), String(y.messageUID)];
  return a < b ? 1 : a > b ? -1 : 0;
}

function toMessage(
  ctx: RongCloudContext,
  type: number,
  view: { userId: string; targetId: string },
  row: HistoryRow,
): Message {
  const uid = String(row.messageUID);
  const sentAt = Number(row.msgTime);
  const from = typeof row.fromUserId === "string" ? row.fromUserId : "";
  const objectName = typeof row.objectName === "string" ? row.objectName : "";
  const raw = typeof row.content === "string" ? row.content : JSON.stringify(row.content ?? null);
  // Recall targets the conversation as the sender sees it.
  const target =
    type === PRIVATE ? (from === view.userId ? view.targetId : view.userId) : view.targetId;
  const recalled = objectName === "RC:RcNtf" || objectName === "RC:RcCmd";
  return {
    id: encodeMessageId(ctx, { uid, type, target, from }),
    conversation:
      type === PRIVATE ? { type: "USER", id: view.targetId } : { type: "GROUP", id: view.targetId },
    senderId: from,
    sentAt: new Date(sentAt),
    content: fromRongCloud(objectName, raw),
    recalled,
  };
}

// The history cursor: the last message returned (its time and uid) and how many messages
// of that millisecond were returned so far.
const HISTORY = "history";

function encodeHistoryCursor(time: number, uid: string, count: number): string {
  // One millisecond answers at most a page: more of it could not be read anyway.
  return encodeCursor(HISTORY, { t: time, u: uid, n: Math.min(count, HISTORY_PAGE_MAX) });
}

function decodeHistoryCursor(
  cursor: string | null | undefined,
): { time: number; uid: string; count: number } | null {
  const fields = decodeCursor<{ t: number; u: string; n: number }>(HISTORY, cursor, {
    t: "number",
    u: "string",
    n: "number",
  });
  if (!fields) return null;
  if (fields.t < 0 || fields.n < 1 || fields.n > HISTORY_PAGE_MAX) throw cursorError();
  return { time: fields.t, uid: fields.u, count: fields.n };
}
