import { type ConversationMarks, checkId, checkMarks, checkUserConversation } from "@imgraph/core";
import { contactItem, readContactGroups, throwRefusedRow } from "./contact-groups.js";
import { call, type Op } from "./context.js";
import { FIRST_APP_MARK_BIT, GROUP_USERS, MARK_RANGE, USER_ID } from "./limits.js";

// Conversation marks are bits of Tencent's 64-bit standard mark (mark_contact SetMark /
// ClearMark name bit numbers from 1; docs/vendors/tencent.md §1.4). Bits 1..32 are Tencent's
// own (star, unread, fold, hide, ...), 33..64 the app's: neutral mark m is bit 32 + m, so the
// client SDKs' built-in marks are neither set nor reported by imgraph.

/** mark_contact OptType 1: the standard mark only (the custom mark string stays). */
const STANDARD_MARK = 1;

export function markToBit(mark: number): number {
  return FIRST_APP_MARK_BIT - MARK_RANGE.min + mark;
}

/**
 * The neutral marks of a standard mark read as a number, whose bit n (numbered from 1) is
 * 1 << (n - 1): its set bits 33..64.
 */
export function marksOf(bits: bigint): number[] {
  const marks: number[] = [];
  for (let mark = MARK_RANGE.min; mark <= MARK_RANGE.max; mark++) {
    if ((bits >> BigInt(markToBit(mark) - 1)) & 1n) marks.push(mark);
  }
  return marks;
}

/** One MarkItem: SetMark for `add`, ClearMark for `remove`. */
export const setConversationMarks: Op<"setConversationMarks"> = async (ctx, input, options) => {
  const { userId, conversation } = checkUserConversation(input, GROUP_USERS);
  const { add, remove } = checkMarks(input.add, input.remove, MARK_RANGE);
  const answer = await call<{ ResultItem?: unknown }>(
    ctx,
    "setConversationMarks",
    "recentcontact/mark_contact",
    {
      From_Account: userId,
      MarkItem: [
        {
          OptType: STANDARD_MARK,
          ContactItem: contactItem(conversation),
          ...(add.length > 0 ? { SetMark: add.map(markToBit) } : {}),
          ...(remove.length > 0 ? { ClearMark: remove.map(markToBit) } : {}),
        },
      ],
    },
    options,
    // Setting and clearing bits converges: a repeat is harmless.
    true,
  );
  throwRefusedRow(answer.ResultItem);
};

/** The conversations of get_contact_group (every page) whose standard mark holds app bits. */
export const listConversationMarks: Op<"listConversationMarks"> = async (ctx, input, options) => {
  const userId = checkId("userId", input?.userId, USER_ID);
  const { conversations } = await readContactGroups(ctx, "listConversationMarks", userId, options);
  return conversations
    .map(
      ({ conversation, standardMark }): ConversationMarks => ({
        conversation,
        marks: marksOf(standardMark),
      }),
    )
    .filter((m) => m.marks.length > 0);
};
