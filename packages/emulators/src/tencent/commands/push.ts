/**
 * All-member / tag / attribute push: timpush/push (intl doc 1047/60561, cn 269/100634) and its
 * older path all_member_push/im_push (1047/37166). A push without Condition reaches every
 * account; with one, the accounts its tags or attributes select (push-condition.ts). The
 * Push-service page pushes a notification alone (OfflinePushInfo, no MsgBody); the older
 * path sends a message (MsgBody required). Both paths share one budget: 1 push a second
 * (90024) and a daily count (90047: 10 on trial, 100 otherwise, per Beijing day).
 */
import { OPENIM_CODES, TimError } from "../errors.js";
import { UINT32_MAX } from "../fields.js";
import { C2C_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, type RouteContext, type RouteDef, type RouteTable } from "../route.js";
import { dedupSend, type PushTask } from "../state.js";
import { inAudience, parseCondition } from "./push-condition.js";
import { offlinePush, pushTaskId, recordPush, requirePush } from "./push-task.js";

/** A push task with the same MsgRandom within 7 days is the same task (1047/60561). */
const PUSH_DEDUP_MS = 7 * 86_400_000;
const BEIJING_DAY = 8 * 3_600_000;
/** "The request body of all-member push is too large; at most 10K" (90056, 1047/74196). */
const PUSH_BODY_MAX_BYTES = 10 * 1024;

function push(messageRequired: boolean): RouteDef {
  return {
    codes: OPENIM_CODES,
    // Both paths share one 1/s + daily budget, spent in handle().
    rules: [],
    handle(ctx) {
      const { app, f } = ctx;
      requirePush(app);
      if (Buffer.byteLength(JSON.stringify(f.raw)) > PUSH_BODY_MAX_BYTES) {
        throw new TimError(90056, "the push request is larger than 10K");
      }
      const random = f.int("MsgRandom", 90005, UINT32_MAX);
      const body =
        messageRequired || f.has("MsgBody")
          ? validateMsgBody(f.raw.MsgBody, C2C_MSGBODY, app.config.sensitiveWords)
          : undefined;
      const notification = offlinePush(f);
      // Without a message, the notification is the push (unverified code: 90001).
      if (!body && !notification) f.fail("MsgBody or OfflinePushInfo is required");
      const from = f.optStr("From_Account", 90008) || ctx.admin;
      account(app, from, 90008, "From_Account");
      f.optInt("MsgLifeTime", 90026, 604_800);
      const condition = f.obj("Condition");
      const audience = parseCondition(app, condition);
      return dedupSend(app.pushDedup, random, ctx.nowMs, PUSH_DEDUP_MS, () => {
        spendBudget(ctx);
        const recipients = [...app.accounts.values()]
          .filter((acc) => acc.userId !== from && (!audience || inAudience(acc, audience)))
          .map((acc) => acc.userId);
        const task: Omit<PushTask, "taskId" | "online"> = {
          kind: "push",
          from,
          random,
          time: ctx.now,
          recipients,
          ...(body ? { body } : {}),
          ...notification,
          ...(condition ? { condition } : {}),
        };
        return { TaskId: recordPush(app, task, pushTaskId()).taskId };
      });
    },
  };
}

/** One push a second (90024) and the edition's pushes a Beijing day (90047), per app. */
function spendBudget(ctx: RouteContext): void {
  const daily = ctx.app.config.edition === "trial" ? 10 : 100;
  ctx.limit("all-member-push", [{ limit: 1, window: "second" }], 1, "app", 90024);
  ctx.limit(
    "all-member-push-daily",
    [{ limit: daily, window: "day", alignOffsetMs: BEIJING_DAY }],
    1,
    "app",
    90047,
  );
}

export const pushRoutes: RouteTable = {
  "v4/all_member_push/im_push": push(true),
  "v4/timpush/push": push(false),
};
