import type {
  MuteUsersInput,
  RemoveUserAttributesInput,
  SetUserAttributesInput,
  UnmuteUsersInput,
  UserAttributes,
  UserMute,
  UserTagsInput,
} from "../model/user.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// What the app keeps about a user beyond the profile (attributes, push tags), account
// checks and login invalidation, and app-wide mutes.

/** Push tags segment users for the app's own campaigns: the app's server manages them. */
const tags = { area: "users", access: "admin" } as const;

export const USER_DEPTH_OPERATIONS = {
  getUserAttributes: operation<string[], ItemResult<UserAttributes>[]>()({
    area: "users",
    kind: "read",
    capability: "USER_ATTRIBUTES",
    batch: "usersPerAttributeRead",
    access: "anyone",
    action: "read user attributes",
    summary: "Users' custom attributes (key → value); a user with none answers {}.",
  }),
  setUserAttributes: operation<SetUserAttributesInput, void>()({
    area: "users",
    kind: "write",
    capability: "USER_ATTRIBUTES",
    access: { self: "userId" },
    action: "change user attributes",
    summary: "Set some of a user's custom attributes; the others keep their values.",
  }),
  removeUserAttributes: operation<RemoveUserAttributesInput, void>()({
    area: "users",
    kind: "write",
    capability: "USER_ATTRIBUTES",
    access: { self: "userId" },
    action: "change user attributes",
    summary: "Remove some of a user's custom attributes.",
  }),
  getUserTags: operation<string[], ItemResult<string[]>[]>()({
    ...tags,
    kind: "read",
    capability: "USER_TAGS",
    batch: "usersPerTagCall",
    action: "read user tags",
    summary: "Users' push tags.",
  }),
  addUserTags: operation<UserTagsInput, ItemResult<true>[]>()({
    ...tags,
    kind: "write",
    capability: "USER_TAGS",
    batch: "usersPerTagCall",
    action: "change user tags",
    summary: "Give each user these push tags (tags they have stay).",
  }),
  removeUserTags: operation<UserTagsInput, ItemResult<true>[]>()({
    ...tags,
    kind: "write",
    capability: "USER_TAGS",
    batch: "usersPerTagCall",
    action: "change user tags",
    summary: "Take these push tags from each user.",
  }),
  setUserTags: operation<UserTagsInput, ItemResult<true>[]>()({
    ...tags,
    kind: "write",
    capability: "USER_TAGS",
    batch: "usersPerTagCall",
    action: "change user tags",
    summary: "Replace each user's push tags with exactly these (none clears them).",
  }),
  checkAccounts: operation<string[], ItemResult<boolean>[]>()({
    area: "users",
    kind: "read",
    capability: "ACCOUNT_CHECK",
    batch: "usersPerAccountCheck",
    access: "anyone",
    action: "check accounts",
    summary: "Whether each account exists at the vendor.",
  }),
  invalidateLogins: operation<string[], ItemResult<true>[]>()({
    area: "credentials",
    kind: "write",
    capability: "LOGIN_INVALIDATE",
    batch: "usersPerLoginInvalidation",
    access: "admin",
    action: "invalidate logins",
    summary:
      "Log users out everywhere: chat credentials issued before the call stop working (vendors differ on dropping live connections at once).",
  }),
  muteUsers: operation<MuteUsersInput, ItemResult<true>[]>()({
    area: "moderation",
    kind: "write",
    capability: "USER_MUTE",
    batch: "usersPerMuteCall",
    access: "admin",
    action: "mute users",
    summary: "Stop users sending one-to-one and/or in all groups, for a time or until lifted.",
  }),
  unmuteUsers: operation<UnmuteUsersInput, ItemResult<true>[]>()({
    area: "moderation",
    kind: "write",
    capability: "USER_MUTE",
    batch: "usersPerMuteCall",
    access: "admin",
    action: "unmute users",
    summary: "Lift app-wide mutes in the given scopes.",
  }),
  getUserMutes: operation<string[], ItemResult<UserMute[]>[]>()({
    area: "moderation",
    kind: "read",
    capability: "USER_MUTE",
    batch: "usersPerMuteCall",
    access: "admin",
    action: "read user mutes",
    summary: "The scopes each user is muted in and until when ([] when not muted).",
  }),
} as const;
