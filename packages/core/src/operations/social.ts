import type { Page } from "../model/page.js";
import type {
  AddFriendsInput,
  BlockedUser,
  BlockedUsersInput,
  BlocklistInput,
  ChosenFriendsInput,
  DeleteAllFriendsInput,
  DeleteFriendsInput,
  Friend,
  FriendRelation,
  FriendsInput,
  RelationInput,
  UpdateFriendsInput,
} from "../model/social.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// Friends and blocklists. Every call names whose list it is (`userId`): end users manage
// their own, admins anyone's (`ownList`); only importing is for admins alone.
const ownList = { area: "social", access: { self: "userId" } } as const;

export const SOCIAL_OPERATIONS = {
  addFriends: operation<AddFriendsInput, ItemResult<true>[]>()({
    ...ownList,
    kind: "write",
    capability: "FRIENDS",
    batch: "friendsPerCall",
    action: "add friends",
    summary: "Add friends directly (no request to accept), with alias and attributes.",
  }),
  importFriends: operation<AddFriendsInput, ItemResult<true>[]>()({
    area: "social",
    kind: "write",
    capability: "FRIEND_IMPORT",
    batch: "friendsPerCall",
    access: "admin",
    action: "import friends",
    summary: "Import friendships with their original times (moving from another system).",
  }),
  updateFriends: operation<UpdateFriendsInput, ItemResult<true>[]>()({
    ...ownList,
    kind: "write",
    capability: "FRIENDS",
    batch: "friendsPerCall",
    action: "change friends",
    summary: "Change friends' aliases and attributes.",
  }),
  deleteFriends: operation<DeleteFriendsInput, ItemResult<true>[]>()({
    ...ownList,
    kind: "write",
    capability: "FRIENDS",
    batch: "friendsPerCall",
    action: "delete friends",
    summary: "Delete chosen friends, both ways or from the user's list only.",
  }),
  deleteAllFriends: operation<DeleteAllFriendsInput, void>()({
    ...ownList,
    kind: "write",
    capability: "FRIENDS",
    action: "delete friends",
    summary: "Delete every friend of a user.",
  }),
  listFriends: operation<FriendsInput, Page<Friend>>()({
    ...ownList,
    kind: "read",
    capability: "FRIENDS",
    action: "read friend lists",
    summary: "A user's friends, page by page.",
  }),
  getFriends: operation<ChosenFriendsInput, ItemResult<Friend>[]>()({
    ...ownList,
    kind: "read",
    capability: "FRIEND_CHOSEN",
    batch: "friendsPerCall",
    action: "read friend lists",
    summary: "Chosen friends of a user; one who is not a friend comes back NOT_FOUND.",
  }),
  checkFriends: operation<RelationInput, ItemResult<FriendRelation>[]>()({
    ...ownList,
    kind: "read",
    capability: "FRIENDS",
    batch: "friendsPerCall",
    action: "read friend lists",
    summary: "How a user stands to others: none, one-way either way, or mutual.",
  }),
  blockUsers: operation<BlocklistInput, ItemResult<true>[]>()({
    ...ownList,
    kind: "write",
    capability: "BLOCKLIST",
    batch: "blocklistPerCall",
    action: "change blocklists",
    summary: "Put users on a user's blocklist.",
  }),
  unblockUsers: operation<BlocklistInput, ItemResult<true>[]>()({
    ...ownList,
    kind: "write",
    capability: "BLOCKLIST",
    batch: "blocklistPerCall",
    action: "change blocklists",
    summary: "Take users off a user's blocklist.",
  }),
  listBlockedUsers: operation<BlockedUsersInput, Page<BlockedUser>>()({
    ...ownList,
    kind: "read",
    capability: "BLOCKLIST",
    action: "read blocklists",
    summary: "A user's blocklist, page by page.",
  }),
  checkBlocked: operation<BlocklistInput, ItemResult<boolean>[]>()({
    ...ownList,
    kind: "read",
    capability: "BLOCKLIST_CHECK",
    batch: "blocklistPerCall",
    action: "read blocklists",
    summary: "Whether a user has blocked each of several users.",
  }),
} as const;
