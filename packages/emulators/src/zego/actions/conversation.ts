/**
 * ZIM conversation list Actions (zego.md #16 §1.1-1.3): QueryConversationList,
 * ClearConversationUnread (GET) and DeleteConv, over each user's own entries.
 */
import {
  type ConvKind,
  findConversation,
  LATEST_CONVERSATIONS,
  latestConversations,
} from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import type { Params } from "../params.js";
import { offsetCursor, offsetPage, sender } from "./common.js";
import { type ActionTable, zimAction } from "./types.js";

/** ConvType 0 (one-to-one) or 2 (group); anything else is a parameter error. */
export function convTypeParam(p: Params, name = "ConvType"): ConvKind {
  const type = p.int(name);
  if (type !== 0 && type !== 2) throw p.fail(`${name} must be 0 (one-to-one) or 2 (group)`);
  return type;
}

export const conversationActions: ActionTable = {
  /**
   * Ascending by UpdateTime (§1.1) over the latest 1000; Next is an offset (opaque to
   * callers, §6.14). Peer items carry no ConvType, as in the docs' example: 0 is implied.
   */
  QueryConversationList: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const asked = ctx.p.optInt("Limit") ?? 0;
    // Out of range is corrected, not refused (§1.1).
    const limit = asked <= 0 ? 100 : Math.min(asked, 500);
    const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
    const all = latestConversations(ctx.app, me.userId).reverse();
    const { page, ...counts } = offsetPage(all, next, limit);
    return {
      ...counts,
      List: page.map((c) => ({
        ConvId: c.convId,
        ...(c.convType === 2 ? { ConvType: 2 } : {}),
        UpdateTime: c.updateTime,
      })),
    };
  }),

  ClearConversationUnread: zimAction("GET", (ctx) => {
    const me = sender(ctx);
    const convId = idParam(ctx.p, "ConvId");
    const convType = convTypeParam(ctx.p);
    const entry = findConversation(ctx.app, me.userId, convType, convId);
    // Only among the latest 1000 (more on request to ZEGO support).
    if (!entry || !latestConversations(ctx.app, me.userId).includes(entry)) {
      throw new ZegoError(
        ZIM.convMissing,
        `the conversation does not exist or is not among the latest ${LATEST_CONVERSATIONS}`,
      );
    }
    entry.unread = 0;
    return undefined;
  }),

  /**
   * Removes the entry from this user's list only; history stays queryable and a new message
   * lists it again; an unknown conversation is Code 0 (§6.7, unverified).
   */
  DeleteConv: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const convId = idParam(ctx.p, "ConvId");
    const convType = convTypeParam(ctx.p);
    const entry = findConversation(ctx.app, me.userId, convType, convId);
    if (entry) {
      entry.listed = false;
      entry.unread = 0;
    }
    return undefined;
  }),
};
