import {
  type CallOptions,
  type ConversationSummary,
  checkBoolean,
  checkId,
  checkOptionalBoolean,
  checkOptionalTime,
  checkUnreadCount,
  checkUserConversation,
  pageLimit,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { contactItem } from "./contact-groups.js";
import { call, type Op, type TencentContext } from "./context.js";
import { GROUP_USERS, PAGE_MAX, USER_ID } from "./limits.js";
import { doNotDisturbOf, memberMsgFlag, msgFlagFor } from "./member-flags.js";
import { recentContacts } from "./recent-contacts.js";
import { c2cUnreadByPeer, c2cUnreadTotal, joinedSelfInfo } from "./unread-counts.js";

// A user's conversations (docs/vendors/tencent.md "Conversations and the message lifecycle"):
// the list is recentcontact/get_list, which carries no unread count nor do-not-disturb, so
// those come from the unread and group-member APIs. Tencent's REST API keeps do-not-disturb
// and a settable unread count only for group members; one-to-one ones are client-SDK state.

/** Refuses an input Tencent's REST API cannot act on, naming the field and why. */
function unsupported(operation: string, why: string): UnsupportedByVendorError {
  return new UnsupportedByVendorError("tencent", operation, why);
}

const C2C_DND =
  "conversation.type USER: Tencent keeps one-to-one do-not-disturb in the client SDK (setC2CReceiveMessageOpt); its REST API has no such setting";

/**
 * A page of get_list (pinned first), then the unread counts of its one-to-one entries
 * (10 peers a call) and the user's unread count and message flag in its groups (the
 * joined-group list, read until every group of the page is found).
 */
export const listConversations: Op<"listConversations"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const limit = pageLimit(input.limit, PAGE_MAX);
  const { contacts, nextCursor } = await recentContacts(ctx, userId, limit, input.cursor, options);
  const peers = contacts
    .filter((c) => c.conversation.type === "USER")
    .map((c) => c.conversation.id);
  const groups = new Set(
    contacts.filter((c) => c.conversation.type === "GROUP").map((c) => c.conversation.id),
  );
  const [c2c, selves] = await Promise.all([
    peers.length > 0
      ? c2cUnreadByPeer(ctx, "listConversations", userId, peers, options)
      : new Map<string, number>(),
    groups.size > 0
      ? joinedSelfInfo(ctx, "listConversations", userId, options, (found) =>
          [...groups].every((id) => found.has(id)),
        )
      : new Map(),
  ]);
  const items = contacts.map(({ conversation, lastMessageAt, pinned }): ConversationSummary => {
    if (conversation.type === "USER") {
      const unread = c2c.get(conversation.id);
      return {
        conversation,
        lastMessageAt,
        unreadCount: unread ?? null,
        pinned,
        doNotDisturb: null,
      };
    }
    // A group the user has left stays in the list, without their unread count or flag.
    const self = selves.get(conversation.id);
    return {
      conversation,
      lastMessageAt,
      unreadCount: self?.unread ?? null,
      pinned,
      doNotDisturb: doNotDisturbOf(self?.msgFlag),
    };
  });
  return { items, nextCursor };
};

/** One-to-one unread in total, plus each joined group's UnreadMsgNum. */
export const countUnread: Op<"countUnread"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const [c2c, selves] = await Promise.all([
    c2cUnreadTotal(ctx, "countUnread", userId, options),
    joinedSelfInfo(ctx, "countUnread", userId, options),
  ]);
  let total = c2c;
  for (const self of selves.values()) total += self.unread ?? 0;
  return total;
};

/**
 * USER: admin_set_msg_read (everything up to `upTo`, or now). GROUP: Tencent has no group
 * read mark on REST; set_unread_msg_num 0 (documented for migrations) clears the member's
 * unread count, which is "read up to now" only — a GROUP `upTo` is refused.
 */
