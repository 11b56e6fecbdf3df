import type * as core from "@imgraph/core";
import {
  AREAS,
  type Area,
  CONVERSATION_TYPES,
  GROUP_ROLES,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  PRESENCE_STATUSES,
  VENDORS,
} from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { type ClassType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Attribute } from "./attribute-fields.js";
import { enumFrom } from "./enums.js";
import { JoinPolicy } from "./group-enums.js";
import { JSONScalar } from "./json-scalar.js";

// Output types of the neutral schema. Every type, field and enum value is described:
// the playground and generated clients show these texts.

export const DateTime = DateTimeISOResolver;

export type Vendor = core.Vendor;
export const Vendor = enumFrom(VENDORS, "Vendor", "The IM vendor behind an app.", {
  rongcloud: "RongCloud IM.",
  tencent: "Tencent Cloud Chat.",
  zego: "ZEGOCLOUD In-app Chat (ZIM) and Video Call rooms.",
});

export type PresenceStatus = core.PresenceStatus;
export const PresenceStatus = enumFrom(
  PRESENCE_STATUSES,
  "PresenceStatus",
  "Whether a user has a client connected.",
  {
    ONLINE: "At least one client of the user is connected.",
    OFFLINE: "No client of the user is connected.",
  },
);

export type GroupRole = core.GroupRole;
export const GroupRole = enumFrom(GROUP_ROLES, "GroupRole", "A member's role in a group.", {
  OWNER: "Owns the group.",
  ADMIN: "Manages the group with the owner.",
  MEMBER: "An ordinary member.",
});

export type ConversationType = core.ConversationType;
export const ConversationType = enumFrom(
  CONVERSATION_TYPES,
  "ConversationType",
  "Where a message lives.",
  {
    USER: "A one-to-one conversation between two users.",
    GROUP: "A group conversation.",
    ROOM: "A room (chatroom / RTC room) conversation.",
    SYSTEM: "A system channel: recipients cannot reply.",
  },
);

export enum ViewerRole {
  ANONYMOUS = "ANONYMOUS",
  USER = "USER",
  ADMIN = "ADMIN",
}
registerEnumType(ViewerRole, {
  name: "ViewerRole",
  description: "How the caller is authenticated.",
  valuesConfig: {
    ANONYMOUS: { description: "No credentials were given." },
    USER: { description: "An end user, by a bearer JWT whose subject is their IM user id." },
    ADMIN: { description: "A backend service (API key) or an admin JWT: may do everything." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "A configured vendor account. Never exposes a secret.",
})
export class App {
  @Field(() => ID, { description: "The id queries pass as their `app` argument." })
  id!: string;

  @Field(() => Vendor, { description: "The vendor behind the app." })
  vendor!: Vendor;

  @Field(() => String, { description: "The vendor region / data centre." })
  region!: string;

  @Field(() => String, {
    description: "The vendor's public app id (app key, SDKAppID, AppID) that client SDKs need.",
  })
  publicAppId!: string;

  @Field(() => [String], {
    description:
      "Optional operations this app supports (e.g. USER_DELETE, MESSAGE_RECALL). Any other fails with UNSUPPORTED_BY_VENDOR.",
  })
  capabilities!: string[];

  @Field(() => Boolean, { description: "Whether this is the app used when a query names none." })
  isDefault!: boolean;

  @Field(() => [OperationSupport], {
    description:
      "Every operation of the neutral API and whether this app can do it; where it cannot, why (a gap of the vendor, or an option of the app that is off). See docs/support-matrix.md.",
  })
  operations!: OperationSupport[];
}

export const Operation = enumFrom(
  OPERATION_NAMES,
  "Operation",
  "An operation of the neutral API (one per query or mutation that reaches a vendor).",
  Object.fromEntries(OPERATION_NAMES.map((n) => [n, OPERATIONS[n].summary])) as Record<
    OperationName,
    string
  >,
);

export const OperationArea = enumFrom(
  AREAS,
  "OperationArea",
  "The part of the neutral API an operation belongs to.",
  {
    users: "Users, profiles and presence.",
    social: "Friends and blocklists.",
    conversations: "Conversation lists, unread counts and read state.",
    messages: "Sending, history and the message lifecycle.",
    groups: "Groups, their members and their settings.",
    rooms: "RTC rooms: their users, kicks and messages.",
    liveRooms: "Live rooms (chatrooms): creation, members, moderation, messages, attributes.",
    credentials: "Tokens client SDKs log in with.",
    moderation: "Bans and content moderation.",
    push: "Broadcasts and offline push.",
  },
);

export const OperationKind = enumFrom(
  ["read", "write"] as const,
  "OperationKind",
  "Whether an operation changes anything at the vendor.",
  {
    read: "Changes nothing (safe to repeat).",
    write: "Changes something at the vendor.",
  },
);

@ObjectType({
  simpleResolvers: true,
  description: "Whether an app can do one operation, and if not, why.",
})
export class OperationSupport {
  @Field(() => Operation, { description: "The operation." })
  name!: OperationName;

  @Field(() => OperationArea, { description: "Its part of the API." })
  area!: Area;

  @Field(() => OperationKind, { description: "Read or write." })
  kind!: "read" | "write";

  @Field(() => Boolean, { description: "Whether this app can do it now." })
  supported!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why not (the vendor's gap, or the option that is off); null when supported.",
  })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The app option that turns it on, for operations that depend on one.",
  })
  condition!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "An IM user." })
