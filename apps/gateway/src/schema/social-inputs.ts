import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { AttributeFields } from "./attribute-fields.js";

@InputType({ description: "One custom attribute to set." })
export class AttributeInput extends AttributeFields {}

/** The fields of a friend to add or to change, described for the one or the other. */
function friendFields(aliasDescription: string, attributesDescription: string) {
  @InputType()
  abstract class FriendFields {
    @Field(() => ID, { description: "The friend's user id." })
    userId!: string;

    @Field(() => String, { nullable: true, description: aliasDescription })
    alias?: string | null;

    @Field(() => [AttributeInput], { nullable: true, description: attributesDescription })
    attributes?: AttributeInput[] | null;
  }
  return FriendFields;
}

@InputType({ description: "A friend to add." })
export class FriendInput extends friendFields(
  "The owner's name for this friend.",
  "Custom per-friend data.",
) {}

@InputType({ description: "A friendship to import, with its original time." })
export class FriendImportInput extends FriendInput {
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the friendship began; now when omitted.",
  })
  addedAt?: Date | null;
}

@InputType({ description: "Changes to one friend: omitted fields stay as they are." })
export class FriendUpdateInput extends friendFields(
  "A new alias (empty clears it).",
  "Attributes to set (others stay).",
) {}
