import type { Capability } from "@imgraph/core";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  validate,
} from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { buildGatewaySchema } from "../src/index.js";
import { admin, bearer, demo, type GraphQLResponse, gql } from "./helpers.js";
import { collect, until, wsClient } from "./ws-helpers.js";

// The authorization matrix: every root field of the built schema × every kind of caller ×
// every demo app, each cell one test over HTTP (subscriptions over graphql-ws) against one
// shared demo gateway.
//
// Each field has a row in RULES naming its policy (read from src/auth/policy.ts and the
// resolvers) and the argument that says whose thing it is; the policy puts "alice's" thing
// there and the expected outcome of every caller follows from the policy. A root field
// without a row, or a row without its field (or naming arguments the field no longer has),
// fails the "covers the schema" test, so no field ships without its row.
//
// "allowed" means the policy let the caller through: no UNAUTHENTICATED or FORBIDDEN error,
// whatever the vendor then answered. Otherwise the first error must carry exactly the code
// and the field must have no data.

const schema = buildGatewaySchema();

/** Who calls. "alice" is the subject: the user whose things each call is about. */
const CALLERS = ["anonymous", "self", "other", "otherApp", "admin"] as const;
type Caller = (typeof CALLERS)[number];
const CALLER_TITLE: Record<Caller, string> = {
  anonymous: "anonymous",
  self: "alice on her own",
  other: "bob on alice's",
  otherApp: "alice, token for another app",
  admin: "admin (API key)",
};

type Outcome = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";

/** The demo apps; Tencent (group owners kept) first. Every field runs against each. */
const APPS = ["tencent", "rongcloud", "zego"] as const;
type AppId = (typeof APPS)[number];
/** The app an "otherApp" caller's token is bound to: any app but the one called. */
const OTHER_APP: Record<AppId, AppId> = {
  tencent: "zego",
  rongcloud: "tencent",
  zego: "rongcloud",
};

/** Fresh users (and a group or a message of alice's, where the rule needs them) per cell. */
interface World {
  app: AppId;
  /** "alice": the subject. */
  self: string;
  /** "bob": the other end user. */
  other: string;
  /** A third user (carol), for group members. */
  third: string;
  /** A group alice owns (bob in it only where the fixture says so). */
  group: string;
  /** A message alice sent to bob. */
  message: string;
  /** A live room alice created (and owns, where the vendor keeps owners). */
  liveRoom: string;
}

interface Fixture {
  group?: "bob-not-member" | "bob-member";
  /** A message alice sent: to bob (true), or to carol (bob not in its conversation). */
  message?: true | "to-carol";
  /** A live room alice created. */
  liveRoom?: true;
}

interface AppFacts {
  id: AppId;
  capabilities: ReadonlySet<Capability>;
}

/** A policy: who gets what, which argument names the subject, and what it needs to exist. */
interface Rule {
  name: string;
  /** Argument path that names alice's thing ("input.from", "conversation.id", …). */
  subject?: string;
  /** What the subject is: alice herself, her group, her message, or the app called. */
  subjectKind?: "user" | "group" | "message" | "app" | "liveRoom";
  fixture?: Fixture;
  expect(caller: Caller, app: AppFacts): Outcome;
  /** The exact message some callers' refusal carries. */
  messages?: Partial<Record<Caller, string>>;
}

const ALL_ALLOWED = (): Outcome => "allowed";

/** Authenticated, within the token's app: everyone but anonymous and foreign-app tokens. */
function authenticatedOutcome(caller: Caller): Outcome {
  if (caller === "anonymous") return "UNAUTHENTICATED";
  if (caller === "otherApp") return "FORBIDDEN";
  return "allowed";
}
/** Only alice (in her app) and admins. */
function selfOutcome(caller: Caller): Outcome {
  if (caller === "anonymous") return "UNAUTHENTICATED";
  return caller === "self" || caller === "admin" ? "allowed" : "FORBIDDEN";
}
function adminOutcome(caller: Caller): Outcome {
  if (caller === "anonymous") return "UNAUTHENTICATED";
  return caller === "admin" ? "allowed" : "FORBIDDEN";
}

