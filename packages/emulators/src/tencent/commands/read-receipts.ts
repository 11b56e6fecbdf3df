/**
 * Read receipts (docs/vendors/tencent.md §2.5, §2.6): openim/c2c_msg_read_receipt (cn
 * 269/104121), and for groups group_msg_receipt (a member's receipts, sent on their behalf;
 * at most 50 messages, cn 269/107478), get_group_msg_receipt (counts) and
 * get_group_msg_receipt_detail (members, paged, at most 200 a page). Group receipts need the
 * Pro edition or higher and messages sent with a receipt flag; live groups (AVChatRoom) and
 * Communities have none. A message without receipt information, unknown or sent without
 * receipts, is 10062 ("已读回执信息不存在", the get page's table).
 */
import { GROUP_CODES, OPENIM_CODES, TimError } from "../errors.js";
import { type Fields, isObject } from "../fields.js";
import { findGroup, requireMember } from "../groups.js";
import { liveC2CMessage, liveGroupMessage, proEdition } from "../message-lookup.js";
import { account, type RouteContext, type RouteTable } from "../route.js";
import type { AppState, Group, GroupMessage, GroupReceipt } from "../state.js";

const NO_RECEIPT = 10062;
/** get_group_msg_receipt_detail: at most 200 members a page ("最高可填200"). */
const DETAIL_MAX = 200;
/** group_msg_receipt: at most 50 messages a call (the code for more is unverified: the group service's 10005). */
const RECEIPTS_MAX = 50;

/** What a message sent with IsNeedReadReceipt expects: every member but its sender, then. */
export function receiptFor(g: Group, from: string): GroupReceipt {
  return { audience: [...g.members.keys()].filter((a) => a !== from), readers: [] };
}

function receiptGroup(app: AppState, f: Fields): Group {
  const g = findGroup(app, f.str("GroupId"));
  if (g.type === "AVChatRoom" || g.type === "Community")
    throw new TimError(10007, `${g.type} groups have no read receipts`);
  if (!proEdition(app)) throw new TimError(10007, "group read receipts need the Pro edition");
  return g;
}

function seqList(f: Fields, max = Number.MAX_SAFE_INTEGER): number[] {
  return f.array("MsgSeqList", max).map((o) => {
    const seq = isObject(o) ? o.MsgSeq : undefined;
    if (typeof seq !== "number" || !Number.isInteger(seq) || seq < 1)
      throw new TimError(10004, "MsgSeqList[].MsgSeq must be a positive integer");
    return seq;
  });
}

function counts(r: GroupReceipt): { ReadNum: number; UnreadNum: number } {
  return { ReadNum: r.readers.length, UnreadNum: r.audience.length - r.readers.length };
}

/** The message and its receipt for the detail call, or the call's error. */
function receiptOf(
  ctx: RouteContext,
  g: Group,
  seq: number,
): GroupMessage & { receipt: GroupReceipt } {
  const m = liveGroupMessage(ctx.app, g, seq, ctx.now);
  if (!m) throw new TimError(NO_RECEIPT, `message ${seq} not found`);
  if (!m.receipt)
    throw new TimError(NO_RECEIPT, `message ${seq} was sent without IsNeedReadReceipt`);
  return m as GroupMessage & { receipt: GroupReceipt };
}

