import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { fileFields, imageFields } from "./content-fields.js";
import { JSONScalar } from "./json-scalar.js";
import { ConversationType } from "./types.js";

@InputType({ description: "A user to register (or re-register: the profile is overwritten)." })
export class UserInput {
  @Field(() => ID, { description: "The user's IM id (the vendor's id rules apply)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Display name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "Avatar image URL (http or https)." })
  avatarUrl?: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Free-form data, where the vendor keeps it.",
  })
  extra?: Record<string, unknown>;
}

@InputType({ description: "A profile update: omitted fields stay as they are." })
export class UpdateUserInput {
  @Field(() => ID, { description: "The user to update." })
  id!: string;

  @Field(() => String, { nullable: true, description: "New display name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New avatar image URL." })
  avatarUrl?: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "New free-form data, where the vendor keeps it.",
  })
  extra?: Record<string, unknown>;
}

@InputType({ description: "A new group." })
export class CreateGroupInput {
  @Field(() => ID, {
    nullable: true,
    description: "The group id; omitted, the vendor (or imgraph) picks one.",
  })
  id?: string;

  @Field(() => String, { description: "The group name." })
  name!: string;

  @Field(() => ID, { description: "The owner (an end user may only create groups they own)." })
  ownerId!: string;

  @Field(() => [ID], { description: "The other members." })
  memberIds!: string[];
}

@InputType({ description: "Plain text content." })
export class TextContentInput {
  @Field(() => String, { description: "The text." })
  text!: string;
}

@InputType({ description: "App-defined content: a type name and JSON data." })
export class CustomContentInput {
  @Field(() => String, { description: "The app's own message type name." })
  customType!: string;

  @Field(() => JSONScalar, { description: "The message data." })
  data!: unknown;
}

@InputType({ description: "An image, by URL." })
export class ImageContentInput extends imageFields("The image URL (http or https).") {}

@InputType({ description: "A file, by URL." })
export class FileContentInput extends fileFields("The file URL (http or https).") {}

@InputType({
  description:
    "Message content: exactly one of text, custom, image or file (a one-of input). Content the vendor cannot carry fails with UNSUPPORTED_BY_VENDOR.",
})
export class MessageContentInput {
  @Field(() => TextContentInput, { nullable: true, description: "Plain text." })
  text?: TextContentInput;

  @Field(() => CustomContentInput, { nullable: true, description: "App-defined content." })
  custom?: CustomContentInput;

  @Field(() => ImageContentInput, { nullable: true, description: "An image." })
  image?: ImageContentInput;

  @Field(() => FileContentInput, { nullable: true, description: "A file." })
  file?: FileContentInput;
}

@InputType({ description: "A message to send: to users or to a group (exactly one)." })
export class SendMessageInput {
  @Field(() => ID, { description: "The sender (an end user may only send as themselves)." })
  from!: string;

  @Field(() => [ID], { nullable: true, description: "Recipient users (one-to-one messages)." })
  toUserIds?: string[];

  @Field(() => ID, { nullable: true, description: "The recipient group." })
  toGroupId?: string;

  @Field(() => MessageContentInput, { description: "What to say." })
  content!: MessageContentInput;

  @Field(() => String, {
    nullable: true,
    description: "Offline push text, where the vendor supports it.",
  })
  pushText?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Makes a resend of the same message harmless, on every vendor: for 24 hours a send with the same key and the same input answers the first send's results (failures included; resend those with a new key) with repeated: true, and sends nothing again. The same key with another message is refused (BAD_USER_INPUT). An end user's keys are their own. 1 to 64 letters, digits and _ - : .",
  })
  idempotencyKey?: string;
}

@InputType({ description: "Which conversation's history to read." })
export class ConversationInput {
  @Field(() => ConversationType, { description: "USER or GROUP." })
  type!: ConversationType;

  @Field(() => ID, {
    nullable: true,
    description: "USER: whose side of the conversation (defaults to the caller).",
  })
  userId?: string;

  @Field(() => ID, { description: "USER: the other user; GROUP: the group id." })
  id!: string;
}

@InputType({ description: "A time window for history." })
export class TimeRangeInput {
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Only messages sent at or after this time.",
  })
  since?: Date;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Only messages sent before this time.",
  })
  until?: Date;
}
