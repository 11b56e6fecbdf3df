import { PUSH_TASK_STATES } from "@imgraph/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { enumFrom } from "./enums.js";
import { AttributeInput } from "./social-inputs.js";

export const PushTaskState = enumFrom(
  PUSH_TASK_STATES,
  "PushTaskState",
  "Where a push task is, as its vendor reports it.",
  {
    QUEUED: "Accepted, not yet being sent.",
    SENDING: "Being handed to devices.",
    DONE: "Handed to every device it could reach.",
    FAILED: "The vendor gave up on it.",
    UNKNOWN: "The vendor reports a state imgraph has no word for.",
  },
);

@InputType({ description: "What a push notification shows on the user's device." })
export class PushNotificationInput {
  @Field(() => String, {
    nullable: true,
    description: "The title; the vendor's default (usually the app's name) when omitted.",
  })
  title?: string | null;

  @Field(() => String, { description: "The text shown (the vendor's size limit applies)." })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: "The app's own payload handed to the client with the notification.",
  })
  data?: string | null;
}

@InputType({ description: "Push attributes to set on one user." })
export class UserPushAttributesInput {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => [AttributeInput], { description: "The attributes to set; others keep theirs." })
  attributes!: AttributeInput[];
}

@ObjectType({ simpleResolvers: true, description: "A push the vendor accepted." })
export class PushTask {
  @Field(() => String, {
    nullable: true,
    description: "The vendor's task id (for pushTask); null where the vendor gives none.",
  })
  taskId!: string | null;

  @Field(() => Boolean, {
    description:
      "True when this answers an earlier push with the same idempotencyKey: nothing was pushed again.",
  })
  repeated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What the vendor reports of a push task." })
export class PushTaskStatus {
  @Field(() => String, { description: "The task." })
  taskId!: string;

  @Field(() => PushTaskState, { description: "Where the task is." })
  state!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Users the push was meant for; null where the vendor does not say.",
  })
  targeted!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Devices or users it was handed to; null where the vendor does not say.",
  })
  sent!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Users who opened it; null where the vendor does not say.",
  })
  opened!: number | null;
}
