import type * as core from "@imgraph/core";
import { MUTE_SCOPES } from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { enumFrom } from "./enums.js";
import { Attribute } from "./social-types.js";
import { ItemError } from "./types.js";

// Output types of user attributes, push tags, account checks, app-wide mutes and friend
// groups.

export type MuteScope = core.MuteScope;
export const MuteScope = enumFrom(
  MUTE_SCOPES,
  "MuteScope",
  "Where an app-wide mute stops a user sending (messages sent through the server API never are).",
  {
    DIRECT: "One-to-one messages.",
    GROUPS: "Messages in every group.",
  },
);

@ObjectType({ simpleResolvers: true, description: "One user's custom attributes, or why not." })
export class UserAttributesResult {
  @Field(() => ID, { description: "The user asked about." })
  userId!: string;

  @Field(() => [Attribute], {
    nullable: true,
    description: "The attributes ([] when none); null on failure.",
  })
  attributes!: Attribute[] | null;

  @Field(() => ItemError, { nullable: true, description: "Why they could not be read, when so." })
  error!: ItemError | null;
}

@ObjectType({ simpleResolvers: true, description: "One user's push tags, or why not." })
export class UserTagsResult {
  @Field(() => ID, { description: "The user asked about." })
  userId!: string;

  @Field(() => [String], { nullable: true, description: "The tags; null on failure." })
  tags!: string[] | null;

  @Field(() => ItemError, { nullable: true, description: "Why they could not be read, when so." })
  error!: ItemError | null;
}

@ObjectType({ simpleResolvers: true, description: "Whether one account exists at the vendor." })
export class AccountExistence {
  @Field(() => ID, { description: "The user asked about." })
  userId!: string;

  @Field(() => Boolean, { nullable: true, description: "Whether it exists; null on failure." })
  exists!: boolean | null;

  @Field(() => ItemError, { nullable: true, description: "Why it could not be told, when so." })
  error!: ItemError | null;
}

@ObjectType({ simpleResolvers: true, description: "One scope a user is muted in." })
export class UserMute {
  @Field(() => MuteScope, { description: "Where the user cannot send." })
  scope!: MuteScope;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the mute ends; null when it lasts until lifted.",
  })
  until!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "One user's app-wide mutes, or why not." })
export class UserMutesResult {
  @Field(() => ID, { description: "The user asked about." })
  userId!: string;

  @Field(() => [UserMute], {
    nullable: true,
    description: "The scopes the user is muted in ([] when not muted); null on failure.",
  })
  mutes!: UserMute[] | null;

  @Field(() => ItemError, { nullable: true, description: "Why they could not be read, when so." })
  error!: ItemError | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A named group of a user's friends (deleting it keeps the friends).",
})
export class FriendGroup {
  @Field(() => String, { description: "The group's name." })
  name!: string;

  @Field(() => [ID], { description: "The friends in the group." })
  friendIds!: string[];
}
