import type * as core from "@imgraph/core";
import { BadUserInputError } from "@imgraph/core";
import { Arg, Args, ID, Mutation, Query, Resolver } from "type-graphql";
import { policy } from "../auth/policy.js";
import { idempotent } from "../idempotency.js";
import { content, itemError, shownConversation } from "../schema/convert.js";
import {
  ConversationInput,
  MessageContentInput,
  SendMessageInput,
  TimeRangeInput,
} from "../schema/inputs.js";
import {
  BroadcastResult,
  type Message,
  MessageConnection,
  SendResult,
} from "../schema/message-types.js";
import { ConversationType } from "../schema/types.js";
import { actor } from "./actor.js";
import { defined, PageArgs, pageRequest, toContent } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";
import { relayConnection } from "./pages.js";
import { storedSendResults } from "./stored-results.js";

/** A neutral message as the schema shows it. */
export function toMessage(m: core.Message, appId?: string): Message {
  return {
    ...m,
    edited: m.edited ?? null,
    ...(appId ? { appId } : {}),
    conversation: shownConversation(m.conversation),
    content: content(m.content) as never,
  };
}

function sendResults(results: core.ItemResult<core.SentMessage>[], repeated = false): SendResult[] {
  return results.map((r) =>
    r.ok
      ? {
          recipientId: r.key,
          messageId: r.value.messageId,
          sentAt: r.value.sentAt,
          error: null,
          repeated,
        }
      : { recipientId: r.key, messageId: null, sentAt: null, error: itemError(r.error), repeated },
  );
}

@Resolver()
export class MessageResolver {
  @Query(() => MessageConnection, {
    description:
      "A conversation's history, newest first. End users may read only their own one-to-one conversations and groups they belong to.",
  })
  async messages(
    @Arg("conversation", () => ConversationInput, { description: "Which conversation." })
    conversation: ConversationInput,
    @Arg("range", () => TimeRangeInput, {
      nullable: true,
      description: "Only messages within this time window.",
    })
    range: TimeRangeInput | null,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<MessageConnection> {
    let history: core.HistoryConversation;
    if (conversation.type === ConversationType.USER) {
      const v = app.ctx.viewer;
      const userId = conversation.userId ?? (v.role !== "ANONYMOUS" ? v.userId : null);
      if (!userId) {
        policy.authenticated(v, app.adapter.info.id);
        throw new BadUserInputError(
          "conversation.userId",
          "conversation.userId is required for admins.",
        );
      }
      history = { type: "USER", userId, peerId: conversation.id };
    } else if (conversation.type === ConversationType.GROUP) {
      history = { type: "GROUP", groupId: conversation.id };
    } else {
      throw new BadUserInputError("conversation.type", "conversation.type must be USER or GROUP.");
    }
    const page = await app.run("listMessages", {
      conversation: history,
      ...pageRequest(paging),
      ...defined({ after: range?.since, before: range?.until }),
    });
    return relayConnection(
      page.items.map((m) => toMessage(m, app.adapter.info.id)),
      page,
    );
  }

  @Mutation(() => [SendResult], {
    description:
      "Sends a message to users (one result per recipient) or to a group (one result). End users send only as themselves, to groups they are in. A server send is not a client's: group mutes hold it back on Tencent only, and a recipient's blocklist on ZEGO only (RongCloud and Tencent deliver it).",
  })
  async sendMessage(
    @Arg("input", () => SendMessageInput, { description: "The message." }) input: SendMessageInput,
    @InApp() app: AppScope,
  ): Promise<SendResult[]> {
    const hasUsers = input.toUserIds != null;
    const hasGroup = input.toGroupId != null;
    if (hasUsers === hasGroup) {
      throw new BadUserInputError(
        "input",
        "input must set exactly one of toUserIds and toGroupId.",
      );
    }
    const send: core.SendMessageInput = {
      from: input.from,
      to: hasGroup
        ? { type: "GROUP", groupId: input.toGroupId as string }
        : { type: "USERS", userIds: input.toUserIds as string[] },
      content: toContent(input.content, "input.content"),
      ...defined({ pushText: input.pushText, idempotencyKey: input.idempotencyKey }),
    };
    const { output, repeated } = await idempotent(
      app.ctx,
      app.name,
      "sendMessage",
      send,
      storedSendResults,
    );
    return sendResults(output, repeated);
  }

  @Mutation(() => [SendResult], {
    description: "Sends a system message (recipients cannot reply). Admin only.",
  })
  async sendSystemMessage(
    @Arg("from", () => ID, { description: "The sender shown to recipients." }) from: string,
    @Arg("userIds", () => [ID], { description: "The recipients." }) userIds: string[],
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @InApp() app: AppScope,
  ): Promise<SendResult[]> {
    return sendResults(
      await app.run("sendSystemMessage", { from, userIds, content: toContent(body) }),
    );
  }

  @Mutation(() => BroadcastResult, {
    description: "Sends a message to every user of the app. Admin only.",
  })
  async broadcastMessage(
    @Arg("from", () => ID, { description: "The sender shown to recipients." }) from: string,
    @Arg("content", () => MessageContentInput, { description: "What to say." })
    body: MessageContentInput,
    @Arg("pushText", () => String, { nullable: true, description: "Offline push text." }) pushText:
      | string
      | null,
    @InApp() app: AppScope,
  ): Promise<BroadcastResult> {
    return app.run("broadcastMessage", {
      from,
      content: toContent(body),
      ...defined({ pushText }),
    });
  }

  @Mutation(() => Boolean, {
    description: "Recalls a message by its id. End users may recall only their own messages.",
  })
  async recallMessage(
    @Arg("messageId", () => ID, { description: "The id sendMessage or messages gave." })
    messageId: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("recallMessage", { messageId, ...actor(app.ctx) });
  }
}