export class User {
  @Field(() => ID, { description: "The user's IM id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Display name." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "Avatar image URL." })
  avatarUrl!: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Free-form data the vendor keeps with the profile (where it can).",
  })
  extra!: unknown;

  /** The app the user was read from, for nested fields. */
  appId!: string;
}

@ObjectType({ simpleResolvers: true, description: "A user's online state." })
export class Presence {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => PresenceStatus, { description: "Online or offline." })
  status!: PresenceStatus;
}

@ObjectType({
  simpleResolvers: true,
  description: "A per-item failure in a batch: the other items went through.",
})
export class ItemError {
  @Field(() => String, { description: "The error code (as in GraphQL `extensions.code`)." })
  code!: string;

  @Field(() => String, {
    description: "What went wrong, naming the field and limit where relevant.",
  })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: "The vendor's own code, when the vendor refused.",
  })
  vendorCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The vendor rule behind the refusal, where it is a neutral one (MESSAGE_GONE, EDIT_WINDOW_PASSED, RECALL_WINDOW_PASSED, ALREADY_RECALLED); as in GraphQL `extensions.rule`.",
  })
  rule?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "With RATE_LIMITED: seconds to wait before trying this item again; as in GraphQL `extensions.retryAfter`.",
  })
  retryAfter?: number | null;
}

@ObjectType({ simpleResolvers: true, description: "The outcome of a batch operation for one key." })
export class ItemOutcome {
  @Field(() => ID, { description: "The key (user id, recipient...) this outcome is for." })
  key!: string;

  @Field(() => Boolean, { description: "Whether it succeeded." })
  ok!: boolean;

  @Field(() => ItemError, { nullable: true, description: "Why it failed, when it did." })
  error!: ItemError | null;
}

/** One user's answer in a per-user list: the value under `F` (null on failure), or why not. */
export type PerUser<F extends string, T> = { userId: string; error: ItemError | null } & {
  [K in F]: T | null;
};

/** The descriptions of a per-user answer's fields. */
export interface PerUserTexts {
  /** Of `userId`; "The user asked about." when omitted. */
  user?: string;
  /** Of the value (null on failure). */
  value: string;
  /** Of `error`. */
  error: string;
}

/**
 * The fields of one user's answer in a per-user list: `userId`, the value under `field`
 * (of GraphQL type `type`: a class, scalar or enum, or a list of one), then `error` (the
 * class is not in the schema itself).
 */
export function perUserFields<F extends string, T>(
  field: F,
  type: () => object,
  texts: PerUserTexts,
): abstract new () => PerUser<F, T> {
  @ObjectType({ simpleResolvers: true })
  abstract class PerUserFields {
    @Field(() => ID, { description: texts.user ?? "The user asked about." })
    userId!: string;
  }
  // The value's name is the caller's, so it cannot be written as a property here: its field
  // is declared by calling the decorator, and `error` after it to keep the fields' order.
  Field(type, { nullable: true, description: texts.value })(PerUserFields.prototype, field);
  Field(() => ItemError, { nullable: true, description: texts.error })(
    PerUserFields.prototype,
    "error",
  );
  return PerUserFields as abstract new () => PerUser<F, T>;
}

@ObjectType({ simpleResolvers: true, description: "Whether one user belongs to a group." })
export class Membership extends perUserFields<"isMember", boolean>("isMember", () => Boolean, {
  value: "Whether the user belongs to the group; null when the vendor could not tell.",
  error: "Why the vendor could not tell.",
}) {}

@ObjectType({ simpleResolvers: true, description: "The outcome of registering one user." })
export class RegisterUserResult extends perUserFields<"user", User>("user", () => User, {
  user: "The user id.",
  value: "The registered user, when it succeeded.",
  error: "Why it failed, when it did.",
}) {}

@ObjectType({ simpleResolvers: true, description: "What a client SDK needs to log in as a user." })
export class ChatCredential {
  @Field(() => Vendor, { description: "The vendor whose client SDK takes this credential." })
  vendor!: Vendor;

  @Field(() => String, { description: "The vendor's public app id." })
  appId!: string;

  @Field(() => ID, { description: "The user the credential is for." })
  userId!: string;

  @Field(() => String, {
    description:
      "The login token (RongCloud token, Tencent UserSig, ZEGO Token04). Keep it private.",
  })
  token!: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the token stops working; null if it does not expire on its own.",
  })
  expiresAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "Paging information of a connection." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow." })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` to get the next page; null on the last page.",
  })
  endCursor!: string | null;
}

