import { Field, ID } from "type-graphql";
import { EventObjectType, ImEventBase } from "./event-base.js";
import { Conversation } from "./message-types.js";

@EventObjectType(
  "The gateway's moderation refused a message at the vendor's pre-send callback: who sent it where, and which rule refused it (never the text). Only admins receive it.",
)
export class MessageBlockedEvent extends ImEventBase {
  @Field(() => ID, { description: "Who sent the message." })
  senderId!: string;

  @Field(() => Conversation, { description: "Where it was sent." })
  conversation!: Conversation;

  @Field(() => String, {
    description:
      "The rule that refused it: size, sender_rate, blocked_word, pattern, hook or hook_failed.",
  })
  rule!: string;

  @Field(() => String, {
    description: "What the sender's client was told, where the vendor carries it.",
  })
  reason!: string;
}
