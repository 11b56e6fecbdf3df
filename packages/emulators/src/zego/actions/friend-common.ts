/**
 * Rules shared by the ZIM friend Actions (zego.md "Social graph and user depth (#15)"):
 * list owners, batches of 20, the direction flags, the k0..k4 friend attributes and the
 * list pages (the blocklist's too). Every friend Action is limited to 20 calls/s per AppID
 * (zimAction's APP_20).
 */
import { ZegoError, ZIM } from "../errors.js";
import { idParam, isValidId } from "../ids.js";
import { bytes, type ListRule, type Params } from "../params.js";
import type { User } from "../state.js";
import { offsetCursor, offsetPage } from "./common.js";
import type { ActionContext } from "./types.js";

/** Ids per friend call by default (support can raise it to 50). */
export const FRIENDS_PER_CALL = 20;
/** FriendAlias and Wording: at most 256 characters. */
export const FRIEND_TEXT_MAX_CHARS = 256;
/** Friend attributes: at most 5, keys + values at most 1024 bytes in all. */
export const ATTRIBUTES_MAX = 5;
export const ATTRIBUTES_MAX_BYTES = 1024;
const ATTRIBUTE_KEY = /^k[0-4]$/;

/**
 * The list owner named by FromUserId. `unregistered` is the Code the Action answers when
 * it is not registered: 660500002 where the page lists it, else the generic 660000002.
 */
export function listOwner(ctx: ActionContext, fromId: string, unregistered: number): User {
  const user = ctx.app.users.get(fromId);
  if (!user) throw new ZegoError(unregistered, `FromUserId ${fromId} is not registered`);
  return user;
}

export const fromUserId = (p: Params): string => idParam(p, "FromUserId");

/** A friend batch: 1..20 items; a longer list is 660800019. */
const FRIEND_BATCH: ListRule = {
  required: true,
  max: FRIENDS_PER_CALL,
  tooManyCode: ZIM.friendTooMany,
};

/** UserIds: a friend batch of ids. */
export function friendIdList(p: Params): string[] {
  const ids = p.strList("UserIds", FRIEND_BATCH);
  for (const id of ids) if (!isValidId(id)) throw p.fail(`UserIds: ${id} is not a valid id`);
  return ids;
}

/** A friend batch of objects (FriendInfos; UserIds of UpdateFriendsAlias). */
export function friendItemList(p: Params, name: string): Params[] {
  return p.objList(name, FRIEND_BATCH);
}

/** UserId: a valid id, else the whole request fails (660000002). */
export function friendId(p: Params): string {
  const userId = p.str("UserId");
  if (!isValidId(userId)) throw p.fail(`UserId ${userId} is not a valid id`);
  return userId;
}

/** DeleteType / CheckType: required, 0 (two-way) or 1 (one-way). */
export function direction(p: Params, name: string): 0 | 1 {
  const v = p.int(name);
  if (v !== 0 && v !== 1) throw p.fail(`${name} must be 0 or 1`);
  return v;
}

export const tooLong = (text: string | undefined): boolean =>
  text !== undefined && [...text].length > FRIEND_TEXT_MAX_CHARS;

export interface AttributeItem {
  key: string;
  value: string;
}

/**
 * Attributes[] {Key, Value}, both required strings (the docs' own example writes `key` in
 * lower case, so that is accepted too). More than 5 items or a bad item is `badItem`.
 */
export function attributeItems(p: Params, badItem: number): AttributeItem[] {
  return p.objList("Attributes", { max: ATTRIBUTES_MAX, tooManyCode: badItem }).map((item) => {
    const key = item.raw("Key") ?? item.raw("key");
    const value = item.raw("Value") ?? item.raw("value");
    if (typeof key !== "string" || typeof value !== "string") {
      throw new ZegoError(badItem, "every attribute needs a Key and a Value");
    }
    return { key, value };
  });
}

export const isAttributeKey = (key: string): boolean => ATTRIBUTE_KEY.test(key);

export function attributeBytes(items: Iterable<[string, string]>): number {
  let total = 0;
  for (const [k, v] of items) total += bytes(k) + bytes(v);
  return total;
}

/**
 * AddFriends' attribute rules, answered as the request's Code: a key outside k0..k4
 * 660800023, a repeated key 660800032, keys + values over 1024 bytes 660800024.
 */
export function checkedAttributes(items: AttributeItem[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, value } of items) {
    if (!isAttributeKey(key)) throw new ZegoError(ZIM.attributeKey, `Key ${key} is not k0..k4`);
    if (map.has(key)) throw new ZegoError(ZIM.duplicateAttributeKey, `Key ${key} is repeated`);
    map.set(key, value);
  }
  if (attributeBytes(map) > ATTRIBUTES_MAX_BYTES) {
    throw new ZegoError(ZIM.friendAttributesTooLong, "attributes are over 1024 bytes");
  }
  return map;
}

/** Attributes as ZIM answers them. */
export const attributeList = (map: Map<string, string>) =>
  [...map].map(([Key, Value]) => ({ Key, Value }));

/** Limit 0..100 of a list Action: absent, 0 or over 100 mean 100. */
export function pageSize(p: Params): number {
  const limit = p.optInt("Limit", { min: 0 });
  return limit === undefined || limit === 0 || limit > 100 ? 100 : limit;
}

/**
 * One page of FromUserId's list `of` (the friends, the blocklist): FromUserId, Limit and
 * Next are read before the owner is looked up (`unregistered` as in listOwner). Answers
 * TotalCount, Next (0 after the last page) and the page's entries.
 */
export function listPage<T>(
  ctx: ActionContext,
  unregistered: number,
  of: (me: User) => Iterable<T>,
) {
  const fromId = fromUserId(ctx.p);
  const limit = pageSize(ctx.p);
  const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
  const all = [...of(listOwner(ctx, fromId, unregistered))];
  return offsetPage(all, next, limit);
}

/** How a list item shows a user: id, name and avatar ("" when unknown). */
export function userCard(ctx: ActionContext, id: string) {
  const u = ctx.app.users.get(id);
  return { UserId: id, UserName: u?.userName ?? "", Avatar: u?.avatar ?? "" };
}
