/** Banning users, blacklists (and the `blocklist` spelling) and allow-lists (§2.1). */
import { invalid, RcError } from "../errors.js";
import { formatTime } from "../ids.js";
import { requireUsers } from "../known-users.js";
import { type Params, REF_RULE } from "../params.js";
import { deleteEach, type RouteContext, type RouteDef, type RouteTable } from "../route.js";
import { endSessions } from "../sessions.js";
import type { AppState } from "../state.js";

/** Per-user list cap (plan dependent; 3000 documented). */
const LIST_CAP = 3000;

type ListKey = "blacklists" | "whitelists";

function listRoutes(
  key: ListKey,
  param: string,
  feature?: "allowList",
): Record<"add" | "remove" | "query", RouteDef> {
  const base = feature ? { feature } : {};
  const lists = (app: AppState) => app[key];
  return {
    add: {
      ...base,
      handle({ app, p }) {
        const userId = p.required("userId", REF_RULE);
        const others = p.list(param, { required: true, max: 20, ...REF_RULE });
        // Blocking an unknown user is refused (unverified; see known-users.ts).
        if (key === "blacklists") requireUsers(app, [userId, ...others]);
        const set = lists(app).get(userId) ?? new Set<string>();
        const after = new Set([...set, ...others]);
        if (after.size > LIST_CAP)
          throw new RcError(400, 1002, `${param}: list is full (max ${LIST_CAP} per user)`);
        lists(app).set(userId, after);
        return undefined;
      },
    },
    remove: {
      ...base,
      handle({ app, p }) {
        const userId = p.required("userId", REF_RULE);
        const others = p.list(param, { required: true, max: 20, ...REF_RULE });
        const set = lists(app).get(userId);
        for (const o of others) set?.delete(o);
        return undefined;
      },
    },
    query: {
      ...base,
      handle({ app, p }) {
        const userId = p.required("userId", REF_RULE);
        const size = p.int("size", { min: 1, max: 1000 }) ?? 1000;
        const offset = pageToken(p);
        const all = [...(lists(app).get(userId) ?? [])];
        const users = all.slice(offset, offset + size);
        // `next` only when more pages exist (§2.1); the token is an opaque offset here.
        return offset + size < all.length ? { users, next: String(offset + size) } : { users };
      },
    },
  };
}

function pageToken(p: Params): number {
  const token = p.optional("pageToken");
  if (token === undefined) return 0;
  if (!/^\d+$/.test(token)) throw invalid("pageToken", "is not a valid page token");
  return Number(token);
}

const blacklist = listRoutes("blacklists", "blackUserId");
const whitelist = listRoutes("whitelists", "whiteUserId", "allowList");

function activeBlocks({ app, now }: RouteContext) {
  return [...app.blocked].filter(([, until]) => until > now).sort((a, b) => b[1] - a[1]);
}

export const userRelationRoutes: RouteTable = {
  "/user/block.json": {
    handle(ctx) {
      const { app, p, now } = ctx;
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const minute = p.int("minute", { required: true, min: 1, max: 43200 });
      for (const u of userIds) {
        app.blocked.set(u, now + minute * 60_000);
        endSessions(app, u, "1", now, ctx.callbacks); // a banned user is disconnected
      }
      return undefined;
    },
  },
  "/user/unblock.json": deleteEach("userId", (app) => app.blocked),
  "/user/block/query.json": {
    emptyOk: true,
    handle(ctx) {
      const page = ctx.p.int("page", { min: 0 }) ?? 0;
      const size = ctx.p.int("size", { min: 1, max: 1000 }) ?? 50;
      const blocks = activeBlocks(ctx);
      // page absent/0: no paging, the first 1000 by end time desc (§2.1).
      const slice =
        page === 0 ? blocks.slice(0, 1000) : blocks.slice((page - 1) * size, page * size);
      return {
        // blockEndTime format unverified: same "YYYY-MM-DD HH:MM:SS" as other times.
        users: slice.map(([userId, until]) => ({
          userId,
          blockEndTime: formatTime(until, ctx.app.config.tzOffsetMs),
        })),
      };
    },
  },
  "/user/blacklist/add.json": blacklist.add,
  "/user/blacklist/remove.json": blacklist.remove,
  "/user/blacklist/query.json": blacklist.query,
  // Current docs spell it "blocklist"; every SDK uses "blacklist": accept both (unverified).
  "/user/blocklist/add.json": blacklist.add,
  "/user/blocklist/remove.json": blacklist.remove,
  "/user/blocklist/query.json": blacklist.query,
  "/user/whitelist/add.json": whitelist.add,
  "/user/whitelist/remove.json": whitelist.remove,
  "/user/whitelist/query.json": whitelist.query,
};
