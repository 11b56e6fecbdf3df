/**
 * ZIM user blocklist Actions (zego.md §2.6, #15 §10-13). A blocked sender's peer messages
 * fail (660800045). The blocklist and the friend list are independent.
 */
import { ZIM } from "../errors.js";
import { isValidId } from "../ids.js";
import type { User } from "../state.js";
import { type ItemError, partial } from "./common.js";
import { fromUserId, listOwner, listPage, userCard } from "./friend-common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

/**
 * FromUserId, then UserIds (1..20; more is 660800039), then FromUserId must be registered:
 * 660500002, the Code every blocklist page lists for it (they also list 660800001 without
 * saying when).
 */
function request(ctx: ActionContext): { me: User; ids: string[] } {
  const fromId = fromUserId(ctx.p);
  const ids = ctx.p.strList("UserIds", { required: true, max: 20, tooManyCode: ZIM.blockTooMany });
  for (const id of ids) if (!isValidId(id)) throw ctx.p.fail(`UserIds: ${id} is not a valid id`);
  return { me: listOwner(ctx, fromId, ZIM.senderUnregistered), ids };
}

/**
 * Adds to or removes from FromUserId's blocklist each of UserIds: `change` makes the change
 * and answers nothing, or answers the SubCode it refuses one with (the owner itself is
 * refused before); every one refused is `failedAll`.
 */
function changeBlocklist(
  ctx: ActionContext,
  failedAll: number,
  change: (me: User, id: string) => number | undefined,
) {
  const { me, ids } = request(ctx);
  const errors: ItemError[] = [];
  let ok = 0;
  for (const id of ids) {
    const sub = id === me.userId ? ZIM.blockSelf : change(me, id);
    if (sub !== undefined) errors.push({ UserId: id, SubCode: sub });
    else ok++;
  }
  return partial(ok, errors, "ErrList", {}, failedAll);
}

export const blocklistActions: ActionTable = {
  AddUsersToBlacklist: zimAction("POST", (ctx) => {
    return changeBlocklist(ctx, ZIM.blockFailedAll, (me, id) => {
      if (!ctx.app.users.has(id)) return ZIM.userNotRegistered;
      if (me.blocklist.has(id)) return ZIM.alreadyBlocked;
      if (me.blocklist.size >= ctx.app.config.blocklistLimit) return ZIM.blocklistFull;
      me.blocklist.set(id, ctx.now);
      return undefined;
    });
  }),

  RemoveUsersFromBlacklist: zimAction("POST", (ctx) => {
    return changeBlocklist(ctx, ZIM.unblockFailedAll, (me, id) =>
      me.blocklist.delete(id) ? undefined : ZIM.notBlocked,
    );
  }),

  CheckUsersIsInBlacklist: zimAction("POST", (ctx) => {
    const { me, ids } = request(ctx);
    const Succ: Record<string, unknown>[] = [];
    const errors: ItemError[] = [];
    for (const id of ids) {
      if (!ctx.app.users.has(id)) errors.push({ UserId: id, SubCode: ZIM.userNotRegistered });
      else Succ.push({ UserId: id, Result: me.blocklist.has(id) ? 1 : 0 });
    }
    return partial(Succ.length, errors, "ErrList", { Succ });
  }),

  QueryBlacklist: zimAction("GET", (ctx) => {
    const { page, ...counts } = listPage(ctx, ZIM.senderUnregistered, (me) => me.blocklist);
    return {
      ...counts,
      Blacklist: page.map(([id, at]) => ({ ...userCard(ctx, id), UpdateTime: at })),
    };
  }),
};
