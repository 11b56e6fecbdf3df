import type { GroupRole } from "./group.js";

// A group described (profile, custom attributes, member profiles and roles, mute-all,
// counters) and moved between vendors (import with original times).

/** Who may join: anyone, on approval by the owner or an admin, or only by being added. */
export type JoinPolicy = "OPEN" | "APPROVAL" | "CLOSED";

/** The profile fields one update may set; omitted ones stay as they are. */
export interface GroupProfileFields {
  name?: string;
  avatarUrl?: string;
  introduction?: string;
  announcement?: string;
  joinPolicy?: JoinPolicy;
  /** The most members the group may have. */
  maxMembers?: number;
}

export type GroupProfileField = keyof GroupProfileFields;

export interface GroupProfileUpdate extends GroupProfileFields {
  groupId: string;
  /** Who makes the change, for vendors that record an operator. */
  actorId?: string;
}

/** String values by the app's own keys: custom group attributes, custom member fields. */
export type GroupAttributes = Record<string, string>;

export interface GroupAttributesRead {
  groupId: string;
  /** Only these keys; every key when omitted. */
  keys?: string[];
}

export interface GroupAttributesWrite {
  groupId: string;
  /** Keys to set (added or replaced); others stay. */
  attributes: GroupAttributes;
  actorId?: string;
}

export interface GroupAttributeKeys {
  groupId: string;
  keys: string[];
  actorId?: string;
}

/** One member's profile in one group; omitted fields stay as they are. */
export interface GroupMemberProfileUpdate {
  groupId: string;
  userId: string;
  /** The member's name in this group ("" clears it where the vendor allows). */
  nameCard?: string;
  /** Custom member fields to set. */
  fields?: GroupAttributes;
}

export interface GroupMemberRoleUpdate {
  groupId: string;
  userId: string;
  /** The owner changes only by a transfer of ownership. */
  role: "ADMIN" | "MEMBER";
  actorId?: string;
}

export interface GroupRolesInput {
  groupId: string;
  userIds: string[];
}

export interface GroupMuteAllInput {
  groupId: string;
  /** True: only the owner and admins may send (as the vendor defines it). */
  muted: boolean;
  actorId?: string;
}

export type CounterMode = "SET" | "INCREASE" | "DECREASE";

export interface GroupCounterChange {
  key: string;
  mode: CounterMode;
  value: number;
}

export interface GroupCounterChanges {
  groupId: string;
  changes: GroupCounterChange[];
}

export interface GroupCountersRead {
  groupId: string;
  keys?: string[];
}

export interface GroupCounter {
  key: string;
  value: number;
}

/** A group as another system held it, with its original times. */
export interface ImportGroupInput {
  id: string;
  name: string;
  ownerId: string;
  createdAt: Date;
  members: ImportedMember[];
}

export interface ImportedMember {
  userId: string;
  /** MEMBER when omitted; the owner is `ownerId`. */
  role?: Exclude<GroupRole, "OWNER">;
  /** When the member joined; the group's creation when omitted. */
  joinedAt?: Date;
}
