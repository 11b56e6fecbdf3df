/** ZIM user blocklist Actions (zego.md §2.6). A blocked sender's peer messages fail (660800045). */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import type { User } from "../state.js";
import { type ItemError, offsetCursor, partial } from "./common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

/** Default blocklist size per user (§2.6). */
const MAX_BLOCKED = 1000;

/** Blocklist APIs answer 660800001 for an unregistered FromUserId (§1.7). */
function owner(ctx: ActionContext): User {
  const id = idParam(ctx.p, "FromUserId");
  const user = ctx.app.users.get(id);
  if (!user) throw new ZegoError(ZIM.targetUnregistered, `FromUserId ${id} is not registered`);
  return user;
}

const targets = (ctx: ActionContext) =>
  ctx.p.strList("UserIds", { required: true, max: 20, tooManyCode: ZIM.blockTooMany });

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
  const me = owner(ctx);
  const errors: ItemError[] = [];
  let ok = 0;
  for (const id of targets(ctx)) {
    const sub = id === me.userId ? ZIM.blockSelf : change(me, id);
    if (sub !== undefined) errors.push({ UserId: id, SubCode: sub });
    else ok++;
  }
  return partial(ok, errors, "ErrList", {}, failedAll);
}

export const blocklistActions: ActionTable = {
  AddUsersToBlacklist: zimAction("POST", (ctx) => {
    return changeBlocklist(ctx, ZIM.blockFailedAll, (me, id) => {
      if (!ctx.app.users.has(id)) return ZIM.targetUnregistered;
      if (me.blocklist.has(id)) return ZIM.alreadyBlocked;
      if (me.blocklist.size >= MAX_BLOCKED) return ZIM.blocklistFull;
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
    const me = owner(ctx);
    const Succ: Record<string, unknown>[] = [];
    const errors: ItemError[] = [];
    for (const id of targets(ctx)) {
      if (!ctx.app.users.has(id)) errors.push({ UserId: id, SubCode: ZIM.targetUnregistered });
      else Succ.push({ UserId: id, Result: me.blocklist.has(id) ? 1 : 0 });
    }
    return partial(Succ.length, errors, "ErrList", { Succ });
  }),

  QueryBlacklist: zimAction("GET", (ctx) => {
    const me = owner(ctx);
    const limit = ctx.p.optInt("Limit", { min: 0, max: 100 }) || 100;
    const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
    const all = [...me.blocklist];
    const page = all.slice(next, next + limit);
    const end = next + page.length;
    return {
      TotalCount: all.length,
      Next: end < all.length ? end : 0,
      Blacklist: page.map(([id, at]) => {
        const u = ctx.app.users.get(id);
        return {
          UserId: id,
          UserName: u?.userName ?? "",
          Avatar: u?.avatar ?? "",
          UpdateTime: at,
        };
      }),
    };
  }),
};
