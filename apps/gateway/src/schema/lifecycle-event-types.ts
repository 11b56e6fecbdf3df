import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ImEventBase } from "./event-base.js";
import { Conversation, MessageContent } from "./message-types.js";

// Events of the message lifecycle (#16): edits, deletes, reads and reactions.

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A sent message's content was replaced.",
})
export class MessageEditedEvent extends ImEventBase {
  @Field(() => ID, {
    nullable: true,
    description: "The edited message's id, where the callback tells enough to rebuild it.",
  })
  messageId!: string | null;

  @Field(() => Conversation, { description: "Where the message is." })
  conversation!: Conversation;

  @Field(() => ID, {
    nullable: true,
    description: "Who sent the message (nullable like MessageRecalledEvent.senderId).",
  })
  senderId!: string | null;

  @Field(() => ID, { nullable: true, description: "Who edited it, where the vendor says." })
  editorId!: string | null;

  @Field(() => MessageContent, { nullable: true, description: "The new content, where told." })
  content!: typeof MessageContent | null;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description:
    "A message was deleted: from one user's copy (forUserId) or for everyone (forUserId null).",
})
export class MessageDeletedEvent extends ImEventBase {
  @Field(() => ID, {
    nullable: true,
    description: "The deleted message; null when all of senderId's messages in the group went.",
  })
  messageId!: string | null;

  @Field(() => Conversation, { description: "Where the message was." })
  conversation!: Conversation;

  @Field(() => ID, {
    nullable: true,
    description: "Who had sent it (nullable like MessageRecalledEvent.senderId).",
  })
  senderId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Whose copy it left; null when it left everyone's.",
  })
  forUserId!: string | null;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A user read a conversation up to a time.",
})
export class ConversationReadEvent extends ImEventBase {
  @Field(() => ID, { description: "Who read." })
  userId!: string;

  @Field(() => Conversation, { description: "What they read, as they see it." })
  conversation!: Conversation;

  @Field(() => DateTimeISOResolver, { description: "Messages sent up to this time are read." })
  readUpTo!: Date;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A user added or took back a reaction on a message.",
})
export class ReactionChangedEvent extends ImEventBase {
  @Field(() => ID, {
    nullable: true,
    description: "The message (nullable like the other events' messageId; always set here).",
  })
  messageId!: string | null;

  @Field(() => Conversation, { description: "Where the message is." })
  conversation!: Conversation;

  @Field(() => ID, {
    nullable: true,
    description: "Who sent the message (nullable like MessageRecalledEvent.senderId).",
  })
  senderId!: string | null;

  @Field(() => ID, { description: "Who reacted." })
  userId!: string;

  @Field(() => String, { description: "The emoji." })
  emoji!: string;

  @Field(() => Boolean, { description: "True when added, false when taken back." })
  added!: boolean;
}
