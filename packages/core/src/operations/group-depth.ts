import type { Group, GroupRole } from "../model/group.js";
import type {
  GroupAttributeKeys,
  GroupAttributes,
  GroupAttributesRead,
  GroupAttributesWrite,
  GroupCounter,
  GroupCounterChanges,
  GroupCountersRead,
  GroupMemberProfileUpdate,
  GroupMemberRoleUpdate,
  GroupMuteAllInput,
  GroupProfileUpdate,
  GroupRolesInput,
  ImportGroupInput,
} from "../model/group-depth.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// A group described: profile, custom attributes, member profiles and roles, mute-all,
// counters, and import with original times. The owner and admins (as the vendor defines
// them) manage their group; members read it; a member edits their own member profile.

const groups = { area: "groups" } as const;
const byAdmins = { ...groups, kind: "write", access: { groupAdmin: "groupId" } } as const;
const byMembers = { ...groups, kind: "read", access: { groupMember: "groupId" } } as const;

export const GROUP_DEPTH_OPERATIONS = {
  updateGroupProfile: operation<GroupProfileUpdate, void>()({
    ...byAdmins,
    capability: "GROUP_PROFILE",
    action: "change the group's profile",
    summary:
      "Change a group's name, avatar, introduction, announcement, join policy or member cap (the fields the vendor keeps).",
  }),
  getGroupAttributes: operation<GroupAttributesRead, GroupAttributes>()({
    ...byMembers,
    capability: "GROUP_ATTRIBUTES",
    action: "read the group's attributes",
    summary: "A group's custom attributes (all, or the keys asked).",
  }),
  setGroupAttributes: operation<GroupAttributesWrite, void>()({
    ...byAdmins,
    capability: "GROUP_ATTRIBUTES",
    action: "change the group's attributes",
    summary: "Set custom group attributes (added or replaced; other keys stay).",
  }),
  removeGroupAttributes: operation<GroupAttributeKeys, void>()({
    ...byAdmins,
    capability: "GROUP_ATTRIBUTES",
    action: "change the group's attributes",
    summary: "Remove custom group attributes by key.",
  }),
  clearGroupAttributes: operation<{ groupId: string; actorId?: string }, void>()({
    ...byAdmins,
    capability: "GROUP_ATTRIBUTES",
    action: "change the group's attributes",
    summary: "Remove every custom attribute of a group.",
  }),
  setGroupMemberProfile: operation<GroupMemberProfileUpdate, void>()({
    ...groups,
    kind: "write",
    capability: "GROUP_MEMBER_PROFILE",
    access: [{ self: "userId" }, { groupMember: "groupId" }],
    action: "change member profiles",
    summary: "Set a member's name card and custom member fields in one group.",
  }),
  setGroupMemberRole: operation<GroupMemberRoleUpdate, void>()({
    ...groups,
    kind: "write",
    capability: "GROUP_MEMBER_ROLE",
    access: { groupOwner: "groupId" },
    action: "change member roles",
    summary: "Make a member an admin of a group, or a plain member again.",
  }),
  getGroupMemberRoles: operation<GroupRolesInput, ItemResult<GroupRole>[]>()({
    ...byMembers,
    capability: "GROUP_MEMBER_ROLES",
    batch: "usersPerMemberCheck",
    action: "read member roles",
    summary: "Each user's role in a group (NOT_FOUND per user who is not a member).",
  }),
  muteGroup: operation<GroupMuteAllInput, void>()({
    ...byAdmins,
    capability: "GROUP_MUTE_ALL",
    action: "mute the group",
    summary: "Mute or unmute a whole group (while muted only the owner and admins send).",
  }),
  getGroupCounters: operation<GroupCountersRead, GroupCounter[]>()({
    ...byMembers,
    capability: "GROUP_COUNTERS",
    action: "read the group's counters",
    summary: "A group's counters (whole numbers the vendor keeps and changes atomically).",
  }),
  changeGroupCounters: operation<GroupCounterChanges, GroupCounter[]>()({
    ...byAdmins,
    capability: "GROUP_COUNTERS",
    action: "change the group's counters",
    summary: "Set, increase or decrease group counters atomically; answers their new values.",
  }),
  importGroup: operation<ImportGroupInput, Group>()({
    ...groups,
    kind: "write",
    capability: "GROUP_IMPORT",
    access: "admin",
    action: "import groups",
    summary: "Create a group as another system held it: original creation and join times, roles.",
  }),
} as const;
