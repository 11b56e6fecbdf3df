/**
 * One-to-one history, recall and read marks, service openim (tencent.md §3.7):
 * admin_getroammsg, admin_msgwithdraw, admin_set_msg_read.
 */
import { unreadCount } from "../c2c.js";
import { C2C, clearedUpTo } from "../contacts.js";
import { OPENIM_CODES, TimError } from "../errors.js";
import type { RouteTable } from "../route.js";
import { account } from "../route.js";
import { type C2CMessage, inCopyOf, pairKey } from "../state.js";

/** The roaming answer is capped near 13 KB; a fuller page ends with Complete 0 (§3.7). */
const PAGE_BYTES = 13 * 1024;
const MSGKEY = /^\d+_\d+_\d+$/;

/** Newest first (time, then MsgSeq, then arrival); the real order is unverified. */
function newestFirst(a: C2CMessage, b: C2CMessage): number {
  return b.time - a.time || b.seq - a.seq || b.order - a.order;
}

export const c2cHistoryRoutes: RouteTable = {
  "v4/openim/admin_getroammsg": {
    codes: OPENIM_CODES,
    handle({ app, f, now }) {
      // Older docs name the parties From_Account / To_Account: both spellings are accepted.
      const op = f.str(f.pick("Operator_Account", "From_Account"), 90008);
      const peer = f.str(f.pick("Peer_Account", "To_Account"), 90003);
      const maxCnt = f.int("MaxCnt");
      const minTime = f.int("MinTime");
      const maxTime = f.int("MaxTime");
      const lastKey = f.optStr("LastMsgKey");
      if (maxCnt === 0) f.fail("MaxCnt must be at least 1");
      const peerAcc = account(app, peer, 90003, "Peer_Account");
      const opAcc = account(app, op, 90008, "Operator_Account");
      const oldest = now - app.config.retentionSeconds;
      // What the operator cleared (recentcontact/delete ClearRamble) is gone for them only.
      const cleared = clearedUpTo(opAcc, C2C, peer);
      const all = (app.conversations.get(pairKey(op, peer)) ?? [])
        .filter(
          (m) =>
            inCopyOf(m, op) &&
            m.order > cleared &&
            m.time >= minTime &&
            m.time <= maxTime &&
            m.time >= oldest,
        )
        .sort(newestFirst);
      let start = 0;
      if (lastKey) {
        let at = all.findIndex((m) => m.key === lastKey);
        if (at >= 0) start = at + 1;
        else if (MSGKEY.test(lastKey)) {
          // The message is gone (expired): continue after its (time, seq) position.
          const [seq, , time] = lastKey.split("_").map(Number) as [number, number, number];
          at = all.findIndex((m) => m.time < time || (m.time === time && m.seq < seq));
          start = at >= 0 ? at : all.length;
        }
      }
      const MsgList: Record<string, unknown>[] = [];
      let bytes = 0;
      let i = start;
      for (; i < all.length && MsgList.length < maxCnt; i++) {
        const m = all[i]!;
        const readBy = m.from === op ? peerAcc : opAcc;
        const other = m.from === op ? op : peer;
        const item = {
          From_Account: m.from,
          To_Account: m.to,
          MsgSeq: m.seq,
          MsgRandom: m.random,
          MsgTimeStamp: m.time,
          MsgFlagBits: m.recalled ? 8 : 0,
          // Read by a read mark up to its time, or by a receipt for this message.
          IsPeerRead: (readBy.readUpTo.get(other) ?? 0) >= m.time || m.receiptRead ? 1 : 0,
          MsgKey: m.key,
          MsgBody: m.recalled ? [] : m.body,
          CloudCustomData: m.recalled ? "" : (m.cloudCustomData ?? ""),
        };
        const size = Buffer.byteLength(JSON.stringify(item));
        if (MsgList.length > 0 && bytes + size > PAGE_BYTES) break;
        bytes += size;
        MsgList.push(item);
      }
      const last = MsgList.at(-1);
      return {
        Complete: i >= all.length ? 1 : 0,
        MsgCnt: MsgList.length,
        LastMsgTime: last ? last.MsgTimeStamp : 0,
        LastMsgKey: last ? last.MsgKey : "",
        MsgList,
      };
    },
  },
  "v4/openim/admin_msgwithdraw": {
    codes: OPENIM_CODES,
    handle({ app, f, now, callbacks }) {
      const from = f.str("From_Account", 90008);
      const to = f.str("To_Account", 90003);
      const key = f.str("MsgKey", 90054);
      if (!MSGKEY.test(key)) throw new TimError(90054, "MsgKey is invalid");
      account(app, from, 90008, "From_Account");
      account(app, to, 90003, "To_Account");
      const oldest = now - app.config.retentionSeconds;
      const msg = (app.conversations.get(pairKey(from, to)) ?? []).find(
        (m) => m.key === key && m.from === from && m.to === to && m.time >= oldest,
      );
      if (!msg) throw new TimError(20022, "message not found");
      if (msg.recalled) throw new TimError(20023, "message already recalled");
      msg.recalled = true;
      callbacks.send(app, "C2C.CallbackAfterMsgWithDraw", {
        From_Account: from,
        To_Account: to,
        MsgKey: key,
        UnreadMsgNum: unreadCount(app, to),
      });
      return undefined;
    },
  },
  "v4/openim/admin_set_msg_read": {
    codes: OPENIM_CODES,
    handle({ app, f, now, callbacks }) {
      const reporter = account(app, f.str("Report_Account", 90008), 90008, "Report_Account");
      const peer = f.str("Peer_Account", 90003);
      account(app, peer, 90003, "Peer_Account");
      // MsgReadTime is a string in the doc table, a number in samples: both accepted.
      const raw = f.raw.MsgReadTime;
      let at = now;
      if (raw !== undefined && raw !== null && raw !== "") {
        at = Number(raw);
        if (!Number.isInteger(at) || at < 0) f.fail("MsgReadTime must be unix seconds");
      }
      reporter.readUpTo.set(peer, Math.max(reporter.readUpTo.get(peer) ?? 0, at));
      // A read report, REST or client, fires the after-report callback (docs §7).
      callbacks.send(app, "C2C.CallbackAfterMsgReport", {
        Report_Account: reporter.userId,
        Peer_Account: peer,
        LastReadTime: at,
        UnreadMsgNum: unreadCount(app, reporter.userId),
      });
      return undefined;
    },
  },
};
