import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { run } from "../operations.js";
import { outcomes } from "../schema/convert.js";
import { MessageContentInput } from "../schema/inputs.js";
import { BroadcastResult } from "../schema/message-types.js";
import { ItemOutcome, RoomCredential, RoomUserConnection } from "../schema/types.js";
import { APP_ARG, defined, PageArgs, pageRequest, toContent } from "./args.js";
import { connection } from "./pages.js";

@Resolver()
export class RoomResolver {
  @Query(() => RoomUserConnection, {
    description: "Users currently in a room. Any authenticated caller.",
  })
  async roomUsers(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<RoomUserConnection> {
    const page = await run(ctx, app, "listRoomUsers", { roomId, ...pageRequest(paging) });
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
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<RoomCredential> {
    return run(ctx, app, "issueRoomCredential", {
      roomId,
      userId,
      canPublish: canPublish ?? true,
      ...defined({ ttlSeconds }),
    });
  }

  @Mutation(() => [ItemOutcome], { description: "Removes users from a room. Admin only." })
  async kickRoomUsers(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("userIds", () => [ID], { description: "The users to remove." }) userIds: string[],
    @Arg("reason", () => String, {
      nullable: true,
      description: "Shown to the removed users, where supported.",
    })
    reason: string | null,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ItemOutcome[]> {
    return outcomes(
      await run(ctx, app, "kickRoomUsers", { roomId, userIds, ...defined({ reason }) }),
    );
  }

  @Mutation(() => BroadcastResult, {
    description: "Sends a message to everyone in a room. End users send only as themselves.",
  })
  async sendRoomMessage(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("from", () => ID, { description: "The sender." }) from: string,
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @Arg("app", () => ID, APP_ARG) app: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<BroadcastResult> {
    return run(ctx, app, "sendRoomMessage", { roomId, from, content: toContent(body) });
  }
}
