/**
 * Classic groups (§2.2): a group is a set of user↔group bindings plus a push name.
 * create/join/quit/refresh on unknown or existing ids are idempotent 200s (unverified,
 * §6 item 7).
 */

import { getOrCreate } from "../../framework/index.js";
import { checkMemberCount } from "../errors.js";
import {
  checkString,
  ID_RULE,
  NAME_RULE,
  type Params,
  REF_RULE,
  type StringRule,
} from "../params.js";
import type { RouteDef, RouteTable } from "../route.js";
import type { AppState, Group } from "../state.js";

function ensureGroup(app: AppState, id: string, now: number, name?: string): Group {
  const g = getOrCreate(app.groups, id, () => ({
    id,
    name: "",
    members: new Map(),
    createdAt: now,
  }));
  if (name !== undefined) g.name = name;
  return g;
}

function addMembers(app: AppState, g: Group, userIds: string[], now: number): void {
  checkMemberCount(g.members.keys(), userIds, app.config.groupMemberLimit);
  for (const u of userIds) if (!g.members.has(u)) g.members.set(u, now);
}

/**
 * create and join: up to 1000 userId bound to groupId (made when new, renamed when `name`
 * reads a name).
 */
function bindUsers(groupIdRule: StringRule, name: (p: Params) => string | undefined): RouteDef {
  return {
    handle({ app, p, now }) {
      const userIds = p.list("userId", { required: true, max: 1000, ...REF_RULE });
      const groupId = p.required("groupId", groupIdRule);
      const groupName = name(p);
      addMembers(app, ensureGroup(app, groupId, now, groupName), userIds, now);
      return undefined;
    },
  };
}

export const groupRoutes: RouteTable = {
  "/group/create.json": bindUsers(ID_RULE, (p) => p.required("groupName", NAME_RULE)),

  "/group/sync.json": {
    handle({ app, p, now }) {
      const userId = p.required("userId", REF_RULE);
      const wanted = new Map<string, string>();
      for (const [id, name] of p.bracketed("group")) {
        checkString("group id", id, REF_RULE);
        checkString(`group[${id}]`, name, NAME_RULE);
        wanted.set(id, name);
      }
      // No group[...] at all removes every binding of the user (§2.2).
      for (const g of app.groups.values()) if (!wanted.has(g.id)) g.members.delete(userId);
      for (const [id, name] of wanted)
        addMembers(app, ensureGroup(app, id, now, name), [userId], now);
      return undefined;
    },
  },

  "/group/join.json": bindUsers(REF_RULE, (p) => p.optional("groupName", NAME_RULE)),

  "/group/quit.json": {
    handle({ app, p }) {
      const userIds = p.list("userId", { required: true, max: 1000, ...REF_RULE });
      const g = app.groups.get(p.required("groupId", REF_RULE));
      for (const u of userIds) g?.members.delete(u);
      return undefined;
    },
  },

  "/group/dismiss.json": {
    handle({ app, p }) {
      p.required("userId", REF_RULE); // any user; need not be creator or member (§2.2)
      // Mutes, whole-group mute and exceptions survive dismiss (§2.2): only bindings go.
      app.groups.delete(p.required("groupId", REF_RULE));
      return undefined;
    },
  },

  "/group/refresh.json": {
    handle({ app, p, now }) {
      const groupId = p.required("groupId", REF_RULE);
      ensureGroup(app, groupId, now, p.required("groupName", NAME_RULE));
      return undefined;
    },
  },

  "/group/user/query.json": {
    handle({ app, p }) {
      const g = app.groups.get(p.required("groupId", REF_RULE));
      return { users: [...(g?.members.keys() ?? [])].map((id) => ({ id })) };
    },
  },
};
