/**
 * ZIM ClearPeerMessage / ClearMemberGroupMessage (zego.md #16 §2.2): every message of one
 * conversation disappears for FromUserId only, with no time bound. The entry stays in the
 * user's list; QueryPeerMsg shows the cleared messages as IsEmpty 1 to that user only, and
 * QueryGroupMsg (which names no user) is unaffected (§6.8, unverified).
 */
import { ensureConversation } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { type Conversation, peerKey } from "../state.js";
import { groupAction, sender } from "./common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

function clear(
  ctx: ActionContext,
  userId: string,
  convType: 0 | 2,
  convId: string,
  conv: Conversation | undefined,
): undefined {
  if (conv && conv.lastSeq > 0) {
    ensureConversation(ctx.app, userId, convType, convId).clearedSeq = conv.lastSeq;
  }
  return undefined;
}

export const messageClearActions: ActionTable = {
  ClearPeerMessage: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const to = idParam(ctx.p, "ToUserId");
    if (to === me.userId) throw ctx.p.fail("ToUserId must be the other participant");
    return clear(ctx, me.userId, 0, to, ctx.app.peerConvs.get(peerKey(me.userId, to)));
  }),
  ClearMemberGroupMessage: groupAction("POST", (ctx, g, me) => {
    if (!g.members.has(me.userId))
      throw new ZegoError(ZIM.notMember, "FromUserId is not in the group");
    return clear(ctx, me.userId, 2, g.groupId, ctx.app.groupConvs.get(g.groupId));
  }),
};