const rules = {
  /** Anyone, anonymous included, whatever app a token is bound to. */
  public: (): Rule => ({ name: "public", expect: ALL_ALLOWED }),
  /** Any authenticated caller; a token bound to another app sees that app only (no error). */
  appsOfToken: (subject?: string): Rule => ({
    name: "authenticated; a bound token sees only its app",
    ...(subject ? { subject, subjectKind: "app" as const } : {}),
    expect: (c) => (c === "anonymous" ? "UNAUTHENTICATED" : "allowed"),
  }),
  /** Any authenticated caller in the app called. */
  authenticated: (subject?: string): Rule => ({
    name: "any authenticated caller of the app",
    ...(subject ? { subject, subjectKind: "user" as const } : {}),
    expect: authenticatedOutcome,
  }),
  /** The user named at `subject`, or an admin. */
  self: (subject: string): Rule => ({
    name: `self or admin on ${subject}`,
    subject,
    subjectKind: "user",
    expect: selfOutcome,
  }),
  admin: (subject?: string, messages?: Rule["messages"]): Rule => ({
    name: "admin only",
    ...(subject ? { subject, subjectKind: "user" as const } : {}),
    ...(messages ? { messages } : {}),
    expect: adminOutcome,
  }),
  /**
   * The owner of the group at `subject`, or an admin; bob is a member (membership is not
   * ownership). Vendors that keep no group owner (no GROUP_OWNER capability: RongCloud's
   * classic groups): admins only.
   */
  groupOwner: (subject: string): Rule => ({
    name: `group owner or admin on ${subject}`,
    subject,
    subjectKind: "group",
    fixture: { group: "bob-member" },
    expect: (c, app) => (app.capabilities.has("GROUP_OWNER") ? selfOutcome(c) : adminOutcome(c)),
  }),
  /**
   * The owner or an admin of the group at `subject`, or an app admin; bob is a plain member.
   * Where the vendor keeps neither roles nor an owner (RongCloud's classic groups): admins.
   */
  groupAdmin: (subject: string): Rule => ({
    name: `group owner or group admin or admin on ${subject}`,
    subject,
    subjectKind: "group",
    fixture: { group: "bob-member" },
    expect: (c, app) =>
      app.capabilities.has("GROUP_MEMBER_ROLES") || app.capabilities.has("GROUP_OWNER")
        ? selfOutcome(c)
        : adminOutcome(c),
  }),
  /** A member of the group at `subject`, or an admin; bob is not a member. */
  groupMember: (subject: string): Rule => ({
    name: `group member or admin on ${subject}`,
    subject,
    subjectKind: "group",
    fixture: { group: "bob-not-member" },
    expect: selfOutcome,
  }),
  /** The same rule, bob being a member (not the owner) of alice's group. */
  groupMemberBobIn: (subject: string): Rule => ({
    name: `group member or admin on ${subject}, bob a member`,
    subject,
    subjectKind: "group",
    fixture: { group: "bob-member" },
    expect: authenticatedOutcome,
  }),
  /** Alice's message to carol at `subject`: its conversation's users or an admin; bob is not. */
  participant: (subject: string): Rule => ({
    name: `in the conversation of ${subject}, or admin`,
    subject,
    subjectKind: "message",
    fixture: { message: "to-carol" },
    expect: selfOutcome,
  }),
  /** Alice's message to bob at `subject`: bob, its recipient, is in its conversation. */
  participantBobIn: (subject: string): Rule => ({
    name: `in the conversation of ${subject} (bob its recipient), or admin`,
    subject,
    subjectKind: "message",
    fixture: { message: true },
    expect: authenticatedOutcome,
  }),
  /**
   * The owner of the live room at `subject`, or an admin; bob is neither. Only Tencent reports
   * a live room's owner (RongCloud's chatrooms and ZIM's room reads have none): admins elsewhere.
   */
  liveRoomOwner: (subject: string): Rule => ({
    name: `live room owner or admin on ${subject}`,
    subject,
    subjectKind: "liveRoom",
    fixture: { liveRoom: true },
    expect: (c, app) => (app.id === "tencent" ? selfOutcome(c) : adminOutcome(c)),
  }),
  /** The sender of the message at `subject`, or an admin. */
  sender: (subject: string): Rule => ({
    name: `sender or admin on ${subject}`,
    subject,
    subjectKind: "message",
    fixture: { message: true },
    expect: selfOutcome,
  }),
};

interface Case {
  /** Shown in the test name when a field has more than one case. */
  variant?: string;
  rule: Rule;
  /** Further arguments (after the generated ones, before the subject). */
  args?: (w: World, caller: Caller) => Record<string, unknown>;
  /** Selection set; `{ __typename }` for object results by default. */
  selection?: string;
  /** More checks of an allowed answer. */
  check?: (data: Record<string, unknown>, caller: Caller, w: World) => void;
}

/** Who sends when a case sends as the caller: the caller's own user (alice for the rest). */
const callerUser = (w: World, caller: Caller) => (caller === "other" ? w.other : w.self);

/** A conversation of alice's list: her one-to-one with carol. */
const withCarol = (w: World) => ({ conversation: { type: "USER", id: w.third } });
/** An hour of the message log (long past: no file, but the policy is what is tested). */
const HOUR = "2020-01-01T05:00:00.000Z";
const inFolder = (w: World) => ({
  name: "Work",
  conversations: [{ type: "USER", id: w.third }],
});

