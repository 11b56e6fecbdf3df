/** All-member push: all_member_push/im_push and its newer path timpush/push (tencent.md §3.7). */
import { randomBytes } from "node:crypto";
import { OPENIM_CODES, TimError } from "../errors.js";
import { UINT32_MAX } from "../fields.js";
import { C2C_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, type RouteDef, type RouteTable } from "../route.js";
import { dedupSend, type PushTask } from "../state.js";

/** A push task with the same MsgRandom within 7 days is the same task (§3.7). */
const PUSH_DEDUP_MS = 7 * 86_400_000;
const BEIJING_DAY = 8 * 3_600_000;

const push: RouteDef = {
  codes: OPENIM_CODES,
  // Both paths share one 1/s + daily budget, spent in handle().
  rules: [],
  handle(ctx) {
    const { app, f, nowMs, now } = ctx;
    const random = f.int("MsgRandom", 90005, UINT32_MAX);
    const body = validateMsgBody(f.raw.MsgBody, C2C_MSGBODY, app.config.sensitiveWords);
    const from = f.optStr("From_Account", 90008) || ctx.admin;
    account(app, from, 90008, "From_Account");
    f.optInt("MsgLifeTime", 90044, 604_800);
    const condition = f.obj("Condition");
    if (condition) {
      const attrs = condition.AttrsOr !== undefined || condition.AttrsAnd !== undefined;
      const tags = condition.TagsOr !== undefined || condition.TagsAnd !== undefined;
      if (attrs && tags) throw new TimError(90001, "Condition cannot combine attributes and tags");
    }
    return dedupSend(app.pushDedup, random, nowMs, PUSH_DEDUP_MS, () => {
      const daily = app.config.edition === "trial" ? 10 : 100;
      ctx.limit(
        "all-member-push",
        [
          { limit: 1, window: "second" },
          { limit: daily, window: "day", alignOffsetMs: BEIJING_DAY },
        ],
        1,
        "app",
      );
      const task: PushTask = {
        taskId: randomBytes(16).toString("hex"),
        from,
        random,
        time: now,
        body,
        // The emulator keeps no push attributes or tags: a conditional push reaches nobody.
        recipients: condition ? [] : [...app.accounts.keys()].filter((id) => id !== from),
      };
      if (condition) task.condition = condition;
      app.pushes.push(task);
      return { TaskId: task.taskId };
    });
  },
};

export const pushRoutes: RouteTable = {
  "v4/all_member_push/im_push": push,
  "v4/timpush/push": push,
};
