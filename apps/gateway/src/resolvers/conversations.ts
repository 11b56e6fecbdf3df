import type * as core from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { GatewayContext } from "../context.js";
import { runOn } from "../operations.js";
import {
  ConversationConnection,
  ConversationRefInput,
  ConversationSummary,
  HistoryLog,
} from "../schema/conversation-types.js";
import { shownConversation } from "../schema/convert.js";
import { MessageContentInput } from "../schema/inputs.js";
import { Message } from "../schema/message-types.js";
import { actor } from "./actor.js";
import { defined, PageArgs, pageRequest, toContent, toConversation } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";
import { toMessage } from "./message.js";
import { connection } from "./pages.js";

const OWNER_ARG = {
  description: "Whose conversation list (end users: their own).",
} as const;
const CONVERSATION_ARG = { description: "The conversation in that user's list." } as const;
const HOUR_ARG = {
  description: "Any time within the hour (the vendor's hour key is derived from it).",
} as const;

function toSummary(s: core.ConversationSummary, appId: string, ownerId: string) {
  return {
    ...s,
    conversation: shownConversation(s.conversation),
    appId,
    ownerId,
  } satisfies ConversationSummary;
}

/**
 * The user and one conversation of their list, that most fields here act on. (Conversation
 * first: the committed schema lists them so, since type-graphql lists a field's own arguments
 * last to first.)
 */
@ArgsType()
class UserConversationArgs {
  @Field(() => ConversationRefInput, CONVERSATION_ARG)
  conversation!: ConversationRefInput;

  @Field(() => ID, OWNER_ARG)
  userId!: string;
}

/** The neutral input of a conversation operation: the user and one of their conversations. */
function ref({ userId, conversation }: UserConversationArgs): core.UserConversationInput {
  return { userId, conversation: toConversation(conversation) };
}

/**
 * A user's conversations as the vendor keeps them on the server (list, unread counts, read
 * state, pinning, do-not-disturb, clearing), message edits and the vendor's message log.
 */
@Resolver(() => ConversationSummary)
export class ConversationResolver {
  @Query(() => ConversationConnection, {
    description:
      "A user's conversation list, a page at a time (Tencent, ZEGO; RongCloud keeps conversations in the client SDK only).",
  })
  async conversations(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<ConversationConnection> {
    const page = await app.run("listConversations", { userId, ...pageRequest(paging) });
    const nodes = page.items.map((s) => toSummary(s, app.adapter.info.id, userId));
    return connection(nodes, page);
  }

  @FieldResolver(() => Message, {
    nullable: true,
    description:
      "The latest message, read from the conversation's history where the vendor keeps it on the server (one history read per conversation asked); null otherwise.",
  })
  async lastMessage(
    @Root() summary: ConversationSummary,
    @Ctx() ctx: GatewayContext,
  ): Promise<Message | null> {
    const adapter = ctx.apps.get(summary.appId);
    if (!adapter.capabilities.has("MESSAGE_HISTORY")) return null;
    const { type, id } = summary.conversation;
    const conversation: core.HistoryConversation =
      type === "GROUP"
        ? { type: "GROUP", groupId: id }
        : { type: "USER", userId: summary.ownerId, peerId: id };
    const page = await runOn(ctx, adapter, "listMessages", { conversation, limit: 1 });
    const latest = page.items[0];
    return latest ? toMessage(latest, adapter.info.id) : null;
  }

  @Query(() => Int, {
    description: "How many messages a user has not read, over all conversations (Tencent).",
  })
  async unreadTotal(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @InApp() app: AppScope,
  ): Promise<number> {
    return app.run("countUnread", { userId });
  }

  @Query(() => Boolean, {
    description:
      "Whether a user's notifications for one conversation are off (RongCloud; Tencent for groups).",
  })
  async conversationDoNotDisturb(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.run("getConversationDoNotDisturb", ref(target));
  }

  @Mutation(() => Boolean, {
    description:
      "Marks a user's conversation read, up to a time or now. End users: their own. Answers true.",
  })
  async markConversationRead(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("upTo", () => DateTimeISOResolver, {
      nullable: true,
      description: "Messages sent up to this time become read; now when omitted.",
    })
    upTo: Date | null,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("markConversationRead", { ...ref(target), ...defined({ upTo }) });
  }

  @Mutation(() => Boolean, {
    description:
      "Sets a user's unread count in a conversation, for moving between vendors (Tencent: groups). Admin only. Answers true.",
  })
  async setConversationUnreadCount(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("count", () => Int, { description: "The unread count (0 or more)." }) count: number,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("setUnreadCount", { ...ref(target), count });
  }

  @Mutation(() => Boolean, {
    description:
      "Removes a conversation from a user's list (the other side keeps it). End users: their own. Answers true.",
  })
  async deleteConversation(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("clearHistory", () => Boolean, {
      defaultValue: false,
      description: "Also delete the user's copy of the conversation's history.",
    })
    clearHistory: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteConversation", { ...ref(target), clearHistory });
  }

  @Mutation(() => Boolean, {
    description:
      "Pins or unpins a conversation in a user's list (RongCloud, ZEGO). End users: their own. Answers true.",
  })
  async pinConversation(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("pinned", () => Boolean, { description: "True pins, false unpins." }) pinned: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("pinConversation", { ...ref(target), pinned });
  }

  @Mutation(() => Boolean, {
    description:
      "Turns a user's notifications for one conversation off (do not disturb) or back on. End users: their own. Answers true.",
  })
  async setConversationDoNotDisturb(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("doNotDisturb", () => Boolean, { description: "True: no notifications." })
    doNotDisturb: boolean,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("setConversationDoNotDisturb", { ...ref(target), doNotDisturb });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes a user's copy of a conversation's history (the other side keeps theirs). End users: their own. Answers true.",
  })
  async clearConversationHistory(
    @Args(() => UserConversationArgs) target: UserConversationArgs,
    @Arg("before", () => DateTimeISOResolver, {
      nullable: true,
      description: "Only messages sent before this time (RongCloud); everything when omitted.",
    })
    before: Date | null,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("clearConversationHistory", {
      ...ref(target),
      ...defined({ before }),
    });
  }

  @Mutation(() => Boolean, {
    description:
      "Replaces a sent message's content, within the vendor's edit window. End users: messages they sent. Answers true.",
  })
  async editMessage(
    @Arg("messageId", () => ID, { description: "The opaque id the send answered." })
    messageId: string,
    @Arg("content", () => MessageContentInput, { description: "The new content." })
    content: MessageContentInput,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("editMessage", { messageId, content: toContent(content), ...actor(app.ctx) });
  }

  @Query(() => HistoryLog, {
    description:
      "Where to download one hour of the app's message log: RongCloud (with its log service on) one file, Tencent one file per kind of conversation, the last 7 days. Admin only.",
  })
  async messageLog(
    @Arg("hour", () => DateTimeISOResolver, HOUR_ARG) hour: Date,
    @InApp() app: AppScope,
  ): Promise<HistoryLog> {
    return app.run("getHistoryLog", { hour });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes one hour's message log file (the messages stay). Admin only. Answers true.",
  })
  async deleteMessageLog(
    @Arg("hour", () => DateTimeISOResolver, HOUR_ARG) hour: Date,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteHistoryLog", { hour });
  }
}
