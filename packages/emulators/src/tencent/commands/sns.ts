/**
 * Blocklists, service sns (docs/vendors/tencent.md "Social graph and user depth" §10–13):
 * black_list_add, black_list_delete, black_list_get, black_list_check.
 */
import { SNS_CODES, TimError } from "../errors.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { Account } from "../state.js";
import { dropFriendship } from "./friends.js";
import {
  type ItemCode,
  itemAnswer,
  OK,
  owner,
  ownerAndTargets,
  pairCallback,
  RELATIONS,
  relationItems,
  SNS_BATCH,
} from "./sns-items.js";

/** A blocklist holds at most 1000 accounts. */
const LIST_CAP = 1_000;

/**
 * Applies `edit` to From_Account's blocklist for each To_Account (at most 1000): one result
 * item each, the failed accounts in Fail_Account, and `command`'s callback for the pairs
 * that changed.
 */
function editBlocklist(
  ctx: RouteContext,
  command: string,
  edit: (acc: Account, to: string) => ItemCode,
) {
  const from = ctx.f.str("From_Account");
  const targets = ctx.f.strArray("To_Account", SNS_BATCH);
  const acc = owner(ctx.app, from);
  const changed: { From_Account: string; To_Account: string }[] = [];
  const answer = itemAnswer(targets, (to) => {
    const code = edit(acc, to);
    if (code[0] === 0) changed.push({ From_Account: from, To_Account: to });
    return code;
  });
  pairCallback(ctx, command, changed);
  return answer;
}

export const snsRoutes: RouteTable = {
  "v4/sns/black_list_add": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app, now } = ctx;
      return editBlocklist(ctx, "Sns.CallbackBlackListAdd", (acc, to): ItemCode => {
        if (!app.accounts.has(to)) return [30003, "Err_SNS_BlackListAdd_Account_Not_Exist"];
        // Self-block: no documented code (unverified), the ResultInfo is the emulator's.
        if (to === acc.userId) return [30001, "Err_SNS_BlackListAdd_Add_Self"];
        if (acc.blacklist.has(to)) return [30001, "Err_SNS_BlackListAdd_Already_Exist"];
        // A full list: 30013 (SDK enum ERR_SVR_FRIENDSHIP_BLACKLIST_LIMIT; REST use unverified).
        if (acc.blacklist.size >= LIST_CAP) return [30013, "Err_SNS_BlackListAdd_Count_Exceed"];
        acc.blacklist.set(to, now);
        acc.blackSeq++;
        // Blocking ends a friendship both ways (no Sns.CallbackFriendDelete for it: unverified).
        dropFriendship(app, acc, to);
        return OK;
      });
    },
  },
  "v4/sns/black_list_delete": {
    codes: SNS_CODES,
    handle(ctx) {
      return editBlocklist(ctx, "Sns.CallbackBlackListDelete", (acc, to): ItemCode => {
        if (!ctx.app.accounts.has(to)) return [30003, "Err_SNS_BlackListDelete_Account_Not_Exist"];
        // Not blocked: 30001 (FAQ); the ResultInfo is the emulator's (unverified).
        if (!acc.blacklist.delete(to)) return [30001, "Err_SNS_BlackListDelete_Not_Exist"];
        acc.blackSeq++;
        return OK;
      });
    },
  },
  "v4/sns/black_list_get": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const from = f.str("From_Account");
      const start = f.int("StartIndex");
      const max = f.int("MaxLimited");
      f.int("LastSequence");
      if (max === 0 || max > LIST_CAP)
        throw new TimError(30001, `MaxLimited must be 1-${LIST_CAP}`);
      const acc = owner(app, from);
      const all = [...acc.blacklist];
      const page = all.slice(start, start + max);
      const next = start + page.length;
      return {
        BlackListItem: page.map(([To_Account, AddBlackTimeStamp]) => ({
          To_Account,
          AddBlackTimeStamp,
        })),
        StartIndex: next < all.length ? next : 0,
        CurruentSequence: acc.blackSeq, // sic: Tencent's spelling
      };
    },
  },
  "v4/sns/black_list_check": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app, f } = ctx;
      const { from: acc, targets } = ownerAndTargets(ctx);
      const type = f.str("CheckType");
      if (type !== "BlackCheckResult_Type_Single" && type !== "BlackCheckResult_Type_Both")
        f.fail("CheckType must be BlackCheckResult_Type_Single or BlackCheckResult_Type_Both");
      const both = type === "BlackCheckResult_Type_Both";
      // An unknown account has blocked no one and is on no list: NO, code 0 (unverified).
      const has = (a: Account, other: string) => a.blacklist.has(other);
      return {
        BlackListCheckItem: relationItems(app, acc, targets, both, has, RELATIONS.blocklist),
      };
    },
  },
};
