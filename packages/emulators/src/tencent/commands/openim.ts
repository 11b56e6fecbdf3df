/**
 * One-to-one sends and online status, service openim (tencent.md §3.3, §3.7):
 * sendmsg, batchsendmsg, query_online_status (and its older name querystate).
 */
import { beforeSendForbidden } from "../before-send.js";
import { msgKey, randomUint32, storeC2C, unreadCount } from "../c2c.js";
import { OPENIM_CODES } from "../errors.js";
import { type Fields, UINT32_MAX } from "../fields.js";
import { C2C_MSGBODY, validateMsgBody } from "../msgbody.js";
import {
  account,
  afterSendCallback,
  type RouteContext,
  type RouteDef,
  type RouteTable,
} from "../route.js";
import { type C2CMessage, dedupSendAsync } from "../state.js";

/** Same sender + MsgSeq + MsgRandom + content within 120 s is a duplicate (§3.7). */
const C2C_DEDUP_MS = 120_000;
const MAX_LIFETIME = 604_800;
const TRIAL_DAILY_MESSAGES = 1_000;
/** A Beijing calendar day (UTC+8) for daily quotas. */
const BEIJING_DAY = 8 * 3_600_000;

/** Fields common to sendmsg and batchsendmsg. */
function readSend(ctx: RouteContext, f: Fields) {
  const random = f.int("MsgRandom", 90005, UINT32_MAX);
  const seq = f.optInt("MsgSeq", undefined, UINT32_MAX) ?? randomUint32();
  const body = validateMsgBody(f.raw.MsgBody, C2C_MSGBODY, ctx.app.config.sensitiveWords);
  const sync = f.optInt("SyncOtherMachine", 90031);
  if (sync !== undefined && sync !== 1 && sync !== 2)
    f.fail("SyncOtherMachine must be 1 or 2", 90031);
  f.optInt("MsgLifeTime", 90044, MAX_LIFETIME);
  const cloudCustomData = f.optStr("CloudCustomData");
  // 1: extensions may be set on it later (msg-ext.ts). IsNeedReadReceipt (name unverified)
  // is accepted; one-to-one receipts (c2c_msg_read_receipt) are recorded without it.
  const supportExtension = f.optInt("SupportMessageExtension", undefined, 1) === 1;
  f.optInt("IsNeedReadReceipt", undefined, 1);
  const from = f.optStr("From_Account", 90008) || ctx.admin;
  account(ctx.app, from, 90008, "From_Account");
  return { random, seq, body, sync, cloudCustomData, from, supportExtension };
}

/**
 * The fields a one-to-one message's before- and after-send callbacks share, in Tencent's
 * order: the message about to be stored (before) or as stored (after, possibly rewritten).
 */
function c2cCallbackFields(
  m: Pick<C2CMessage, "from" | "to" | "seq" | "random" | "time" | "key" | "body"> & {
    cloudCustomData?: string | undefined;
  },
  onlineOnly: number,
) {
  return {
    From_Account: m.from,
    To_Account: m.to,
    MsgSeq: m.seq,
    MsgRandom: m.random,
    MsgTime: m.time,
    MsgKey: m.key,
    OnlineOnlyFlag: onlineOnly,
    MsgBody: m.body,
    CloudCustomData: m.cloudCustomData ?? "",
  };
}

/** Trial/Developer editions: 1000 messages a day on top of the per-second limit (§2.6). */
export function trialQuota(ctx: RouteContext, cost: number): void {
  if (ctx.app.config.edition !== "trial") return;
  ctx.limit(
    "trial-daily",
    [{ limit: TRIAL_DAILY_MESSAGES, window: "day", alignOffsetMs: BEIJING_DAY }],
    cost,
  );
}

const onlineStatus: RouteDef = {
  codes: OPENIM_CODES,
  handle({ app, f }) {
    const ids = f.strArray("To_Account", 500, 90003);
    const detail = f.optInt("IsNeedDetail") === 1;
    const QueryResult: Record<string, unknown>[] = [];
    const ErrorList: { To_Account: string; ErrorCode: number }[] = [];
    for (const id of ids) {
      const acc = app.accounts.get(id);
      if (!acc) {
        ErrorList.push({ To_Account: id, ErrorCode: 70107 });
        continue;
      }
      const item: Record<string, unknown> = {
        To_Account: id,
        State: acc.sessions.size > 0 ? "Online" : "Offline",
      };
      if (detail)
        item.Detail = [...acc.sessions.keys()].map((Platform) => ({ Platform, Status: "Online" }));
      QueryResult.push(item);
    }
    return { QueryResult, ErrorList };
  },
};

export const openimRoutes: RouteTable = {
  "v4/openim/sendmsg": {
    codes: OPENIM_CODES,
    async handle(ctx) {
      const { app, f, now, nowMs } = ctx;
      const to = f.str("To_Account", 90003);
      const m = readSend(ctx, f);
      account(app, to, 90012, "To_Account");
      // REST sends skip friendship, blocklist and (unverified for REST) global-mute checks.
      const dedupKey = JSON.stringify([m.from, m.seq, m.random, to, m.body]);
      // a resend gets the first answer again, nothing stored twice
      return dedupSendAsync(app.c2cDedup, dedupKey, nowMs, C2C_DEDUP_MS, async () => {
        trialQuota(ctx, 1);
        const onlineOnly = f.raw.MsgLifeTime === 0 ? 1 : 0;
        if (!beforeSendForbidden(f.raw)) {
          const key = msgKey(m.seq, m.random, now);
          const verdict = await ctx.beforeSend(
            "c2c",
            c2cCallbackFields({ ...m, to, time: now, key }, onlineOnly),
          );
          // Silently dropped: the sender is told it was sent; nothing stored, no callback.
          if (verdict.action === "drop") return { MsgTime: now, MsgKey: key };
          if (verdict.body) m.body = verdict.body;
          if (verdict.cloudCustomData !== undefined) m.cloudCustomData = verdict.cloudCustomData;
        }
        const msg = storeC2C(app, { ...m, to, time: now, syncOtherMachine: m.sync });
        afterSendCallback(ctx, "C2C.CallbackAfterSendMsg", {
          ...c2cCallbackFields(msg, onlineOnly),
          SendMsgResult: 0,
          ErrorInfo: "send msg succeed",
          UnreadMsgNum: unreadCount(app, msg.to),
        });
        return { MsgTime: msg.time, MsgKey: msg.key };
      });
    },
  },
  "v4/openim/batchsendmsg": {
    codes: OPENIM_CODES,
    handle(ctx) {
      const { app, f, now } = ctx;
      const targets = f.strArray("To_Account", 500, 90003);
      const m = readSend(ctx, f);
      // 12 000 recipients a minute on top of 200 calls/s (§2.6).
      ctx.limit("recipients", [{ limit: 12_000, window: "minute" }], targets.length);
      const ErrorList: { To_Account: string; ErrorCode: number }[] = [];
      let key = "";
      for (const to of targets) {
        if (!app.accounts.has(to)) {
          ErrorList.push({ To_Account: to, ErrorCode: 90012 });
          continue;
        }
        // Never triggers callbacks, no relationship or mute checks (§3.7).
        key = storeC2C(app, { ...m, to, time: now, syncOtherMachine: m.sync }).key;
      }
      return { MsgKey: key, ErrorList };
    },
  },
  "v4/openim/query_online_status": onlineStatus,
  "v4/openim/querystate": onlineStatus,
};