const RULES: Record<string, Case | Case[]> = {
  // ── Query ──
  "Query.viewer": {
    rule: rules.public(),
    selection: "{ role userId appId }",
    check: (data, caller, w) => {
      const expected: Record<Caller, unknown> = {
        anonymous: { role: "ANONYMOUS", userId: null, appId: null },
        self: { role: "USER", userId: w.self, appId: null },
        other: { role: "USER", userId: w.other, appId: null },
        otherApp: { role: "USER", userId: w.self, appId: OTHER_APP[w.app] },
        admin: { role: "ADMIN", userId: null, appId: null },
      };
      expect(data.viewer).toEqual(expected[caller]);
    },
  },
  "Query.apps": {
    rule: rules.appsOfToken(),
    selection: "{ id }",
    check: (data, caller, w) => {
      const ids = (data.apps as Array<{ id: string }>).map((a) => a.id).sort();
      expect(ids).toEqual(caller === "otherApp" ? [OTHER_APP[w.app]] : [...APPS].sort());
    },
  },
  "Query.app": {
    rule: rules.appsOfToken("id"),
    selection: "{ id }",
    check: (data, caller, w) => {
      expect(data.app).toEqual(caller === "otherApp" ? null : { id: w.app });
    },
  },
  "Query.user": { rule: rules.authenticated("id") },
  "Query.users": { rule: rules.authenticated("ids") },
  "Query.presence": { rule: rules.authenticated("userIds") },
  "Query.group": [
    { variant: "bob not a member", rule: rules.groupMember("id") },
    { variant: "bob a member", rule: rules.groupMemberBobIn("id") },
  ],
  "Query.groupMembership": [
    { variant: "bob not a member", rule: rules.groupMember("groupId") },
    { variant: "bob a member", rule: rules.groupMemberBobIn("groupId") },
  ],
  "Query.groups": [
    { variant: "of a user", rule: rules.self("userId") },
    {
      variant: "of the app",
      rule: rules.admin(undefined, {
        self: "Only admins may list all groups of the app.",
        other: "Only admins may list all groups of the app.",
      }),
    },
  ],
  "Query.messages": [
    {
      variant: "one-to-one",
      rule: rules.self("conversation.userId"),
      args: (w) => ({ conversation: { type: "USER", id: w.other } }),
    },
    {
      variant: "group, bob not a member",
      rule: rules.groupMember("conversation.id"),
      args: () => ({ conversation: { type: "GROUP" } }),
    },
    {
      variant: "group, bob a member",
      rule: rules.groupMemberBobIn("conversation.id"),
      args: () => ({ conversation: { type: "GROUP" } }),
    },
  ],
  "Query.roomUsers": { rule: rules.authenticated() },
  "Query.liveRoom": { rule: rules.authenticated() },
  "Query.liveRoomMembers": { rule: rules.authenticated() },
  "Query.liveRoomPresence": { rule: rules.authenticated("userIds") },
  "Query.liveRoomAttributes": { rule: rules.authenticated() },
  "Query.liveRoomBans": { rule: rules.liveRoomOwner("roomId") },
  "Query.liveRoomMutes": { rule: rules.liveRoomOwner("roomId") },
  "Query.liveRoomWhitelist": { rule: rules.liveRoomOwner("roomId") },
  "Query.friends": { rule: rules.self("userId") },
  "Query.friendsByIds": { rule: rules.self("userId"), args: (w) => ({ friendIds: [w.third] }) },
  "Query.friendRelations": { rule: rules.self("userId"), args: (w) => ({ userIds: [w.third] }) },
  "Query.blockedUsers": { rule: rules.self("userId") },
  "Query.blockStatus": { rule: rules.self("userId"), args: (w) => ({ userIds: [w.third] }) },
  "Query.friendGroups": { rule: rules.self("userId") },
  "Query.userAttributes": { rule: rules.authenticated("userIds") },
  "Query.userTags": { rule: rules.admin("userIds") },
  "Query.accountsExist": { rule: rules.authenticated("userIds") },
  "Query.userMutes": { rule: rules.admin("userIds") },
  "Query.conversations": { rule: rules.self("userId"), selection: "{ nodes { unreadCount } }" },
  "Query.unreadTotal": { rule: rules.self("userId") },
  "Query.conversationDoNotDisturb": {
    rule: rules.self("userId"),
    args: (w) => ({ conversation: { type: "USER", id: w.third } }),
  },
  "Query.messageExtensions": [
    { variant: "bob not in it", rule: rules.participant("messageId") },
    { variant: "bob its recipient", rule: rules.participantBobIn("messageId") },
  ],
  "Query.reactions": { rule: rules.participant("messageId") },
  "Query.readReceipts": { rule: rules.participant("messageId") },
  "Query.messageReaders": { rule: rules.participant("messageId"), args: () => ({ read: true }) },
  "Query.messageLog": { rule: rules.admin(), args: () => ({ hour: HOUR }) },
  "Query.sensitiveWords": { rule: rules.admin() },
  "Mutation.addSensitiveWords": {
    rule: rules.admin(),
    args: () => ({ words: [{ word: "authzword" }] }),
  },
  "Mutation.removeSensitiveWords": { rule: rules.admin(), args: () => ({ words: ["authzword"] }) },
  "Query.pushTask": { rule: rules.admin(), args: () => ({ taskId: "authz-task" }) },
  "Query.pushAttributes": { rule: rules.admin("userIds") },
  "Mutation.pushToAll": { rule: rules.admin("from") },
  "Mutation.pushToTags": { rule: rules.admin("from"), args: () => ({ anyOf: ["authz"] }) },
  "Mutation.pushToAttributes": {
    rule: rules.admin("from"),
    args: () => ({ attributes: [{ key: "city", value: "authz" }] }),
  },
  "Mutation.pushToUsers": { rule: rules.admin("userIds") },
  "Mutation.setPushAttributes": {
    rule: rules.admin("users.userId"),
    args: () => ({ users: [{ userId: "authz", attributes: [{ key: "city", value: "x" }] }] }),
  },
  "Query.conversationFolders": { rule: rules.self("userId") },
  "Query.groupAttributes": { rule: rules.groupMember("groupId") },
  "Query.groupMemberRoles": {
    rule: rules.groupMember("groupId"),
    args: (w) => ({ userIds: [w.self] }),
  },
  "Query.groupCounters": { rule: rules.groupMember("groupId") },
  "Query.conversationMarks": { rule: rules.self("userId") },

  // ── Mutation ──
  "Mutation.registerUsers": { rule: rules.admin("users.id") },
  "Mutation.updateUser": {
    rule: rules.self("input.id"),
    args: () => ({ input: { name: "Alice" } }),
  },
  "Mutation.deleteUsers": { rule: rules.admin("userIds") },
  "Mutation.banUsers": { rule: rules.admin("userIds"), args: () => ({ durationSeconds: 60 }) },
  "Mutation.unbanUsers": { rule: rules.admin("userIds") },
  "Mutation.issueChatCredential": { rule: rules.self("userId") },
  "Mutation.addFriends": {
    rule: rules.self("userId"),
    args: (w) => ({ friends: [{ userId: w.third }] }),
  },
  "Mutation.importFriends": {
    rule: rules.admin("userId"),
    args: (w) => ({ friends: [{ userId: w.third }] }),
  },
  "Mutation.updateFriends": {
    rule: rules.self("userId"),
    args: (w) => ({ friends: [{ userId: w.third, alias: "Carol" }] }),
  },
  "Mutation.deleteFriends": {
    rule: rules.self("userId"),
    args: (w) => ({ friendIds: [w.third] }),
  },
  "Mutation.deleteAllFriends": { rule: rules.self("userId") },
  "Mutation.blockUsers": { rule: rules.self("userId"), args: (w) => ({ userIds: [w.third] }) },
  "Mutation.unblockUsers": { rule: rules.self("userId"), args: (w) => ({ userIds: [w.third] }) },
  "Mutation.createFriendGroups": {
    rule: rules.self("userId"),
    args: (w) => ({ names: ["matrix"], friendIds: [w.third] }),
  },
  "Mutation.deleteFriendGroups": {
    rule: rules.self("userId"),
    args: () => ({ names: ["matrix"] }),
  },
  "Mutation.addToFriendGroup": {
    rule: rules.self("userId"),
    args: (w) => ({ group: "matrix", friendIds: [w.third] }),
  },
  "Mutation.removeFromFriendGroup": {
    rule: rules.self("userId"),
    args: (w) => ({ group: "matrix", friendIds: [w.third] }),
  },
  "Mutation.setUserAttributes": {
    rule: rules.self("userId"),
    args: () => ({ attributes: [{ key: "level", value: "1" }] }),
  },
  "Mutation.removeUserAttributes": {
    rule: rules.self("userId"),
    args: () => ({ keys: ["level"] }),
  },
  "Mutation.addUserTags": { rule: rules.admin("userIds"), args: () => ({ tags: ["matrix"] }) },
  "Mutation.removeUserTags": { rule: rules.admin("userIds"), args: () => ({ tags: ["matrix"] }) },
  "Mutation.setUserTags": { rule: rules.admin("userIds"), args: () => ({ tags: ["matrix"] }) },
  "Mutation.invalidateLogins": { rule: rules.admin("userIds") },
  "Mutation.muteUsers": {
    rule: rules.admin("userIds"),
    args: () => ({ scopes: ["GROUPS"], durationSeconds: 60 }),
  },
  "Mutation.unmuteUsers": { rule: rules.admin("userIds"), args: () => ({ scopes: ["GROUPS"] }) },
  "Mutation.markConversationRead": { rule: rules.self("userId"), args: withCarol },
  "Mutation.setConversationUnreadCount": {
    rule: rules.admin("userId"),
    args: (w) => ({ ...withCarol(w), count: 0 }),
  },
  "Mutation.deleteConversation": { rule: rules.self("userId"), args: withCarol },
  "Mutation.pinConversation": {
    rule: rules.self("userId"),
    args: (w) => ({ ...withCarol(w), pinned: true }),
  },
  "Mutation.setConversationDoNotDisturb": {
    rule: rules.self("userId"),
    args: (w) => ({ ...withCarol(w), doNotDisturb: true }),
  },
  "Mutation.clearConversationHistory": { rule: rules.self("userId"), args: withCarol },
  "Mutation.createConversationFolder": { rule: rules.self("userId"), args: inFolder },
  "Mutation.updateGroupProfile": {
    rule: rules.groupAdmin("groupId"),
    args: () => ({ profile: { name: "Renamed" } }),
  },
  "Mutation.setGroupAttributes": {
    rule: rules.groupAdmin("groupId"),
    args: () => ({ attributes: [{ key: "k", value: "v" }] }),
  },
  "Mutation.removeGroupAttributes": {
    rule: rules.groupAdmin("groupId"),
    args: () => ({ keys: ["k"] }),
  },
  "Mutation.clearGroupAttributes": { rule: rules.groupAdmin("groupId") },
  "Mutation.muteGroup": { rule: rules.groupAdmin("groupId"), args: () => ({ muted: true }) },
  "Mutation.changeGroupCounters": {
    rule: rules.groupAdmin("groupId"),
    args: () => ({ changes: [{ key: "k", mode: "SET", value: 1 }] }),
  },
  "Mutation.setGroupMemberRole": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ userId: w.third, role: "ADMIN" }),
  },
  "Mutation.setGroupMemberProfile": [
    {
      variant: "bob not a member",
      rule: rules.groupMember("groupId"),
      args: (w, caller) => ({ userId: callerUser(w, caller), nameCard: "Card" }),
    },
  ],
  "Mutation.importGroup": {
    rule: rules.admin(),
    args: (w) => ({
      input: {
        id: `imp${w.group}`,
        name: "Imported",
        ownerId: w.self,
        createdAt: "2024-01-01T00:00:00.000Z",
        members: [],
      },
    }),
  },
  "Mutation.renameConversationFolder": {
    rule: rules.self("userId"),
    args: () => ({ name: "Work", newName: "Team" }),
  },
  "Mutation.deleteConversationFolder": {
    rule: rules.self("userId"),
    args: () => ({ name: "Work" }),
  },
  "Mutation.addToConversationFolder": { rule: rules.self("userId"), args: inFolder },
  "Mutation.removeFromConversationFolder": { rule: rules.self("userId"), args: inFolder },
  "Mutation.setConversationMarks": {
    rule: rules.self("userId"),
    args: (w) => ({ ...withCarol(w), add: [1] }),
  },
  "Mutation.editMessage": {
    rule: rules.sender("messageId"),
    args: () => ({ content: { text: { text: "edited" } } }),
  },
  "Mutation.deleteMessages": {
    rule: rules.self("userId"),
    args: () => ({ messageIds: ["matrix-message"] }),
  },
  "Mutation.deleteGroupMessagesBySender": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ senderId: w.third }),
  },
  "Mutation.setMessageExtensions": [
    {
      variant: "bob not in it",
      rule: rules.participant("messageId"),
      args: () => ({ extensions: [{ key: "k", value: "v" }] }),
    },
    {
      variant: "bob its recipient",
      rule: rules.participantBobIn("messageId"),
      args: () => ({ extensions: [{ key: "k", value: "v" }] }),
    },
  ],
  "Mutation.removeMessageExtensions": {
    rule: rules.participant("messageId"),
    args: () => ({ keys: ["k"] }),
  },
  "Mutation.addReaction": {
    rule: rules.participant("messageId"),
    args: (w, caller) => ({ userId: callerUser(w, caller), emoji: "👍" }),
  },
  "Mutation.removeReaction": {
    rule: rules.participant("messageId"),
    args: (w, caller) => ({ userId: callerUser(w, caller), emoji: "👍" }),
  },
  "Mutation.markMessagesRead": {
    rule: rules.self("userId"),
    args: () => ({ messageIds: ["matrix-message"] }),
  },
  "Mutation.importMessages": {
    rule: rules.admin(),
    args: (w) => ({
      conversation: { type: "USER", userId: w.self, id: w.other },
      messages: [
        {
          senderId: w.self,
          sentAt: "2026-01-01T00:00:00.000Z",
          content: { text: { text: "old" } },
        },
      ],
    }),
  },
  "Mutation.deleteMessageLog": { rule: rules.admin(), args: () => ({ hour: HOUR }) },
  "Mutation.createGroup": {
    rule: rules.self("input.ownerId"),
    args: (w) => ({ input: { memberIds: [w.third] } }),
  },
  "Mutation.dismissGroup": { rule: rules.groupOwner("groupId") },
  "Mutation.addGroupMembers": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ userIds: [w.third] }),
  },
  "Mutation.removeGroupMembers": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ userIds: [w.third] }),
  },
  "Mutation.transferGroupOwnership": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ newOwnerId: w.third }),
  },
  "Mutation.muteGroupMembers": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ userIds: [w.third], durationSeconds: 60 }),
  },
  "Mutation.unmuteGroupMembers": {
    rule: rules.groupOwner("groupId"),
    args: (w) => ({ userIds: [w.third] }),
  },
  "Mutation.sendMessage": [
    {
      variant: "as alice to bob",
      rule: rules.self("input.from"),
      args: (w) => ({ input: { toUserIds: [w.other] } }),
    },
    {
      variant: "as alice to her group",
      rule: { ...rules.self("input.from"), fixture: { group: "bob-not-member" } },
      args: (w) => ({ input: { toGroupId: w.group } }),
    },
    {
      // Bob as himself, to alice's group he is not in.
      variant: "as the caller to alice's group",
      rule: rules.groupMember("input.toGroupId"),
      args: (w, caller) => ({ input: { from: callerUser(w, caller) } }),
    },
  ],
  "Mutation.sendSystemMessage": {
    rule: rules.admin("from"),
    args: (w) => ({ userIds: [w.other] }),
  },
  "Mutation.broadcastMessage": { rule: rules.admin("from") },
  "Mutation.recallMessage": { rule: rules.sender("messageId") },
  "Mutation.issueRoomCredential": { rule: rules.self("userId") },
  "Mutation.kickRoomUsers": { rule: rules.admin("userIds") },
  "Mutation.createLiveRoom": { rule: rules.self("ownerId") },
  "Mutation.destroyLiveRoom": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.kickLiveRoomMembers": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.banLiveRoomMembers": {
    rule: rules.liveRoomOwner("roomId"),
    args: () => ({ durationSeconds: 600 }),
  },
  "Mutation.unbanLiveRoomMembers": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.muteLiveRoomMembers": {
    rule: rules.liveRoomOwner("roomId"),
    args: () => ({ durationSeconds: 600 }),
  },
  "Mutation.unmuteLiveRoomMembers": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.muteLiveRoom": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.sendLiveRoomMessage": {
    rule: rules.liveRoomOwner("roomId"),
    args: (w, caller) => ({ from: callerUser(w, caller) }),
  },
  "Mutation.broadcastLiveRoomMessage": { rule: rules.admin("from") },
  "Mutation.setLiveRoomAttributes": {
    rule: rules.liveRoomOwner("roomId"),
    args: () => ({ attributes: [{ key: "topic", value: "x" }] }),
  },
  "Mutation.removeLiveRoomAttributes": {
    rule: rules.liveRoomOwner("roomId"),
    args: () => ({ keys: ["topic"] }),
  },
  "Mutation.keepLiveRoomAlive": { rule: rules.admin() },
  "Mutation.setLiveRoomWhitelist": { rule: rules.liveRoomOwner("roomId") },
  "Mutation.sendRoomMessage": {
    // The live room's owner only: a server send skips the room's mutes and bans.
    rule: rules.liveRoomOwner("roomId"),
    args: (w, caller) => ({ from: callerUser(w, caller) }),
  },

  // ── Subscription ──
  "Subscription.events": [
    { variant: "the whole app", rule: rules.authenticated() },
    {
      variant: "alice's group, bob not a member",
      rule: rules.groupMember("conversation.id"),
      args: () => ({ conversation: { type: "GROUP" } }),
    },
    {
      // USER conversations are the caller's own (with `id`): only their events arrive.
      variant: "the caller's one-to-one with carol",
      rule: rules.authenticated(),
      args: (w) => ({ conversation: { type: "USER", id: w.third } }),
    },
  ],
};

