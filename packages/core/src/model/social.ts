import type { PageInput } from "./page.js";

/**
 * A user's friend, as the user keeps it: friendships may be one-way (the user has the
 * friend in their list without being in the friend's), so every friend call names whose
 * list it is (`userId`).
 */
export interface Friend {
  userId: string;
  /** The owner's name for this friend (a remark), null when none is set. */
  alias: string | null;
  /** Custom per-friend data, by the vendor's attribute keys. */
  attributes: Record<string, string>;
  /** When the friend was added (or the time given on import); null where unknown. */
  addedAt: Date | null;
}

/** One friend to add or import. */
export interface FriendInput {
  userId: string;
  alias?: string;
  attributes?: Record<string, string>;
  /** Import only: the original time the friendship began. */
  addedAt?: Date;
}

export interface AddFriendsInput {
  /** Whose friend list. */
  userId: string;
  friends: FriendInput[];
  /**
   * Add each friend to the user's list only, not the user to the friend's. Default false:
   * a mutual friendship, as a client-side accepted request makes.
   */
  oneWay?: boolean;
}

/** One friend's changes: omitted fields stay as they are. */
export interface FriendUpdate {
  userId: string;
  alias?: string;
  /** Set these attributes (others stay). */
  attributes?: Record<string, string>;
}

export interface UpdateFriendsInput {
  userId: string;
  friends: FriendUpdate[];
}

export interface DeleteFriendsInput {
  userId: string;
  friendIds: string[];
  /** Remove the friends from the user's list only; default false removes both ways. */
  oneWay?: boolean;
}

export interface DeleteAllFriendsInput {
  userId: string;
  oneWay?: boolean;
}

export interface FriendsInput extends PageInput {
  userId: string;
}

export interface ChosenFriendsInput {
  userId: string;
  friendIds: string[];
}

/**
 * How one user stands to another in friend lists: OUTGOING — the user has them, they do
 * not have the user; INCOMING — the reverse; MUTUAL — both; NONE — neither.
 */
export type FriendRelation = "NONE" | "OUTGOING" | "INCOMING" | "MUTUAL";

export interface RelationInput {
  userId: string;
  userIds: string[];
}

/** Someone on a user's blocklist. */
export interface BlockedUser {
  userId: string;
  /** When it was blocked; null where the vendor does not tell. */
  blockedAt: Date | null;
}

export interface BlocklistInput {
  /** Whose blocklist. */
  userId: string;
  userIds: string[];
}

export interface BlockedUsersInput extends PageInput {
  userId: string;
}

/**
 * A named group of a user's friends (Tencent calls them friend "lists"): a friend may sit
 * in several groups; deleting a group keeps the friends.
 */
export interface FriendGroup {
  name: string;
  /** The friends in the group, in the vendor's order. */
  friendIds: string[];
}

export interface CreateFriendGroupsInput {
  /** Whose friends. */
  userId: string;
  names: string[];
  /** Friends to put into every new group (each answered per item). */
  friendIds?: string[];
}

export interface DeleteFriendGroupsInput {
  userId: string;
  names: string[];
}

/** Friends to put into, or take out of, one existing group. */
export interface FriendGroupMembersInput {
  userId: string;
  group: string;
  friendIds: string[];
}
