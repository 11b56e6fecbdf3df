/**
 * ZIM friend data changes (zego.md #15 §3): UpdateFriendsAlias for several friends,
 * UpdateFriendAttributes for one friend's k0..k4 attributes (set per key; keys not sent
 * are kept — inferred, unverified). Both change FromUserId's entry only.
 */
import { ZegoError, ZIM } from "../errors.js";
import type { User } from "../state.js";
import { type ItemError, partial } from "./common.js";
import {
  ATTRIBUTES_MAX_BYTES,
  attributeBytes,
  attributeItems,
  friendId,
  friendItemList,
  fromUserId,
  isAttributeKey,
  listOwner,
  tooLong,
} from "./friend-common.js";
import { type ActionTable, zimAction } from "./types.js";

interface KeyError {
  Key: string;
  SubCode: number;
}

/** The friend entry UpdateFriendAttributes changes; not a friend is 660800034 (unverified). */
function friendEntry(me: User | undefined, id: string) {
  const entry = me?.friends.get(id);
  if (!entry) throw new ZegoError(ZIM.notFriend, `${id} is not a friend of FromUserId`);
  return entry;
}

export const friendUpdateActions: ActionTable = {
  UpdateFriendsAlias: zimAction("POST", (ctx) => {
    const fromId = fromUserId(ctx.p);
    // `UserIds` holds objects {UserId, FriendAlias}, despite its name.
    const items = friendItemList(ctx.p, "UserIds").map((item) => ({
      userId: friendId(item),
      alias: item.optStr("FriendAlias"),
    }));
    const me = listOwner(ctx, fromId, ZIM.badParam);
    const errors: ItemError[] = [];
    for (const { userId, alias } of items) {
      const entry = me.friends.get(userId);
      let sub: number | undefined;
      if (tooLong(alias)) sub = ZIM.friendTextTooLong;
      else if (!entry) sub = ZIM.notFriend;
      // An absent alias clears it, as "" does (unverified).
      else entry.alias = alias ?? "";
      if (sub !== undefined) errors.push({ UserId: userId, SubCode: sub });
    }
    return partial(items.length - errors.length, errors, "ErrorList");
  }),

  UpdateFriendAttributes: zimAction("POST", (ctx) => {
    const fromId = fromUserId(ctx.p);
    const friend = friendId(ctx.p);
    const items = attributeItems(ctx.p, ZIM.badParam);
    if (items.length === 0) throw ctx.p.fail("Attributes is required");
    // Action 0 (set) is the only documented value.
    if ((ctx.p.optInt("Action") ?? 0) !== 0) throw ctx.p.fail("Action must be 0");
    if (attributeBytes(items.map((a) => [a.key, a.value])) > ATTRIBUTES_MAX_BYTES) {
      throw new ZegoError(ZIM.friendAttributesTooLong, "attributes are over 1024 bytes");
    }
    const entry = friendEntry(ctx.app.users.get(fromId), friend);
    const FailKey: KeyError[] = [];
    const seen = new Set<string>();
    for (const { key, value } of items) {
      let sub: number | undefined;
      if (!isAttributeKey(key)) sub = ZIM.attributeKey;
      else if (seen.has(key)) sub = ZIM.duplicateAttributeKey;
      else {
        const after = new Map(entry.attributes).set(key, value);
        // The SubCode: the stored total would pass the limit with this key.
        if (attributeBytes(after) > ATTRIBUTES_MAX_BYTES) sub = ZIM.friendAttributesTooLong;
        else entry.attributes.set(key, value);
      }
      seen.add(key);
      if (sub !== undefined) FailKey.push({ Key: key, SubCode: sub });
    }
    if (FailKey.length === items.length) {
      throw new ZegoError(FailKey[0]?.SubCode ?? ZIM.badParam, "no attribute was set", {
        FailKey,
      });
    }
    return { FailKey };
  }),
};
