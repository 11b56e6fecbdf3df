import {
  type CallOptions,
  type ConversationSummary,
  checkBoolean,
  checkId,
  checkOptionalBoolean,
  checkOptionalTime,
  checkUserConversation,
  ImError,
  type ListedConversation,
  pageLimit,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, type ZegoContext, zim } from "./context.js";
import { zegoError } from "./errors.js";
import { CONVERSATIONS_PAGE_MAX, GROUP_USERS, USER_ID } from "./limits.js";
import { listByMarker } from "./marker-pages.js";

// A user's conversations on ZIM's server API (zego.md #16 §1): the list, clearing unread,
// deleting, pinning and muting one conversation, and clearing the user's copy of its
// history. ZIM keeps unread counts, pins and mutes, but no Action reads them back.

/** ConvType: 0 one-to-one, 2 group. */
const PEER = 0;
const GROUP = 2;
/** QueryConversationList pages read per listConversations call. */
const MAX_CALLS = 10;
/** "Already muted / already unmuted": ZIM refuses repeats, the wanted state holds. */
const ALREADY_SET = new Set([660800051, 660800052]);

const convType = (c: ListedConversation) => (c.type === "USER" ? PEER : GROUP);

interface ListRow {
  ConvId?: unknown;
  ConvType?: unknown;
  UpdateTime?: unknown;
}

interface ListAnswer {
  Next?: unknown;
  List?: ListRow[];
}

/**
 * QueryConversationList: ZIM's order (ascending by UpdateTime) over the user's latest 1000
 * conversations. Its items carry no unread count, pin or mute: those are null.
 */
export const listConversations: Op<"listConversations"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  return listByMarker({
    kind: "cv",
    cursor: input.cursor,
    limit: pageLimit(input.limit, CONVERSATIONS_PAGE_MAX),
    pageMax: CONVERSATIONS_PAGE_MAX,
    maxCalls: MAX_CALLS,
    read: async (marker, size) => {
      const answer = await zim<ListAnswer>(
        ctx,
        {
          operation: "listConversations",
          action: "QueryConversationList",
          method: "POST",
          params: { FromUserId: userId, Limit: size, Next: marker },
          idempotent: true,
        },
        options,
      );
      return { rows: answer.List ?? [], next: answer.Next };
    },
    take: toSummary,
  });
};

/** One list item; a missing ConvType is one-to-one (§1.1); room items (1) are skipped. */
function toSummary(row: ListRow | undefined): ConversationSummary | null {
  if (!row || typeof row.ConvId !== "string" || row.ConvId === "") return null;
  const type = row.ConvType === undefined || row.ConvType === null ? PEER : Number(row.ConvType);
  if (type !== PEER && type !== GROUP) return null;
  const time = Number(row.UpdateTime);
  return {
    conversation: { type: type === PEER ? "USER" : "GROUP", id: row.ConvId },
    // UpdateTime: the conversation's last change, in ms (a message, in practice).
    lastMessageAt: Number.isFinite(time) && time > 0 ? new Date(time) : null,
    unreadCount: null,
    pinned: null,
    doNotDisturb: null,
  };
}

/** ClearConversationUnread (a GET Action): clears the whole count, so `upTo` is refused. */
export const markConversationRead: Op<"markConversationRead"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  if (checkOptionalTime("upTo", input.upTo) !== undefined) {
    throw new UnsupportedByVendorError(
      "zego",
      "markConversationRead",
      "ZIM's ClearConversationUnread clears a conversation's whole unread count; it takes no time, so upTo cannot be honoured",
    );
  }
  // 660800002: not in the user's list, or not among their latest 1000 (NOT_FOUND).
  await zim(
    ctx,
    {
      operation: "markConversationRead",
      action: "ClearConversationUnread",
      method: "GET",
      params: { FromUserId: userId, ConvId: conversation.id, ConvType: convType(conversation) },
      idempotent: true,
    },
    options,
  );
};

/**
 * DeleteConv removes the conversation from the user's list only; with clearHistory the
 * user's copy of its messages goes too (ClearPeerMessage / ClearMemberGroupMessage).
 */