/** The fields of a page of nodes, `nodes` and `pageInfo` (the class is not in the schema itself). */
export function connectionFields<T extends object>(node: ClassType<T>, nodesDescription: string) {
  @ObjectType({ simpleResolvers: true })
  abstract class Connection {
    @Field(() => [node], { description: nodesDescription })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo!: PageInfo;
  }
  return Connection;
}

/** The fields of an edge of a Relay connection: its cursor and its node. */
export function edgeFields<T extends object>(node: ClassType<T>, nodeDescription: string) {
  @ObjectType({ simpleResolvers: true })
  abstract class Edge {
    @Field(() => String, {
      description:
        "Opaque cursor of this edge's page: vendors page by pages, not by items, so every edge of a page carries the page's end cursor (pageInfo.endCursor), and `after` it gives the next page. Empty on the last page: no page follows (do not pass it as `after`, which would start again from the first page).",
    })
    cursor!: string;

    @Field(() => node, { description: nodeDescription })
    node!: T;
  }
  return Edge;
}

/** The fields of a Relay connection: `edges`, `nodes` and `pageInfo`. */
export function relayConnectionFields<T extends object, E extends object>(
  node: ClassType<T>,
  edge: ClassType<E>,
  descriptions: { edges: string; nodes: string },
) {
  @ObjectType({ simpleResolvers: true })
  abstract class RelayConnection {
    @Field(() => [edge], { description: descriptions.edges })
    edges!: E[];

    @Field(() => [node], { description: descriptions.nodes })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo!: PageInfo;
  }
  return RelayConnection;
}

@ObjectType({ simpleResolvers: true, description: "A group of users." })
export class Group {
  @Field(() => ID, { description: "The group id." })
  id!: string;

  @Field(() => String, { description: "The group name." })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The owner's user id; null where the vendor keeps no owner.",
  })
  ownerId!: string | null;

  @Field(() => Int, { nullable: true, description: "How many members, when the vendor says." })
  memberCount!: number | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the group was created." })
  createdAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Its picture; null where not kept." })
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true, description: "What it is about; null where not kept." })
  introduction?: string | null;

  @Field(() => String, { nullable: true, description: "Its announcement; null where not kept." })
  announcement?: string | null;

  @Field(() => JoinPolicy, { nullable: true, description: "Who may join; null where not kept." })
  joinPolicy?: JoinPolicy | null;

  @Field(() => Int, { nullable: true, description: "Its member cap; null where not kept." })
  maxMembers?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the whole group is muted; null where the vendor does not say.",
  })
  allMuted?: boolean | null;

  appId!: string;
}

@ObjectType({ simpleResolvers: true, description: "A member of a group." })
export class GroupMember {
  @Field(() => ID, { description: "The member's user id." })
  userId!: string;

  @Field(() => GroupRole, { description: "The member's role." })
  role!: GroupRole;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When they joined." })
  joinedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Their name in this group; null where none is kept.",
  })
  nameCard?: string | null;

  @Field(() => [Attribute], {
    nullable: true,
    description: "Custom member fields; null where the vendor keeps none.",
  })
  fields?: Attribute[] | null;

  appId!: string;
}

@ObjectType({ simpleResolvers: true, description: "An edge of a group member connection." })
export class GroupMemberEdge extends edgeFields(GroupMember, "The member.") {}

@ObjectType({ simpleResolvers: true, description: "A page of group members (Relay connection)." })
export class GroupMemberConnection extends relayConnectionFields(GroupMember, GroupMemberEdge, {
  edges: "The members of this page with their cursors.",
  nodes: "The members of this page.",
}) {}

@ObjectType({ simpleResolvers: true, description: "A page of groups." })
export class GroupConnection extends connectionFields(Group, "The groups of this page.") {}

@ObjectType({ simpleResolvers: true, description: "A muted group member." })
export class MutedMember {
  @Field(() => ID, { description: "The member's user id." })
  userId!: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the mute ends; null when it lasts until someone unmutes them.",
  })
  mutedUntil!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A credential for a client to enter a room." })
export class RoomCredential {
  @Field(() => String, { description: "The vendor's public app id." })
  appId!: string;

  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => ID, { description: "The room." })
  roomId!: string;

  @Field(() => String, { description: "The room token. Keep it private." })
  token!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "What the user signs in with, where the vendor's room SDK wants it beside the room token (Tencent TRTC: the UserSig, valid as long as the token); null where the token alone enters the room. Keep it private.",
  })
  userToken!: string | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the token stops working.",
  })
  expiresAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A user in a room." })
export class RoomUser {
  @Field(() => ID, { description: "The user's id." })
  userId!: string;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When they entered." })
  joinedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of room users." })
export class RoomUserConnection extends connectionFields(RoomUser, "The users of this page.") {}

@ObjectType({ simpleResolvers: true, description: "Who is calling." })
export class Viewer {
  @Field(() => ViewerRole, { description: "How the caller is authenticated." })
  role!: ViewerRole;

  @Field(() => ID, {
    nullable: true,
    description: "The caller's IM user id (end users; admins when their token names one).",
  })
  userId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The only app an end user may act in, when their token is bound to one.",
  })
  appId!: string | null;
}
