import type * as core from "@imgraph/core";
import { MUTE_SCOPES } from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { enumFrom } from "./enums.js";
import { Attribute } from "./social-types.js";
import { perUserFields } from "./types.js";

// Output types of user attributes, push tags, account checks, app-wide mutes and friend
// groups.

const UNREAD = "Why they could not be read, when so.";

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
export class UserAttributesResult extends perUserFields<"attributes", Attribute[]>(
  "attributes",
  () => [Attribute],
  { value: "The attributes ([] when none); null on failure.", error: UNREAD },
) {}

@ObjectType({ simpleResolvers: true, description: "One user's push tags, or why not." })
export class UserTagsResult extends perUserFields<"tags", string[]>("tags", () => [String], {
  value: "The tags; null on failure.",
  error: UNREAD,
}) {}

@ObjectType({ simpleResolvers: true, description: "Whether one account exists at the vendor." })
export class AccountExistence extends perUserFields<"exists", boolean>("exists", () => Boolean, {
  value: "Whether it exists; null on failure.",
  error: "Why it could not be told, when so.",
}) {}

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
export class UserMutesResult extends perUserFields<"mutes", UserMute[]>("mutes", () => [UserMute], {
  value: "The scopes the user is muted in ([] when not muted); null on failure.",
  error: UNREAD,
}) {}

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