// ── The schema's root fields ──

const ROOTS = [
  ["Query", schema.getQueryType()],
  ["Mutation", schema.getMutationType()],
  ["Subscription", schema.getSubscriptionType()],
] as const;

type AnyField = GraphQLField<unknown, unknown>;
const FIELDS = new Map<
  string,
  { operation: "query" | "mutation" | "subscription"; field: AnyField }
>();
for (const [name, type] of ROOTS) {
  for (const field of Object.values((type as GraphQLObjectType | null)?.getFields() ?? {})) {
    FIELDS.set(`${name}.${field.name}`, {
      operation: name.toLowerCase() as "query" | "mutation" | "subscription",
      field,
    });
  }
}

// ── Arguments, generated from the schema ──

/** A valid value of an input type: required fields only; a @oneOf input sets one member. */
function generate(type: GraphQLInputType, at: string): unknown {
  if (isNonNullType(type)) return generate(type.ofType, at);
  if (isListType(type)) return [generate(type.ofType, `${at}[0]`)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (type.isOneOf) {
      const [first] = fields;
      if (!first) throw new Error(`${type.name} has no fields`);
      return { [first.name]: generate(first.type, `${at}.${first.name}`) };
    }
    return Object.fromEntries(
      fields
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, generate(f.type, `${at}.${f.name}`)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
      case "String":
        return "matrix";
      case "Int":
      case "Float":
        return 60;
      case "Boolean":
        return true;
      case "DateTimeISO":
        return new Date().toISOString();
      case "JSON":
      case "JSONObject":
        return {};
    }
  }
  throw new Error(`no value for ${String(type)} at ${at}: teach generate() this type`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? merge(b, v) : v;
  }
  return out;
}

