/** Deactivate / reactivate users: asynchronous, results through the callback (§2.1, §3.5). */
import { operateId } from "../ids.js";
import { REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import { endSessions } from "../sessions.js";

/** Reactivation is refused within 1 h of deactivation (§2.1). */
const REACTIVATE_AFTER_MS = 3_600_000;

export const deactivationRoutes: RouteTable = {
  "/user/deactivate.json": {
    handle(ctx) {
      const { app, p, now, callbacks } = ctx;
      // Documented as one comma-separated value; repeated keys accepted too.
      const userIds = p.list("userId", { required: true, max: 100, comma: true, ...REF_RULE });
      const id = operateId();
      for (const u of userIds) {
        app.deactivated.set(u, { operateId: id, at: now, done: false });
        endSessions(app, u, "1", now, callbacks);
      }
      ctx.later((time) => {
        for (const u of userIds) {
          const d = app.deactivated.get(u);
          if (d?.operateId !== id) continue;
          d.done = true;
          callbacks.deactivation(app, { userId: u, operateId: id, type: 0, code: "0", time });
        }
      });
      return { operateId: id };
    },
  },

  "/user/reactivate.json": {
    // "100 users per second" (§1.7).
    limit: (p) => ({
      rules: [{ limit: 100, window: "second" }],
      cost: p.list("userId", { comma: true }).length,
    }),
    handle(ctx) {
      const { app, p, callbacks } = ctx;
      const userIds = p.list("userId", { required: true, max: 100, comma: true, ...REF_RULE });
      const id = operateId();
      ctx.later((time) => {
        for (const u of userIds) {
          const d = app.deactivated.get(u);
          // Within 1 h of deactivation: reported as a failure in the callback (code "1")
          // rather than a synchronous error — the code is unverified either way.
          // Reactivating an active user is not an error (§2.1).
          const tooSoon = d !== undefined && time - d.at < REACTIVATE_AFTER_MS;
          if (!tooSoon) app.deactivated.delete(u);
          callbacks.deactivation(app, {
            userId: u,
            operateId: id,
            type: 1,
            code: tooSoon ? "1" : "0",
            time,
          });
        }
      });
      return { operateId: id };
    },
  },

  "/user/deactivate/query.json": {
    emptyOk: true,
    handle({ app, p }) {
      const pageNo = p.int("pageNo", { min: 1 }) ?? 1;
      const pageSize = p.int("pageSize", { min: 1, max: 50 }) ?? 50;
      // Includes in-progress ones (§2.1); plain user ids (entry shape unverified).
      const users = [...app.deactivated.keys()].slice((pageNo - 1) * pageSize, pageNo * pageSize);
      return { users };
    },
  },
};
