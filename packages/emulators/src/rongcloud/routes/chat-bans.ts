/**
 * One-to-one chat mutes (`/user/chat/fb/*`, rongcloud.md §7): per user, no duration, lifted
 * only by state=0. Messages sent through the Server API are never stopped by them.
 */
import { invalid } from "../errors.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";

/** `type` is required and PERSON is its only documented value. */
function requirePerson(p: Params): void {
  if (p.required("type") !== "PERSON") throw invalid("type", "must be PERSON");
}

export const chatBanRoutes: RouteTable = {
  "/user/chat/fb/set.json": {
    handle({ app, p }) {
      // ≤1000 per call (§7); the over-limit code is unverified: 1002 like other counts.
      const userIds = p.list("userId", { required: true, max: 1000, ...REF_RULE });
      const state = p.oneOf("state", [0, 1] as const);
      requirePerson(p);
      for (const u of userIds) {
        if (state === 1) app.chatBans.add(u);
        else app.chatBans.delete(u);
      }
      return undefined;
    },
  },
  "/user/chat/fb/querylist.json": {
    handle({ app, p }) {
      requirePerson(p);
      const num = p.int("num", { min: 1, max: 200 }) ?? 100;
      const offset = p.int("offset", { min: 0 }) ?? 0;
      const all = [...app.chatBans];
      return { total: all.length, users: all.slice(offset, offset + num) };
    },
  },
};
