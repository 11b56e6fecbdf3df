import { Arg, Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConversationFolder, ConversationMarks } from "../schema/conversation-folder-types.js";
import { ConversationRefInput } from "../schema/conversation-types.js";
import { shownConversation } from "../schema/convert.js";
import { toConversation } from "./args.js";
import { type AppScope, InApp } from "./in-app.js";

const OWNER_ARG = { description: "Whose folders or marks (end users: their own)." } as const;
const NAME_ARG = { description: "The folder's name." } as const;
const ENTRIES_ARG = { description: "Conversations of that user's list." } as const;

/**
 * The folder a field acts on: its owner and its name. (Name first: the committed schema lists
 * them so, since type-graphql lists a field's own arguments last to first.)
 */
@ArgsType()
class FolderArgs {
  @Field(() => String, NAME_ARG)
  name!: string;

  @Field(() => ID, OWNER_ARG)
  userId!: string;
}

/** The neutral input of a folder write that names conversations. */
const entries = ({ userId, name }: FolderArgs, conversations: ConversationRefInput[]) => ({
  userId,
  name,
  conversations: conversations.map(toConversation),
});

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
    return folders.map((f) => ({
      name: f.name,
      conversations: f.conversations.map(shownConversation),
    }));
  }

  @Mutation(() => Boolean, {
    description:
      "Creates a conversation folder for a user, holding the given conversations. End users: their own. Answers true.",
  })
  async createConversationFolder(
    @Args(() => FolderArgs) folder: FolderArgs,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("createConversationGroup", entries(folder, conversations));
  }

  @Mutation(() => Boolean, {
    description:
      "Renames one of a user's conversation folders. End users: their own. Answers true.",
  })
  async renameConversationFolder(
    @Args(() => FolderArgs) { userId, name }: FolderArgs,
    @Arg("newName", () => String, { description: "The new name." }) newName: string,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("renameConversationGroup", { userId, name, newName });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes one of a user's conversation folders (the conversations stay). End users: their own. Answers true.",
  })
  async deleteConversationFolder(
    @Args(() => FolderArgs) { userId, name }: FolderArgs,
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("deleteConversationGroup", { userId, name });
  }

  @Mutation(() => Boolean, {
    description:
      "Puts conversations into one of a user's conversation folders. End users: their own. Answers true.",
  })
  async addToConversationFolder(
    @Args(() => FolderArgs) folder: FolderArgs,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("addToConversationGroup", entries(folder, conversations));
  }

  @Mutation(() => Boolean, {
    description:
      "Takes conversations out of one of a user's conversation folders. End users: their own. Answers true.",
  })
  async removeFromConversationFolder(
    @Args(() => FolderArgs) folder: FolderArgs,
    @Arg("conversations", () => [ConversationRefInput], ENTRIES_ARG)
    conversations: ConversationRefInput[],
    @InApp() app: AppScope,
  ): Promise<boolean> {
    return app.done("removeFromConversationGroup", entries(folder, conversations));
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
    return app.done("setConversationMarks", {
      userId,
      conversation: toConversation(conversation),
      ...(add ? { add } : {}),
      ...(remove ? { remove } : {}),
    });
  }

  @Query(() => [ConversationMarks], {
    description: "The conversations of a user that carry marks, with their marks (Tencent).",
  })
  async conversationMarks(
    @Arg("userId", () => ID, OWNER_ARG) userId: string,
    @InApp() app: AppScope,
  ): Promise<ConversationMarks[]> {
    const all = await app.run("listConversationMarks", { userId });
    return all.map((m) => ({ conversation: shownConversation(m.conversation), marks: m.marks }));
  }
}
