import type * as core from "@imgraph/core";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { callOptions, type GatewayContext } from "../context.js";
import { run } from "../operations.js";
import { attributeList, perUser } from "../schema/convert.js";
import { CreateGroupInput } from "../schema/inputs.js";
import {
  Group,
  GroupConnection,
  GroupMemberConnection,
  type GroupRole,
  ItemOutcome,
  Membership,
  MutedMember,
  User,
} from "../schema/types.js";
import { actor } from "./actor.js";
import { defined, PageArgs, pageRequest } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";
import { connection, relayConnection } from "./pages.js";
import { toUser } from "./user.js";

function toGroup(group: core.Group, appId: string): Group {
  return { ...group, appId };
}

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, {
    nullable: true,
    description:
      "One group; null when it does not exist. End users may read only groups they belong to (FORBIDDEN otherwise, a group that does not exist included: they cannot probe which groups exist).",
  })
  async group(
    @Arg("id", () => ID, { description: "The group id." }) id: string,
    @InApp() app: AppScope,
  ): Promise<Group | null> {
    // Authorized before the read, so callers cannot probe which groups exist.
    const group = await app.run("getGroup", id);
    return group ? toGroup(group, app.adapter.info.id) : null;
  }

  @Query(() => GroupConnection, {
    description:
      "Groups of a user (when userId is given; end users: only their own) or of the whole app (admin only, where the vendor can list them).",
  })
  async groups(
    @Arg("userId", () => ID, {
      nullable: true,
      description: "Whose groups; omitted = all groups of the app.",
    })
    userId: string | null,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<GroupConnection> {
    const request = pageRequest(paging);
    const page =
      userId != null
        ? await app.run("listUserGroups", { userId, ...request })
        : await app.run("listAppGroups", request);
    const appId = app.adapter.info.id;
    const nodes = page.items.map((g) => toGroup(g, appId));
    return connection(nodes, page);
  }

  @Query(() => [Membership], {
    description:
      "Whether each user belongs to a group, in the order asked, answered by one vendor call (at most 500 users). Members and admins.",
  })
  async groupMembership(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users to check (1-500)." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<Membership[]> {
    const answers = await app.run("checkGroupMembers", { groupId, userIds });
    return perUser(answers, "isMember", (isMember) => isMember);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "The owner's profile; null where there is no owner.",
  })
  async owner(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<User | null> {
    if (!group.ownerId) return null;
    const adapter = ctx.apps.get(group.appId);
    return toUser(await ctx.loaders.users(adapter).load(group.ownerId), adapter.info.id);
  }

  @FieldResolver(() => GroupMemberConnection, { description: "The members, a page at a time." })
  async members(
    @Root() group: Group,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<GroupMemberConnection> {
    const page = await run(ctx, group.appId, "listGroupMembers", {
      groupId: group.id,
      ...pageRequest(paging),
    });
    const nodes = page.items.map(({ fields, ...m }) => ({
      ...m,
      role: m.role as GroupRole,
      fields: fields ? attributeList(fields) : null,
      appId: group.appId,
    }));
    return relayConnection(nodes, page);
  }

  @FieldResolver(() => [MutedMember], {
    description: "Muted members and until when. Needs GROUP_MUTE.",
  })
  async mutedMembers(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<MutedMember[]> {
    return run(ctx, group.appId, "listMutedMembers", group.id);
  }

  @Mutation(() => Group, {
    description: "Creates a group. End users may create only groups they own.",
  })
  async createGroup(
    @Arg("input", () => CreateGroupInput, { description: "The group." }) input: CreateGroupInput,
    @InApp() app: AppScope,
  ): Promise<Group> {
    const created = await app.run("createGroup", {
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      ownerId: input.ownerId,
      memberIds: input.memberIds,
    });
    return toGroup(created, app.adapter.info.id);
  }

  @Mutation(() => Boolean, { description: "Dismisses a group. Owner or admin." })
  async dismissGroup(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("dismissGroup", { groupId, ...actor(app.ctx) });
  }

  @Mutation(() => [ItemOutcome], { description: "Adds members. Owner or admin." })
  async addGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users to add." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("addGroupMembers", { groupId, userIds, ...actor(app.ctx) });
  }

  @Mutation(() => [ItemOutcome], { description: "Removes members. Owner or admin." })
  async removeGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users to remove." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("removeGroupMembers", { groupId, userIds, ...actor(app.ctx) });
  }

  @Mutation(() => Group, { description: "Makes another member the owner. Owner or admin." })
  async transferGroupOwnership(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("newOwnerId", () => ID, { description: "The new owner (a member)." }) newOwnerId: string,
    @InApp() app: AppScope,
  ): Promise<Group> {
    await app.run("transferGroupOwnership", { groupId, newOwnerId, ...actor(app.ctx) });
    // Read back as an admin would: the caller may no longer own (or see) it.
    const adapter = app.adapter;
    const group = await adapter.getGroup(groupId, callOptions(app.ctx));
    if (!group) throw new Error("group vanished after transfer");
    return toGroup(group, adapter.info.id);
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Mutes members in the group for a duration: their clients cannot send there. A server send (sendMessage) is refused for them on Tencent only; RongCloud's and ZEGO's server APIs do not hold it back. Owner or admin.",
  })
  async muteGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The members to mute." }) userIds: string[],
    @Arg("durationSeconds", () => Int, {
      nullable: true,
      description: "How long; omitted means until unmuted, where the vendor supports it.",
    })
    durationSeconds: number | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("muteGroupMembers", {
      groupId,
      userIds,
      ...actor(app.ctx),
      ...defined({ durationSeconds }),
    });
  }

  @Mutation(() => [ItemOutcome], { description: "Unmutes members. Owner or admin." })
  async unmuteGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The members to unmute." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unmuteGroupMembers", { groupId, userIds, ...actor(app.ctx) });
  }
}
