/** ZIM QueryConversationList (zego.md §2.7): a user's latest conversations, newest first. */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import { offsetCursor } from "./common.js";
import { type ActionTable, zimAction } from "./types.js";

/** At most the latest 1000 conversations are kept per user (§2.7). */
const MAX_CONVERSATIONS = 1000;

export const conversationActions: ActionTable = {
  QueryConversationList: zimAction("POST", (ctx) => {
    const me = idParam(ctx.p, "FromUserId");
    if (!ctx.app.users.has(me))
      throw new ZegoError(ZIM.targetUnregistered, `FromUserId ${me} is not registered`);
    const asked = ctx.p.optInt("Limit", { min: 0 }) ?? 0;
    const limit = asked === 0 ? 100 : Math.min(asked, 500);
    const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
    const list: { ConvId: string; ConvType: number; UpdateTime: number }[] = [];
    for (const [key, conv] of ctx.app.peerConvs) {
      const [a, b] = key.split("\u0000");
      const last = conv.messages.at(-1);
      if (!last || (a !== me && b !== me)) continue;
      list.push({
        ConvId: a === me ? (b as string) : (a as string),
        ConvType: 0,
        UpdateTime: last.time,
      });
    }
    // Group conversations: groups the user belongs to that have messages.
    for (const [groupId, conv] of ctx.app.groupConvs) {
      const last = conv.messages.at(-1);
      if (last && ctx.app.groups.get(groupId)?.members.has(me)) {
        list.push({ ConvId: groupId, ConvType: 2, UpdateTime: last.time });
      }
    }
    list.sort((x, y) => y.UpdateTime - x.UpdateTime);
    const all = list.slice(0, MAX_CONVERSATIONS);
    const page = all.slice(next, next + limit);
    const end = next + page.length;
    return { TotalCount: all.length, Next: end < all.length ? end : 0, List: page };
  }),
};