/** Puts `value` at a dotted path, into every item of lists on the way; a list leaf wraps it. */
function putAt(type: GraphQLInputType, current: unknown, path: string[], value: unknown): unknown {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    if (path.length === 0) return [putAt(t.ofType, undefined, [], value)];
    const items = Array.isArray(current) && current.length > 0 ? current : [undefined];
    return items.map((item) => putAt(t.ofType, item, path, value));
  }
  if (path.length === 0) return value;
  const [name, ...rest] = path as [string, ...string[]];
  if (!isInputObjectType(t)) throw new Error(`${String(t)} has no field ${name}`);
  const f = t.getFields()[name];
  if (!f) throw new Error(`${t.name} has no field ${name}`);
  const object = isPlainObject(current) ? { ...current } : {};
  object[name] = putAt(f.type, object[name], rest, value);
  return object;
}

function argOf(field: AnyField, name: string) {
  const arg = field.args.find((a) => a.name === name);
  if (!arg) throw new Error(`${field.name} has no argument ${name}`);
  return arg;
}

function argsFor(field: AnyField, c: Case, w: World, caller: Caller): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined)
      args[arg.name] = generate(arg.type, `${field.name}(${arg.name})`);
  }
  if (field.args.some((a) => a.name === "app")) args.app = w.app;
  if (c.args) args = merge(args, c.args(w, caller));
  const { subject, subjectKind } = c.rule;
  if (subject) {
    const [head, ...rest] = subject.split(".") as [string, ...string[]];
    const thing = {
      user: w.self,
      group: w.group,
      message: w.message,
      app: w.app,
      liveRoom: w.liveRoom,
    }[subjectKind ?? "user"];
    args[head] = putAt(argOf(field, head).type, args[head], rest, thing);
  }
  return args;
}

