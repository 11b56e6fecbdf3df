import type { GroupAttributes, JoinPolicy } from "./group-depth.js";

export interface Group {
  id: string;
  name: string;
  /** Null where the vendor keeps no owner (e.g. RongCloud's unhosted groups). */
  ownerId: string | null;
  memberCount: number | null;
  createdAt: Date | null;
  /** The profile beyond the name; absent or null where the vendor keeps no such field. */
  avatarUrl?: string | null;
  introduction?: string | null;
  announcement?: string | null;
  joinPolicy?: JoinPolicy | null;
  maxMembers?: number | null;
  /** Whether the whole group is muted (only the owner and admins send). */
  allMuted?: boolean | null;
}

export type GroupRole = "OWNER" | "ADMIN" | "MEMBER";

export interface GroupMember {
  userId: string;
  role: GroupRole;
  joinedAt: Date | null;
  /** The member's name in the group; absent or null where the vendor keeps none. */
  nameCard?: string | null;
  /** Custom member fields; absent or null where the vendor keeps none. */
  fields?: GroupAttributes | null;
}

export interface MutedMember {
  userId: string;
  /** Null means muted until someone unmutes them. */
  mutedUntil: Date | null;
}

export interface CreateGroupInput {
  /** Omitted: the vendor (or the adapter, where the vendor needs one) picks an id. */
  id?: string;
  name: string;
  ownerId: string;
  memberIds: string[];
}

export interface GroupMembersInput {
  groupId: string;
  userIds: string[];
  /** The user on whose behalf the change is made (for vendors that record an operator). */
  actorId?: string;
}

/** Which of these users belong to the group. */
export interface MembershipInput {
  groupId: string;
  userIds: string[];
}

export interface MuteMembersInput extends GroupMembersInput {
  /** Omitted: muted until unmuted, where the vendor supports it. */
  durationSeconds?: number;
}

export interface TransferOwnershipInput {
  groupId: string;
  newOwnerId: string;
  actorId?: string;
}

export interface DismissGroupInput {
  groupId: string;
  actorId?: string;
}
