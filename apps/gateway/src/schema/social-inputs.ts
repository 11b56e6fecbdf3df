import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "One custom attribute to set." })
export class AttributeInput {
  @Field(() => String, { description: "The key (the vendor's key rules apply)." })
  key!: string;

  @Field(() => String, { description: "The value." })
  value!: string;
}

@InputType({ description: "A friend to add." })
export class FriendInput {
  @Field(() => ID, { description: "The friend's user id." })
  userId!: string;

  @Field(() => String, { nullable: true, description: "The owner's name for this friend." })
  alias?: string | null;

  @Field(() => [AttributeInput], { nullable: true, description: "Custom per-friend data." })
  attributes?: AttributeInput[] | null;
}

@InputType({ description: "A friendship to import, with its original time." })
export class FriendImportInput extends FriendInput {
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the friendship began; now when omitted.",
  })
  addedAt?: Date | null;
}

@InputType({ description: "Changes to one friend: omitted fields stay as they are." })
export class FriendUpdateInput {
  @Field(() => ID, { description: "The friend's user id." })
  userId!: string;

  @Field(() => String, { nullable: true, description: "A new alias (empty clears it)." })
  alias?: string | null;

  @Field(() => [AttributeInput], {
    nullable: true,
    description: "Attributes to set (others stay).",
  })
  attributes?: AttributeInput[] | null;
}
