import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID } from "type-graphql";
import { EventObjectType, ImEventBase } from "./event-base.js";
import { messageEventFields } from "./message-event-fields.js";
import { Conversation, MessageContent } from "./message-types.js";

// Events of the message lifecycle (#16): edits, deletes, reads and reactions.

@EventObjectType("A sent message's content was replaced.")
export class MessageEditedEvent extends messageEventFields({
  messageId: "The edited message's id, where the callback tells enough to rebuild it.",
  conversation: "Where the message is.",
  senderId: "Who sent the message (nullable like MessageRecalledEvent.senderId).",
}) {
  @Field(() => ID, {
    nullable: true,
    description:
      "Who edited it; null where unknown: the vendor's callback names no user (an edit made outside imgraph on ZEGO), or only the app's server (Tencent, for any edit made through its server API).",
  })
  editorId!: string | null;

  @Field(() => MessageContent, { nullable: true, description: "The new content, where told." })
  content!: typeof MessageContent | null;
}

@EventObjectType(
  "A message was deleted: from one user's copy (forUserId) or for everyone (forUserId null).",
)
export class MessageDeletedEvent extends messageEventFields({
  messageId: "The deleted message; null when all of senderId's messages in the group went.",
  conversation: "Where the message was.",
  senderId: "Who had sent it (nullable like MessageRecalledEvent.senderId).",
}) {
  @Field(() => ID, {
    nullable: true,
    description: "Whose copy it left; null when it left everyone's.",
  })
  forUserId!: string | null;
}

@EventObjectType("A user read a conversation up to a time.")
export class ConversationReadEvent extends ImEventBase {
  @Field(() => ID, { description: "Who read." })
  userId!: string;

  @Field(() => Conversation, { description: "What they read, as they see it." })
  conversation!: Conversation;

  @Field(() => DateTimeISOResolver, { description: "Messages sent up to this time are read." })
  readUpTo!: Date;
}

@EventObjectType("A user added or took back a reaction on a message.")
export class ReactionChangedEvent extends messageEventFields({
  messageId: "The message (nullable like the other events' messageId; always set here).",
  conversation: "Where the message is.",
  senderId: "Who sent the message (nullable like MessageRecalledEvent.senderId).",
}) {
  @Field(() => ID, { description: "Who reacted." })
  userId!: string;

  @Field(() => String, { description: "The emoji." })
  emoji!: string;

  @Field(() => Boolean, { description: "True when added, false when taken back." })
  added!: boolean;
}
