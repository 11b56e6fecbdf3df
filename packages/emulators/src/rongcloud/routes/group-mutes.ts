/** Group member mutes, whole-group mutes and mute exceptions (§2.2). They persist across
 * quit/dismiss and never block Server API sends (§5 row 18). */
import { getOrCreate } from "../../framework/index.js";
import { tooMany } from "../errors.js";
import { formatTime } from "../ids.js";
import { REF_RULE } from "../params.js";
import { deleteEach, type RouteTable } from "../route.js";
import type { Mute } from "../state.js";

/** At most 100 users muted in all groups (§2.2). */
const ALL_GROUPS_CAP = 100;
/** A permanent mute has no end; shown as a far-future time (format unverified). */
const PERMANENT = "9999-12-31 23:59:59";

const active = (m: Mute, now: number) => m.until === null || m.until > now;

export const groupMuteRoutes: RouteTable = {
  "/group/user/gag/add.json": {
    handle({ app, p, now }) {
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const groupId = p.optional("groupId", REF_RULE) ?? ""; // empty: muted in all groups
      const minute = p.int("minute", { required: true, min: 0, max: 43200 });
      const mutes = getOrCreate(app.groupMutes, groupId, () => new Map());
      for (const [u, m] of mutes) if (!active(m, now)) mutes.delete(u);
      if (groupId === "" && new Set([...mutes.keys(), ...userIds]).size > ALL_GROUPS_CAP) {
        throw tooMany("userId (users muted in all groups)", ALL_GROUPS_CAP);
      }
      for (const u of userIds)
        mutes.set(u, { start: now, until: minute === 0 ? null : now + minute * 60_000 });
      return undefined;
    },
  },

  "/group/user/gag/rollback.json": {
    handle({ app, p }) {
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const mutes = app.groupMutes.get(p.optional("groupId", REF_RULE) ?? "");
      for (const u of userIds) mutes?.delete(u);
      return undefined;
    },
  },

  "/group/user/gag/list.json": {
    emptyOk: true,
    handle({ app, p, now }) {
      const mutes =
        app.groupMutes.get(p.optional("groupId", REF_RULE) ?? "") ?? new Map<string, Mute>();
      const tz = app.config.tzOffsetMs;
      return {
        users: [...mutes]
          .filter(([, m]) => active(m, now))
          .map(([userId, m]) => ({
            userId,
            time: m.until === null ? PERMANENT : formatTime(m.until, tz),
            startTime: formatTime(m.start, tz),
          })),
      };
    },
  },

  "/group/ban/add.json": {
    handle({ app, p }) {
      for (const g of p.list("groupId", { required: true, max: 20, ...REF_RULE }))
        app.groupBans.add(g);
      return undefined;
    },
  },

  "/group/ban/rollback.json": deleteEach("groupId", (app) => app.groupBans),

  /**
   * The state of ≤20 groups; without `groupId`, or with `page`/`size` (which then win), one
   * page of the muted groups: `size` default 50, max 200 (#17 §1.1).
   */
  "/group/ban/query.json": {
    emptyOk: true,
    handle({ app, p }) {
      const page = p.int("page", { min: 1 });
      const size = p.int("size", { min: 1, max: 200 });
      const ids = p.list("groupId", { max: 20, ...REF_RULE });
      const paged = page !== undefined || size !== undefined || ids.length === 0;
      const from = ((page ?? 1) - 1) * (size ?? 50);
      const list = paged ? [...app.groupBans].slice(from, from + (size ?? 50)) : ids;
      return {
        groupinfo: list.map((groupId) => ({ groupId, stat: app.groupBans.has(groupId) ? 1 : 0 })),
      };
    },
  },

  "/group/user/ban/whitelist/add.json": {
    handle({ app, p }) {
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const groupId = p.required("groupId", REF_RULE);
      const set = getOrCreate(app.banWhitelists, groupId, () => new Set<string>());
      for (const u of userIds) set.add(u);
      return undefined;
    },
  },

  "/group/user/ban/whitelist/rollback.json": {
    handle({ app, p }) {
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const set = app.banWhitelists.get(p.required("groupId", REF_RULE));
      for (const u of userIds) set?.delete(u);
      return undefined;
    },
  },

  "/group/user/ban/whitelist/query.json": {
    handle({ app, p }) {
      return { userIds: [...(app.banWhitelists.get(p.required("groupId", REF_RULE)) ?? [])] };
    },
  },
};
