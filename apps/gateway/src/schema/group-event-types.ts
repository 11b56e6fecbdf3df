import { Field, ID, ObjectType } from "type-graphql";
import { ImEventBase } from "./event-base.js";
import { GroupRole } from "./types.js";

// Events of a group's description (#17): profile, member roles, custom attributes.

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A group's profile changed.",
})
export class GroupProfileUpdatedEvent extends ImEventBase {
  @Field(() => ID, { description: "The group." })
  groupId!: string;

  @Field(() => [String], {
    description: "The profile fields that changed (name, avatarUrl, ...), where told; else empty.",
  })
  fields!: string[];
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A whole group was muted (only the owner and admins send) or unmuted.",
})
export class GroupMutedEvent extends ImEventBase {
  @Field(() => ID, { description: "The group." })
  groupId!: string;

  @Field(() => Boolean, { description: "True when muted, false when unmuted." })
  muted!: boolean;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A member's role in a group changed.",
})
export class GroupMemberRoleChangedEvent extends ImEventBase {
  @Field(() => ID, { description: "The group." })
  groupId!: string;

  @Field(() => ID, { description: "The member." })
  userId!: string;

  @Field(() => GroupRole, { description: "The member's new role." })
  role!: GroupRole;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A group's custom attributes changed.",
})
export class GroupAttributesChangedEvent extends ImEventBase {
  @Field(() => ID, { description: "The group." })
  groupId!: string;

  @Field(() => [String], { description: "The keys that changed; empty when all were cleared." })
  keys!: string[];
}
