/**
 * Push to listed accounts: timpush/batch (intl doc 1047/67553, cn 269/108906). 1-500
 * To_Account (more: 90018), From_Account, MsgRandom and OfflinePushInfo required (the page's
 * example answers 90001 for a bad MsgRandom), DataId ≤ 64 bytes (90057). MsgRandom
 * deduplicates "within the same second" only. Accounts Tencent does not know come back in
 * ErrorList with 70107 (the page's partial-success example); the others are pushed to.
 * 30 calls a second (the intl page; by edition 10 / 30 / 40 on the cn page).
 */
import { PUSH_TARGET_CODES } from "../errors.js";
import { UINT32_MAX, utf8Bytes } from "../fields.js";
import { account, type RouteTable } from "../route.js";
import { dedupSend } from "../state.js";
import { batchTaskId, offlinePush, recordPush, requirePush } from "./push-task.js";

const ACCOUNTS_PER_CALL = 500;
const DATA_ID_MAX_BYTES = 64;
const SAME_SECOND_MS = 1_000;

export const pushBatchRoutes: RouteTable = {
  "v4/timpush/batch": {
    codes: PUSH_TARGET_CODES,
    rules: [{ limit: 30, window: "second" }],
    handle({ app, f, now, nowMs }) {
      requirePush(app);
      const from = f.str("From_Account");
      account(app, from, 90001, "From_Account");
      const to = f.strArray("To_Account", ACCOUNTS_PER_CALL);
      const random = f.int("MsgRandom", 90001, UINT32_MAX);
      const notification = offlinePush(f);
      if (!notification) f.fail("OfflinePushInfo is required");
      const dataId = f.optStr("DataId");
      if (dataId !== undefined && utf8Bytes(dataId) > DATA_ID_MAX_BYTES) {
        f.fail(`DataId is longer than ${DATA_ID_MAX_BYTES} bytes`, 90057);
      }
      return dedupSend(app.batchDedup, random, nowMs, SAME_SECOND_MS, () => {
        const known = to.filter((id) => app.accounts.has(id));
        const task = recordPush(
          app,
          { kind: "batch", from, random, time: now, recipients: known, ...notification },
          batchTaskId(now),
        );
        const errors = to
          .filter((id) => !app.accounts.has(id))
          .map((id) => ({ To_Account: id, ErrorCode: 70107, ErrorInfo: "account not found" }));
        return { TaskId: task.taskId, ...(errors.length > 0 ? { ErrorList: errors } : {}) };
      });
    },
  },
};
