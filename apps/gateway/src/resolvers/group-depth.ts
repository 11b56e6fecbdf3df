import type * as core from "@imgraph/core";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { run } from "../operations.js";
import { Attribute } from "../schema/attribute-fields.js";
import { attributeList, itemError } from "../schema/convert.js";
import {
  CounterChangeInput,
  GroupCounter,
  GroupProfileInput,
  ImportGroupInput,
  MemberRole,
} from "../schema/group-depth-types.js";
import { AttributeInput } from "../schema/social-inputs.js";
import { Group, GroupRole } from "../schema/types.js";
import { actor } from "./actor.js";
import { defined } from "./args.js";
import { RemoveKeysArgs, SetAttributesArgs } from "./attributes.js";
import { type AppScope, InApp } from "./in-app.js";
import { attributeMap } from "./social.js";

const GROUP_ARG = { description: "The group." } as const;
const KEYS_ARG = { nullable: true, description: "Only these keys; all when omitted." } as const;

/**
 * A group described: its profile, custom attributes and counters, member profiles and roles,
 * mute-all, and import with original times. Owners and admins manage; members read.
 */
@Resolver(() => Group)
export class GroupDepthResolver {
  @FieldResolver(() => [Attribute], {
    nullable: true,
    description:
      "The group's custom attributes (one vendor read when asked); null where the vendor keeps none.",
  })
  async attributes(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<Attribute[] | null> {
    const adapter = ctx.apps.get(group.appId);
    if (!adapter.capabilities.has("GROUP_ATTRIBUTES")) return null;
    return attributeList(await run(ctx, group.appId, "getGroupAttributes", { groupId: group.id }));
  }

  @Query(() => [Attribute], {
    description: "A group's custom attributes (all, or the keys asked). Members and admins.",
  })
  async groupAttributes(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("keys", () => [String], KEYS_ARG) keys: string[] | null,
    @InApp() app: AppScope,
  ): Promise<Attribute[]> {
    return attributeList(await app.run("getGroupAttributes", { groupId, ...defined({ keys }) }));
  }

  @Query(() => [MemberRole], {
    description: "Each user's role in a group, in the order asked (NOT_FOUND: not a member).",
  })
  async groupMemberRoles(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("userIds", () => [ID], { description: "The users." }) userIds: string[],
    @InApp() app: AppScope,
  ): Promise<MemberRole[]> {
    const results = await app.run("getGroupMemberRoles", { groupId, userIds });
    return results.map((r) =>
      r.ok
        ? { userId: r.key, role: r.value as GroupRole, error: null }
        : { userId: r.key, role: null, error: itemError(r.error) },
    );
  }

  @Query(() => [GroupCounter], { description: "A group's counters (all, or the keys asked)." })
  async groupCounters(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("keys", () => [String], KEYS_ARG) keys: string[] | null,
    @InApp() app: AppScope,
  ): Promise<GroupCounter[]> {
    return app.run("getGroupCounters", { groupId, ...defined({ keys }) });
  }

  @Mutation(() => Boolean, {
    description:
      "Changes a group's profile (the fields the vendor keeps; others answer UNSUPPORTED_BY_VENDOR). Owner and admins. Answers true.",
  })
  async updateGroupProfile(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("profile", () => GroupProfileInput, { description: "The fields to change." })
    profile: GroupProfileInput,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const fields = defined({ ...profile }) as core.GroupProfileFields;
    return app.done("updateGroupProfile", { groupId, ...fields, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description:
      "Sets custom group attributes (added or replaced; other keys stay). Owner and admins. Answers true.",
  })
  async setGroupAttributes(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Args(() => SetAttributesArgs) { attributes }: SetAttributesArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const map = attributeMap("attributes", attributes) ?? {};
    return app.done("setGroupAttributes", { groupId, attributes: map, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description: "Removes custom group attributes by key. Owner and admins. Answers true.",
  })
  async removeGroupAttributes(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Args(() => RemoveKeysArgs) { keys }: RemoveKeysArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("removeGroupAttributes", { groupId, keys, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description: "Removes every custom attribute of a group. Owner and admins. Answers true.",
  })
  async clearGroupAttributes(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("clearGroupAttributes", { groupId, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description:
      "Sets a member's name card and custom member fields in a group. End users: their own. Answers true.",
  })
  async setGroupMemberProfile(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("userId", () => ID, { description: "The member." }) userId: string,
    @Arg("nameCard", () => String, { nullable: true, description: "Their name in the group." })
    nameCard: string | null,
    @Arg("fields", () => [AttributeInput], {
      nullable: true,
      description: "Custom member fields to set.",
    })
    fields: AttributeInput[] | null,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const map = attributeMap("fields", fields);
    return app.done("setGroupMemberProfile", {
      groupId,
      userId,
      ...defined({ nameCard }),
      ...(map ? { fields: map } : {}),
    });
  }

  @Mutation(() => Boolean, {
    description:
      "Makes a member an admin of a group, or a plain member again (ADMIN or MEMBER). Owner only. Answers true.",
  })
  async setGroupMemberRole(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("userId", () => ID, { description: "The member." }) userId: string,
    @Arg("role", () => GroupRole, { description: "ADMIN or MEMBER." }) role: GroupRole,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("setGroupMemberRole", {
      groupId,
      userId,
      role: role as "ADMIN" | "MEMBER",
      ...actor(app.ctx),
    });
  }

  @Mutation(() => Boolean, {
    description:
      "Mutes or unmutes a whole group (while muted, only the owner and admins send from their clients; on RongCloud and ZEGO a server send, such as sendMessage, is not held back). Owner and admins. Answers true.",
  })
  async muteGroup(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("muted", () => Boolean, { description: "True mutes, false unmutes." }) muted: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("muteGroup", { groupId, muted, ...actor(app.ctx) });
  }

  @Mutation(() => [GroupCounter], {
    description:
      "Sets, increases or decreases group counters atomically; answers their new values. Owner and admins.",
  })
  async changeGroupCounters(
    @Arg("groupId", () => ID, GROUP_ARG) groupId: string,
    @Arg("changes", () => [CounterChangeInput], { description: "The changes." })
    changes: CounterChangeInput[],
    @InApp() app: AppScope,
  ): Promise<GroupCounter[]> {
    return app.run("changeGroupCounters", { groupId, changes });
  }

  @Mutation(() => Group, {
    description:
      "Creates a group as another system held it (original creation and join times, admins). Admin only.",
  })
  async importGroup(
    @Arg("input", () => ImportGroupInput, { description: "The group." }) input: ImportGroupInput,
    @InApp() app: AppScope,
  ): Promise<Group> {
    const members = (input?.members ?? []).map((m) => ({
      userId: m.userId,
      ...defined({ joinedAt: m.joinedAt }),
      ...(m.role ? { role: m.role as "ADMIN" | "MEMBER" } : {}),
    }));
    const group = await app.run("importGroup", { ...input, members });
    return { ...group, appId: app.adapter.info.id };
  }
}
