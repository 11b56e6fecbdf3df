import { Arg, Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Attribute } from "../schema/attribute-fields.js";
import { attributeList, perUser } from "../schema/convert.js";
import { MessageContentInput } from "../schema/inputs.js";
import {
  LiveRoom,
  LiveRoomMemberConnection,
  LiveRoomMessagePriority,
  LiveRoomPresence,
  LiveRoomRestriction,
} from "../schema/live-room-types.js";
import { BroadcastResult } from "../schema/message-types.js";
import { AttributeInput } from "../schema/social-inputs.js";
import { ItemOutcome } from "../schema/types.js";
import { actor } from "./actor.js";
import { defined, PageArgs, pageRequest, toContent } from "./args.js";
import { RemoveKeysArgs, SetAttributesArgs } from "./attributes.js";
import { type AppScope, InApp } from "./in-app.js";
import { connection } from "./pages.js";
import { attributeMap } from "./social.js";

const ROOM = { description: "The live room." } as const;
const USERS = { description: "The users." } as const;
const DURATION = {
  description: "How long, in seconds, within the vendor's bounds (refused outside them).",
} as const;
const REASON = { nullable: true, description: "Shown to them, where supported." } as const;

/**
 * A live room and some of the users in it, that its member queries and moderation act on.
 * (Users first: the committed schema lists them so, since type-graphql lists a field's own
 * arguments last to first.)
 */
@ArgsType()
class LiveRoomUsersArgs {
  @Field(() => [ID], USERS)
  userIds!: string[];

  @Field(() => ID, ROOM)
  roomId!: string;
}

/**
 * Live rooms: large, ephemeral chat rooms that clients enter from their SDKs. Anyone in the
 * app reads them; their owner (where the vendor keeps one) and admins moderate them.
 */
@Resolver()
export class LiveRoomResolver {
  @Query(() => LiveRoom, {
    nullable: true,
    description: "A live room with its online member count; null when it does not exist.",
  })
  async liveRoom(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @InApp() app: AppScope,
  ): Promise<LiveRoom | null> {
    return app.run("getLiveRoom", { roomId });
  }

  @Query(() => LiveRoomMemberConnection, {
    description: "Who is in a live room now, paged (as far as the vendor lists them).",
  })
  async liveRoomMembers(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<LiveRoomMemberConnection> {
    const page = await app.run("listLiveRoomMembers", { roomId, ...pageRequest(paging) });
    return connection(page.items, page);
  }

  @Query(() => [LiveRoomPresence], {
    description: "Whether each user is in a live room now, in the order asked.",
  })
  async liveRoomPresence(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @InApp() app: AppScope,
  ): Promise<LiveRoomPresence[]> {
    const answers = await app.run("checkLiveRoomMembers", { roomId, userIds });
    return perUser(answers, "inRoom", (inRoom) => inRoom);
  }

  @Query(() => [LiveRoomRestriction], {
    description: "Who is banned from a live room, and until when. Its owner and admins.",
  })
  async liveRoomBans(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @InApp() app: AppScope,
  ): Promise<LiveRoomRestriction[]> {
    return app.run("listLiveRoomBans", { roomId });
  }

  @Query(() => [LiveRoomRestriction], {
    description: "Who is muted in a live room, and until when. Its owner and admins.",
  })
  async liveRoomMutes(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @InApp() app: AppScope,
  ): Promise<LiveRoomRestriction[]> {
    return app.run("listLiveRoomMutes", { roomId });
  }

  @Query(() => [Attribute], {
    description: "A live room's custom attributes (all, or the keys asked).",
  })
  async liveRoomAttributes(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Arg("keys", () => [String], {
      nullable: true,
      description: "Only these keys; all when omitted.",
    })
    keys: string[] | null,
    @InApp() app: AppScope,
  ): Promise<Attribute[]> {
    return attributeList(await app.run("getLiveRoomAttributes", { roomId, ...defined({ keys }) }));
  }

  @Query(() => [ID], { description: "The users on a live room's whitelist. Its owner and admins." })
  async liveRoomWhitelist(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @InApp() app: AppScope,
  ): Promise<string[]> {
    return app.run("listLiveRoomWhitelist", { roomId });
  }

  @Mutation(() => LiveRoom, {
    description:
      "Creates a live room and answers it as the vendor reports it. Admins, or an end user creating a room they own. A field the vendor does not keep is refused with UNSUPPORTED_BY_VENDOR.",
  })
  async createLiveRoom(
    @Arg("roomId", () => ID, { description: "The new room's id." }) roomId: string,
    @Arg("name", () => String, {
      nullable: true,
      description: "Its name, where the vendor keeps one (RongCloud's chatrooms keep none).",
    })
    name: string | null,
    @Arg("ownerId", () => ID, { nullable: true, description: "Its creator and owner." })
    ownerId: string | null,
    @Arg("idleLifetimeSeconds", () => Int, {
      nullable: true,
      description: "Seconds the vendor keeps it once idle or empty, within the vendor's bounds.",
    })
    idleLifetimeSeconds: number | null,
    @Arg("attributes", () => [AttributeInput], {
      nullable: true,
      description: "Initial custom attributes.",
    })
    attributes: AttributeInput[] | null,
    @Arg("allMuted", () => Boolean, { nullable: true, description: "Create it muted." })
    allMuted: boolean | null,
    @InApp() app: AppScope,
  ): Promise<LiveRoom> {
    const initial = attributeMap("attributes", attributes);
    await app.run("createLiveRoom", {
      roomId,
      ...defined({ name, ownerId, idleLifetimeSeconds, allMuted, attributes: initial }),
    });
    // The room as the vendor keeps it; answered from the input if it is not readable yet.
    const created = await app.run("getLiveRoom", { roomId });
    return (
      created ?? {
        id: roomId,
        name,
        ownerId,
        createdAt: null,
        memberCount: null,
        allMuted,
        idleLifetimeSeconds,
      }
    );
  }

  @Mutation(() => Boolean, {
    description:
      "Destroys a live room: everyone in it is removed. Its owner and admins. Answers true.",
  })
  async destroyLiveRoom(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("destroyLiveRoom", { roomId, ...actor(app.ctx) });
  }

  @Mutation(() => [ItemOutcome], {
    description: "Removes users from a live room now (they may enter again). Its owner and admins.",
  })
  async kickLiveRoomMembers(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @Arg("reason", () => String, REASON) reason: string | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    const input = { roomId, userIds, ...defined({ reason }), ...actor(app.ctx) };
    return app.outcomes("kickLiveRoomMembers", input);
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Removes users from a live room and keeps them out for a while. Its owner and admins.",
  })
  async banLiveRoomMembers(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @Arg("durationSeconds", () => Int, DURATION) durationSeconds: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    const input = { roomId, userIds, durationSeconds, ...defined({ reason }), ...actor(app.ctx) };
    return app.outcomes("banLiveRoomMembers", input);
  }

