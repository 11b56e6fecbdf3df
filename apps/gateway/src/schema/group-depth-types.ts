import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CounterMode, JoinPolicy } from "./group-enums.js";
import { GroupRole, ItemError } from "./types.js";

// A group described (#17): profile input, counters, roles per user, import.

@InputType({ description: "Profile fields to change; omitted ones stay as they are." })
export class GroupProfileInput {
  @Field(() => String, { nullable: true, description: "The group's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL of its picture." })
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true, description: "What the group is about." })
  introduction?: string | null;

  @Field(() => String, { nullable: true, description: "The announcement members see." })
  announcement?: string | null;

  @Field(() => JoinPolicy, { nullable: true, description: "Who may join." })
  joinPolicy?: JoinPolicy | null;

  @Field(() => Int, { nullable: true, description: "The most members it may have." })
  maxMembers?: number | null;
}

@InputType({ description: "One counter change." })
export class CounterChangeInput {
  @Field(() => String, { description: "The counter's key." })
  key!: string;

  @Field(() => CounterMode, { description: "Set, increase or decrease." })
  mode!: CounterMode;

  @Field(() => Int, { description: "The value (an amount for INCREASE and DECREASE)." })
  value!: number;
}

@ObjectType({ simpleResolvers: true, description: "A group counter and its value." })
export class GroupCounter {
  @Field(() => String, { description: "The counter's key." })
  key!: string;

  @Field(() => Int, { description: "Its value." })
  value!: number;
}

@ObjectType({ simpleResolvers: true, description: "One user's role in a group, or why not." })
export class MemberRole {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => GroupRole, { nullable: true, description: "The role; null on error." })
  role!: GroupRole | null;

  @Field(() => ItemError, {
    nullable: true,
    description: "Why not (NOT_FOUND: not a member).",
  })
  error!: ItemError | null;
}

@InputType({ description: "A member of a group to import." })
export class ImportedMemberInput {
  @Field(() => ID, { description: "The member's user id." })
  userId!: string;

  @Field(() => GroupRole, { nullable: true, description: "ADMIN or MEMBER (default MEMBER)." })
  role?: GroupRole | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When they joined; the group's creation when omitted.",
  })
  joinedAt?: Date | null;
}

@InputType({ description: "A group as another system held it, with its original times." })
export class ImportGroupInput {
  @Field(() => ID, { description: "The group id." })
  id!: string;

  @Field(() => String, { description: "The group's name." })
  name!: string;

  @Field(() => ID, { description: "The owner." })
  ownerId!: string;

  @Field(() => DateTimeISOResolver, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => [ImportedMemberInput], { description: "Its members besides the owner." })
  members!: ImportedMemberInput[];
}
