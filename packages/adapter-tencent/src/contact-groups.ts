import {
  type CallOptions,
  type Conversation,
  type ListedConversation,
  VendorUnavailableError,
} from "@imgraph/core";
import { call, num, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { CONTACT_GROUP_PAGES_MAX } from "./limits.js";

// What conversation folders and marks share (docs/vendors/tencent.md §1.4): the ContactItem
// Tencent names a conversation with, the per-conversation result rows of its writes, and
// get_contact_group read to its last page.

/**
 * How recentcontact names a conversation: Type 1 with To_Account, or Type 2 with the group id
 * under the key the page spells (ToGroupId on the group and mark pages, GroupId on top,
 * ToGroupid on delete).
 */
export function contactItem(
  conversation: ListedConversation,
  groupKey: "ToGroupId" | "GroupId" | "ToGroupid" = "ToGroupId",
): Record<string, unknown> {
  return conversation.type === "USER"
    ? { Type: 1, To_Account: conversation.id }
    : { Type: 2, [groupKey]: conversation.id };
}

interface ResultRow {
  ResultCode?: unknown;
  ResultInfo?: unknown;
}

/** Throws the first refused row's error: each write names one user's own conversations. */
export function throwRefusedRow(rows: unknown): void {
  if (!Array.isArray(rows)) return;
  for (const row of rows as ResultRow[]) {
    const code = num(row?.ResultCode) ?? 0;
    if (code !== 0) throw itemFailure(code, row?.ResultInfo);
  }
}

/** One conversation carrying groups or marks, as get_contact_group answers it. */
export interface MarkedConversation {
  conversation: Conversation;
  /** The standard mark's bits. */
  standardMark: bigint;
  groupIds: number[];
}

export interface ContactGroups {
  /** GroupId → name, in the order Tencent lists them. */
  groups: Map<number, string>;
  conversations: MarkedConversation[];
}

interface GetAnswer {
  ContactItem?: Record<string, unknown>[];
  GroupItem?: { GroupName?: unknown; GroupId?: unknown }[];
  CompleteFlag?: unknown;
  NextStartIndex?: unknown;
}

/**
 * StandardMark: a bit string ("011111110" in the SDK models), read as a binary number — bit
 * 1 is its last character (unverified). A plain number is read too.
 */
export function markBits(value: unknown): bigint {
  if (typeof value === "string" && /^[01]{1,64}$/.test(value)) return BigInt(`0b${value}`);
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return 0n;
}

function conversationOf(item: Record<string, unknown>): Conversation | null {
  const type = num(item.Type);
  const id = type === 1 ? str(item.To_Account) : str(item.ToGroupId ?? item.GroupId);
  if (!id) return null;
  return type === 1 ? { type: "USER", id } : type === 2 ? { type: "GROUP", id } : null;
}

/** A user's groups and grouped or marked conversations: every page, merged. */
export async function readContactGroups(
  ctx: TencentContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
): Promise<ContactGroups> {
  const groups = new Map<number, string>();
  const conversations: MarkedConversation[] = [];
  let start = 0;
  for (let page = 0; page < CONTACT_GROUP_PAGES_MAX; page++) {
    const answer = await call<GetAnswer>(
      ctx,
      operation,
      "recentcontact/get_contact_group",
      { From_Account: userId, StartIndex: start },
      options,
      true,
    );
    for (const g of answer.GroupItem ?? []) {
      const id = num(g?.GroupId);
      const name = str(g?.GroupName);
      if (id !== undefined && name !== undefined) groups.set(id, name);
    }
    for (const item of answer.ContactItem ?? []) {
      const conversation = conversationOf(item ?? {});
      if (!conversation) continue;
      const ids = Array.isArray(item.ContactGroupId) ? item.ContactGroupId : [];
      conversations.push({
        conversation,
        standardMark: markBits(item.StandardMark),
        groupIds: ids.map(num).filter((n): n is number => n !== undefined),
      });
    }
    const next = num(answer.NextStartIndex);
    // Done on CompleteFlag 1, or when the cursor would not move (never loop in place).
    if (num(answer.CompleteFlag) === 1 || next === undefined || next <= start) {
      return { groups, conversations };
    }
    start = next;
  }
  throw new VendorUnavailableError(
    "tencent",
    `get_contact_group did not finish within ${CONTACT_GROUP_PAGES_MAX} pages.`,
  );
}