function document(
  operation: "query" | "mutation" | "subscription",
  field: AnyField,
  args: Record<string, unknown>,
  selection?: string,
): string {
  const names = Object.keys(args);
  const defs = names.map((n) => `$${n}: ${String(argOf(field, n).type)}`).join(", ");
  const uses = names.map((n) => `${n}: $${n}`).join(", ");
  const select = selection ?? (isCompositeType(getNamedType(field.type)) ? "{ __typename }" : "");
  return `${operation} Matrix${defs ? `(${defs})` : ""} { ${field.name}${uses ? `(${uses})` : ""} ${select} }`;
}

// ── The cells ──

interface Cell {
  key: string;
  title: string;
  operation: "query" | "mutation" | "subscription";
  field: AnyField;
  c: Case;
  app: AppId;
  caller: Caller;
  expected: Outcome;
}

const cases = (key: string): Case[] => {
  const row = RULES[key];
  return row === undefined ? [] : Array.isArray(row) ? row : [row];
};

// One demo gateway for the whole file, up before the cells are named: each app's
// capabilities decide some expected outcomes (and so the cells' names).
const g: DemoGateway = await demo();
// Cells run concurrently: the emulators' vendor rate limits would answer some of them (and
// their fixtures) with RATE_LIMITED instead of the policy's answer.
for (const e of g.emulators) e.setRateLimits(false);
const facts = new Map<AppId, AppFacts>(
  APPS.map((id) => [id, { id, capabilities: g.apps.get(id).capabilities }]),
);
afterAll(async () => {
  await g.close();
});

