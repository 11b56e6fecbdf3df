import { Arg, Args, ArgsType, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { ItemOutcome } from "../schema/types.js";
import { FriendGroup } from "../schema/user-depth-types.js";
import { defined } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";

const OWNER_ARG = { description: "Whose friends (end users: only their own)." } as const;
const FRIENDS_ARG = { description: "The friends, answered in this order." } as const;

/**
 * A user's friend group and friends of theirs, that are put into it or taken out. (Friends
 * first: the committed schema lists them so, since type-graphql lists a field's own arguments
 * last to first.)
 */
@ArgsType()
class FriendGroupEntriesArgs {
  @Field(() => [ID], FRIENDS_ARG)
  friendIds!: string[];

  @Field(() => String, { description: "The friend group's name." })
  group!: string;

  @Field(() => ID, OWNER_ARG)
  userId!: string;
}

/** Named groups of a user's friends (Tencent's friend lists). */
@Resolver()
export class FriendGroupResolver {
  @Query(() => [FriendGroup], { description: "A user's friend groups with the friends in each." })
  async friendGroups(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @InApp() app: AppScope,
  ): Promise<FriendGroup[]> {
    return app.run("listFriendGroups", { userId });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Creates friend groups, optionally putting friends into every new group; one outcome per friend (none when no friends are given). A user who is not a friend answers NOT_FOUND.",
  })
  async createFriendGroups(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("names", () => [String], { description: "The new groups' names." }) names: string[],
    @Arg("friendIds", () => [ID], { nullable: true, ...FRIENDS_ARG }) friendIds: string[] | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("createFriendGroups", { userId, names, ...defined({ friendIds }) });
  }

  @Mutation(() => Boolean, {
    description: "Deletes friend groups; the friends stay friends. Answers true.",
  })
  async deleteFriendGroups(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("names", () => [String], { description: "The groups to delete." }) names: string[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteFriendGroups", { userId, names });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Puts friends into an existing friend group (NOT_FOUND when there is no such group); one outcome per friend.",
  })
  async addToFriendGroup(
    @Args(() => FriendGroupEntriesArgs) { userId, group, friendIds }: FriendGroupEntriesArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("addToFriendGroup", { userId, group, friendIds });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Takes friends out of a friend group (they stay friends); one outcome per friend.",
  })
  async removeFromFriendGroup(
    @Args(() => FriendGroupEntriesArgs) { userId, group, friendIds }: FriendGroupEntriesArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("removeFromFriendGroup", { userId, group, friendIds });
  }
}
