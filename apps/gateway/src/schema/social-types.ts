import type * as core from "@imgraph/core";
import { FRIEND_RELATIONS } from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Attribute } from "./attribute-fields.js";
import { enumFrom } from "./enums.js";
import { connectionFields, perUserFields } from "./types.js";

// Output types of friends and blocklists.

const UNTOLD = "Why it could not be told, when so.";

export type FriendRelation = core.FriendRelation;
export const FriendRelation = enumFrom(
  FRIEND_RELATIONS,
  "FriendRelation",
  "How one user stands to another in friend lists.",
  {
    NONE: "Neither has the other as a friend.",
    OUTGOING: "The user has the other as a friend; the other does not have the user.",
    INCOMING: "The other has the user as a friend; the user does not have the other.",
    MUTUAL: "Each has the other as a friend.",
  },
);

export { Attribute };

@ObjectType({
  simpleResolvers: true,
  description: "A friend, as the list's owner keeps them (friendships may be one-way).",
})
export class Friend {
  @Field(() => ID, { description: "The friend's user id." })
  userId!: string;

  @Field(() => String, { nullable: true, description: "The owner's name for this friend." })
  alias!: string | null;

  @Field(() => [Attribute], { description: "Custom per-friend data." })
  attributes!: Attribute[];

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the friendship began (or the imported time); null where unknown.",
  })
  addedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of friends." })
export class FriendConnection extends connectionFields(Friend, "The friends of this page.") {}

@ObjectType({ simpleResolvers: true, description: "One asked-for friend, or why not." })
export class FriendResult extends perUserFields<"friend", Friend>("friend", () => Friend, {
  value: "The friend; null when not a friend (NOT_FOUND) or on failure.",
  error: "Why there is no friend, when so.",
}) {}

@ObjectType({ simpleResolvers: true, description: "How a user stands to one other user." })
export class FriendRelationResult extends perUserFields<"relation", FriendRelation>(
  "relation",
  () => FriendRelation,
  { user: "The other user.", value: "The relation; null on failure.", error: UNTOLD },
) {}

@ObjectType({ simpleResolvers: true, description: "Someone on a user's blocklist." })
export class BlockedUser {
  @Field(() => ID, { description: "The blocked user's id." })
  userId!: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When they were blocked; null where the vendor does not tell.",
  })
  blockedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of a blocklist." })
export class BlockedUserConnection extends connectionFields(
  BlockedUser,
  "The blocked users of this page.",
) {}

@ObjectType({ simpleResolvers: true, description: "Whether a user has blocked one other user." })
export class BlockStatus extends perUserFields<"blocked", boolean>("blocked", () => Boolean, {
  user: "The other user.",
  value: "Whether the list's owner has blocked them; null on failure.",
  error: UNTOLD,
}) {}
