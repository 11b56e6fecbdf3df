import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { runOn } from "../operations.js";
import { Reaction } from "../schema/lifecycle-types.js";
import { Message } from "../schema/message-types.js";

/** What a message read from history carries beyond its own fields: its reactions. */
@Resolver(() => Message)
export class MessageStateResolver {
  @FieldResolver(() => [Reaction], {
    nullable: true,
    description:
      "The message's reactions, read from the vendor when asked (one read per message); null where the vendor keeps no reactions on the server or the app has them off.",
  })
  async reactions(
    @Root() message: Message,
    @Ctx() ctx: GatewayContext,
  ): Promise<Reaction[] | null> {
    if (!message.appId || message.recalled) return null;
    const adapter = ctx.apps.get(message.appId);
    const support = adapter.operations.find((o) => o.name === "listReactions");
    if (!support?.supported) return null;
    return runOn(ctx, adapter, "listReactions", { messageId: message.id });
  }
}
