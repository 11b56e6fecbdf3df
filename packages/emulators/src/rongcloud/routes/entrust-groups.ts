/**
 * Hosted groups (`/entrust/group/*`, profile-hosting product, §2.2): real groups with an
 * owner, members and roles — needed for owner transfer. Roles: 1 owner, 2 manager,
 * 3 member (the numeric mapping is unverified). Field names of paged answers are
 * unverified (see the package README).
 */
import { checkMemberCount, invalid, RcError } from "../errors.js";
import { ID_RULE, NAME_RULE, type Params, REF_RULE } from "../params.js";
import type { RouteDef, RouteTable } from "../route.js";
import type { AppState, HostedGroup, HostedMember } from "../state.js";

const hosted = (def: RouteDef): RouteDef => ({ ...def, feature: "groupHosting" });

/** Removes the listed userIds (at most 100) from the hosted group. */
function removeListed({ app, p }: { app: AppState; p: Params }): undefined {
  const g = groupOf(app, p);
  const userIds = userIdsOf(p, 100);
  flags(p);
  removeMembers(g, userIds);
  return undefined;
}

function groupOf(app: AppState, p: Params): HostedGroup {
  const groupId = p.required("groupId", REF_RULE);
  const g = app.hostedGroups.get(groupId);
  // Unknown hosted group: a parameter error (exact code unverified).
  if (!g) throw new RcError(400, 1002, `groupId does not exist: ${groupId}`);
  return g;
}

function userIdsOf(p: Params, max: number, required = true): string[] {
  // Form list: repeated keys or one comma-separated value, both accepted.
  return p.list("userIds", { required, max, comma: true, ...REF_RULE });
}

function flags(p: Params): void {
  for (const f of ["isDelBan", "isDelWhite", "isDelFollowed"]) p.flag(f, 1); // validated only
}

function pageOf<T>(items: T[], p: Params, maxSize: number) {
  const size = p.int("size", { min: 1, max: maxSize }) ?? 50;
  const token = p.optional("pageToken");
  if (token !== undefined && !/^\d+$/.test(token))
    throw invalid("pageToken", "is not a valid page token");
  const offset = token === undefined ? 0 : Number(token);
  const page = items.slice(offset, offset + size);
  return { page, pageToken: offset + size < items.length ? String(offset + size) : "" };
}

function addMembers(app: AppState, g: HostedGroup, userIds: string[], now: number): void {
  checkMemberCount(g.members.keys(), userIds, app.config.groupMemberLimit);
  for (const u of userIds)
    if (!g.members.has(u)) g.members.set(u, { role: 3, time: now, nickname: "", extra: "" });
}

function removeMembers(g: HostedGroup, userIds: string[]): void {
  // The owner must transfer ownership first (unverified; refusing keeps the group valid).
  if (userIds.includes(g.owner))
    throw new RcError(400, 1002, "the group owner cannot leave; transfer ownership first");
  for (const u of userIds) g.members.delete(u);
}

const profileView = (g: HostedGroup) => ({
  groupId: g.groupId,
  name: g.name,
  owner: g.owner,
  memberCount: g.members.size,
  createTime: g.createdAt,
  groupProfile: g.groupProfile,
  permissions: g.permissions,
  groupExtProfile: g.groupExtProfile,
});

const memberView = ([userId, m]: [string, HostedMember]) => ({
  userId,
  nickname: m.nickname,
  role: m.role,
  time: m.time,
  extra: m.extra,
});

export const entrustGroupRoutes: RouteTable = {
  "/entrust/group/create.json": hosted({
    handle({ app, p, now }) {
      const groupId = p.required("groupId", ID_RULE);
      const name = p.required("name", NAME_RULE);
      const owner = p.required("owner", REF_RULE);
      const userIds = userIdsOf(p, 30, false);
      if (app.hostedGroups.has(groupId))
        throw new RcError(400, 1002, `groupId already exists: ${groupId}`);
      const g: HostedGroup = {
        groupId,
        name,
        owner,
        members: new Map([[owner, { role: 1, time: now, nickname: "", extra: "" }]]),
        groupProfile: p.jsonObject("groupProfile") ?? {},
        permissions: p.jsonObject("permissions") ?? {},
        groupExtProfile: p.jsonObject("groupExtProfile") ?? {},
        createdAt: now,
      };
      addMembers(app, g, userIds, now);
      app.hostedGroups.set(groupId, g);
      return undefined;
    },
  }),

  "/entrust/group/transfer/owner.json": hosted({
    handle({ app, p, now }) {
      const g = groupOf(app, p);
      const newOwner = p.required("newOwner", REF_RULE);
      const isQuit = p.flag("isQuit", 0);
      flags(p);
      if (newOwner === g.owner) return undefined;
      // A non-member new owner is added as a member first (tolerant; unverified).
      addMembers(app, g, [newOwner], now);
      const old = g.owner;
      const oldMember = g.members.get(old);
      if (oldMember) oldMember.role = 3;
      const newMember = g.members.get(newOwner);
      if (newMember) newMember.role = 1;
      g.owner = newOwner;
      if (isQuit === 1) g.members.delete(old);
      return undefined;
    },
  }),

  "/entrust/group/join.json": hosted({
    handle({ app, p, now }) {
      const g = groupOf(app, p);
      addMembers(app, g, userIdsOf(p, 100), now);
      return undefined;
    },
  }),

  // Quitting and being kicked read the same fields and leave the group the same way.
  "/entrust/group/quit.json": hosted({ handle: removeListed }),
  "/entrust/group/member/kick.json": hosted({ handle: removeListed }),

  "/entrust/group/dismiss.json": hosted({
    handle({ app, p }) {
      app.hostedGroups.delete(groupOf(app, p).groupId);
      return undefined;
    },
  }),

  "/entrust/group/profile/update.json": hosted({
    handle({ app, p }) {
      const g = groupOf(app, p);
      const name = p.optional("name", NAME_RULE);
      if (name !== undefined) g.name = name;
      g.groupProfile = { ...g.groupProfile, ...p.jsonObject("groupProfile") };
      g.permissions = { ...g.permissions, ...p.jsonObject("permissions") };
      g.groupExtProfile = { ...g.groupExtProfile, ...p.jsonObject("groupExtProfile") };
      return undefined;
    },
  }),

  "/entrust/group/profile/query.json": hosted({
    handle({ app, p }) {
      const ids = p.list("groupIds", { required: true, max: 50, comma: true, ...REF_RULE });
      return {
        groups: ids.flatMap((id) => {
          const g = app.hostedGroups.get(id);
          return g ? [profileView(g)] : [];
        }),
      };
    },
  }),

  "/entrust/group/member/query.json": hosted({
    handle({ app, p }) {
      const g = groupOf(app, p);
      const { page, pageToken } = pageOf([...g.members], p, 100);
      return { total: g.members.size, members: page.map(memberView), pageToken };
    },
  }),

  "/entrust/group/member/specific/query.json": hosted({
    handle({ app, p }) {
      const g = groupOf(app, p);
      const ids = userIdsOf(p, 100);
      return {
        members: ids.flatMap((u) => {
          const m = g.members.get(u);
          return m ? [memberView([u, m])] : [];
        }),
      };
    },
  }),

  "/entrust/joined/group/query.json": hosted({
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const joined = [...app.hostedGroups.values()].filter((g) => g.members.has(userId));
      const { page, pageToken } = pageOf(joined, p, 100);
      return {
        groups: page.map((g) => {
          const m = g.members.get(userId);
          return { groupId: g.groupId, name: g.name, role: m?.role, time: m?.time };
        }),
        pageToken,
      };
    },
  }),
};
