import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Conversation } from "./message-types.js";
import { ConversationType, connectionFields } from "./types.js";

// A user's conversation list and the vendor's message log.

@InputType({
  description:
    "A conversation in a user's list: USER (the other user's id) or GROUP (the group's id).",
})
export class ConversationRefInput {
  @Field(() => ConversationType, { description: "USER or GROUP." })
  type!: ConversationType;

  @Field(() => ID, { description: "USER: the other user; GROUP: the group id." })
  id!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "One conversation of a user's list. What the vendor's list does not carry is null (Tencent carries unread counts and pins; ZEGO only the conversation and its time).",
})
export class ConversationSummary {
  @Field(() => Conversation, { description: "The other user (USER) or the group (GROUP)." })
  conversation!: Conversation;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the conversation last had a message; null where the vendor does not say.",
  })
  lastMessageAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Messages the user has not read; null where the vendor's list does not carry it.",
  })
  unreadCount!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the user pinned it; null where the vendor's list does not carry it.",
  })
  pinned!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether notifications are off for it; null where the vendor's list does not carry it.",
  })
  doNotDisturb!: boolean | null;

  /** The app and the list's owner, for `lastMessage` (not in the schema). */
  appId!: string;
  ownerId!: string;
}

@ObjectType({ simpleResolvers: true, description: "A page of a user's conversations." })
export class ConversationConnection extends connectionFields(
  ConversationSummary,
  "The conversations of this page (pinned first where the vendor pins, then the latest first).",
) {}

@ObjectType({
  simpleResolvers: true,
  description: "One downloadable file of an hour's message log.",
})
export class HistoryLogFile {
  @Field(() => String, { description: "Where to download it. Keep it private." })
  url!: string;

  @Field(() => ConversationType, {
    nullable: true,
    description:
      "The conversations it holds: USER (one-to-one) or GROUP (Tencent makes one file per kind); null when every kind (RongCloud).",
  })
  conversationType!: "USER" | "GROUP" | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "When the download address stops working (ask for the log again then); null where the vendor does not say.",
  })
  urlExpiresAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "One hour of the app's message log." })
export class HistoryLog {
  @Field(() => DateTimeISOResolver, { description: "The hour's start." })
  hour!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the hour's log file (every conversation of the app) can be downloaded, where the vendor makes one file an hour (RongCloud); null when it has none for that hour (not produced yet, expired or deleted) or splits the log into several (Tencent: read files).",
  })
  url!: string | null;

  @Field(() => [HistoryLogFile], {
    description:
      "Every file of the hour's log; empty when the vendor has none for that hour (not produced yet, expired or deleted).",
  })
  files!: HistoryLogFile[];
}
