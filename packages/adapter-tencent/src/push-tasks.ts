import { checkPushTaskId, NotFoundError, type PushTaskState } from "@imgraph/core";
import { call, num, type Op, str } from "./context.js";

// What Tencent reports of a push task: timpush/all_member_push_statistics (intl doc
// 1047/71894), 1 call a second, up to 5 TaskIDs within a window of StartTime..EndTime.
// It reports counts, not a state: the state is read from them (see below). It is documented
// for all-member and tag pushes: a listed-user push (timpush/batch, pushToUsers) is asked
// about all the same, should Tencent know it, and is NOT_FOUND with that said when not.

/**
 * The window asked: the last 7 days. The intl page allows 30 days, the cn page of its twin
 * (all_member_push_loss) 7; the shorter one works with both.
 */
const WINDOW_SECONDS = 7 * 86_400;

/** The TaskId timpush/batch answers: "batch_…" (intl 1047/67553's example). */
const BATCH_TASK_PREFIX = "batch_";

interface StatsAnswer {
  Results?: Array<{
    TaskID?: unknown;
    TotalCount?: unknown;
    SentCount?: unknown;
    ClickCount?: unknown;
  }>;
}

/** Sent to all it could reach: DONE; to some: SENDING; none yet: QUEUED. */
function stateOf(total: number | null, sent: number | null): PushTaskState {
  if (total === null || sent === null) return "UNKNOWN";
  if (total > 0 && sent >= total) return "DONE";
  return sent > 0 ? "SENDING" : "QUEUED";
}

/**
 * The task's counts: TotalCount (could be sent) as targeted, SentCount as sent, ClickCount
 * as opened. A task the answer leaves out is unknown to Tencent in the window: NOT_FOUND.
 */
export const getPushTask: Op<"getPushTask"> = async (ctx, input, options) => {
  const taskId = checkPushTaskId(input);
  const now = Math.floor(ctx.now() / 1000);
  const answer = await call<StatsAnswer>(
    ctx,
    "getPushTask",
    "timpush/all_member_push_statistics",
    { StartTime: now - WINDOW_SECONDS, EndTime: now, TaskID: [taskId] },
    options,
    true,
  );
  const found = answer.Results?.find((r) => str(r?.TaskID) === taskId);
  if (!found) {
    const listed = taskId.startsWith(BATCH_TASK_PREFIX)
      ? " Tencent's push statistics cover pushes to all users and by tag, not pushes to listed users (pushToUsers)."
      : "";
    throw new NotFoundError(
      `Tencent reports no push task with that id in the last 7 days.${listed}`,
      {
        vendor: "tencent",
      },
    );
  }
  const targeted = num(found.TotalCount) ?? null;
  const sent = num(found.SentCount) ?? null;
  return {
    taskId,
    state: stateOf(targeted, sent),
    targeted,
    sent,
    opened: num(found.ClickCount) ?? null,
  };
};
