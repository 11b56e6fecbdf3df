import { Field, ID, ObjectType } from "type-graphql";
import { ImEventBase } from "./event-base.js";
import { Conversation } from "./message-types.js";

/** What the fields of one event say about the message it is about. */
export interface MessageEventAbout {
  messageId: string;
  conversation: string;
  senderId: string;
}

/**
 * The fields every event about one message starts with, each kind describing them in its own
 * words (the class is not in the schema itself). The ids are nullable: not every vendor's
 * callback tells them.
 */
export function messageEventFields(about: MessageEventAbout) {
  @ObjectType({ simpleResolvers: true })
  abstract class MessageEventFields extends ImEventBase {
    @Field(() => ID, { nullable: true, description: about.messageId })
    messageId!: string | null;

    @Field(() => Conversation, { description: about.conversation })
    conversation!: Conversation;

    @Field(() => ID, { nullable: true, description: about.senderId })
    senderId!: string | null;
  }
  return MessageEventFields;
}
