import type * as core from "@imgraph/core";
import { BadUserInputError } from "@imgraph/core";
import { Arg, Args, ArgsType, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { itemError } from "../schema/convert.js";
import { ConversationInput } from "../schema/inputs.js";
import {
  ExtensionWriteResult,
  ImportedMessageInput,
  ImportOutcome,
  MessageExtension,
  MessageExtensionInput,
  Reaction,
  ReadReceiptCount,
  UserIdConnection,
} from "../schema/lifecycle-types.js";
import { ConversationType, ItemOutcome } from "../schema/types.js";
import { actor } from "./actor.js";
import { PageArgs, pageRequest, toContent } from "./args.js";
import { RemoveKeysArgs } from "./attributes.js";
import { type AppScope, InApp } from "./in-app.js";
import { connection } from "./pages.js";

const MESSAGE_ARG = { description: "The message's opaque id." } as const;

/**
 * One user's emoji on one message, that a reaction is added or taken back by. (Emoji first:
 * the committed schema lists them so, since type-graphql lists a field's own arguments last
 * to first.)
 */
@ArgsType()
class ReactionArgs {
  @Field(() => String, { description: "One emoji, e.g. 👍." })
  emoji!: string;

  @Field(() => ID, { description: "Who reacts (end users: themselves)." })
  userId!: string;

  @Field(() => ID, MESSAGE_ARG)
  messageId!: string;
}

/** The neutral conversation of an import (USER: the caller's side by default). */
function importConversation(
  conversation: ConversationInput,
  ctx: GatewayContext,
): core.HistoryConversation {
  if (conversation?.type === ConversationType.GROUP) {
    return { type: "GROUP", groupId: conversation.id };
  }
  if (conversation?.type === ConversationType.USER) {
    const userId = conversation.userId ?? actor(ctx).actorId ?? "";
    return { type: "USER", userId, peerId: conversation.id };
  }
  throw new BadUserInputError("conversation.type", "conversation.type must be USER or GROUP.");
}

/**
 * Messages after they are sent: one-sided and by-sender deletes, extensions (with the
 * vendor's versions), reactions, read receipts, and import with original senders and times.
 */
@Resolver()
export class MessageLifecycleResolver {
  @Mutation(() => [ItemOutcome], {
    description:
      "Deletes one-to-one messages from one user's copy of the history (the other side keeps them); one outcome per message. End users: their own copy.",
  })
  async deleteMessages(
    @Arg("userId", () => ID, { description: "Whose copy." }) userId: string,
    @Arg("messageIds", () => [ID], { description: "The messages' opaque ids." })
    messageIds: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("deleteMessages", { userId, messageIds });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes every message one user sent in a group, for everyone. Group owners and admins. Answers true.",
  })
  async deleteGroupMessagesBySender(
    @Arg("groupId", () => ID, { description: "The group." }) groupId: string,
    @Arg("senderId", () => ID, { description: "Whose messages." }) senderId: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteGroupMessagesBySender", { groupId, senderId });
  }

  @Query(() => [MessageExtension], {
    description:
      "A message's extensions (key → value, with the vendor's versions). Its conversation's users and admins.",
  })
  async messageExtensions(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @InApp() app: AppScope,
  ): Promise<MessageExtension[]> {
    return app.run("getMessageExtensions", { messageId });
  }

  @Mutation(() => [ExtensionWriteResult], {
    description:
      "Sets keys of a message's extensions; a key written at an outdated version is not applied and answers the value that won. Its conversation's users and admins.",
  })
  async setMessageExtensions(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @Arg("extensions", () => [MessageExtensionInput], { description: "The keys to set." })
    extensions: MessageExtensionInput[],
    @InApp() app: AppScope,
  ): Promise<ExtensionWriteResult[]> {
    const writes = (extensions ?? []).map(({ key, value, version }) =>
      version === undefined || version === null ? { key, value } : { key, value, version },
    );
    return app.run("setMessageExtensions", {
      messageId,
      extensions: writes,
      ...actor(app.ctx),
    });
  }

  @Mutation(() => Boolean, {
    description:
      "Removes keys from a message's extensions. Its conversation's users and admins. Answers true.",
  })
  async removeMessageExtensions(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @Args(() => RemoveKeysArgs) { keys }: RemoveKeysArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("removeMessageExtensions", { messageId, keys, ...actor(app.ctx) });
  }

  @Query(() => [Reaction], {
    description: "A message's reactions: each emoji and who reacted with it.",
  })
  async reactions(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @InApp() app: AppScope,
  ): Promise<Reaction[]> {
    return app.run("listReactions", { messageId });
  }

  @Mutation(() => [Reaction], {
    description:
      "Adds a user's emoji reaction to a message (end users: their own, in their conversations); answers the message's reactions.",
  })
  async addReaction(
    @Args(() => ReactionArgs) { messageId, userId, emoji }: ReactionArgs,
    @InApp() app: AppScope,
  ): Promise<Reaction[]> {
    return app.run("addReaction", { messageId, userId, emoji });
  }

  @Mutation(() => [Reaction], {
    description: "Takes back a user's emoji reaction; answers the message's reactions.",
  })
  async removeReaction(
    @Args(() => ReactionArgs) { messageId, userId, emoji }: ReactionArgs,
    @InApp() app: AppScope,
  ): Promise<Reaction[]> {
    return app.run("removeReaction", { messageId, userId, emoji });
  }

  @Mutation(() => Boolean, {
    description:
      "Sends read receipts for messages a user received, on the user's behalf (end users: their own). Answers true.",
  })
  async markMessagesRead(
    @Arg("userId", () => ID, { description: "The reader." }) userId: string,
    @Arg("messageIds", () => [ID], { description: "The messages' opaque ids." })
    messageIds: string[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("markMessagesRead", { userId, messageIds });
  }

  @Query(() => ReadReceiptCount, {
    description: "For a group message: how many members have read it, and how many not.",
  })
  async readReceipts(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @InApp() app: AppScope,
  ): Promise<ReadReceiptCount> {
    return app.run("getReadReceipts", { messageId });
  }

  @Query(() => UserIdConnection, {
    description:
      "For a group message: the members who read it (or, with read: false, who did not), a page at a time.",
  })
  async messageReaders(
    @Arg("messageId", () => ID, MESSAGE_ARG) messageId: string,
    @Arg("read", () => Boolean, { description: "True: who read it; false: who did not." })
    read: boolean,
    @Args(() => PageArgs) paging: PageArgs,
    @InApp() app: AppScope,
  ): Promise<UserIdConnection> {
    const page = await app.run("listMessageReaders", {
      messageId,
      read,
      ...pageRequest(paging),
    });
    return connection(page.items, page);
  }

  @Mutation(() => [ImportOutcome], {
    description:
      "Imports a conversation's messages with their original senders and times, oldest first (for moving between vendors); one outcome per message. Admin only.",
  })
  async importMessages(
    @Arg("conversation", () => ConversationInput, {
      description: "USER (userId and id: the two users) or GROUP.",
    })
    conversation: ConversationInput,
    @Arg("messages", () => [ImportedMessageInput], { description: "Oldest first." })
    messages: ImportedMessageInput[],
    @InApp() app: AppScope,
  ): Promise<ImportOutcome[]> {
    const input = {
      conversation: importConversation(conversation, app.ctx),
      messages: (messages ?? []).map((m, i) => ({
        senderId: m.senderId,
        sentAt: m.sentAt,
        content: toContent(m.content, `messages[${i}].content`),
      })),
    };
    const results = await app.run("importMessages", input);
    return results.map((r) =>
      r.ok
        ? { key: r.key, ok: true, messageId: r.value.messageId, error: null }
        : { key: r.key, ok: false, messageId: null, error: itemError(r.error) },
    );
  }
}