function cellsOf(key: string): Array<{ title: string; cells: Cell[] }> {
  const found = FIELDS.get(key);
  if (!found) return [];
  return cases(key).map((c) => {
    const title = `${key}${c.variant ? ` (${c.variant})` : ""} — ${c.rule.name}`;
    const cells: Cell[] = [];
    for (const app of APPS) {
      for (const caller of CALLERS) {
        cells.push({
          key,
          title,
          operation: found.operation,
          field: found.field,
          c,
          app,
          caller,
          expected: expectedOf(c, app, caller),
        });
      }
    }
    return { title, cells };
  });
}

function expectedOf(c: Case, appId: AppId, caller: Caller): Outcome {
  const app = facts.get(appId);
  if (!app) throw new Error(`app ${appId} is not running`);
  return c.rule.expect(caller, app);
}

let seq = 0;

async function world(app: AppId, fixture: Fixture = {}): Promise<World> {
  const n = ++seq;
  const adapter = g.apps.get(app);
  const w: World = {
    app,
    self: `alice${n}`,
    other: `bob${n}`,
    third: `carol${n}`,
    group: `nogroup${n}`,
    message: `nomessage${n}`,
    liveRoom: `noroom${n}`,
  };
  const registered = await adapter.registerUsers([
    { id: w.self, name: "Alice" },
    { id: w.other, name: "Bob" },
    { id: w.third, name: "Carol" },
  ]);
  expect(registered.every((r) => r.ok)).toBe(true);
  if (fixture.group) {
    const group = await adapter.createGroup({
      name: `Alice's ${n}`,
      ownerId: w.self,
      memberIds: fixture.group === "bob-member" ? [w.other, w.third] : [w.third],
    });
    w.group = group.id;
  }
  if (fixture.message) {
    const [sent] = await adapter.sendMessage({
      from: w.self,
      to: { type: "USERS", userIds: [fixture.message === "to-carol" ? w.third : w.other] },
      content: { type: "TEXT", text: "mine" },
    });
    if (!sent?.ok) throw new Error(`fixture message failed: ${JSON.stringify(sent)}`);
    w.message = sent.value.messageId;
  }
  if (fixture.liveRoom) {
    w.liveRoom = `liveroom${n}`;
    await adapter.createLiveRoom({ roomId: w.liveRoom, name: "Alice's room", ownerId: w.self });
  }
  return w;
}

async function credentials(caller: Caller, w: World): Promise<Record<string, string>> {
  switch (caller) {
    case "anonymous":
      return {};
    case "self":
      return bearer(await g.tokenFor(w.self));
    case "other":
      return bearer(await g.tokenFor(w.other));
    case "otherApp":
      return bearer(await g.tokenFor(w.self, { app: OTHER_APP[w.app] }));
    case "admin":
      return admin(g);
  }
}

type Errors = NonNullable<GraphQLResponse["errors"]>;
const codesOf = (errors: Errors | undefined) => (errors ?? []).map((e) => e.extensions?.code);

/** Codes that mean the call never reached the policy: an "allowed" cell must not see them. */
const NEVER_RAN = ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"];

function assertOutcome(
  cell: Cell,
  expected: Outcome,
  errors: Errors,
  data: Record<string, unknown> | null | undefined,
  w: World,
) {
  const codes = codesOf(errors);
  const detail = JSON.stringify(errors);
  if (expected === "allowed") {
    expect(codes, detail).not.toContain("UNAUTHENTICATED");
    expect(codes, detail).not.toContain("FORBIDDEN");
    for (const code of NEVER_RAN) expect(codes, detail).not.toContain(code);
    if (cell.c.check) {
      expect(data, detail).toBeTruthy();
      cell.c.check(data as Record<string, unknown>, cell.caller, w);
    }
    return;
  }
  expect(codes[0], detail).toBe(expected);
  const message = cell.c.rule.messages?.[cell.caller];
  if (message) expect(errors[0]?.message).toBe(message);
  // A refused call did nothing: there is no data for it.
  expect(data?.[cell.field.name] ?? null, detail).toBeNull();
}

