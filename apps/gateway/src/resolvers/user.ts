import type * as core from "@imgraph/core";
import { checkCount, isNotFound } from "@imgraph/core";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { perUser } from "../schema/convert.js";
import { UpdateUserInput, UserInput } from "../schema/inputs.js";
import {
  ChatCredential,
  ItemOutcome,
  Presence,
  PresenceStatus,
  RegisterUserResult,
  User,
  type Vendor,
} from "../schema/types.js";
import { defined } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";

/** Ids one query may ask for. */
const MAX_IDS = 1000;

/** A literal rather than a spread: lists of users are built here, and the spread was slow. */
export function toUser(user: core.User, appId: string): User {
  return { id: user.id, name: user.name, avatarUrl: user.avatarUrl, extra: user.extra, appId };
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, {
    nullable: true,
    description: "One user's profile; null when the user does not exist.",
  })
  async user(
    @Arg("id", () => ID, { description: "The user id." }) id: string,
    @InApp() app: AppScope,
  ): Promise<User | null> {
    const adapter = await app.allow("getUsers", [id]);
    try {
      return toUser(await app.ctx.loaders.users(adapter).load(id), adapter.info.id);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  @Query(() => [User], {
    nullable: "items",
    description:
      "Many users' profiles, in the order asked, batched into the fewest vendor calls. A user that does not exist is null with a NOT_FOUND error at its index.",
  })
  async users(
    @Arg("ids", () => [ID], { description: "The user ids (at most 1000)." }) ids: string[],
    @InApp() app: AppScope,
  ): Promise<Array<User | Error>> {
    const adapter = await app.allow("getUsers", ids);
    checkCount("ids", ids, { max: MAX_IDS });
    const loaded = await app.ctx.loaders.users(adapter).loadMany(ids);
    // An Error in the list becomes null + an error at that index: partial data.
    return loaded.map((u) => (u instanceof Error ? u : toUser(u, adapter.info.id)));
  }

  @Query(() => [Presence], {
    nullable: "items",
    description:
      "Online state of users, in the order asked; null with an error at the index of a user the vendor cannot answer for.",
  })
  async presence(
    @Arg("userIds", () => [ID], { description: "The users (at most 1000)." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<Array<Presence | Error>> {
    const adapter = await app.allow("getPresence", userIds);
    checkCount("userIds", userIds, { max: MAX_IDS });
    const loaded = await app.ctx.loaders.presence(adapter).loadMany(userIds);
    return loaded.map((p) =>
      p instanceof Error ? p : { userId: p.userId, status: p.status as PresenceStatus },
    );
  }

  @FieldResolver(() => PresenceStatus, {
    name: "presence",
    nullable: true,
    description: "Online state; null where the vendor cannot tell.",
  })
  async presenceStatus(
    @Root() user: User,
    @Ctx() ctx: GatewayContext,
  ): Promise<PresenceStatus | null> {
    const adapter = ctx.apps.get(user.appId);
    if (!adapter.capabilities.has("USER_PRESENCE")) return null;
    const p = await ctx.loaders.presence(adapter).load(user.id);
    return p.status as PresenceStatus;
  }

  @Mutation(() => [RegisterUserResult], {
    description:
      "Registers (imports) users, batched by the vendor's limits; one result per user. Admin only.",
  })
  async registerUsers(
    @Arg("users", () => [UserInput], { description: "The users to register." }) users: UserInput[],
    @InApp() app: AppScope,
  ): Promise<RegisterUserResult[]> {
    const results = await app.run("registerUsers", users as core.UserInput[]);
    const appId = app.adapter.info.id;
    return perUser(results, "user", (user) => toUser(user, appId));
  }

  @Mutation(() => User, {
    description: "Updates a profile; omitted fields stay. End users may update only themselves.",
  })
  async updateUser(
    @Arg("input", () => UpdateUserInput, { description: "The changes." }) input: UpdateUserInput,
    @InApp() app: AppScope,
  ): Promise<User> {
    await app.run("updateUser", input as core.UserUpdate);
    const [fresh] = await app.run("getUsers", [input.id]);
    if (!fresh?.ok) throw fresh?.error ?? new Error("update lost");
    return toUser(fresh.value, app.adapter.info.id);
  }

  @Mutation(() => [ItemOutcome], { description: "Deletes users where the vendor can. Admin only." })
  async deleteUsers(
    @Arg("userIds", () => [ID], { description: "The users to delete." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("deleteUsers", userIds);
  }

  @Mutation(() => [ItemOutcome], {
    description: "Bans users app-wide (they cannot send) for a duration. Admin only.",
  })
  async banUsers(
    @Arg("userIds", () => [ID], { description: "The users to ban." }) userIds: string[],
    @Arg("durationSeconds", () => Int, {
      nullable: true,
      description: "How long; omitted means as long as the vendor allows.",
    })
    durationSeconds: number | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("banUsers", { userIds, ...defined({ durationSeconds }) });
  }

  @Mutation(() => [ItemOutcome], { description: "Lifts app-wide bans. Admin only." })
  async unbanUsers(
    @Arg("userIds", () => [ID], { description: "The users to unban." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unbanUsers", userIds);
  }

  @Mutation(() => ChatCredential, {
    description:
      "Issues what a client SDK needs to log in as a user. End users may get only their own.",
  })
  async issueChatCredential(
    @Arg("userId", () => ID, { description: "The user." }) userId: string,
    @Arg("ttlSeconds", () => Int, {
      nullable: true,
      description:
        "Requested lifetime in seconds, within the vendor's bounds (Tencent: up to 10 years; ZEGO: 60 s to 24 days); outside them, or on RongCloud, whose tokens take no per-token lifetime, it is refused with BAD_USER_INPUT.",
    })
    ttlSeconds: number | null,
    @InApp() app: AppScope,
  ): Promise<ChatCredential> {
    const c = await app.run("issueChatCredential", { userId, ...defined({ ttlSeconds }) });
    return { ...c, vendor: c.vendor as Vendor };
  }
}
