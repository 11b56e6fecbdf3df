import { ArgsType, Field } from "type-graphql";
import { AttributeInput } from "../schema/social-inputs.js";

// The arguments of the mutations that set or remove custom attributes (of users, groups,
// live rooms) or message extensions, alike wherever they are set or removed.

/** The attributes a set writes: added or replaced, the other keys staying. */
@ArgsType()
export class SetAttributesArgs {
  @Field(() => [AttributeInput], { description: "The keys and values to set." })
  attributes!: AttributeInput[];
}

/** The keys a removal takes away. */
@ArgsType()
export class RemoveKeysArgs {
  @Field(() => [String], { description: "The keys to remove." })
  keys!: string[];
}