async function runHttp(cell: Cell, expected: Outcome) {
  const w = await world(cell.app, cell.c.rule.fixture);
  const args = argsFor(cell.field, cell.c, w, cell.caller);
  const r = await gql(
    g.url,
    document(cell.operation, cell.field, args, cell.c.selection),
    args,
    await credentials(cell.caller, w),
  );
  assertOutcome(cell, expected, r.errors ?? [], r.data, w);
}

const listeners = () => g.realtime.pubsub.stats().listeners;

/**
 * Subscribes over graphql-ws and reads the first answer: a refusal (an error, or the socket
 * closed at connection_init) or the subscription accepted (it started listening to the app).
 * graphql-ws answers a refused connection_init with close code 4403 and no error body: for
 * an anonymous caller that is the transport's UNAUTHENTICATED.
 */
async function runWs(cell: Cell, expected: Outcome) {
  const w = await world(cell.app, cell.c.rule.fixture);
  const args = argsFor(cell.field, cell.c, w, cell.caller);
  const before = listeners();
  let closed: number | undefined;
  const client = wsClient(g.url, await credentials(cell.caller, w), (code) => {
    closed ??= code;
  });
  const sub = collect(client, document("subscription", cell.field, args), args);
  try {
    await until(() => listeners() > before || sub.done || closed !== undefined);
    if (listeners() > before) {
      assertOutcome(cell, expected, [], null, w);
      return;
    }
    await until(() => sub.done || closed !== undefined);
    const errors = sub.errors
      .flat()
      .filter((e): e is Errors[number] => isPlainObject(e) && "message" in e);
    if (errors.length === 0 && closed === 4403) {
      errors.push({
        message: "connection_init refused (4403)",
        extensions: { code: "UNAUTHENTICATED" },
      });
    }
    assertOutcome(cell, expected, errors, null, w);
  } finally {
    sub.stop();
    await client.dispose();
    await until(() => listeners() === before);
  }
}

describe("authorization matrix covers the schema", () => {
  it("every root field of Query, Mutation and Subscription has a row", () => {
    expect([...FIELDS.keys()].filter((key) => cases(key).length === 0)).toEqual([]);
  });

  it("every row names a root field that exists", () => {
    expect(Object.keys(RULES).filter((key) => !FIELDS.has(key))).toEqual([]);
  });

  it("every case builds a valid operation against the schema", () => {
    const w: World = {
      app: "tencent",
      self: "alice",
      other: "bob",
      third: "carol",
      group: "demogroup",
      message: "m",
      liveRoom: "demolive",
    };
    for (const [key, { operation, field }] of FIELDS) {
      for (const c of cases(key)) {
        for (const caller of CALLERS) {
          const args = argsFor(field, c, w, caller);
          const errors = validate(schema, parse(document(operation, field, args, c.selection)));
          expect(
            errors.map((e) => e.message),
            key,
          ).toEqual([]);
        }
      }
    }
  });
});

const sections = [...FIELDS.keys()].flatMap(cellsOf);
const httpSections = sections.filter((s) => s.cells[0]?.operation !== "subscription");
const wsSections = sections.filter((s) => s.cells[0]?.operation === "subscription");
const cellName = (cell: Cell) => `${cell.app} × ${CALLER_TITLE[cell.caller]} → ${cell.expected}`;

const rows = (list: typeof sections) => list.map((s) => [s.title, s.cells] as const);
const named = (cells: Cell[]) => cells.map((cell) => [cellName(cell), cell] as const);

describe.concurrent.each(rows(httpSections))("%s", (_title, cells) => {
  it.each(named(cells))("%s", async (_name, cell) => {
    await runHttp(cell, cell.expected);
  });
});

// One at a time: a subscription's acceptance is read from the gateway's listener count.
describe.each(rows(wsSections))("%s", (_title, cells) => {
  it.each(named(cells))("%s", async (_name, cell) => {
    await runWs(cell, cell.expected);
  });
});

describe("credentials", () => {
  it("bad credentials are UNAUTHENTICATED with HTTP 401, never anonymous", async () => {
    const variants: Array<Record<string, string>> = [
      { "x-api-key": "wrong" },
      { authorization: "Bearer not.a.jwt" },
      { authorization: "Basic abc" },
      { authorization: `Bearer ${await g.tokenFor("alice", { expiresIn: "-1m" })}` },
    ];
    for (const h of variants) {
      const r = await gql(g.url, "{ viewer { role } }", {}, h);
      expect(r.status, JSON.stringify(h)).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("an admin role claim makes a JWT an admin", async () => {
    const r = await gql<{ viewer: { role: string } }>(
      g.url,
      "{ viewer { role } }",
      {},
      bearer(await g.tokenFor("ops", { role: "admin" })),
    );
    expect(r.data?.viewer.role).toBe("ADMIN");
  });
});
