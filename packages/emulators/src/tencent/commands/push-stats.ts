/**
 * All-member / tag push statistics: timpush/all_member_push_statistics (intl doc 1047/71894).
 * StartTime and EndTime (unix seconds, at most 30 days apart), TaskID: up to 5 task ids.
 * Answers Results: [{TaskID, TotalCount, SentCount, DeliveredCount, ClickCount,
 * PlatformStatistics}] for the listed tasks pushed within the window. 1 call a second.
 *
 * The statistics are documented for all-member and tag pushes only ("All/Tagged Users Push
 * Data Statistics"); batch (listed-user, timpush/batch) tasks are reported only by the
 * Push.AllMemberPush callback, so they are left out here (docs/vendors/tencent.md, push).
 *
 * Unverified, the emulator's choices: a task id Tencent has no record of is left out of
 * Results; an empty TaskID answers no Results;
 * the counts are the emulator's: targeted = sent = recipients, delivered = recipients
 * online when pushed, clicks 0 (no devices here), no per-platform rows.
 */
import { PUSH_TARGET_CODES } from "../errors.js";
import type { RouteTable } from "../route.js";
import { requirePush } from "./push-task.js";

const TASKS_PER_CALL = 5;
const WINDOW_MAX_SECONDS = 30 * 86_400;

export const pushStatsRoutes: RouteTable = {
  "v4/timpush/all_member_push_statistics": {
    codes: PUSH_TARGET_CODES,
    rules: [{ limit: 1, window: "second" }],
    handle({ app, f }) {
      requirePush(app);
      const start = f.int("StartTime");
      const end = f.int("EndTime");
      if (end < start || end - start > WINDOW_MAX_SECONDS) {
        f.fail("StartTime and EndTime must be at most 30 days apart, start first");
      }
      const ids = f.optArray("TaskID", TASKS_PER_CALL) ?? [];
      if (ids.some((id) => typeof id !== "string")) f.fail("TaskID holds a non-string");
      const wanted = new Set(ids as string[]);
      const Results = app.pushes
        .filter(
          (t) => t.kind === "push" && wanted.has(t.taskId) && t.time >= start && t.time <= end,
        )
        .map((t) => ({
          TaskID: t.taskId,
          TotalCount: t.recipients.length,
          SentCount: t.recipients.length,
          DeliveredCount: t.online,
          ClickCount: 0,
          PlatformStatistics: [],
        }));
      return { Results };
    },
  },
};
