/** FetchForbidGroupList: the app's muted groups (zego.md #17 §G8.3, §U1). */
import type { Group } from "../state.js";
import { offsetCursor, sender } from "./common.js";
import { type ActionTable, zimAction } from "./types.js";

/** Groups per page (the page's default; raisable through ZEGO support). */
const PAGE = 10_000;

const active = (until: number, now: number) => until === -1 || until > now;

/** ForbidType bits: 1 all-member mute, 2 role mute, 4 some user muted by id; 0 = no mute. */
function forbidType(g: Group, now: number): number {
  let type = 0;
  if (g.mute && active(g.mute.until, now)) type |= g.mute.all ? 1 : 2;
  for (const m of g.members.values()) {
    if (m.muteUntil !== 0 && active(m.muteUntil, now)) return type | 4;
  }
  return type;
}

export const groupForbidListActions: ActionTable = {
  /**
   * "The IDs of all muted groups in the App": every group with an active mute of any kind.
   * FromUserId only names the (registered) operator. The docs name it per app, not per user,
   * so this replaces the earlier per-FromUserId reading (§U1).
   */
  FetchForbidGroupList: zimAction("POST", (ctx) => {
    sender(ctx);
    const start = offsetCursor(ctx.p.optInt("StartFlag", { min: 0 }));
    const list: { GroupId: string; ForbidType: number }[] = [];
    for (const g of ctx.app.groups.values()) {
      const type = forbidType(g, ctx.now);
      if (type !== 0) list.push({ GroupId: g.groupId, ForbidType: type });
    }
    const page = list.slice(start, start + PAGE);
    const end = start + page.length;
    return {
      FetchEnd: end < list.length ? 0 : 1,
      NextFlag: end < list.length ? end : 0,
      GroupList: page,
    };
  }),
};
