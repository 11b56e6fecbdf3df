/**
 * Hosted groups (`/entrust/group/*`, the profile-hosting product, §2.2 and #17 §1): groups
 * with an owner, admins and members — creation, membership, ownership and dismissal, each
 * reported by the group operation callback (#17 §3). Roles: 1 member, 2 admin, 3 owner.
 * Profiles are in entrust-group-profiles.ts, member reads and roles in entrust-group-members.ts.
 */
import type { GroupOperationEvent } from "../callbacks.js";
import { checkMemberCount } from "../errors.js";
import {
  checkExtProfile,
  checkGroupProfile,
  checkPermissions,
  groupOf,
  hostedRule,
  userIdsOf,
} from "../hosted-rules.js";
import { ID_RULE, NAME_RULE, type Params, REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";
import {
  type AppState,
  HOSTED_MEMBER,
  HOSTED_OWNER,
  type HostedGroup,
  hostedMember,
} from "../state.js";

export const hosted = (def: RouteDef): RouteDef => ({ ...def, feature: "groupHosting" });

/**
 * Tells the app of an operation. The operator of a server API call is not documented: the
 * emulator names the group's owner (unverified).
 */
export function operation(
  { app, callbacks, now }: RouteContext,
  g: HostedGroup,
  eventType: GroupOperationEvent["eventType"],
  userIds: string[],
): void {
  const event = { groupId: g.groupId, eventType, time: now, optUserId: g.owner, userIds };
  callbacks.groupOperation(app, event);
}

/** Quit and kick: the listed members (≤100) leave; the owner cannot (25417). */
function leave(eventType: 3 | 4): RouteDef {
  return hosted({
    handle(ctx) {
      const { app, p } = ctx;
      const g = groupOf(app, p);
      const userIds = userIdsOf(p, 100);
      flags(p);
      if (userIds.includes(g.owner))
        throw hostedRule(app, 25417, "the group owner cannot leave; transfer ownership first");
      const gone = userIds.filter((u) => g.members.delete(u));
      if (gone.length > 0) operation(ctx, g, eventType, gone);
      return undefined;
    },
  });
}

function flags(p: Params): void {
  for (const f of ["isDelBan", "isDelWhite", "isDelFollowed"]) p.flag(f, 1); // validated only
}

/** Adds members (as plain members); answers who was not in the group before. */
export function addMembers(app: AppState, g: HostedGroup, userIds: string[], now: number) {
  checkMemberCount(g.members.keys(), userIds, app.config.groupMemberLimit);
  const added = [...new Set(userIds)].filter((u) => !g.members.has(u));
  for (const u of added) g.members.set(u, hostedMember(HOSTED_MEMBER, now));
  return added;
}

/** The profile, permission and ext parts of a create or import, checked. */
export function initialParts(app: AppState, p: Params) {
  const groupProfile = p.jsonObject("groupProfile") ?? {};
  checkGroupProfile(groupProfile);
  const permissions = checkPermissions(p.jsonObject("permissions") ?? {});
  const groupExtProfile = p.jsonObject("groupExtProfile") ?? {};
  checkExtProfile(app, groupExtProfile, {});
  const { name: _name, ...profile } = groupProfile;
  return { groupProfile: profile, permissions, groupExtProfile };
}

export const entrustGroupRoutes: RouteTable = {
  "/entrust/group/create.json": hosted({
    handle(ctx) {
      const { app, p, now } = ctx;
      const groupId = p.required("groupId", ID_RULE);
      const name = p.required("name", NAME_RULE);
      const owner = p.required("owner", REF_RULE);
      const userIds = userIdsOf(p, 30, false);
      if (app.hostedGroups.has(groupId))
        throw hostedRule(app, 25409, `groupId already exists: ${groupId}`);
      const g: HostedGroup = {
        groupId,
        name,
        creator: owner,
        owner,
        members: new Map([[owner, hostedMember(HOSTED_OWNER, now)]]),
        ...initialParts(app, p),
        createdAt: now,
      };
      addMembers(app, g, userIds, now);
      app.hostedGroups.set(groupId, g);
      operation(ctx, g, 1, [...g.members.keys()]);
      return undefined;
    },
  }),

  "/entrust/group/transfer/owner.json": hosted({
    handle(ctx) {
      const { app, p, now } = ctx;
      const g = groupOf(app, p);
      const newOwner = p.required("newOwner", REF_RULE);
      const isQuit = p.flag("isQuit", 0);
      flags(p);
      if (newOwner === g.owner) return undefined;
      // A non-member new owner is added as a member first (tolerant; unverified).
      addMembers(app, g, [newOwner], now);
      const old = g.owner;
      const oldMember = g.members.get(old);
      if (oldMember) oldMember.role = HOSTED_MEMBER;
      const newMember = g.members.get(newOwner);
      if (newMember) newMember.role = HOSTED_OWNER;
      g.owner = newOwner;
      if (isQuit === 1) g.members.delete(old);
      operation(ctx, g, 8, [newOwner]);
      return undefined;
    },
  }),

  "/entrust/group/join.json": hosted({
    handle(ctx) {
      const { app, p, now } = ctx;
      const g = groupOf(app, p);
      const added = addMembers(app, g, userIdsOf(p, 100), now);
      if (added.length > 0) operation(ctx, g, 2, added);
      return undefined;
    },
  }),

  // Being kicked (3, removed) and quitting (4) read the same fields and leave the same way.
  "/entrust/group/quit.json": leave(4),
  "/entrust/group/member/kick.json": leave(3),

  "/entrust/group/dismiss.json": hosted({
    handle(ctx) {
      const g = groupOf(ctx.app, ctx.p);
      ctx.app.hostedGroups.delete(g.groupId);
      operation(ctx, g, 5, []);
      return undefined;
    },
  }),
};
