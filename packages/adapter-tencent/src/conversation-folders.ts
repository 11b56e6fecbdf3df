import {
  BadUserInputError,
  type CallOptions,
  type ConversationGroup,
  checkConversationFolder,
  checkId,
  checkText,
  type ListedConversation,
  NotFoundError,
} from "@imgraph/core";
import { contactItem, readContactGroups, throwRefusedRow } from "./contact-groups.js";
import { call, type Op, str, type TencentContext } from "./context.js";
import { FOLDER_RULES, USER_ID } from "./limits.js";

// A user's conversation folders are Tencent's conversation groups (docs/vendors/tencent.md
// §1.4), named like ours: create_contact_group (one group a call), update_contact_group
// (UpdateGroupType 1 rename, 2 conversations with ContactOptType 1 add / 2 remove),
// del_contact_group, get_contact_group. A group that does not exist is 51009 (NOT_FOUND).

/** update_contact_group: UpdateType 1, then UpdateGroupType 1 rename or 2 conversations. */
const UPDATE_TYPE = 1;
const RENAME = 1;
const CONVERSATIONS = 2;
const ADD = 1;
const REMOVE = 2;

/** Every group with its conversations, in Tencent's order (every page of get_contact_group). */
export const listConversationGroups: Op<"listConversationGroups"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const { groups, conversations } = await readContactGroups(
    ctx,
    "listConversationGroups",
    userId,
    options,
  );
  const folders = new Map<number, ConversationGroup>();
  for (const [id, name] of groups) folders.set(id, { name, conversations: [] });
  for (const { conversation, groupIds } of conversations) {
    for (const id of groupIds) folders.get(id)?.conversations.push(conversation);
  }
  return [...folders.values()];
};

/** create_contact_group with its conversations; a refused conversation fails the call. */
export const createConversationGroup: Op<"createConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name, conversations } = checkConversationFolder(input, FOLDER_RULES, "entries");
  const answer = await call<{ GroupResultItem?: { ResultItem?: unknown }[] }>(
    ctx,
    "createConversationGroup",
    "recentcontact/create_contact_group",
    {
      From_Account: userId,
      GroupContactItem: [
        { GroupName: name, ContactItem: conversations.map((c) => contactItem(c)) },
      ],
    },
    options,
    // A repeat after a lost answer meets its own group (a taken name): not repeated.
    false,
  );
  for (const group of answer.GroupResultItem ?? []) throwRefusedRow(group?.ResultItem);
};

/** update_contact_group UpdateGroupType 1 (the conversations stay in the group). */
export const renameConversationGroup: Op<"renameConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name } = checkConversationFolder(input, FOLDER_RULES, "none");
  const newName = checkText("newName", input.newName, { maxBytes: FOLDER_RULES.nameMaxBytes });
  if (newName.trim() !== newName) {
    throw new BadUserInputError("newName", "newName must not start or end with white space.");
  }
  await call(
    ctx,
    "renameConversationGroup",
    "recentcontact/update_contact_group",
    {
      From_Account: userId,
      UpdateType: UPDATE_TYPE,
      UpdateGroup: { UpdateGroupType: RENAME, OldGroupName: name, NewGroupName: newName },
    },
    options,
    // Repeated, the old name is gone (51009): not repeated.
    false,
  );
};

/** del_contact_group (one group a call); the conversations themselves stay. */
export const deleteConversationGroup: Op<"deleteConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name } = checkConversationFolder(input, FOLDER_RULES, "none");
  const answer = await call<{ GroupItem?: { GroupName?: unknown }[] }>(
    ctx,
    "deleteConversationGroup",
    "recentcontact/del_contact_group",
    { From_Account: userId, GroupName: [name] },
    options,
    false,
  );
  // Tencent answers 51009 for a missing group; should it answer OK instead, the deleted
  // groups it lists would not name ours.
  const deleted = answer.GroupItem;
  if (Array.isArray(deleted) && !deleted.some((g) => str(g?.GroupName) === name)) {
    throw new NotFoundError(`the conversation group ${name} does not exist.`, {
      vendor: "tencent",
    });
  }
};

/** update_contact_group UpdateGroupType 2 with one ContactOptType for every conversation. */
async function changeConversations(
  ctx: TencentContext,
  operation: string,
  userId: string,
  name: string,
  conversations: ListedConversation[],
  opt: number,
  options: CallOptions | undefined,
): Promise<void> {
  const answer = await call<{ UpdateGroupResult?: { ContactResultItem?: unknown } }>(
    ctx,
    operation,
    "recentcontact/update_contact_group",
    {
      From_Account: userId,
      UpdateType: UPDATE_TYPE,
      UpdateGroup: {
        UpdateGroupType: CONVERSATIONS,
        OldGroupName: name,
        ContactUpdateItem: conversations.map((c) => ({
          ContactOptType: opt,
          ContactItem: contactItem(c),
        })),
      },
    },
    options,
    // Adding what is in, or taking out what is out, changes nothing: a repeat converges.
    true,
  );
  throwRefusedRow(answer.UpdateGroupResult?.ContactResultItem);
}

export const addToConversationGroup: Op<"addToConversationGroup"> = async (ctx, input, options) => {
  const { userId, name, conversations } = checkConversationFolder(input, FOLDER_RULES, "entries");
  await changeConversations(
    ctx,
    "addToConversationGroup",
    userId,
    name,
    conversations,
    ADD,
    options,
  );
};

export const removeFromConversationGroup: Op<"removeFromConversationGroup"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, name, conversations } = checkConversationFolder(input, FOLDER_RULES, "entries");
  await changeConversations(
    ctx,
    "removeFromConversationGroup",
    userId,
    name,
    conversations,
    REMOVE,
    options,
  );
};
