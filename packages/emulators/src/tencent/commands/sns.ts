/** Blocklists, service sns (tencent.md §3.4). */
import { SNS_CODES, TimError } from "../errors.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { Account, AppState } from "../state.js";

const MAX_BATCH = 1_000;
/** A blocklist holds at most 1000 accounts (§3.4). */
const LIST_CAP = 1_000;
/** Per-item code for a full list: not documented, 30010 (count over limit) is our pick. */
const LIST_FULL = 30010;

/** The imported account whose blocklist a request names (30003 when it is not imported). */
function owner(app: AppState, from: string): Account {
  const acc = app.accounts.get(from);
  if (!acc) throw new TimError(30003, `${from} is not imported`);
  return acc;
}

/**
 * Applies `edit` to From_Account's blocklist for each To_Account (at most 1000): one result
 * item each, with the code `edit` answers, and the failed accounts in Fail_Account.
 */
function editBlocklist(
  { app, f }: RouteContext,
  failInfo: string,
  edit: (acc: Account, to: string, from: string) => number,
) {
  const from = f.str("From_Account");
  const targets = f.strArray("To_Account", MAX_BATCH);
  const acc = owner(app, from);
  const Fail_Account: string[] = [];
  const ResultItem = targets.map((To_Account) => {
    const ResultCode = edit(acc, To_Account, from);
    if (ResultCode !== 0) Fail_Account.push(To_Account);
    return { To_Account, ResultCode, ResultInfo: ResultCode === 0 ? "" : failInfo };
  });
  return { ResultItem, Fail_Account };
}

export const snsRoutes: RouteTable = {
  "v4/sns/black_list_add": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app, now } = ctx;
      return editBlocklist(ctx, "failed", (acc, to, from) => {
        if (!app.accounts.has(to)) return 30003;
        if (to === from) return 30001;
        // Blocking an already-blocked account succeeds again (idempotent; unverified).
        if (acc.blacklist.has(to)) return 0;
        if (acc.blacklist.size >= LIST_CAP) return LIST_FULL;
        acc.blacklist.set(to, now);
        acc.blackSeq++;
        return 0;
      });
    },
  },
  "v4/sns/black_list_delete": {
    codes: SNS_CODES,
    handle(ctx) {
      const { ResultItem, Fail_Account } = editBlocklist(ctx, "account not found", (acc, to) => {
        if (!ctx.app.accounts.has(to)) return 30003;
        if (acc.blacklist.delete(to)) acc.blackSeq++;
        return 0;
      });
      return { ResultItem, ...(Fail_Account.length > 0 ? { Fail_Account } : {}) };
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
};
