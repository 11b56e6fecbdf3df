import { Arg, Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { attributeList, perUser } from "../schema/convert.js";
import { ItemOutcome } from "../schema/types.js";
import {
  AccountExistence,
  MuteScope,
  UserAttributesResult,
  UserMutesResult,
  UserTagsResult,
} from "../schema/user-depth-types.js";
import { defined } from "./args.js";
import { RemoveKeysArgs, SetAttributesArgs } from "./attributes.js";
import { type AppScope, InApp } from "./in-app.js";
import { attributeMap } from "./social.js";

const USERS_ARG = { description: "The users, answered in this order." } as const;
const TAGS_ARG = { description: "The push tags (the vendor's length and character rules apply)." };
const SCOPES_ARG = { description: "Where the users may not send." } as const;

// The argument classes below declare their fields in the order the committed schema lists
// them: type-graphql lists a field's own arguments last to first.

/** Users and push tags, the arguments of the tag writes. */
@ArgsType()
class UserTagsArgs {
  @Field(() => [String], TAGS_ARG)
  tags!: string[];

  @Field(() => [ID], USERS_ARG)
  userIds!: string[];
}

/** Users and where they may not send, the arguments of app-wide mutes. */
@ArgsType()
class UserMuteArgs {
  @Field(() => [MuteScope], SCOPES_ARG)
  scopes!: MuteScope[];

  @Field(() => [ID], USERS_ARG)
  userIds!: string[];
}

/**
 * What an app keeps about a user beyond the profile (custom attributes, push tags),
 * account checks, login invalidation and app-wide mutes.
 */
@Resolver()
export class UserDepthResolver {
  @Query(() => [UserAttributesResult], {
    description: "Users' custom attributes, in the order asked; a user with none has [].",
  })
  async userAttributes(
    @Arg("userIds", () => [ID], USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<UserAttributesResult[]> {
    const results = await app.run("getUserAttributes", userIds);
    return perUser(results, "attributes", attributeList);
  }

  @Mutation(() => Boolean, {
    description:
      "Sets some of a user's custom attributes; keys not named keep their values. End users: their own. Answers true.",
  })
  async setUserAttributes(
    @Arg("userId", () => ID, { description: "The user." }) userId: string,
    @Args(() => SetAttributesArgs) { attributes }: SetAttributesArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const map = attributeMap("attributes", attributes) ?? {};
    return app.done("setUserAttributes", { userId, attributes: map });
  }

  @Mutation(() => Boolean, {
    description: "Removes some of a user's custom attributes. End users: their own. Answers true.",
  })
  async removeUserAttributes(
    @Arg("userId", () => ID, { description: "The user." }) userId: string,
    @Args(() => RemoveKeysArgs) { keys }: RemoveKeysArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("removeUserAttributes", { userId, keys });
  }

  @Query(() => [UserTagsResult], {
    description: "Users' push tags, in the order asked. Admin only.",
  })
  async userTags(
    @Arg("userIds", () => [ID], USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<UserTagsResult[]> {
    return perUser(await app.run("getUserTags", userIds), "tags", (tags) => tags);
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Gives each user these push tags (tags they have stay); one outcome per user. Admin only.",
  })
  async addUserTags(
    @Args(() => UserTagsArgs) { userIds, tags }: UserTagsArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("addUserTags", { userIds, tags });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Takes these push tags from each user; one outcome per user. Admin only.",
  })
  async removeUserTags(
    @Args(() => UserTagsArgs) { userIds, tags }: UserTagsArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("removeUserTags", { userIds, tags });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Replaces each user's push tags with exactly these ([] clears them); one outcome per user. Admin only.",
  })
  async setUserTags(
    @Args(() => UserTagsArgs) { userIds, tags }: UserTagsArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("setUserTags", { userIds, tags });
  }

  @Query(() => [AccountExistence], {
    description: "Whether each account exists at the vendor, in the order asked.",
  })
  async accountsExist(
    @Arg("userIds", () => [ID], USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<AccountExistence[]> {
    return perUser(await app.run("checkAccounts", userIds), "exists", (exists) => exists);
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Logs users out everywhere: chat credentials issued before this call stop working (Tencent also drops live connections; RongCloud refuses the next connect). One outcome per user. Admin only.",
  })
  async invalidateLogins(
    @Arg("userIds", () => [ID], USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("invalidateLogins", userIds);
  }

  @Query(() => [UserMutesResult], {
    description: "The scopes each user is muted in app-wide, and until when. Admin only.",
  })
  async userMutes(
    @Arg("userIds", () => [ID], USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<UserMutesResult[]> {
    const results = await app.run("getUserMutes", userIds);
    return perUser(results, "mutes", (mutes) =>
      mutes.map((m) => ({ scope: m.scope as MuteScope, until: m.until })),
    );
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Stops users sending one-to-one and/or in all groups, for a time or until lifted; one outcome per user. Admin only.",
  })
  async muteUsers(
    @Args(() => UserMuteArgs) { userIds, scopes }: UserMuteArgs,
    @Arg("durationSeconds", () => Int, {
      nullable: true,
      description:
        "How long, in seconds; omitted means until lifted. RongCloud's one-to-one mute takes no duration.",
    })
    durationSeconds: number | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("muteUsers", { userIds, scopes, ...defined({ durationSeconds }) });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Lifts app-wide mutes in the given scopes; one outcome per user. Admin only.",
  })
  async unmuteUsers(
    @Args(() => UserMuteArgs) { userIds, scopes }: UserMuteArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unmuteUsers", { userIds, scopes });
  }
}
