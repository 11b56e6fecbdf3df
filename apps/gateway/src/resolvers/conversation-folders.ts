import type * as core from "@imgraph/core";
import { Arg, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConversationFolder, ConversationMarks } from "../schema/conversation-folder-types.js";
import { ConversationRefInput } from "../schema/conversation-types.js";
import type { ConversationType } from "../schema/types.js";
import { type AppScope, InApp } from "./in-app.js";

const OWNER_ARG = { description: "Whose folders or marks (end users: their own)." } as const;
const NAME_ARG = { description: "The folder's name." } as const;
const ENTRIES_ARG = { description: "Conversations of that user's list." } as const;

const shown = (c: core.Conversation) => ({ type: c.type as ConversationType, id: c.id });
const neutral = (list: ConversationRefInput[] | null | undefined): core.Conversation[] =>
  (list ?? []).map((c) => ({ type: c?.type, id: c?.id }));

/** A user's conversation folders and conversation marks. */
@Resolver()
export class ConversationFolderResolver {
  @Query(() => [ConversationFolder], {
    description:
      "A user's conversation folders with their conversations (Tencent conversation groups, RongCloud conversation tags).",
  })
  async conversationFolders(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @InApp() app: AppScope,
  ): Promise<ConversationFolder[]> {
    const folders = await app.run("listConversationGroups", { userId });
    return folders.map((f) => ({ name: f.name, conversations: f.conversations.map(shown) }));
  }

  @Mutation(() => Boolean, {
    description:
      "Creates a conversation folder for a user, holding the given conversations. End users: their own. Answers true.",
  })
  async createConversationFolder(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("name", () => String, NAME_ARG) name: string,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const input = { userId, name, conversations: neutral(conversations) };
    await app.run("createConversationGroup", input);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Renames one of a user's conversation folders. End users: their own. Answers true.",
  })
  async renameConversationFolder(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("name", () => String, NAME_ARG) name: string,
    @Arg("newName", () => String, { description: "The new name." }) newName: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    await app.run("renameConversationGroup", { userId, name, newName });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes one of a user's conversation folders (the conversations stay). End users: their own. Answers true.",
  })
  async deleteConversationFolder(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("name", () => String, NAME_ARG) name: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    await app.run("deleteConversationGroup", { userId, name });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Puts conversations into one of a user's conversation folders. End users: their own. Answers true.",
  })
  async addToConversationFolder(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("name", () => String, NAME_ARG) name: string,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const input = { userId, name, conversations: neutral(conversations) };
    await app.run("addToConversationGroup", input);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Takes conversations out of one of a user's conversation folders. End users: their own. Answers true.",
  })
  async removeFromConversationFolder(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("name", () => String, NAME_ARG) name: string,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    const input = { userId, name, conversations: neutral(conversations) };
    await app.run("removeFromConversationGroup", input);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Adds and removes marks on a user's conversation (Tencent, ZEGO). End users: their own. Answers true.",
  })
  async setConversationMarks(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @Arg("conversation", () => ConversationRefInput, { description: "The conversation." })
    conversation: ConversationRefInput,
    @Arg("add", () => [Int], { nullable: true, description: "Marks to add." }) add: number[] | null,
    @Arg("remove", () => [Int], { nullable: true, description: "Marks to remove." })
    remove: number[] | null,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    await app.run("setConversationMarks", {
      userId,
      conversation: { type: conversation?.type, id: conversation?.id },
      ...(add ? { add } : {}),
      ...(remove ? { remove } : {}),
    });
    return true;
  }

  @Query(() => [ConversationMarks], {
    description: "The conversations of a user that carry marks, with their marks (Tencent).",
  })
  async conversationMarks(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @InApp() app: AppScope,
  ): Promise<ConversationMarks[]> {
    const all = await app.run("listConversationMarks", { userId });
    return all.map((m) => ({ conversation: shown(m.conversation), marks: m.marks }));
  }
}
