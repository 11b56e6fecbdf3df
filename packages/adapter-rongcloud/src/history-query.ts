import type { CallOptions } from "@imgraph/core";
import { postJson, type RongCloudContext } from "./context.js";
import { HISTORY_PAGE_MAX } from "./limits.js";
import { GROUP } from "./message-ids.js";

// RongCloud's v3 history queries over one conversation (listMessages reads pages of them,
// recallMessage finds a message's server time in them).

interface HistoryAnswer {
  data?: Array<{
    targetId?: unknown;
    fromUserId?: unknown;
    messageUID?: unknown;
    msgTime?: unknown;
    objectName?: unknown;
    content?: unknown;
  }>;
}

export type HistoryRow = NonNullable<HistoryAnswer["data"]>[number];

/** A v3 history query over one conversation: rows in [start, end], at most a page. */
export type HistoryQuery = (start: number, end: number) => Promise<HistoryAnswer>;

/** The history query of a one-to-one (PRIVATE) or group (GROUP) conversation. */
export function historyQuery(
  ctx: RongCloudContext,
  operation: string,
  conversation: { type: number; userId: string; targetId: string },
  options: CallOptions | undefined,
): HistoryQuery {
  const path =
    conversation.type === GROUP ? "/v3/message/group/query.json" : "/v3/message/private/query.json";
  return (start, end) =>
    postJson<HistoryAnswer>(
      ctx,
      operation,
      path,
      {
        userId: conversation.userId,
        targetId: conversation.targetId,
        startTime: start,
        endTime: end,
        pageSize: HISTORY_PAGE_MAX,
        includeStart: true,
      },
      options,
    );
}

/** At least `need` of the newest rows in [start, end] (all of them when fewer exist). */
export async function newest(
  query: HistoryQuery,
  start: number,
  end: number,
  need: number,
): Promise<HistoryRow[]> {
  const rows = (await query(start, end)).data ?? [];
  // A partial page is the whole window; a single millisecond cannot be split further.
  if (rows.length < HISTORY_PAGE_MAX || start >= end) return rows;
  const mid = Math.floor((start + end) / 2);
  const upper = await newest(query, mid + 1, end, need);
  if (upper.length >= need) return upper;
  return upper.concat(await newest(query, start, mid, need - upper.length));
}
