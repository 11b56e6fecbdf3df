import { Arg, Args, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { MessageContentInput } from "../schema/inputs.js";
import { BroadcastResult } from "../schema/message-types.js";
import { ItemOutcome, RoomCredential, RoomUserConnection } from "../schema/types.js";
import { defined, PageArgs, pageRequest, toContent } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";
import { connection } from "./pages.js";

/** What a room is on each vendor: the schema says so, since it differs. */
const WHICH_ROOM =
  "A room is a RongCloud chatroom or a Tencent live group (AVChatRoom), which the liveRoom fields manage in more depth, or a ZEGO RTC (Video Call) room.";

@Resolver()
export class RoomResolver {
  @Query(() => RoomUserConnection, {
    description: `Users currently in a room. ${WHICH_ROOM} Any authenticated caller.`,
  })
  async roomUsers(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<RoomUserConnection> {
    const page = await app.run("listRoomUsers", { roomId, ...pageRequest(paging) });
    return connection(page.items, page);
  }

  @Mutation(() => RoomCredential, {
    description: "Issues a credential to enter an RTC room. End users may get only their own.",
  })
  async issueRoomCredential(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("userId", () => ID, { description: "The user." }) userId: string,
    @Arg("ttlSeconds", () => Int, {
      nullable: true,
      description:
        "Requested lifetime in seconds, within the vendor's bounds; outside them it is refused with BAD_USER_INPUT.",
    })
    ttlSeconds: number | null,
    @Arg("canPublish", () => Boolean, {
      nullable: true,
      description: "May the user publish audio/video (default true).",
    })
    canPublish: boolean | null,
    @InApp() app: AppScope,
  ): Promise<RoomCredential> {
    return app.run("issueRoomCredential", {
      roomId,
      userId,
      canPublish: canPublish ?? true,
      ...defined({ ttlSeconds }),
    });
  }

  @Mutation(() => [ItemOutcome], {
    description: `Removes users from a room. ${WHICH_ROOM} Admin only.`,
  })
  async kickRoomUsers(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("userIds", () => [ID], { description: "The users to remove." }) userIds: string[],
    @Arg("reason", () => String, {
      nullable: true,
      description: "Shown to the removed users, where supported.",
    })
    reason: string | null,
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("kickRoomUsers", { roomId, userIds, ...defined({ reason }) });
  }

  @Mutation(() => BroadcastResult, {
    description: `Sends a message to everyone in a room. ${WHICH_ROOM} The room's owner (as themselves, where the vendor keeps one: Tencent) and admins: server sends skip the room's mutes and bans, so end users send from their client SDK.`,
  })
  async sendRoomMessage(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("from", () => ID, { description: "The sender." }) from: string,
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @InApp() app: AppScope,
  ): Promise<BroadcastResult> {
    return app.run("sendRoomMessage", { roomId, from, content: toContent(body) });
  }
}
