/**
 * Hosted group members (#17 §1.3): the member lists with roles (1 member, 2 admin, 3 owner),
 * a member's profile (name card `nickname`, one `extra` string), admins (≤10 a group, only
 * members, never the owner) and the groups a user joined.
 */
import { tooLong } from "../errors.js";
import { groupOf, hostedRule, memberOf, pageOf, userIdsOf } from "../hosted-rules.js";
import { NAME_RULE, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import { HOSTED_ADMIN, HOSTED_MEMBER, type HostedGroup, type HostedMember } from "../state.js";
import { hosted, operation } from "./entrust-groups.js";

/** Admins a group may have. */
const MANAGER_MAX = 10;
const EXTRA_MAX_CHARS = 128;

const memberView = ([userId, m]: [string, HostedMember]) => ({
  userId,
  nickname: m.nickname,
  role: m.role,
  time: m.time,
  extra: m.extra,
});

const admins = (g: HostedGroup) => [...g.members.values()].filter((m) => m.role === HOSTED_ADMIN);

export const entrustGroupMemberRoutes: RouteTable = {
  /** Paged by join time (order 0 oldest first, 1 newest first: default); `type` filters roles. */
  "/entrust/group/member/query.json": hosted({
    handle({ app, p }) {
      const g = groupOf(app, p);
      const type = p.oneOf("type", [0, 1, 2, 3] as const, 0);
      const order = p.oneOf("order", [0, 1] as const, 1);
      const all = [...g.members]
        .filter(([, m]) => type === 0 || m.role === type)
        .sort(([, a], [, b]) => a.time - b.time);
      if (order === 1) all.reverse();
      const { page, pageToken } = pageOf(all, p, 100);
      return { totalCount: all.length, pageToken, members: page.map(memberView) };
    },
  }),

  /** The chosen users (≤100) who are members; others are left out. */
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

  /**
   * A member's profile: `nickname` is required (≤64), `extra` optional (≤128); an absent
   * `extra` keeps the stored one, "" clears it. No callback reports it (#17 §3).
   */
  "/entrust/group/member/set.json": hosted({
    handle({ app, p }) {
      const g = groupOf(app, p);
      const m = memberOf(g, p.required("userId", REF_RULE));
      const nickname = p.required("nickname", NAME_RULE);
      const extra = p.value("extra");
      if (typeof extra === "string" && [...extra].length > EXTRA_MAX_CHARS)
        throw tooLong("extra", EXTRA_MAX_CHARS, "characters");
      m.nickname = nickname;
      if (typeof extra === "string") m.extra = extra;
      return undefined;
    },
  }),

  /**
   * Makes members admins. Users who are not members are left out and answered in `userIds`;
   * the owner cannot be one (25425); past 10 admins nothing changes (25419, `managerCount`).
   */
  "/entrust/group/manager/add.json": hosted({
    handle(ctx) {
      const { app, p } = ctx;
      const g = groupOf(app, p);
      const userIds = [...new Set(userIdsOf(p, 100))];
      if (userIds.includes(g.owner))
        throw hostedRule(app, 25425, "the group owner cannot be an admin");
      const strangers = userIds.filter((u) => !g.members.has(u));
      const added = userIds.filter((u) => g.members.get(u)?.role === HOSTED_MEMBER);
      const count = admins(g).length;
      if (count + added.length > MANAGER_MAX)
        throw hostedRule(app, 25419, `a group has at most ${MANAGER_MAX} admins`, {
          managerCount: count,
        });
      for (const u of added) memberOf(g, u).role = HOSTED_ADMIN;
      if (added.length > 0) operation(ctx, g, 6, added);
      return { userIds: strangers };
    },
  }),

  /** Makes admins plain members again: each must be a member (25418) and an admin (25420). */
  "/entrust/group/manager/remove.json": hosted({
    handle(ctx) {
      const { app, p } = ctx;
      const g = groupOf(app, p);
      const userIds = [...new Set(userIdsOf(p, 100))];
      for (const u of userIds)
        if (memberOf(g, u).role !== HOSTED_ADMIN)
          throw hostedRule(app, 25420, `user ${u} is not an admin`);
      for (const u of userIds) memberOf(g, u).role = HOSTED_MEMBER;
      operation(ctx, g, 7, userIds);
      return undefined;
    },
  }),

  /** The hosted groups a user is in, with the user's role (`role` 0 all, else that role). */
  "/entrust/joined/group/query.json": hosted({
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const role = p.oneOf("role", [0, 1, 2, 3] as const, 0);
      const joined = [...app.hostedGroups.values()].filter((g) => {
        const m = g.members.get(userId);
        return m !== undefined && (role === 0 || m.role === role);
      });
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
