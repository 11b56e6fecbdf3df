import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { MessageContentInput } from "./inputs.js";
import { ItemError, PageInfo } from "./types.js";

// Messages after they are sent: extensions, reactions, read receipts, import.

@ObjectType({ simpleResolvers: true, description: "One key of a message's extensions." })
export class MessageExtension {
  @Field(() => String, { description: "The key." })
  key!: string;

  @Field(() => String, { description: "Its value." })
  value!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The vendor's version of the key (Tencent): a write naming an older version is not applied. Null where the vendor keeps no versions (RongCloud: the last write wins).",
  })
  version!: number | null;
}

@InputType({ description: "A key of a message's extensions to set." })
export class MessageExtensionInput {
  @Field(() => String, { description: "The key (the vendor's length and character rules apply)." })
  key!: string;

  @Field(() => String, { description: "The value." })
  value!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Write only if the key is still at this version (0: it must not exist yet). Refused where the vendor keeps no versions.",
  })
  version?: number;
}

@ObjectType({ simpleResolvers: true, description: "What became of one key of a write." })
export class ExtensionWriteResult {
  @Field(() => String, { description: "The key." })
  key!: string;

  @Field(() => Boolean, {
    description: "False when the write named an outdated version and was not applied.",
  })
  applied!: boolean;

  @Field(() => MessageExtension, {
    nullable: true,
    description: "The key as the vendor keeps it now (on a conflict: the value that won).",
  })
  current!: MessageExtension | null;
}

@ObjectType({ simpleResolvers: true, description: "One emoji on a message and who reacted." })
export class Reaction {
  @Field(() => String, { description: "The emoji." })
  emoji!: string;

  @Field(() => [ID], { description: "The users who reacted with it." })
  userIds!: string[];
}

@ObjectType({ simpleResolvers: true, description: "Who has read a group message, in numbers." })
export class ReadReceiptCount {
  @Field(() => Int, { description: "Members who have read it." })
  readCount!: number;

  @Field(() => Int, { description: "Members who have not." })
  unreadCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A page of user ids." })
export class UserIdConnection {
  @Field(() => [ID], { description: "The users of this page." })
  nodes!: string[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@InputType({ description: "One message to import, with its original sender and time." })
export class ImportedMessageInput {
  @Field(() => ID, { description: "Who sent it (in a USER conversation: one of its two users)." })
  senderId!: string;

  @Field(() => DateTimeISOResolver, { description: "When it was sent (in the past)." })
  sentAt!: Date;

  @Field(() => MessageContentInput, { description: "What it says." })
  content!: MessageContentInput;
}

@ObjectType({
  simpleResolvers: true,
  description: "Where one imported message landed, or why not.",
})
export class ImportOutcome {
  @Field(() => ID, { description: "The message's position in the import (0 first)." })
  key!: string;

  @Field(() => Boolean, { description: "Whether it was imported." })
  ok!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      "The imported message's opaque id; null on failure or where the vendor answers none.",
  })
  messageId!: string | null;

  @Field(() => ItemError, { nullable: true, description: "Why it failed, when it did." })
  error!: ItemError | null;
}
