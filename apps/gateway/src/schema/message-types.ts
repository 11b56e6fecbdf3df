import { DateTimeISOResolver } from "graphql-scalars";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { fileFields, imageFields } from "./content-fields.js";
import { JSONScalar } from "./json-scalar.js";
import { ConversationType, edgeFields, ItemError, relayConnectionFields } from "./types.js";

@ObjectType({ simpleResolvers: true, description: "Where a message lives." })
export class Conversation {
  @Field(() => ConversationType, { description: "User pair, group, room or system channel." })
  type!: ConversationType;

  @Field(() => ID, {
    description:
      "USER: the other user (as seen by the queried user); GROUP/ROOM: the group or room id.",
  })
  id!: string;
}

@ObjectType({ simpleResolvers: true, description: "Plain text." })
export class TextContent {
  @Field(() => String, { description: "The text." })
  text!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "An app-defined message: a type name and JSON data.",
})
export class CustomContent {
  @Field(() => String, { description: "The app's own message type name." })
  customType!: string;

  @Field(() => JSONScalar, { nullable: true, description: "The message data." })
  data!: unknown;
}

@ObjectType({ simpleResolvers: true, description: "An image, by URL." })
export class ImageContent extends imageFields("The image URL.") {}

@ObjectType({ simpleResolvers: true, description: "A file, by URL." })
export class FileContent extends fileFields("The file URL.") {}

@ObjectType({
  simpleResolvers: true,
  description: "A vendor message with no neutral form (voice, location, ...).",
})
export class UnknownContent {
  @Field(() => String, { description: "The vendor's message type." })
  vendorType!: string;

  @Field(() => String, { description: "The vendor's raw content." })
  raw!: string;
}

/** The content's GraphQL type name (convert.ts tags every content with it). */
export function contentTypeName(value: unknown): string | undefined {
  return (value as { __typename?: string }).__typename;
}

export const MessageContent = createUnionType({
  name: "MessageContent",
  description:
    "What a message says: text, custom data, an image, a file, or a vendor type with no neutral form.",
  types: () => [TextContent, CustomContent, ImageContent, FileContent, UnknownContent] as const,
  resolveType: contentTypeName,
});

@ObjectType({ simpleResolvers: true, description: "A message." })
export class Message {
  @Field(() => ID, { description: "Opaque id: pass it back to recall the message." })
  id!: string;

  @Field(() => Conversation, { description: "Where the message lives." })
  conversation!: Conversation;

  @Field(() => ID, { description: "The sender's user id." })
  senderId!: string;

  @Field(() => DateTimeISOResolver, { description: "When the vendor received it." })
  sentAt!: Date;

  @Field(() => MessageContent, { description: "What it says." })
  content!: typeof MessageContent;

  @Field(() => Boolean, { description: "Whether it was recalled." })
  recalled!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether it was edited after it was sent; null where the vendor's history does not say (none of the three records it in history today: the MESSAGE_EDITED event tells when an edit happens).",
  })
  edited?: boolean | null;

  /** The app the message was read from (not in the schema): where `reactions` reads. */
  appId?: string;
}

@ObjectType({ simpleResolvers: true, description: "An edge of a message connection." })
export class MessageEdge extends edgeFields(Message, "The message.") {}

@ObjectType({
  simpleResolvers: true,
  description: "A page of a conversation's history, newest first (Relay connection).",
})
export class MessageConnection extends relayConnectionFields(Message, MessageEdge, {
  edges: "The messages of this page with their cursors.",
  nodes: "The messages of this page, newest first.",
}) {}

@ObjectType({
  simpleResolvers: true,
  description: "The outcome of sending to one recipient (a user, or the group).",
})
export class SendResult {
  @Field(() => ID, { description: "The recipient user, or the group." })
  recipientId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The sent message's id (pass it back to recall).",
  })
  messageId!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When it was sent." })
  sentAt!: Date | null;

  @Field(() => ItemError, {
    nullable: true,
    description: "Why it failed for this recipient, when it did.",
  })
  error!: ItemError | null;

  @Field(() => Boolean, {
    description:
      "True when this answers an earlier send with the same idempotencyKey: nothing was sent again.",
  })
  repeated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "The outcome of a broadcast." })
export class BroadcastResult {
  @Field(() => ID, {
    nullable: true,
    description: "The broadcast's id, where the vendor gives one.",
  })
  messageId!: string | null;
}
