import { Field, Int, ObjectType } from "type-graphql";
import { Conversation } from "./message-types.js";

// A user's conversation folders (Tencent's conversation groups, RongCloud's conversation
// tags) and conversation marks (Tencent, ZEGO).

@ObjectType({
  simpleResolvers: true,
  description: "One of a user's named folders of conversations.",
})
export class ConversationFolder {
  @Field(() => String, { description: "The folder's name (unique among the user's folders)." })
  name!: string;

  @Field(() => [Conversation], { description: "The conversations in it." })
  conversations!: Conversation[];
}

@ObjectType({
  simpleResolvers: true,
  description: "A conversation of a user that carries marks, with its marks.",
})
export class ConversationMarks {
  @Field(() => Conversation, { description: "The conversation." })
  conversation!: Conversation;

  @Field(() => [Int], { description: "The marks (whole numbers the app gives meaning to)." })
  marks!: number[];
}
