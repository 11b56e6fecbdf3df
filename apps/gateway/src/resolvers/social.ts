import type * as core from "@imgraph/core";
import { BadUserInputError } from "@imgraph/core";
import { Arg, Args, ID, Mutation, Query, Resolver } from "type-graphql";
import { attributeList, perUser } from "../schema/convert.js";
import type {
  AttributeInput,
  FriendImportInput,
  FriendUpdateInput,
} from "../schema/social-inputs.js";
import {
  FriendImportInput as FriendImportInputType,
  FriendInput,
  FriendUpdateInput as FriendUpdateInputType,
} from "../schema/social-inputs.js";
import {
  BlockedUserConnection,
  BlockStatus,
  type Friend,
  FriendConnection,
  type FriendRelation,
  FriendRelationResult,
  FriendResult,
} from "../schema/social-types.js";
import { ItemOutcome } from "../schema/types.js";
import { PageArgs, pageRequest } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";
import { connection } from "./pages.js";

const OWNER_ARG = {
  description: "Whose list (end users: only their own).",
} as const;

const OTHER_USERS_ARG = { description: "The other users." } as const;

const ONE_WAY_ARG = {
  nullable: true,
  defaultValue: false,
  description:
    "Only the owner's list changes, not the other user's; where the vendor keeps one-way friendships.",
} as const;

/** Attribute pairs → a map; a key given twice is refused rather than silently overwritten. */
export function attributeMap(
  field: string,
  pairs: AttributeInput[] | null | undefined,
): Record<string, string> | undefined {
  if (pairs == null) return undefined;
  const map: Record<string, string> = {};
  for (const { key, value } of pairs) {
    if (Object.hasOwn(map, key)) {
      throw new BadUserInputError(field, `${field}: key "${key}" is given twice.`);
    }
    map[key] = value;
  }
  return map;
}

function toFriendInputs(friends: Array<FriendImportInput | FriendUpdateInput>) {
  return (friends ?? []).map((f, i) => {
    const attrs = attributeMap(`friends[${i}].attributes`, f.attributes);
    return {
      userId: f.userId,
      ...(f.alias != null ? { alias: f.alias } : {}),
      ...(attrs ? { attributes: attrs } : {}),
      ...("addedAt" in f && f.addedAt != null ? { addedAt: f.addedAt } : {}),
    };
  });
}

function toFriend(friend: core.Friend): Friend {
  return {
    userId: friend.userId,
    alias: friend.alias,
    attributes: attributeList(friend.attributes),
    addedAt: friend.addedAt,
  };
}

@Resolver()
export class SocialResolver {
  @Query(() => FriendConnection, { description: "A user's friends, a page at a time." })
  async friends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<FriendConnection> {
    const page = await app.run("listFriends", { userId, ...pageRequest(paging) });
    return connection(page.items.map(toFriend), page);
  }

  @Query(() => [FriendResult], {
    description:
      "Chosen friends of a user, in the order asked; one who is not a friend answers NOT_FOUND.",
  })
  async friendsByIds(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("friendIds", () => [ID], { description: "The friends to fetch." }) friendIds: string[],
    @InApp() app: AppScope,
  ): Promise<FriendResult[]> {
    return perUser(await app.run("getFriends", { userId, friendIds }), "friend", toFriend);
  }

  @Query(() => [FriendRelationResult], {
    description: "How a user stands to each of several users in friend lists, in the order asked.",
  })
  async friendRelations(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("userIds", () => [ID], OTHER_USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<FriendRelationResult[]> {
    const results = await app.run("checkFriends", { userId, userIds });
    return perUser(results, "relation", (relation) => relation as FriendRelation);
  }

  @Query(() => BlockedUserConnection, { description: "A user's blocklist, a page at a time." })
  async blockedUsers(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<BlockedUserConnection> {
    const page = await app.run("listBlockedUsers", { userId, ...pageRequest(paging) });
    return connection(page.items, page);
  }

  @Query(() => [BlockStatus], {
    description: "Whether a user has blocked each of several users, in the order asked.",
  })
  async blockStatus(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("userIds", () => [ID], OTHER_USERS_ARG) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<BlockStatus[]> {
    const results = await app.run("checkBlocked", { userId, userIds });
    return perUser(results, "blocked", (blocked) => blocked);
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Adds friends directly (no request to accept), split by the vendor's per-call limit; one outcome per friend. A mutual friendship unless oneWay.",
  })
  async addFriends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("friends", () => [FriendInput], { description: "The friends to add." })
    friends: FriendInput[],
    @Arg("oneWay", () => Boolean, ONE_WAY_ARG) oneWay: boolean,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("addFriends", { userId, friends: toFriendInputs(friends), oneWay });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Imports friendships with their original times (moving from another system); one outcome per friend. Admin only.",
  })
  async importFriends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("friends", () => [FriendImportInputType], { description: "The friendships." })
    friends: FriendImportInput[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("importFriends", { userId, friends: toFriendInputs(friends) });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Changes friends' aliases and attributes; one outcome per friend.",
  })
  async updateFriends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("friends", () => [FriendUpdateInputType], { description: "The changes." })
    friends: FriendUpdateInput[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("updateFriends", { userId, friends: toFriendInputs(friends) });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Deletes chosen friends, both ways unless oneWay; one outcome per friend.",
  })
  async deleteFriends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("friendIds", () => [ID], { description: "The friends to delete." }) friendIds: string[],
    @Arg("oneWay", () => Boolean, ONE_WAY_ARG) oneWay: boolean,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("deleteFriends", { userId, friendIds, oneWay });
  }

  @Mutation(() => Boolean, {
    description: "Deletes every friend of a user, both ways unless oneWay. Answers true.",
  })
  async deleteAllFriends(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("oneWay", () => Boolean, ONE_WAY_ARG) oneWay: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteAllFriends", { userId, oneWay });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Puts users on a user's blocklist; one outcome per user.",
  })
  async blockUsers(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("userIds", () => [ID], { description: "The users to block." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("blockUsers", { userId, userIds });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Takes users off a user's blocklist; one outcome per user.",
  })
  async unblockUsers(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("userIds", () => [ID], { description: "The users to unblock." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unblockUsers", { userId, userIds });
  }
}
