/**
 * Friend lists, service sns (docs/vendors/tencent.md "Social graph and user depth" §9):
 * group_add, group_delete, group_get. "Groups" here are a user's named lists of friends,
 * not chat groups: at most 32 per user, each named in 1-30 bytes. A friend's lists are its
 * row's Tag_SNS_IM_Group; a list also exists with no friend in it.
 */
import { SNS_CODES, TimError } from "../errors.js";
import type { Fields } from "../fields.js";
import type { RouteTable } from "../route.js";
import {
  FRIEND_LISTS_MAX,
  type ItemCode,
  itemAnswer,
  listCount,
  listNamesProblem,
  OK,
  owner,
  SNS_BATCH,
  setLists,
} from "./sns-items.js";

/** GroupName: list names, each 1-30 bytes (whole call 30001 otherwise). */
function listNames(f: Fields, required: boolean): string[] {
  if (!required && !f.has("GroupName")) return [];
  const names = f.array("GroupName", FRIEND_LISTS_MAX);
  if (listNamesProblem(names, "")) f.fail("GroupName: each name must be a string of 1-30 bytes");
  return [...new Set(names as string[])];
}

export const friendListRoutes: RouteTable = {
  "v4/sns/group_add": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const acc = owner(app, f.str("From_Account"));
      const names = listNames(f, true);
      const friends = f.has("To_Account") ? f.strArray("To_Account", SNS_BATCH) : undefined;
      // Over 32: 30011 (SDK enum GROUP_COUNT_LIMIT; from group_add unverified).
      if (listCount(acc, names) > FRIEND_LISTS_MAX) {
        throw new TimError(30011, "Err_SNS_GroupAdd_Group_Num_Exceed_Threshold");
      }
      // An existing name is taken as created again (unverified): idempotent.
      for (const name of names) acc.friendLists.add(name);
      acc.friendSeq++;
      const CurrentSequence = acc.friendSeq;
      if (!friends) return { CurrentSequence };
      // The friends named go into every list of the call.
      const answer = itemAnswer(friends, (to): ItemCode => {
        if (!app.accounts.has(to)) return [30003, "Err_SNS_GroupAdd_Account_Not_Exist"];
        const row = acc.friends.get(to);
        if (!row) return [32216, "Err_SNS_GroupAdd_ToTinyId_Not_Friend"];
        setLists(acc, row, [...row.groups, ...names]);
        return OK;
      });
      return { ...answer, CurrentSequence };
    },
  },
  "v4/sns/group_delete": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const acc = owner(app, f.str("From_Account"));
      const names = listNames(f, true);
      // An unknown name is ignored (unverified); the friends stay friends.
      for (const name of names) {
        acc.friendLists.delete(name);
        for (const row of acc.friends.values()) row.groups = row.groups.filter((g) => g !== name);
      }
      acc.friendSeq++;
      return { CurrentSequence: acc.friendSeq };
    },
  },
  "v4/sns/group_get": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const acc = owner(app, f.str("From_Account"));
      // LastSequence came from older pages: accepted and ignored.
      f.optInt("LastSequence");
      const only = listNames(f, false);
      const need = f.optStr("NeedFriend");
      if (need !== undefined && need !== "Need_Friend_Type_Yes" && need !== "Need_Friend_Type_No") {
        f.fail("NeedFriend must be Need_Friend_Type_Yes or Need_Friend_Type_No");
      }
      // Members only when no GroupName narrows the read (the page's rule).
      const withFriends = need === "Need_Friend_Type_Yes" && only.length === 0;
      // A named list that does not exist is left out (unverified).
      const names =
        only.length > 0 ? only.filter((n) => acc.friendLists.has(n)) : [...acc.friendLists];
      const ResultItem = names.map((GroupName) => {
        const members = [...acc.friends].filter(([, row]) => row.groups.includes(GroupName));
        return {
          GroupName,
          FriendNumber: members.length,
          ...(withFriends ? { To_Account: members.map(([id]) => id) } : {}),
        };
      });
      return { ResultItem, CurrentSequence: acc.friendSeq };
    },
  },
};
