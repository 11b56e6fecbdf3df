/** Blocklists, service sns (tencent.md §3.4). */
import { SNS_CODES, TimError } from "../errors.js";
import type { RouteTable } from "../route.js";

const MAX_BATCH = 1_000;
/** A blocklist holds at most 1000 accounts (§3.4). */
const LIST_CAP = 1_000;
/** Per-item code for a full list: not documented, 30010 (count over limit) is our pick. */
const LIST_FULL = 30010;

export const snsRoutes: RouteTable = {
  "v4/sns/black_list_add": {
    codes: SNS_CODES,
    handle({ app, f, now }) {
      const from = f.str("From_Account");
      const targets = f.strArray("To_Account", MAX_BATCH);
      const acc = app.accounts.get(from);
      if (!acc) throw new TimError(30003, `${from} is not imported`);
      const Fail_Account: string[] = [];
      const ResultItem = targets.map((To_Account) => {
        let ResultCode = 0;
        if (!app.accounts.has(To_Account)) ResultCode = 30003;
        else if (To_Account === from) ResultCode = 30001;
        else if (!acc.blacklist.has(To_Account)) {
          if (acc.blacklist.size >= LIST_CAP) ResultCode = LIST_FULL;
          else {
            acc.blacklist.set(To_Account, now);
            acc.blackSeq++;
          }
        }
        // Blocking an already-blocked account succeeds again (idempotent; unverified).
        if (ResultCode !== 0) Fail_Account.push(To_Account);
        return { To_Account, ResultCode, ResultInfo: ResultCode === 0 ? "" : "failed" };
      });
      return { ResultItem, Fail_Account };
    },
  },
  "v4/sns/black_list_delete": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const from = f.str("From_Account");
      const targets = f.strArray("To_Account", MAX_BATCH);
      const acc = app.accounts.get(from);
      if (!acc) throw new TimError(30003, `${from} is not imported`);
      const Fail_Account: string[] = [];
      const ResultItem = targets.map((To_Account) => {
        const ResultCode = app.accounts.has(To_Account) ? 0 : 30003;
        if (ResultCode !== 0) Fail_Account.push(To_Account);
        else if (acc.blacklist.delete(To_Account)) acc.blackSeq++;
        return { To_Account, ResultCode, ResultInfo: ResultCode === 0 ? "" : "account not found" };
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
      const acc = app.accounts.get(from);
      if (!acc) throw new TimError(30003, `${from} is not imported`);
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
