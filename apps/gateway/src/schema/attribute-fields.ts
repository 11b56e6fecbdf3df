import { Field, InputType, ObjectType } from "type-graphql";

/**
 * A custom attribute's fields, alike where one is shown (Attribute) and where one is set
 * (AttributeInput); the class is not in the schema itself.
 */
@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class AttributeFields {
  @Field(() => String, { description: "The key (the vendor's key rules apply)." })
  key!: string;

  @Field(() => String, { description: "The value." })
  value!: string;
}

@ObjectType({ simpleResolvers: true, description: "One custom attribute: a key and its value." })
export class Attribute extends AttributeFields {}
