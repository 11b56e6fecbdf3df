import type * as core from "@imgraph/core";
import type { CallOptions, ImAdapter } from "@imgraph/core";
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
import { policy } from "../auth/policy.js";
import { appFor, callOptions, type GatewayContext } from "../context.js";
import { outcomes } from "../schema/convert.js";
import { CreateGroupInput } from "../schema/inputs.js";
import {
  Group,
  GroupConnection,
  GroupMemberConnection,
  type GroupRole,
  ItemOutcome,
  MutedMember,
  User,
} from "../schema/types.js";
import { APP_ARG, first, PageArgs } from "./args.js";
import { toUser } from "./user.js";

function toGroup(group: core.Group, appId: string): Group {
  return { ...group, appId };
}

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, {
    nullable: true,
    description:
      "One group; null when it does not exist. End users may read only groups they belong to.",
  })
  async group(
    @Arg("id", () => ID, { description: "The group id." }) id: string,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Group | null> {
    const adapter = appFor(ctx, app);
    // Authenticated before the read, so anonymous callers cannot probe which groups exist.
    policy.authenticated(ctx.viewer, adapter.info.id);
    const group = await adapter.getGroup(id, callOptions(ctx));
    if (!group) return null;
    await policy.groupMember(ctx.viewer, adapter, id, callOptions(ctx));
    return toGroup(group, adapter.info.id);
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
    @Args(() => PageArgs) { first: pageSize = null, after = null }: PageArgs,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<GroupConnection> {
    const adapter = appFor(ctx, app);
    const limit = first(pageSize);
    let page: core.Page<core.Group>;
    if (userId != null) {
      policy.self(ctx.viewer, adapter.info.id, userId, "list groups");
      page = await adapter.listUserGroups({ userId, limit, cursor: after }, callOptions(ctx));
    } else {
      policy.admin(ctx.viewer, "list all groups of the app");
      page = await adapter.listAppGroups({ limit, cursor: after }, callOptions(ctx));
    }
    return {
      nodes: page.items.map((g) => toGroup(g, adapter.info.id)),
      pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
    };
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
    @Args(() => PageArgs) { first: pageSize = null, after = null }: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<GroupMemberConnection> {
    const adapter = ctx.apps.get(group.appId);
    const page = await adapter.listGroupMembers(
      { groupId: group.id, limit: first(pageSize), cursor: after },
      callOptions(ctx),
    );
    const nodes = page.items.map((m) => ({ ...m, role: m.role as GroupRole, appId: group.appId }));
    return {
      nodes,
      // Members are paged by the vendor; every edge of a page shares the page's end cursor.
      edges: nodes.map((node) => ({ node, cursor: page.nextCursor ?? "" })),
      pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
    };
  }

  @FieldResolver(() => [MutedMember], {
    description: "Muted members and until when. Needs GROUP_MUTE.",
  })
  async mutedMembers(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<MutedMember[]> {
    return ctx.apps.get(group.appId).listMutedMembers(group.id, callOptions(ctx));
  }

  @Mutation(() => Group, {
    description: "Creates a group. End users may create only groups they own.",
  })
  async createGroup(
    @Arg("input", () => CreateGroupInput, { description: "The group." }) input: CreateGroupInput,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Group> {
    const adapter = appFor(ctx, app);
    policy.self(ctx.viewer, adapter.info.id, input.ownerId, "create groups");
    const created = await adapter.createGroup(
      {
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        ownerId: input.ownerId,
        memberIds: input.memberIds,
      },
      callOptions(ctx),
    );
    return toGroup(created, adapter.info.id);
  }

  @Mutation(() => Boolean, { description: "Dismisses a group. Owner or admin." })
  async dismissGroup(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<boolean> {
    await asOwner(ctx, app, groupId, "dismiss the group", (adapter, by, o) =>
      adapter.dismissGroup({ groupId, ...by }, o),
    );
    return true;
  }

  @Mutation(() => [ItemOutcome], { description: "Adds members. Owner or admin." })
  async addGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users to add." }) userIds: string[],
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ItemOutcome[]> {
    return outcomes(
      await asOwner(ctx, app, groupId, "add members", (adapter, by, o) =>
        adapter.addGroupMembers({ groupId, userIds, ...by }, o),
      ),
    );
  }

  @Mutation(() => [ItemOutcome], { description: "Removes members. Owner or admin." })
  async removeGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users to remove." }) userIds: string[],
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ItemOutcome[]> {
    return outcomes(
      await asOwner(ctx, app, groupId, "remove members", (adapter, by, o) =>
        adapter.removeGroupMembers({ groupId, userIds, ...by }, o),
      ),
    );
  }

  @Mutation(() => Group, { description: "Makes another member the owner. Owner or admin." })
  async transferGroupOwnership(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("newOwnerId", () => ID, { description: "The new owner (a member)." }) newOwnerId: string,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Group> {
    return asOwner(ctx, app, groupId, "transfer ownership", async (adapter, by, o) => {
      await adapter.transferGroupOwnership({ groupId, newOwnerId, ...by }, o);
      const group = await adapter.getGroup(groupId, o);
      if (!group) throw new Error("group vanished after transfer");
      return toGroup(group, adapter.info.id);
    });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Mutes members in the group for a duration. Owner or admin.",
  })
  async muteGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The members to mute." }) userIds: string[],
    @Arg("durationSeconds", () => Int, {
      nullable: true,
      description: "How long; omitted means until unmuted, where the vendor supports it.",
    })
    durationSeconds: number | null,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ItemOutcome[]> {
    const duration = durationSeconds != null ? { durationSeconds } : {};
    return outcomes(
      await asOwner(ctx, app, groupId, "mute members", (adapter, by, o) =>
        adapter.muteGroupMembers({ groupId, userIds, ...by, ...duration }, o),
      ),
    );
  }

  @Mutation(() => [ItemOutcome], { description: "Unmutes members. Owner or admin." })
  async unmuteGroupMembers(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("userIds", () => [ID], { description: "The members to unmute." }) userIds: string[],
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ItemOutcome[]> {
    return outcomes(
      await asOwner(ctx, app, groupId, "unmute members", (adapter, by, o) =>
        adapter.unmuteGroupMembers({ groupId, userIds, ...by }, o),
      ),
    );
  }
}

/** Checks that the caller owns the group (or is an admin), then makes the change. */
async function asOwner<T>(
  ctx: GatewayContext,
  app: string | null,
  groupId: string,
  what: string,
  change: (adapter: ImAdapter, by: { actorId?: string }, options: CallOptions) => Promise<T>,
): Promise<T> {
  const adapter = appFor(ctx, app);
  await policy.groupOwner(ctx.viewer, adapter, groupId, what, callOptions(ctx));
  return change(adapter, actor(ctx), callOptions(ctx));
}

/** The caller's user id, for vendors that record who made a change. */
function actor(ctx: GatewayContext): { actorId?: string } {
  const v = ctx.viewer;
  return v.role !== "ANONYMOUS" && v.userId ? { actorId: v.userId } : {};
}
