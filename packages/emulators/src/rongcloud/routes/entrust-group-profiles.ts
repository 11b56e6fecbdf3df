/**
 * Hosted group profiles (#17 §1.2, §1.4): update (name, `groupProfile`, `permissions`,
 * `groupExtProfile`, each part merged key by key, "" deleting a key — §U2), the profile
 * query, the import of a classic group and the app-wide list. An update is reported by the
 * group profile callback; an import by none ("No callbacks will be triggered after import").
 */
import { RcError } from "../errors.js";
import {
  checkExtProfile,
  checkGroupProfile,
  checkPermissions,
  groupOf,
  hostedRule,
  mergePart,
  pageOf,
} from "../hosted-rules.js";
import { ID_RULE, NAME_RULE, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import { HOSTED_MEMBER, HOSTED_OWNER, type HostedGroup, hostedMember } from "../state.js";
import { hosted, initialParts } from "./entrust-groups.js";

/** The profile part as answered: the stored fields and the name. */
const profileOf = (g: HostedGroup) => ({ ...g.groupProfile, name: g.name });

/** One group as the profile query answers it: the JSON parts as text (§1.2). */
const profileView = (g: HostedGroup) => ({
  groupId: g.groupId,
  groupName: g.name,
  groupProfile: JSON.stringify(profileOf(g)),
  groupExtProfile: JSON.stringify(g.groupExtProfile),
  permissions: JSON.stringify(g.permissions),
  owner: g.owner,
  createTime: g.createdAt,
  memberCount: g.members.size,
});

export const entrustGroupProfileRoutes: RouteTable = {
  "/entrust/group/profile/update.json": hosted({
    handle({ app, p, now, callbacks }) {
      const g = groupOf(app, p);
      const profile = p.jsonObject("groupProfile");
      const permissions = p.jsonObject("permissions");
      const ext = p.jsonObject("groupExtProfile");
      if (profile) checkGroupProfile(profile);
      const perms = permissions && checkPermissions(permissions);
      if (ext) checkExtProfile(app, ext, g.groupExtProfile);
      // The Java SDK sends a top-level name, the doc and Go groupProfile.name (§U4).
      const name = p.optional("name", NAME_RULE) ?? profile?.name;
      if (name === "") throw hostedRule(app, 25423, "the group name cannot be empty");
      const { name: _name, ...fields } = profile ?? {};
      if (typeof name === "string") g.name = name;
      g.groupProfile = mergePart(g.groupProfile, fields);
      if (perms) g.permissions = mergePart(g.permissions, perms);
      if (ext) g.groupExtProfile = mergePart(g.groupExtProfile, ext);
      callbacks.groupProfile(app, {
        groupId: g.groupId,
        ...(typeof name === "string" ? { groupName: name } : {}),
        time: now,
        optUserId: g.owner,
        ...(profile ? { groupProfile: profile } : {}),
        ...(ext ? { groupExtProfile: ext } : {}),
        ...(perms ? { permissions: perms } : {}),
      });
      return undefined;
    },
  }),

  "/entrust/group/profile/query.json": hosted({
    handle({ app, p }) {
      // The SDKs send one comma-joined groupIds; the doc's example repeats groupId.
      const ids = [
        ...p.list("groupIds", { comma: true, ...REF_RULE }),
        ...p.list("groupId", REF_RULE),
      ];
      if (ids.length === 0) throw new RcError(400, 1002, "groupIds is required");
      if (ids.length > 50) throw hostedRule(app, 25422, "too many groups queried (max 50)");
      return {
        profiles: ids.flatMap((id) => {
          const g = app.hostedGroups.get(id);
          return g ? [profileView(g)] : [];
        }),
      };
    },
  }),

  /**
   * A classic group (its members already bound) becomes hosted: owner, profile, permissions.
   * Nothing of its past is kept — creation and join times are the import's (§1.4).
   */
  "/entrust/group/import.json": hosted({
    handle({ app, p, now }) {
      const groupId = p.required("groupId", ID_RULE);
      const name = p.required("name", NAME_RULE);
      const owner = p.required("owner", REF_RULE);
      const classic = app.groups.get(groupId);
      if (!classic) throw new RcError(200, 25410, `group does not exist: ${groupId}`);
      if (app.hostedGroups.has(groupId))
        throw hostedRule(app, 25409, `group ${groupId} is already hosted`);
      const g: HostedGroup = {
        groupId,
        name,
        creator: owner,
        owner,
        members: new Map(),
        ...initialParts(app, p),
        createdAt: now,
      };
      // The owner need not be bound yet (tolerant; unverified).
      for (const u of new Set([owner, ...classic.members.keys()]))
        g.members.set(u, hostedMember(u === owner ? HOSTED_OWNER : HOSTED_MEMBER, now));
      app.hostedGroups.set(groupId, g);
      return undefined;
    },
  }),

  /** Every hosted group of the app, by creation (0 oldest first, 1 newest first: default). */
  "/entrust/group/query.json": hosted({
    emptyOk: true,
    handle({ app, p }) {
      const order = p.oneOf("order", [0, 1] as const, 1);
      const all = [...app.hostedGroups.values()].sort((a, b) => a.createdAt - b.createdAt);
      if (order === 1) all.reverse();
      const { page, pageToken } = pageOf(all, p, 1000);
      return {
        pageToken,
        groups: page.map((g) => ({
          groupId: g.groupId,
          name: g.name,
          groupProfile: JSON.stringify(profileOf(g)),
          creator: g.creator,
          owner: g.owner,
          portraitUrl:
            typeof g.groupProfile.portraitUrl === "string" ? g.groupProfile.portraitUrl : "",
          time: g.createdAt,
        })),
      };
    },
  }),
};
