/**
 * ZIM friend list changes (zego.md #15 §1, §2, §4, §5): AddFriends (no consent; always
 * both ways), DeleteFriends and DeleteAllFriends (DeleteType 0 both ways, 1 FromUserId's
 * list only). ZIM sends no server callback for these.
 */
import { ZIM } from "../errors.js";
import type { Params } from "../params.js";
import type { FriendEntry, User } from "../state.js";
import { type ItemError, partial } from "./common.js";
import {
  attributeItems,
  checkedAttributes,
  direction,
  friendId,
  friendIdList,
  friendItemList,
  fromUserId,
  listOwner,
  tooLong,
} from "./friend-common.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

interface FriendInfo {
  userId: string;
  alias: string | undefined;
  wording: string | undefined;
  /** ms; 0 = now. */
  time: number;
  attributes: Map<string, string>;
}

/** One FriendInfos item; shape errors fail the whole request (660000002, attribute codes). */
function friendInfo(item: Params): FriendInfo {
  return {
    userId: friendId(item),
    alias: item.optStr("FriendAlias"),
    wording: item.optStr("Wording"),
    time: item.optInt("FriendTime", { min: 0 }) ?? 0,
    attributes: checkedAttributes(attributeItems(item, ZIM.friendAttributeParam)),
  };
}

/**
 * Befriends `me` and `info.userId` both ways, or answers the SubCode that refuses it. A
 * pair that is already one-way is completed (tolerant: the docs do not say); only a pair
 * that has both sides is "already friends". The target's new entry has no alias or
 * attributes (only FromUserId's side gets them) but the same Wording and time.
 */
function befriend(ctx: ActionContext, me: User, info: FriendInfo): number | undefined {
  if (info.userId === me.userId) return ZIM.friendSelf;
  const other = ctx.app.users.get(info.userId);
  if (!other) return ZIM.userNotRegistered;
  if (tooLong(info.alias) || tooLong(info.wording)) return ZIM.friendTextTooLong;
  if (info.time > ctx.now) return ZIM.futureTime;
  const mine = me.friends.has(other.userId);
  const theirs = other.friends.has(me.userId);
  if (mine && theirs) return ZIM.alreadyFriends;
  const limit = ctx.app.config.friendLimit;
  if ((!mine && me.friends.size >= limit) || (!theirs && other.friends.size >= limit)) {
    return ZIM.friendLimit;
  }
  const time = info.time || ctx.now;
  const wording = info.wording ?? "";
  if (!mine) {
    me.friends.set(other.userId, {
      alias: info.alias ?? "",
      wording,
      attributes: info.attributes,
      time,
    });
  }
  if (!theirs) {
    const back: FriendEntry = { alias: "", wording, attributes: new Map(), time };
    other.friends.set(me.userId, back);
  }
  return undefined;
}

/** Removes `id` from `me`'s list (and `me` from theirs when two-way), or the SubCode. */
function unfriend(ctx: ActionContext, me: User, id: string, type: 0 | 1): number | undefined {
  if (id === me.userId) return ZIM.deleteSelf;
  const other = ctx.app.users.get(id);
  const mine = me.friends.has(id);
  const theirs = other?.friends.has(me.userId) ?? false;
  // Two-way fails only when neither side has the other (the docs do not say; tolerant).
  if (type === 1 ? !mine : !mine && !theirs) return ZIM.notFriend;
  me.friends.delete(id);
  if (type === 0) other?.friends.delete(me.userId);
  return undefined;
}

export const friendActions: ActionTable = {
  AddFriends: zimAction("POST", (ctx) => {
    const fromId = fromUserId(ctx.p);
    const infos = friendItemList(ctx.p, "FriendInfos").map(friendInfo);
    const me = listOwner(ctx, fromId, ZIM.senderUnregistered);
    const errors: ItemError[] = [];
    const seen = new Set<string>();
    for (const info of infos) {
      // The docs' example answers a repeated id in ErrorList, so the repeat fails alone.
      const sub = seen.has(info.userId) ? ZIM.duplicateUser : befriend(ctx, me, info);
      seen.add(info.userId);
      if (sub !== undefined) errors.push({ UserId: info.userId, SubCode: sub });
    }
    const noneRegistered = errors.every((e) => e.SubCode === ZIM.userNotRegistered);
    return partial(
      infos.length - errors.length,
      errors,
      "ErrorList",
      {},
      noneRegistered ? ZIM.noFriendRegistered : undefined,
    );
  }),

  DeleteFriends: zimAction("POST", (ctx) => {
    const fromId = fromUserId(ctx.p);
    const ids = friendIdList(ctx.p);
    const type = direction(ctx.p, "DeleteType");
    const me = listOwner(ctx, fromId, ZIM.senderUnregistered);
    const errors: ItemError[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const sub = seen.has(id) ? ZIM.duplicateUser : unfriend(ctx, me, id, type);
      seen.add(id);
      if (sub !== undefined) errors.push({ UserId: id, SubCode: sub });
    }
    return partial(ids.length - errors.length, errors, "ErrorList");
  }),

  /** Envelope only; a user without friends succeeds (tolerant: the docs do not say). */
  DeleteAllFriends: zimAction("GET", (ctx) => {
    const fromId = fromUserId(ctx.p);
    const type = direction(ctx.p, "DeleteType");
    // The page lists no "not registered" code: the generic parameter error.
    const me = listOwner(ctx, fromId, ZIM.badParam);
    if (type === 0) {
      for (const id of me.friends.keys()) ctx.app.users.get(id)?.friends.delete(me.userId);
    }
    me.friends.clear();
    return undefined;
  }),
};
