import { Field, ID, Int } from "type-graphql";
import { EventObjectType, ImEventBase } from "./event-base.js";

@EventObjectType(
  "How far one of your long operations has got: sent after each vendor call of a batch of several (e.g. registering thousands of users). Send the request with your own X-Request-ID to recognise it; only you (and admins) receive it.",
)
export class OperationProgressEvent extends ImEventBase {
  @Field(() => ID, { description: "The request the operation runs in (its X-Request-ID)." })
  requestId!: string;

  @Field(() => String, { description: "The operation (registerUsers, importMessages, ...)." })
  operation!: string;

  @Field(() => Int, { description: "Items done so far (succeeded or failed)." })
  done!: number;

  @Field(() => Int, { description: "Items in all." })
  total!: number;
}