export const readReceiptRoutes: RouteTable = {
  "v4/openim/c2c_msg_read_receipt": {
    codes: OPENIM_CODES,
    handle({ app, f, now }) {
      const op = f.str("Operator_Account", 90008);
      const peer = f.str("Peer_Account", 90003);
      account(app, op, 90008, "Operator_Account");
      account(app, peer, 90003, "Peer_Account");
      const messages = f.array("C2CMsgInfo", Number.MAX_SAFE_INTEGER).map((item) => {
        const { From_Account: from, To_Account: to, MsgKey: key } = isObject(item) ? item : {};
        if (typeof from !== "string" || typeof to !== "string" || typeof key !== "string")
          throw new TimError(90001, "C2CMsgInfo[] must be {From_Account, To_Account, MsgKey}");
        const inPair = (from === peer && to === op) || (from === op && to === peer);
        if (!inPair) f.fail("C2CMsgInfo names a message of another conversation");
        const m = liveC2CMessage(app, from, to, key, now);
        if (!m) throw new TimError(20022, `message ${key} not found`);
        return m;
      });
      // A receipt is the recipient's: the operator's own messages are left as they are.
      for (const m of messages) if (m.to === op) m.receiptRead = true;
      return undefined;
    },
  },
  "v4/group_open_http_svc/group_msg_receipt": {
    codes: GROUP_CODES,
    handle({ app, f, now, callbacks }) {
      const g = receiptGroup(app, f);
      const reader = f.str("From_Account");
      account(app, reader, 10019, "From_Account");
      requireMember(g, reader);
      const messages = seqList(f, RECEIPTS_MAX).map((seq) => {
        const m = liveGroupMessage(app, g, seq, now);
        if (!m) throw new TimError(NO_RECEIPT, `message ${seq} not found`);
        return m;
      });
      // Messages without receipts, the reader's own and those sent before they joined: no change.
      const changed = messages.filter((m) => {
        const r = m.receipt;
        if (!r || !r.audience.includes(reader) || r.readers.includes(reader)) return false;
        r.readers.push(reader);
        return true;
      });
      if (changed.length > 0) {
        callbacks.send(app, "Group.CallbackAfterReadReceipt", {
          GroupId: g.id,
          Type: g.type,
          GroupMsgReceiptList: changed.map((m) => ({
            MsgSeq: m.seq,
            ...counts(m.receipt as GroupReceipt),
          })),
        });
      }
      return undefined;
    },
  },
  "v4/group_open_http_svc/get_group_msg_receipt": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = receiptGroup(app, f);
      const GroupMsgReceiptList = seqList(f).map((MsgSeq) => {
        const m = liveGroupMessage(app, g, MsgSeq, now);
        if (!m) return { Code: NO_RECEIPT, MsgSeq, ReadNum: 0, UnreadNum: 0 };
        if (!m.receipt) return { Code: NO_RECEIPT, MsgSeq, ReadNum: 0, UnreadNum: 0 };
        return { Code: 0, MsgSeq, ...counts(m.receipt) };
      });
      return { GroupMsgReceiptList };
    },
  },
  "v4/group_open_http_svc/get_group_msg_receipt_detail": {
    codes: GROUP_CODES,
    handle(ctx) {
      const { app, f } = ctx;
      const g = receiptGroup(app, f);
      const seq = f.int("MsgSeq");
      const filter = f.int("Filter");
      if (filter > 1) f.fail("Filter must be 0 (read) or 1 (unread)");
      const count = f.optInt("Count") ?? DETAIL_MAX;
      if (count < 1 || count > DETAIL_MAX) f.fail(`Count must be 1-${DETAIL_MAX}`);
      const cursor = f.optStr("Cursor") ?? "";
      if (cursor !== "" && !/^\d+$/.test(cursor)) f.fail("Cursor is not one this call gave out");
      const { receipt } = receiptOf(ctx, g, seq);
      const members =
        filter === 0
          ? receipt.readers
          : receipt.audience.filter((a) => !receipt.readers.includes(a));
      const start = cursor === "" ? 0 : Number(cursor);
      const page = members.slice(start, start + count);
      const finished = start + page.length >= members.length;
      // The page's samples spell the end flag IsFinish (its table IsFinished): the samples'.
      return {
        IsFinish: finished ? 1 : 0,
        MsgSeq: seq,
        ...(filter === 0
          ? { ReadList: page.map((Read_Account) => ({ Read_Account })) }
          : { UnreadList: page.map((Unread_Account) => ({ Unread_Account })) }),
        Cursor: finished ? "" : String(start + page.length),
      };
    },
  },
};
