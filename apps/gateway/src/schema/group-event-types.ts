import { Field, ID, ObjectType } from "type-graphql";
import { EventObjectType, ImEventBase } from "./event-base.js";
import { GroupRole } from "./types.js";

// Events of a group's description (#17): profile, member roles, custom attributes.

/** The field every event about one group starts with (the class is not in the schema itself). */
@ObjectType({ simpleResolvers: true })
export abstract class GroupEventFields extends ImEventBase {
  @Field(() => ID, { description: "The group." })
  groupId!: string;
}

@EventObjectType("A group's profile changed.")
export class GroupProfileUpdatedEvent extends GroupEventFields {
  @Field(() => [String], {
    description: "The profile fields that changed (name, avatarUrl, ...), where told; else empty.",
  })
  fields!: string[];
}

@EventObjectType("A whole group was muted (only the owner and admins send) or unmuted.")
export class GroupMutedEvent extends GroupEventFields {
  @Field(() => Boolean, { description: "True when muted, false when unmuted." })
  muted!: boolean;
}

@EventObjectType("A member's role in a group changed.")
export class GroupMemberRoleChangedEvent extends GroupEventFields {
  @Field(() => ID, { description: "The member." })
  userId!: string;

  @Field(() => GroupRole, { description: "The member's new role." })
  role!: GroupRole;
}

@EventObjectType("A group's custom attributes changed.")
export class GroupAttributesChangedEvent extends GroupEventFields {
  @Field(() => [String], { description: "The keys that changed; empty when all were cleared." })
  keys!: string[];
}