export const deleteConversation: Op<"deleteConversation"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const clearHistory = checkOptionalBoolean("clearHistory", input.clearHistory);
  try {
    await zim(
      ctx,
      {
        operation: "deleteConversation",
        action: "DeleteConv",
        method: "POST",
        params: { FromUserId: userId, ConvId: conversation.id, ConvType: convType(conversation) },
        idempotent: true,
      },
      options,
    );
  } catch (error) {
    // Not in the list: already as wanted (§6.7).
    if (!(error instanceof ImError && error.vendorCode === "660800002")) throw error;
  }
  if (clearHistory) await clearHistoryOf(ctx, "deleteConversation", userId, conversation, options);
};

/** ConvPinned for one conversation; re-pinning succeeds; the 100-pin cap is VENDOR_REJECTED. */
export const pinConversation: Op<"pinConversation"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const pinned = checkBoolean("pinned", input.pinned);
  const answer = await zim<Record<string, unknown>>(
    ctx,
    {
      operation: "pinConversation",
      action: "ConvPinned",
      method: "POST",
      params: {
        FromUserId: userId,
        ConvList: [{ ConvId: conversation.id, ConvType: convType(conversation) }],
        PinnedType: pinned ? 1 : 0,
      },
      idempotent: true,
    },
    options,
  );
  const failed = failedSubCode(answer, conversation.id);
  if (failed !== undefined) throw zegoError("zim", failed, undefined, {}, conversation.id).error;
};

/** SilenceConvNotification for one conversation; ZIM's "already (un)muted" counts as done. */
export const setConversationDoNotDisturb: Op<"setConversationDoNotDisturb"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const enable = checkBoolean("doNotDisturb", input.doNotDisturb);
  let failed: number | undefined;
  try {
    const answer = await zim<Record<string, unknown>>(
      ctx,
      {
        operation: "setConversationDoNotDisturb",
        action: "SilenceConvNotification",
        method: "POST",
        params: {
          FromUserId: userId,
          ConvType: convType(conversation),
          ConvIds: [conversation.id],
          Enable: enable,
        },
        idempotent: true,
      },
      options,
    );
    failed = failedSubCode(answer, conversation.id);
  } catch (error) {
    const code = error instanceof ImError ? Number(error.vendorCode) : Number.NaN;
    if (!ALREADY_SET.has(code)) throw error;
  }
  if (failed !== undefined && !ALREADY_SET.has(failed)) {
    throw zegoError("zim", failed, undefined, {}, conversation.id).error;
  }
};

/** ClearPeerMessage / ClearMemberGroupMessage: the user's whole copy; `before` is refused. */
export const clearConversationHistory: Op<"clearConversationHistory"> = async (
  ctx,
  input,
  options,
) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  if (checkOptionalTime("before", input.before) !== undefined) {
    throw new UnsupportedByVendorError(
      "zego",
      "clearConversationHistory",
      "ZIM's ClearPeerMessage and ClearMemberGroupMessage delete the user's whole copy of a conversation; they take no time, so before cannot be honoured",
    );
  }
  await clearHistoryOf(ctx, "clearConversationHistory", userId, conversation, options);
};

async function clearHistoryOf(
  ctx: ZegoContext,
  operation: string,
  userId: string,
  conversation: ListedConversation,
  options: CallOptions | undefined,
): Promise<void> {
  await zim(
    ctx,
    conversation.type === "USER"
      ? {
          operation,
          action: "ClearPeerMessage",
          method: "POST",
          params: { FromUserId: userId, ToUserId: conversation.id },
          idempotent: true,
        }
      : {
          operation,
          action: "ClearMemberGroupMessage",
          method: "POST",
          params: { FromUserId: userId, GroupId: conversation.id },
          idempotent: true,
        },
    options,
  );
}

/** The SubCode ZIM's ErrorList gives our one conversation (Code 0 is "at least one done"). */
function failedSubCode(answer: Record<string, unknown>, convId: string): number | undefined {
  const list = answer.ErrorList;
  if (!Array.isArray(list)) return undefined;
  for (const entry of list) {
    const e = entry as { ConvId?: unknown; SubCode?: unknown } | null;
    if (e?.ConvId === convId && Number.isFinite(Number(e.SubCode))) return Number(e.SubCode);
  }
  return undefined;
}
