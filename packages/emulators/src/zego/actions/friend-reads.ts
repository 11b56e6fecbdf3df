/**
 * ZIM friend reads (zego.md #15 §6, §8): QueryFriendList pages FromUserId's own list
 * (one-way "A has B" included); CheckFriendsRelation tells how two users stand.
 */
import { ZIM } from "../errors.js";
import type { User } from "../state.js";
import { type ItemError, partial } from "./common.js";
import {
  attributeList,
  direction,
  friendIdList,
  fromUserId,
  listOwner,
  listPage,
  userCard,
} from "./friend-common.js";
import { type ActionTable, zimAction } from "./types.js";

/**
 * CheckType 1: 1 A lacks B, 2 A has B. CheckType 0: 3 neither, 4 only A has B, 5 only B
 * has A, 6 both (the client enum ZIMUserRelationType).
 */
function relation(me: User, other: User, type: 0 | 1): number {
  const mine = me.friends.has(other.userId);
  if (type === 1) return mine ? 2 : 1;
  const theirs = other.friends.has(me.userId);
  if (mine && theirs) return 6;
  if (mine) return 4;
  return theirs ? 5 : 3;
}

export const friendReadActions: ActionTable = {
  QueryFriendList: zimAction("GET", (ctx) => {
    // The page lists no "not registered" code: the generic parameter error.
    const { page, ...counts } = listPage(ctx, ZIM.badParam, (me) => me.friends);
    return {
      ...counts,
      FriendInfos: page.map(([id, f]) => ({
        ...userCard(ctx, id),
        Wording: f.wording,
        FriendAlias: f.alias,
        CreateTime: f.time,
        Attributes: attributeList(f.attributes),
      })),
    };
  }),

  /** An unknown target is a Fails item with 660700015 (the docs list no code; tolerant). */
  CheckFriendsRelation: zimAction("POST", (ctx) => {
    const fromId = fromUserId(ctx.p);
    const ids = friendIdList(ctx.p);
    const type = direction(ctx.p, "CheckType");
    const me = listOwner(ctx, fromId, ZIM.badParam);
    const Successes: Record<string, unknown>[] = [];
    const fails: ItemError[] = [];
    for (const id of ids) {
      const other = ctx.app.users.get(id);
      if (!other) fails.push({ UserId: id, SubCode: ZIM.userNotRegistered });
      else Successes.push({ UserId: id, Relation: relation(me, other, type) });
    }
    return partial(Successes.length, fails, "Fails", { Successes });
  }),
};