  @Mutation(() => [ItemOutcome], {
    description: "Lets banned users enter a live room again. Its owner and admins.",
  })
  async unbanLiveRoomMembers(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unbanLiveRoomMembers", { roomId, userIds, ...actor(app.ctx) });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Stops users sending in a live room for a while (they still receive). Its owner and admins.",
  })
  async muteLiveRoomMembers(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @Arg("durationSeconds", () => Int, DURATION) durationSeconds: number,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    const input = { roomId, userIds, durationSeconds, ...actor(app.ctx) };
    return app.outcomes("muteLiveRoomMembers", input);
  }

  @Mutation(() => [ItemOutcome], {
    description: "Lets muted users send in a live room again. Its owner and admins.",
  })
  async unmuteLiveRoomMembers(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("unmuteLiveRoomMembers", { roomId, userIds, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description: "Mutes or unmutes a whole live room. Its owner and admins. Answers true.",
  })
  async muteLiveRoom(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Arg("muted", () => Boolean, { description: "True mutes, false unmutes." }) muted: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("muteLiveRoom", { roomId, muted, ...actor(app.ctx) });
  }

  @Mutation(() => BroadcastResult, {
    description:
      "Sends a message to everyone in a live room. Its owner (as themselves) and admins: server sends skip the room's mutes and bans, so end users send from their client SDK.",
  })
  async sendLiveRoomMessage(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Arg("from", () => ID, { description: "The sender." }) from: string,
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @Arg("priority", () => LiveRoomMessagePriority, {
      nullable: true,
      description: "Delivery priority (NORMAL when omitted); one the vendor lacks is refused.",
    })
    priority: LiveRoomMessagePriority | null,
    @InApp() app: AppScope,
  ): Promise<BroadcastResult> {
    const input = { roomId, from, content: toContent(body), ...defined({ priority }) };
    return app.run("sendLiveRoomMessage", input);
  }

  @Mutation(() => BroadcastResult, {
    description: "Sends one message into every live room of the app. Admin only.",
  })
  async broadcastLiveRoomMessage(
    @Arg("from", () => ID, { description: "The sender." }) from: string,
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @InApp() app: AppScope,
  ): Promise<BroadcastResult> {
    return app.run("broadcastLiveRoomMessage", { from, content: toContent(body) });
  }

  @Mutation(() => Boolean, {
    description:
      "Sets custom live room attributes (added or replaced; other keys stay). Its owner and admins (RongCloud and ZEGO record who changes them: an admin's change as the app's operatorUserId, which must then be set). Answers true.",
  })
  async setLiveRoomAttributes(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Args(() => SetAttributesArgs) { attributes }: SetAttributesArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const map = attributeMap("attributes", attributes) ?? {};
    return app.done("setLiveRoomAttributes", { roomId, attributes: map, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description:
      "Removes custom live room attributes by key. Its owner and admins (an admin's change as the app's operatorUserId on RongCloud and ZEGO, as for setLiveRoomAttributes). Answers true.",
  })
  async removeLiveRoomAttributes(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Args(() => RemoveKeysArgs) { keys }: RemoveKeysArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("removeLiveRoomAttributes", { roomId, keys, ...actor(app.ctx) });
  }

  @Mutation(() => Boolean, {
    description:
      "Exempts a live room from the vendor's destruction of idle rooms (true), or ends that (false). Admin only. Answers true.",
  })
  async keepLiveRoomAlive(
    @Arg("roomId", () => ID, ROOM) roomId: string,
    @Arg("keepAlive", () => Boolean, { description: "True keeps it, false lets it expire." })
    keepAlive: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("keepLiveRoomAlive", { roomId, keepAlive });
  }

  @Mutation(() => Boolean, {
    description:
      "Adds users to (or removes them from) a live room's whitelist: never dropped for inactivity, their messages never discarded under load. Its owner and admins. Answers true.",
  })
  async setLiveRoomWhitelist(
    @Args(() => LiveRoomUsersArgs) { roomId, userIds }: LiveRoomUsersArgs,
    @Arg("whitelisted", () => Boolean, { description: "True adds, false removes." })
    whitelisted: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("setLiveRoomWhitelist", { roomId, userIds, whitelisted });
  }
}
