/**
 * Importing history (docs/vendors/tencent.md §6.1, §6.2). Neither fires callbacks.
 * - openim/importmsg: one C2C message with its own MsgSeq, MsgRandom and MsgTimeStamp;
 *   (MsgSeq, MsgRandom, MsgTimeStamp) already in the pair's history (either direction) is a
 *   duplicate, answered OK without overwriting. It updates both sides' conversations;
 *   SyncFromOldSystem 2 (history) leaves unread counts alone, 5 counts as unread.
 * - group_open_http_svc/import_group_msg: ≤ 7 messages in ascending SendTime; each is given
 *   the group's next MsgSeq. Per message `ImportMsgResult[].Result` (the page's table): 0
 *   imported; 10004 its time is not after the group's creation and its latest message
 *   (before the call), or not before now; 80002 its MsgBody is over 12 KB. A message equal
 *   to an earlier one (sender, SendTime, Random, MsgBody) is answered 0 with the first
 *   copy's MsgSeq and not stored again (unverified: no dedup is documented).
 *   Afterwards every member's unread count is 0; RecentContactFlag 1 updates the members'
 *   conversations (not in Communities). Live groups answer 10007.
 * Imported texts are history: the sensitive-word filter does not apply (unverified).
 */
import { storeC2C } from "../c2c.js";
import { GROUP, touchContact } from "../contacts.js";
import { GROUP_CODES, OPENIM_CODES, TimError } from "../errors.js";
import { isObject, type Json, UINT32_MAX } from "../fields.js";
import { findGroup } from "../groups.js";
import { C2C_MSGBODY, GROUP_MSGBODY, validateMsgBody } from "../msgbody.js";
import { account, type RouteTable } from "../route.js";
import { type GroupMessage, pairKey } from "../state.js";

const GROUP_IMPORT_MAX = 7;
const OK = 0;
/** A message's SendTime is out of bounds. */
const BAD_TIME = 10004;
/** A message's MsgBody is over 12 KB. */
const TOO_LONG = 80002;

interface Imported {
  from: string;
  time: number;
  random: number | undefined;
  /** Null when the body is over 12 KB: that message alone fails (Result 80002). */
  body: Json[] | null;
}

function readGroupItem(item: unknown): Imported {
  if (!isObject(item)) throw new TimError(10004, "MsgList[] must be objects");
  const { From_Account: from, SendTime: time, Random: random } = item;
  if (typeof from !== "string" || from === "")
    throw new TimError(10004, "MsgList[].From_Account is required");
  if (typeof time !== "number" || !Number.isInteger(time) || time < 0)
    throw new TimError(10004, "MsgList[].SendTime must be unix seconds");
  const badRandom =
    random !== undefined &&
    (typeof random !== "number" || !Number.isInteger(random) || random < 0 || random > UINT32_MAX);
  if (badRandom) throw new TimError(10004, "MsgList[].Random must be a uint32");
  let body: Json[] | null;
  try {
    body = validateMsgBody(item.MsgBody, GROUP_MSGBODY, []);
  } catch (error) {
    if (!(error instanceof TimError) || error.code !== GROUP_MSGBODY.tooLarge) throw error;
    body = null;
  }
  return { from, time, random: random as number | undefined, body };
}

const sameMessage = (m: GroupMessage, i: Imported) =>
  i.random !== undefined &&
  m.from === i.from &&
  m.time === i.time &&
  m.random === i.random &&
  JSON.stringify(m.body) === JSON.stringify(i.body);

export const msgImportRoutes: RouteTable = {
  "v4/openim/importmsg": {
    codes: OPENIM_CODES,
    handle({ app, f }) {
      const sync = f.int("SyncFromOldSystem");
      if (sync !== 2 && sync !== 5) f.fail("SyncFromOldSystem must be 2 or 5");
      const from = f.str("From_Account", 90008);
      const to = f.str("To_Account", 90003);
      const seq = f.int("MsgSeq", undefined, UINT32_MAX);
      const random = f.int("MsgRandom", 90005, UINT32_MAX);
      const time = f.int("MsgTimeStamp", 90006);
      const body = validateMsgBody(f.raw.MsgBody, C2C_MSGBODY, []);
      const cloudCustomData = f.optStr("CloudCustomData");
      account(app, from, 90008, "From_Account");
      account(app, to, 90003, "To_Account");
      const history = app.conversations.get(pairKey(from, to)) ?? [];
      if (history.some((m) => m.seq === seq && m.random === random && m.time === time))
        return undefined;
      storeC2C(app, {
        from,
        to,
        seq,
        random,
        time,
        body,
        cloudCustomData,
        importedHistory: sync === 2,
      });
      return undefined;
    },
  },
  "v4/group_open_http_svc/import_group_msg": {
    codes: GROUP_CODES,
    handle({ app, f, now }) {
      const g = findGroup(app, f.str("GroupId"));
      if (g.type === "AVChatRoom") throw new TimError(10007, "AVChatRoom groups cannot import");
      const recent = f.optInt("RecentContactFlag", undefined, 1) === 1;
      const topicId = f.optStr("TopicId");
      const items = f.array("MsgList", GROUP_IMPORT_MAX).map(readGroupItem);
      items.forEach((m, i) => {
        if (i > 0 && m.time < (items[i - 1] as Imported).time)
          throw new TimError(10004, "MsgList must be in ascending SendTime order");
      });
      for (const m of items) account(app, m.from, 10019, "From_Account");
      const latest = Math.max(0, ...g.messages.filter((m) => !m.onlineOnly).map((m) => m.time));
      const ImportMsgResult = items.map((i) => {
        if (i.body === null) return { MsgSeq: 0, MsgTime: i.time, Result: TOO_LONG };
        const dup = g.messages.find((m) => sameMessage(m, i));
        if (dup) return { MsgSeq: dup.seq, MsgTime: dup.time, Result: OK };
        if (i.time >= now || i.time <= g.createTime || i.time <= latest)
          return { MsgSeq: 0, MsgTime: i.time, Result: BAD_TIME };
        const msg: GroupMessage = {
          seq: g.nextSeq++,
          from: i.from,
          random: i.random ?? Math.floor(Math.random() * UINT32_MAX),
          time: i.time,
          body: i.body,
          priority: "Normal",
          recalled: false,
          onlineOnly: false,
          ...(topicId !== undefined ? { topicId } : {}),
        };
        g.messages.push(msg);
        g.lastMsgTime = Math.max(g.lastMsgTime, i.time);
        if (recent && g.type !== "Community") {
          for (const member of g.members.values()) {
            const acc = app.accounts.get(member.account);
            if (acc) touchContact(app, acc, GROUP, g.id, i.time);
          }
        }
        return { MsgSeq: msg.seq, MsgTime: msg.time, Result: OK };
      });
      for (const member of g.members.values()) member.unread = 0;
      return { ImportMsgResult };
    },
  },
};