export const markConversationRead: Op<"markConversationRead"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const upTo = checkOptionalTime("upTo", input.upTo);
  if (conversation.type === "USER") {
    await call(
      ctx,
      "markConversationRead",
      "openim/admin_set_msg_read",
      {
        Report_Account: userId,
        Peer_Account: conversation.id,
        ...(upTo ? { MsgReadTime: Math.max(0, Math.floor(upTo.getTime() / 1000)) } : {}),
      },
      options,
      true,
    );
    return;
  }
  if (upTo) {
    throw unsupported(
      "markConversationRead",
      "upTo on a GROUP conversation: Tencent's REST API has no group read mark up to a time; it can only clear a member's unread count (set_unread_msg_num), so omit upTo to mark everything read",
    );
  }
  await setGroupUnread(ctx, "markConversationRead", conversation.id, userId, 0, options);
};

/** GROUP only: set_unread_msg_num (Tencent clamps it to the group's message count). */
export const setUnreadCount: Op<"setUnreadCount"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const count = checkUnreadCount(input.count);
  if (conversation.type === "USER") {
    throw unsupported(
      "setUnreadCount",
      "conversation.type USER: Tencent's REST API sets unread counts only for group members (set_unread_msg_num); a one-to-one count follows the messages and read marks (markConversationRead)",
    );
  }
  await setGroupUnread(ctx, "setUnreadCount", conversation.id, userId, count, options);
};

function setGroupUnread(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  userId: string,
  count: number,
  options: CallOptions | undefined,
): Promise<unknown> {
  return call(
    ctx,
    operation,
    "group_open_http_svc/set_unread_msg_num",
    { GroupId: groupId, Member_Account: userId, UnreadMsgNum: count },
    options,
    true,
  );
}

/**
 * recentcontact/top (OperationType 1 pin, 2 unpin; docs/vendors/tencent.md §1.3): a repeat
 * converges. At most 50 pinned conversations a user (51012).
 */
export const pinConversation: Op<"pinConversation"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const pinned = checkBoolean("pinned", input.pinned);
  await call(
    ctx,
    "pinConversation",
    "recentcontact/top",
    {
      From_Account: userId,
      OperationType: pinned ? 1 : 2,
      RecentContactItem: [contactItem(conversation, "GroupId")],
    },
    options,
    true,
  );
};

/** recentcontact/delete; ClearRamble also deletes the user's roaming copy of the history. */
export const deleteConversation: Op<"deleteConversation"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const clearHistory = checkOptionalBoolean("clearHistory", input.clearHistory);
  await call(
    ctx,
    "deleteConversation",
    "recentcontact/delete",
    {
      From_Account: userId,
      // The delete page spells it ToGroupid (docs/vendors/tencent.md §1.2).
      ...contactItem(conversation, "ToGroupid"),
      ClearRamble: clearHistory ? 1 : 0,
    },
    options,
    true,
  );
};

/** GROUP only: the member's MsgFlag (AcceptNotNotify off, AcceptAndNotify on). */
export const setConversationDoNotDisturb: Op<"setConversationDoNotDisturb"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  checkBoolean("doNotDisturb", input.doNotDisturb);
  if (conversation.type === "USER") throw unsupported("setConversationDoNotDisturb", C2C_DND);
  await call(
    ctx,
    "setConversationDoNotDisturb",
    "group_open_http_svc/modify_group_member_info",
    { GroupId: conversation.id, Member_Account: userId, MsgFlag: msgFlagFor(input.doNotDisturb) },
    options,
    true,
  );
};

/** GROUP only: the member's MsgFlag from get_group_member_info; a flag we do not know notifies. */
export const getConversationDoNotDisturb: Op<"getConversationDoNotDisturb"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  if (conversation.type === "USER") throw unsupported("getConversationDoNotDisturb", C2C_DND);
  const flag = await memberMsgFlag(
    ctx,
    "getConversationDoNotDisturb",
    conversation.id,
    userId,
    options,
  );
  return doNotDisturbOf(flag) ?? false;
};
