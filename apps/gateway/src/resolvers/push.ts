import type {
  OperationInput,
  PushBase,
  PushTask as PushTaskValue,
  PushToAllInput,
} from "@imgraph/core";
import { Arg, Args, ArgsType, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { idempotent } from "../idempotency.js";
import { attributeList, perUser } from "../schema/convert.js";
import {
  PushNotificationInput,
  PushTask,
  PushTaskStatus,
  UserPushAttributesInput,
} from "../schema/push-types.js";
import { AttributeInput } from "../schema/social-inputs.js";
import { ItemOutcome } from "../schema/types.js";
import { UserAttributesResult } from "../schema/user-depth-types.js";
import { type AppScope, InApp } from "./in-app.js";
import { attributeMap } from "./social.js";

// Push notifications from the app's server (admins): to everyone, to a segment by tags or
// push attributes, to listed users; the vendor's report of a task. The vendors cap pushes
// hard: a push over a cap is refused (RATE_LIMITED, retryAfter) before the vendor call.

/** The arguments every push takes. */
@ArgsType()
class PushArgs {
  @Field(() => PushNotificationInput, { description: "What the notification shows." })
  notification!: PushNotificationInput;

  @Field(() => ID, {
    nullable: true,
    description: "The sender shown where the vendor shows one; the app's admin when omitted.",
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Your key for this push (1–64 of letters, digits, _ - : .): repeating a push with the same key within 24 hours answers the first push's task (repeated: true) instead of pushing again; the same key with a different push is refused.",
  })
  idempotencyKey?: string | null;
}

@ArgsType()
class PushToTagsArgs extends PushArgs {
  @Field(() => [String], {
    nullable: true,
    description: "Users holding all of these push tags (give this or anyOf).",
  })
  allOf?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Users holding any of these push tags (give this or allOf).",
  })
  anyOf?: string[] | null;
}

/** The neutral fields of a push from its arguments (absent values left out). */
function base(args: PushArgs): PushBase {
  const n = args.notification;
  return {
    notification: {
      body: n?.body,
      ...(n?.title != null ? { title: n.title } : {}),
      ...(n?.data != null ? { data: n.data } : {}),
    },
    ...(args.from != null ? { from: args.from } : {}),
    ...(args.idempotencyKey != null ? { idempotencyKey: args.idempotencyKey } : {}),
  };
}

type PushOperation = "pushToAll" | "pushToTags" | "pushToAttributes" | "pushToUsers";

async function push<N extends PushOperation>(
  app: AppScope,
  name: N,
  input: OperationInput<N>,
): Promise<PushTask> {
  const { output, repeated } = await idempotent(app.ctx, app.name, name, input);
  return { taskId: (output as PushTaskValue).taskId, repeated };
}

@Resolver()
export class PushResolver {
  @Mutation(() => PushTask, {
    description: "Pushes a notification to every user of the app (admins).",
  })
  async pushToAll(@Args(() => PushArgs) args: PushArgs, @InApp() app: AppScope) {
    return push(app, "pushToAll", base(args) as PushToAllInput);
  }

  @Mutation(() => PushTask, {
    description:
      "Pushes a notification to the users holding all (allOf) or any (anyOf) of some push tags (admins; see setUserTags).",
  })
  async pushToTags(@Args(() => PushToTagsArgs) args: PushToTagsArgs, @InApp() app: AppScope) {
    return push(app, "pushToTags", {
      ...base(args),
      ...(args.allOf != null ? { allOf: args.allOf } : {}),
      ...(args.anyOf != null ? { anyOf: args.anyOf } : {}),
    });
  }

  @Mutation(() => PushTask, {
    description:
      "Pushes a notification to the users whose push attributes hold every given value (admins; see setPushAttributes).",
  })
  async pushToAttributes(
    @Arg("attributes", () => [AttributeInput], { description: "The values a user must hold." })
    attributes: AttributeInput[],
    @Args(() => PushArgs) args: PushArgs,
    @InApp() app: AppScope,
  ) {
    const map = attributeMap("attributes", attributes) ?? {};
    return push(app, "pushToAttributes", { ...base(args), attributes: map });
  }

  @Mutation(() => PushTask, {
    description:
      "Pushes a notification to listed users (admins; the vendor's cap per push applies).",
  })
  async pushToUsers(
    @Arg("userIds", () => [ID], { description: "The users." }) userIds: string[],
    @Args(() => PushArgs) args: PushArgs,
    @InApp() app: AppScope,
  ) {
    return push(app, "pushToUsers", { ...base(args), userIds });
  }

  @Query(() => PushTaskStatus, {
    description: "What the vendor reports of a push task: its state and counts (admins).",
  })
  async pushTask(
    @Arg("taskId", () => String, { description: "A push's taskId." }) taskId: string,
    @InApp() app: AppScope,
  ): Promise<PushTaskStatus> {
    return app.run("getPushTask", { taskId });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Sets push attributes of users (admins): the segments pushToAttributes targets; attributes not named keep their values. One outcome per user.",
  })
  async setPushAttributes(
    @Arg("users", () => [UserPushAttributesInput], { description: "The users and attributes." })
    users: UserPushAttributesInput[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("setPushAttributes", {
      users: (users ?? []).map((u, i) => ({
        userId: u.userId,
        attributes: attributeMap(`users[${i}].attributes`, u.attributes) ?? {},
      })),
    });
  }

  @Query(() => [UserAttributesResult], {
    description: "Users' push attributes, in the order asked (admins); a user with none has [].",
  })
  async pushAttributes(
    @Arg("userIds", () => [ID], { description: "The users, answered in this order." })
    userIds: string[],
    @InApp() app: AppScope,
  ): Promise<UserAttributesResult[]> {
    const results = await app.run("getPushAttributes", userIds);
    return perUser(results, "attributes", attributeList);
  }
}
