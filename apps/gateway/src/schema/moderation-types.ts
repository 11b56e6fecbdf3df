import { Field, InputType, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A word on the vendor's sensitive-word list." })
export class SensitiveWord {
  @Field(() => String, { description: "The word or phrase." })
  word!: string;

  @Field(() => String, {
    nullable: true,
    description: "What the vendor puts in its place; null: a message holding it is blocked.",
  })
  replacement!: string | null;
}

@InputType({ description: "A word to add to the vendor's sensitive-word list." })
export class SensitiveWordInput {
  @Field(() => String, { description: "The word or phrase." })
  word!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "What the vendor should put in its place; omitted or null: a message holding it is blocked. Refused where the vendor keeps no replacements.",
  })
  replacement?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "The vendor's sensitive-word list of an app, and how the vendor applies it.",
})
export class SensitiveWordList {
  @Field(() => [SensitiveWord], { description: "Every word on the list." })
  words!: SensitiveWord[];

  @Field(() => Int, {
    nullable: true,
    description: "The most words the vendor keeps for an app; null where it states none.",
  })
  maxWords!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Seconds the vendor takes to enforce a change to the list; null where it states none.",
  })
  activationDelaySeconds!: number | null;
}
